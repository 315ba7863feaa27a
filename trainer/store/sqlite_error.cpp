// What SQLite's error codes mean to the person at the kiosk, and the StoreError every store call
// throws (split from database.cpp: one idea per file).
#include "trainer/store/database.hpp"
#include "trainer/store/sqlite_fail.hpp"

#include <sqlite3.h>

#include <cerrno>
#include <filesystem>

namespace trainer::store {

std::optional<std::string> explain_sqlite_error(const std::string& file, int rc, const std::string& detail) {
    switch (rc & 0xFF) {
    case SQLITE_READONLY:
        return file + ": cannot write: the database file or its folder is read-only for this user (" +
               detail + "). Reading works; to change anything, run as the owner or make the file "
                        "and its folder writable";
    case SQLITE_CORRUPT:
    case SQLITE_NOTADB:
        return file + ": the database is damaged (" + detail +
               "). Nothing was changed. Restore the latest backup (trainer backup writes one) "
               "and run `trainer rebuild`";
    case SQLITE_FULL: {
        auto dir = std::filesystem::path(file).parent_path().string();
        if (dir.empty()) dir = ".";
        return file + ": the disk holding this database is full (" + detail +
               "); nothing was changed. Free space there (`df -h " + dir +
               "` shows what is left), then try again";
    }
    case SQLITE_IOERR:
        return file + ": the disk reported an input/output error (" + detail +
               "); nothing was saved. Check the disk, then restore a backup if the error stays";
    case SQLITE_ERROR:
        if (detail.find("no such table") != std::string::npos ||
            detail.find("no such column") != std::string::npos)
            return file + ": the database lacks part of the schema (" + detail +
                   "). Run `trainer init --db " + file +
                   "` to bring it up to date; if it still fails, restore a backup";
        return std::nullopt;
    default: return std::nullopt;
    }
}

// A write the disk refused for want of space. SQLite calls it SQLITE_FULL only when a write came
// up short; a write refused outright, or a -shm file that cannot grow, is an I/O error whose
// system errno says the disk is full. Both are the same thing to the person.
bool out_of_space(sqlite3* db, int rc) {
    if ((rc & 0xFF) == SQLITE_FULL) return true;
    if ((rc & 0xFF) != SQLITE_IOERR || !db) return false;
    const int err = sqlite3_system_errno(db);
    return err == ENOSPC || err == EDQUOT;
}

[[noreturn]] void fail(sqlite3* db, int rc, std::string_view context) {
    if (out_of_space(db, rc)) rc = SQLITE_FULL;
    std::string msg(context);
    msg += ": ";
    msg += db ? sqlite3_errmsg(db) : sqlite3_errstr(rc);
    const char* file = db ? sqlite3_db_filename(db, "main") : nullptr;
    if (file && *file) {
        if (auto plain = explain_sqlite_error(file, rc, msg)) throw StoreError(rc, *plain);
    }
    throw StoreError(rc, msg);
}

} // namespace trainer::store
