#include "trainer/identity/pin.hpp"

#include "trainer/identity/pin_key.hpp"

#include <sodium.h>

#include <algorithm>
#include <array>

namespace trainer::identity {

namespace {

void init_sodium() {
    if (sodium_init() < 0) throw PinError("libsodium could not be initialised");
}

// Stored form of a keyed hash: "pk1:<key id>:" + the Argon2id string of the keyed PIN.
constexpr std::string_view kKeyedPrefix = "pk1:";

// The PIN mixed with the organisation's key: keyed BLAKE2b-256, as hex (what Argon2id hashes).
std::string keyed(std::string_view pin, const PinKey& key) {
    unsigned char h[32];
    crypto_generichash(h, sizeof h, reinterpret_cast<const unsigned char*>(pin.data()), pin.size(),
                       key.bytes.data(), key.bytes.size());
    char out[65];
    sodium_bin2hex(out, sizeof out, h, sizeof h);
    sodium_memzero(h, sizeof h);
    return std::string(out, 64);
}

std::string argon2(std::string_view secret, PinCost cost) {
    char out[crypto_pwhash_STRBYTES];
    if (crypto_pwhash_str(out, secret.data(), secret.size(), cost.opslimit, cost.memlimit) != 0)
        throw PinError("not enough memory to hash the PIN");
    return out;
}

} // namespace

PinCost default_pin_cost() {
    return {crypto_pwhash_OPSLIMIT_INTERACTIVE, crypto_pwhash_MEMLIMIT_INTERACTIVE};
}

PinCost minimum_pin_cost() {
    return {2, std::size_t{19} * 1024 * 1024};
}

std::optional<std::string> pin_problem(std::string_view pin) {
    if (pin.empty()) return "enter a PIN (4 to 8 digits)";
    if (!std::all_of(pin.begin(), pin.end(), [](char c) { return c >= '0' && c <= '9'; }))
        return "a PIN has digits only (0-9)";
    if (pin.size() < 4) return "a PIN has at least 4 digits";
    if (pin.size() > 8) return "a PIN has at most 8 digits";
    return std::nullopt;
}

void require_valid_pin(std::string_view pin) {
    if (auto p = pin_problem(pin)) throw PinError(*p);
}

std::string hash_pin(std::string_view pin, PinCost cost) {
    require_valid_pin(pin);
    const PinCost min = minimum_pin_cost();
    if (cost.opslimit < min.opslimit || cost.memlimit < min.memlimit)
        throw PinError("PIN hashing cost below the OWASP minimum (t=2, 19 MiB)");
    init_sodium();
    const auto ring = installed_pin_keyring();
    if (!ring || ring->keys.empty()) return argon2(pin, cost);
    const PinKey& key = ring->keys.front();
    return std::string(kKeyedPrefix) + key.id() + ":" + argon2(keyed(pin, key), cost);
}

bool verify_pin(const std::string& stored, std::string_view pin) {
    if (pin_problem(pin) || stored.empty()) return false;
    init_sodium();
    if (stored.starts_with(kKeyedPrefix)) {
        // "pk1:<id>:$argon2id$...": needs the key it was made with (this or an older one).
        const auto colon = stored.find(':', kKeyedPrefix.size());
        if (colon == std::string::npos) return false;
        const auto ring = installed_pin_keyring();
        const PinKey* key =
            ring ? ring->find(stored.substr(kKeyedPrefix.size(), colon - kKeyedPrefix.size())) : nullptr;
        const std::string hash = stored.substr(colon + 1);
        if (!key || hash.size() >= crypto_pwhash_STRBYTES) return false;
        const std::string k = keyed(pin, *key);
        return crypto_pwhash_str_verify(hash.c_str(), k.data(), k.size()) == 0;
    }
    if (stored.size() >= crypto_pwhash_STRBYTES) return false;
    return crypto_pwhash_str_verify(stored.c_str(), pin.data(), pin.size()) == 0;
}

bool pin_needs_rehash(const std::string& stored, PinCost cost) {
    init_sodium();
    const auto ring = installed_pin_keyring();
    std::string hash = stored;
    if (stored.starts_with(kKeyedPrefix)) {
        const auto colon = stored.find(':', kKeyedPrefix.size());
        if (colon == std::string::npos) return true;
        // Made with an older key after a rotation: upgrade to the current one.
        if (!ring || ring->keys.empty() ||
            stored.substr(kKeyedPrefix.size(), colon - kKeyedPrefix.size()) != ring->keys.front().id())
            return ring && !ring->keys.empty();
        hash = stored.substr(colon + 1);
    } else if (ring && !ring->keys.empty()) {
        return true; // a hash from before the key existed: keyed at the next sign-in
    }
    // -1 (not a valid Argon2id string) counts as "needs a new hash" too.
    return crypto_pwhash_str_needs_rehash(hash.c_str(), cost.opslimit, cost.memlimit) != 0;
}

std::optional<std::string> weak_pin_reason(std::string_view pin) {
    if (auto p = pin_problem(pin)) return p;
    if (std::all_of(pin.begin(), pin.end(), [&](char c) { return c == pin[0]; }))
        return "the PIN repeats one digit (" + std::string(pin) + "); choose digits that differ";
    bool up = true, down = true;
    for (std::size_t i = 1; i < pin.size(); ++i) {
        up = up && pin[i] == static_cast<char>('0' + (pin[i - 1] - '0' + 1) % 10);
        down = down && pin[i] == static_cast<char>('0' + (pin[i - 1] - '0' + 9) % 10);
    }
    if (up || down) return "the PIN is a run of consecutive digits; choose digits out of order";
    // Patterns people pick first: pairs repeated, keypad columns, and birth years.
    static constexpr std::array<std::string_view, 8> kDeny = {"1212", "2580", "0852", "1122", "1313",
                                                              "6969", "1004", "2000"};
    if (std::find(kDeny.begin(), kDeny.end(), pin) != kDeny.end())
        return "the PIN " + std::string(pin) + " is among the first ones anyone tries; choose another";
    if (pin.size() == 4 && ((pin[0] == '1' && pin[1] == '9') || (pin[0] == '2' && pin[1] == '0')))
        return "the PIN looks like a year (" + std::string(pin) + "), which others can guess; choose another";
    if (pin.size() % 2 == 0 && pin.substr(0, pin.size() / 2) == pin.substr(pin.size() / 2))
        return "the PIN repeats its first half; choose another";
    return std::nullopt;
}

} // namespace trainer::identity
