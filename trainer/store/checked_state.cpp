#include "trainer/store/checked_state.hpp"

#include "trainer/core/read_all.hpp"

#include <fstream>
#include <sys/stat.h>

namespace trainer::store {

namespace {

std::filesystem::path record_path(const std::filesystem::path& db) { return db.string() + ".checked"; }

std::string stat_line(const std::filesystem::path& file) {
    struct stat st {};
    if (::stat(file.c_str(), &st) != 0) return "-";
    return std::to_string(st.st_dev) + ":" + std::to_string(st.st_ino) + ":" + std::to_string(st.st_size) + ":" +
           std::to_string(st.st_mtim.tv_sec) + "." + std::to_string(st.st_mtim.tv_nsec);
}

} // namespace

std::string file_state(const std::filesystem::path& db) {
    const std::string main = stat_line(db);
    if (main == "-") return "";
    return main + " wal " + stat_line(db.string() + "-wal");
}

bool unchanged_since_checked(const std::filesystem::path& db) {
    std::ifstream in(record_path(db), std::ios::binary);
    if (!in) return false;
    const std::string now = file_state(db);
    return !now.empty() && read_all(in) == now + "\n";
}

void record_checked(const std::filesystem::path& db) {
    const std::string now = file_state(db);
    if (now.empty()) return;
    const auto tmp = std::filesystem::path(record_path(db).string() + ".tmp");
    {
        std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
        if (!(out << now << "\n")) return;
    }
    std::error_code ec;
    std::filesystem::rename(tmp, record_path(db), ec);
    if (ec) std::filesystem::remove(tmp, ec);
}

} // namespace trainer::store
