// Pre-open file checks: refuse a database file before SQLite may touch it (split from
// database.cpp). A refusal names the path and what was found, and changes nothing.
#include "trainer/store/pre_open_checks.hpp"

#include "trainer/store/database.hpp"
#include "trainer/store/schema_number.hpp"

#include <sqlite3.h>

#include <array>
#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <fstream>
#include <unistd.h>

namespace trainer::store {

static std::uint32_t be32(const unsigned char* p) {
    return (std::uint32_t(p[0]) << 24) | (std::uint32_t(p[1]) << 16) | (std::uint32_t(p[2]) << 8) |
           std::uint32_t(p[3]);
}

// Reads the 100-byte SQLite header and refuses anything this app must not open. Nothing is
// written: SQLite is not involved yet.
void check_existing_file(const std::filesystem::path& path, const std::vector<Migration>& list) {
    const std::string where = path.string();
    std::ifstream in(path, std::ios::binary);
    if (!in) throw RefusedDatabase(SQLITE_CANTOPEN, where + ": cannot read file: " + std::strerror(errno));
    std::array<unsigned char, 100> h{};
    in.read(reinterpret_cast<char*>(h.data()), h.size());
    const auto got = in.gcount();
    in.clear(); // a short read sets failbit, and tellg() would then say -1 instead of the size
    in.seekg(0, std::ios::end);
    const auto size = static_cast<std::uint64_t>(in.tellg());
    if (size == 0)
        throw RefusedDatabase(SQLITE_NOTADB, where + ": empty file, not a trainer database");
    if (got < 100 || std::memcmp(h.data(), "SQLite format 3", 16) != 0)
        throw RefusedDatabase(SQLITE_NOTADB,
                              where + ": not an SQLite database (expected the header "
                                      "\"SQLite format 3\" at byte 0)");
    std::uint32_t page_size = (std::uint32_t(h[16]) << 8) | h[17];
    if (page_size == 1) page_size = 65536;
    if (page_size < 512 || (page_size & (page_size - 1)) != 0)
        throw RefusedDatabase(SQLITE_CORRUPT, where + ": damaged SQLite header (page size " +
                                                  std::to_string(page_size) + ")");
    const std::uint32_t page_count = be32(&h[28]);
    const bool count_valid = be32(&h[24]) == be32(&h[92]) && page_count > 0;
    // A checkpoint writes page 1 (and its page count) before the pages that grow the file; a
    // process killed in between leaves a short file whose missing pages are still in the WAL,
    // which SQLite replays on open. Only a file without a WAL can be judged truncated.
    std::error_code wal_ec;
    auto wal = path;
    wal += "-wal";
    const auto wal_size = std::filesystem::file_size(wal, wal_ec);
    const bool wal_present = !wal_ec && wal_size > 0;
    if (size % page_size != 0 ||
        (count_valid && !wal_present && size < std::uint64_t(page_count) * page_size))
        throw RefusedDatabase(SQLITE_CORRUPT,
                              where + ": truncated database file (" + std::to_string(size) +
                                  " bytes; the header expects " +
                                  std::to_string(std::uint64_t(page_count) * page_size) + ")");
    const std::uint32_t app_id = be32(&h[68]);
    // A database just created by another connection may still have its header in the WAL
    // (application_id 0 here); SQLite's own view is checked after opening.
    const bool header_in_wal = app_id == 0 && wal_present;
    if (app_id != kApplicationId && !header_in_wal)
        throw RefusedDatabase(SQLITE_NOTADB,
                              where + ": an SQLite database of another application (application_id " +
                                  std::to_string(app_id) + ", expected " +
                                  std::to_string(kApplicationId) + ")");
    // SQLite reads the field as a signed 32-bit number: `PRAGMA user_version = -1` stores FFFFFFFF.
    const auto version = static_cast<std::int32_t>(be32(&h[60]));
    if (judge_schema_number(version, list) != SchemaNumber::Known)
        throw RefusedDatabase(SQLITE_CANTOPEN, schema_number_refusal(where, version, list));
}

// What kind of thing is at `path`, for a refusal: "a named pipe (FIFO)".
static std::string kind_of(const struct stat& st) {
    if (S_ISDIR(st.st_mode)) return "a directory";
    if (S_ISFIFO(st.st_mode)) return "a named pipe (FIFO)";
    if (S_ISCHR(st.st_mode)) return "a character device";
    if (S_ISBLK(st.st_mode)) return "a block device";
    if (S_ISSOCK(st.st_mode)) return "a socket";
    return "not a regular file";
}

// A FIFO would block the first read forever and a device is nobody's database: only a regular
// file (or nothing) may be at the database path. stat() follows a symbolic link, as open would.
void refuse_non_regular(const std::filesystem::path& path, const struct stat& st) {
    if (S_ISREG(st.st_mode)) return;
    throw RefusedDatabase(SQLITE_CANTOPEN, path.string() + ": is " + kind_of(st) +
                                               ", not a database file; point --db at the trainer "
                                               "database file (e.g. var/trainer.db)");
}

// A -wal or -shm without its database belongs to a database that was deleted or moved: SQLite
// would replay that log into a new file of the same name and inherit another database's rows.
void refuse_orphan_journal(const std::filesystem::path& path) {
    std::error_code ec;
    for (const char* suffix : {"-wal", "-shm", "-journal"}) {
        const std::filesystem::path side = path.string() + suffix;
        if (std::filesystem::exists(std::filesystem::symlink_status(side, ec)))
            throw RefusedDatabase(
                SQLITE_CANTOPEN,
                side.string() + ": left over from a database that is no longer at " + path.string() +
                    "; a new database would take in its rows. Put the original database back, or "
                    "move " + side.filename().string() + " away (keep it until you know whose it "
                    "is), then run `trainer init` again");
    }
}

// Nothing at the path, but a symbolic link is: creating the database would fail ("File exists")
// or, with a rename, replace the link; opening would call it missing. Name the link instead.
void refuse_dangling_link(const std::filesystem::path& path) {
    std::error_code ec;
    if (!std::filesystem::is_symlink(std::filesystem::symlink_status(path, ec))) return;
    const auto target = std::filesystem::read_symlink(path, ec);
    throw RefusedDatabase(SQLITE_CANTOPEN,
                          path.string() + ": is a symbolic link to " + (ec ? "?" : target.string()) +
                              ", which does not exist; point --db at the database file itself, or "
                              "remove the link (`rm " + path.string() + "`) and run `trainer init`");
}

bool writable(const std::filesystem::path& p) { return ::access(p.c_str(), W_OK) == 0; }

// Creates an empty file with mode 0600 so personal data is never world-readable.
void create_private_file(const std::filesystem::path& path) {
    const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
    if (fd < 0)
        throw StoreError(SQLITE_CANTOPEN,
                         path.string() + ": cannot create database: " + std::strerror(errno));
    ::close(fd);
}

} // namespace trainer::store
