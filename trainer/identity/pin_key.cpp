#include "trainer/identity/pin_key.hpp"

#include <sodium.h>
#include <sys/stat.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <fcntl.h>
#include <fstream>
#include <mutex>
#include <stdexcept>
#include <unistd.h>

namespace trainer::identity {

namespace {

std::mutex g_mutex;
std::shared_ptr<const PinKeyring> g_ring; // guarded by g_mutex

std::string hex(const unsigned char* p, std::size_t n) {
    std::string out(n * 2 + 1, '\0');
    sodium_bin2hex(out.data(), out.size(), p, n);
    out.pop_back();
    return out;
}

PinKey fresh_key() {
    if (sodium_init() < 0) throw std::runtime_error("libsodium could not be initialised");
    PinKey k;
    randombytes_buf(k.bytes.data(), k.bytes.size());
    return k;
}

void write_keyring(const std::filesystem::path& file, const PinKeyring& ring) {
    std::string text;
    for (const auto& k : ring.keys) text += hex(k.bytes.data(), k.bytes.size()) + "\n";
    const std::string tmp = file.string() + ".new";
    ::unlink(tmp.c_str());
    const int fd = ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
    if (fd < 0) throw std::runtime_error(file.string() + ": cannot write the PIN key: " + std::strerror(errno));
    const bool ok = ::write(fd, text.data(), text.size()) == static_cast<ssize_t>(text.size()) && ::fsync(fd) == 0;
    ::close(fd);
    if (!ok || ::rename(tmp.c_str(), file.c_str()) != 0) {
        ::unlink(tmp.c_str());
        throw std::runtime_error(file.string() + ": cannot write the PIN key: " + std::strerror(errno));
    }
}

} // namespace

std::string PinKey::id() const {
    if (sodium_init() < 0) throw std::runtime_error("libsodium could not be initialised");
    unsigned char h[16];
    crypto_generichash(h, sizeof h, bytes.data(), bytes.size(), nullptr, 0);
    return hex(h, 4);
}

const PinKey* PinKeyring::find(const std::string& id) const {
    for (const auto& k : keys)
        if (k.id() == id) return &k;
    return nullptr;
}

std::filesystem::path pin_key_path(const std::filesystem::path& db_path) {
    if (const char* env = std::getenv("TRAINER_PIN_KEY"); env && *env) return env;
    return db_path.string() + ".pinkey";
}

std::optional<PinKeyring> load_pin_keyring(const std::filesystem::path& file, bool create,
                                           std::string* warning) {
    struct stat st {};
    if (::stat(file.c_str(), &st) != 0) {
        if (!create) return std::nullopt;
        PinKeyring ring;
        ring.keys.push_back(fresh_key());
        write_keyring(file, ring);
        return ring;
    }
    if (!S_ISREG(st.st_mode)) throw std::runtime_error(file.string() + ": the PIN key is not a regular file");
    if ((st.st_mode & 0077) != 0 && warning)
        *warning = file.string() + ": the PIN key is readable by other users (expected mode 0600); fix it "
                                   "with `trainer db fix-mode`";
    std::ifstream in(file);
    PinKeyring ring;
    std::string line;
    int n = 0;
    while (std::getline(in, line)) {
        ++n;
        if (!line.empty() && line.back() == '\r') line.pop_back();
        if (line.empty()) continue;
        PinKey k;
        std::size_t len = 0;
        if (line.size() != 64 ||
            sodium_hex2bin(k.bytes.data(), k.bytes.size(), line.c_str(), line.size(), nullptr, &len, nullptr) != 0 ||
            len != 32)
            throw std::runtime_error(file.string() + ":" + std::to_string(n) +
                                     ": expected a PIN key of 64 hex digits; restore the key file "
                                     "from the organisation's copy");
        ring.keys.push_back(k);
    }
    if (ring.keys.empty())
        throw std::runtime_error(file.string() + ": the PIN key file is empty; restore it from the "
                                                 "organisation's copy");
    return ring;
}

std::string rotate_pin_key(const std::filesystem::path& file) {
    auto ring = load_pin_keyring(file, false).value_or(PinKeyring{});
    ring.keys.insert(ring.keys.begin(), fresh_key());
    write_keyring(file, ring);
    return ring.keys.front().id();
}

void install_pin_keyring(std::optional<PinKeyring> ring) {
    std::lock_guard lock(g_mutex);
    g_ring = ring ? std::make_shared<const PinKeyring>(std::move(*ring)) : nullptr;
}

std::vector<std::string> install_pin_key_for(const std::filesystem::path& db_path, bool create) {
    std::vector<std::string> out;
    std::string warning;
    const auto file = pin_key_path(db_path);
    auto ring = load_pin_keyring(file, create, &warning);
    if (!warning.empty()) out.push_back(warning);
    if (!ring)
        out.push_back(file.string() + ": no PIN key; PINs are hashed without it. Copy the "
                                      "organisation's key here, or run `trainer init` to create one");
    install_pin_keyring(std::move(ring));
    return out;
}

std::shared_ptr<const PinKeyring> installed_pin_keyring() {
    std::lock_guard lock(g_mutex);
    return g_ring;
}

} // namespace trainer::identity
