// Database: open (after the pre-open checks), configure, migrate, back up. The statement, the
// transaction, the pre-open checks and SQLite's error texts are in statement.cpp, transaction.cpp,
// pre_open_checks.cpp and sqlite_error.cpp.
#include "trainer/store/database.hpp"

#include "trainer/store/checked_state.hpp"

#include "trainer/store/audit_chain.hpp"
#include "trainer/store/migrations.hpp"
#include "trainer/store/open_files.hpp"
#include "trainer/store/pre_open_checks.hpp"
#include "trainer/store/schema_number.hpp"
#include "trainer/store/sqlite_fail.hpp"

#include <sqlite3.h>

#include <array>
#include <cstdio>
#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <fstream>
#include <sys/stat.h>
#include <unistd.h>

namespace trainer::store {

namespace {
constexpr int kAuditChainVersion = 10; // migrations/0010_audit_chain.sql
} // namespace

int Database::latest_version(const std::vector<Migration>* list) {
    const auto& l = list ? *list : migrations();
    return l.empty() ? 0 : l.back().version;
}

Database Database::open(const std::filesystem::path& path, const OpenOptions& options) {
    const auto& list = options.migrations ? *options.migrations : migrations();
    const int latest = latest_version(&list);
    const auto connect = [](const std::filesystem::path& file) {
        sqlite3* raw = nullptr;
        const int rc =
            sqlite3_open_v2(file.c_str(), &raw, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX, nullptr);
        if (rc != SQLITE_OK) {
            std::string msg = file.string() + ": cannot open database: " +
                              (raw ? sqlite3_errmsg(raw) : sqlite3_errstr(rc));
            sqlite3_close(raw);
            throw StoreError(rc, msg);
        }
        return Database(raw, file);
    };
    std::error_code ec;
    struct stat file_stat {};
    bool read_only = false;
    std::vector<std::string> warnings;
    // Until this connection is counted: no other thread may close a descriptor of the file.
    auto files_guard = open_files_guard();
    if (::stat(path.c_str(), &file_stat) == 0) {
        refuse_non_regular(path, file_stat);
        // The header check opens and closes the file: never while a connection of this process
        // holds locks on it (open_files.hpp) — the file was checked when that one opened it.
        if (!open_in_process(FileId{static_cast<std::uint64_t>(file_stat.st_dev),
                                    static_cast<std::uint64_t>(file_stat.st_ino)}))
            check_existing_file(path, list);
        auto dir = path.parent_path();
        if (dir.empty()) dir = ".";
        read_only = options.read_only || !writable(path) || !writable(dir);
        if (read_only && !options.read_only_fallback)
            throw StoreError(SQLITE_READONLY, path.string() + ": the file or its folder is read-only "
                                                              "for this user; this command needs to write");
        if ((file_stat.st_mode & 0077) != 0) {
            char mode[8];
            std::snprintf(mode, sizeof mode, "%04o", static_cast<unsigned>(file_stat.st_mode & 07777));
            warnings.push_back(path.string() + ": file mode " + mode +
                               " lets other users read personal data (expected 0600); fix it with "
                               "`trainer db fix-mode --db " + path.string() + "`");
        }
    } else if (refuse_dangling_link(path); options.create_if_missing) {
        refuse_orphan_journal(path);
        // Built aside and linked into place only once complete: a process killed while creating
        // leaves no database (or a stale ".creating" file that the next attempt replaces), never
        // a half-made one that every later open would refuse.
        auto tmp = path;
        tmp += ".creating";
        const auto remove_tmp = [&] {
            for (const char* suffix : {"", "-wal", "-shm", "-journal"})
                std::filesystem::remove(tmp.string() + suffix, ec);
        };
        remove_tmp();
        create_private_file(tmp);
        try {
            Database fresh = connect(tmp);
            fresh.configure(options.busy_timeout_ms);
            fresh.exec("PRAGMA application_id = " + std::to_string(kApplicationId));
            fresh.migrate(list);
            fresh.exec("PRAGMA wal_checkpoint(TRUNCATE)");
        } catch (const StoreError& e) {
            // The person asked for `path`; the file being built aside is gone with the error.
            remove_tmp();
            std::string msg = e.what();
            for (auto at = msg.find(tmp.string()); at != std::string::npos;
                 at = msg.find(tmp.string(), at + path.string().size()))
                msg.replace(at, tmp.string().size(), path.string());
            throw StoreError(e.code(), msg);
        } catch (...) {
            remove_tmp();
            throw;
        }
        // link() never replaces a file another process created meanwhile; rename() is the
        // fallback for file systems without hard links (FAT, some network shares).
        int linked = ::link(tmp.c_str(), path.c_str());
        int link_errno = errno;
        if (linked != 0 && link_errno != EEXIST) {
            linked = ::rename(tmp.c_str(), path.c_str());
            link_errno = errno;
        }
        std::filesystem::remove(tmp, ec);
        if (linked != 0)
            throw StoreError(SQLITE_CANTOPEN,
                             path.string() + ": cannot create database: " + std::strerror(link_errno));
    } else {
        refuse_orphan_journal(path); // "no database here, run init" would not help: init refuses it
        throw StoreError(SQLITE_CANTOPEN,
                         path.string() + ": no database here (run `trainer init` to create one)");
    }

    if (read_only) {
        Database db = connect_read_only(path);
        if (const auto id = file_id_of(path)) note_opened(db.db_, *id);
        files_guard.unlock();
        db.read_only_ = true;
        db.warnings_ = std::move(warnings);
        if (!options.read_only)
            db.warnings_.push_back(path.string() + ": read-only for this user; reading only");
        sqlite3_extended_result_codes(db.db_, 1);
        sqlite3_busy_timeout(db.db_, options.busy_timeout_ms);
        auto app = db.prepare("PRAGMA application_id");
        app.step();
        if (static_cast<std::uint32_t>(app.int64(0)) != kApplicationId)
            throw RefusedDatabase(SQLITE_NOTADB, path.string() + ": not a trainer database");
        if (judge_schema_number(db.user_version(), list) != SchemaNumber::Known)
            throw RefusedDatabase(SQLITE_CANTOPEN,
                                  schema_number_refusal(path.string(), db.user_version(), list));
        if (db.user_version() < latest)
            throw StoreError(SQLITE_READONLY,
                             path.string() + ": schema " + std::to_string(db.user_version()) +
                                 " is older than this build's (" + std::to_string(latest) +
                                 ") and the file is read-only; run `trainer init` as a user who "
                                 "may write it");
        return db;
    }

    Database db = connect(path);
    if (const auto id = file_id_of(path)) note_opened(db.db_, *id);
    files_guard.unlock();
    db.warnings_ = std::move(warnings);
    if (options.quick_check_first && !unchanged_since_checked(path)) {
        sqlite3_busy_timeout(db.db_, options.busy_timeout_ms);
        if (auto problem = db.quick_check()) throw RefusedDatabase(SQLITE_CORRUPT, *problem);
    }
    try {
        db.configure(options.busy_timeout_ms);
        // The header may be stale while a WAL holds newer commits: ask SQLite too.
        auto st = db.prepare("PRAGMA application_id");
        st.step();
        if (static_cast<std::uint32_t>(st.int64(0)) != kApplicationId)
            throw RefusedDatabase(SQLITE_NOTADB, path.string() + ": not a trainer database");
        st.reset(); // a statement left open locks the schema: a migration's DROP INDEX would fail
        // The header may predate a WAL that set another number: SQLite's view is judged too.
        if (judge_schema_number(db.user_version(), list) != SchemaNumber::Known)
            throw RefusedDatabase(SQLITE_CANTOPEN,
                                  schema_number_refusal(path.string(), db.user_version(), list));
        const int before = db.user_version();
        db.migrate(list);
        // 0010 adds the audit chain: the audit events written before it are chained once, in
        // arrival order, so `trainer audit --verify` covers them from then on.
        if (before < kAuditChainVersion && db.user_version() >= kAuditChainVersion) {
            Transaction tx(db);
            rechain_audit(db);
            tx.commit();
        }
    } catch (const RefusedDatabase&) {
        throw;
    } catch (const StoreError& e) {
        if (e.code() == SQLITE_BUSY || e.code() == SQLITE_LOCKED)
            throw StoreError(e.code(), path.string() +
                                           ": the database is locked by another program; try again");
        if (e.code() == SQLITE_READONLY || e.code() == SQLITE_CANTOPEN)
            throw StoreError(e.code(), path.string() + ": cannot write the database: " + e.what());
        throw;
    }
    return db;
}

Database Database::connect_read_only(const std::filesystem::path& path) {
    // immutable=1 when no write-ahead log is waiting: nobody can change a file in a read-only
    // folder, and SQLite then needs no -shm file (which it could not create here).
    std::error_code ec;
    const bool wal = std::filesystem::exists(path.string() + "-wal", ec);
    std::string uri = "file:";
    for (char c : path.string()) {
        if (c == '?' || c == '#' || c == '%') {
            char buf[4];
            std::snprintf(buf, sizeof buf, "%%%02X", static_cast<unsigned char>(c));
            uri += buf;
        } else {
            uri += c;
        }
    }
    uri += wal ? "?mode=ro" : "?immutable=1";
    sqlite3* raw = nullptr;
    const int rc = sqlite3_open_v2(uri.c_str(), &raw,
                                   SQLITE_OPEN_READONLY | SQLITE_OPEN_URI | SQLITE_OPEN_NOMUTEX, nullptr);
    if (rc != SQLITE_OK) {
        std::string msg = path.string() + ": cannot open the read-only database: " +
                          (raw ? sqlite3_errmsg(raw) : sqlite3_errstr(rc));
        sqlite3_close(raw);
        throw StoreError(rc, msg);
    }
    return Database(raw, path);
}

std::optional<std::string> Database::quick_check() {
    try {
        auto st = prepare("PRAGMA quick_check(5)");
        std::string found;
        while (st.step()) {
            const std::string line = st.text(0);
            if (line != "ok") found += (found.empty() ? "" : "; ") + line;
        }
        if (found.empty()) return std::nullopt;
        return path_.string() + ": the database is damaged (" + found +
               "). Nothing was changed. Restore the latest backup and run `trainer rebuild`";
    } catch (const StoreError& e) {
        // A full disk (no room for the -shm file) says nothing about the file's health.
        if ((e.code() & 0xFF) == SQLITE_FULL) throw;
        return e.what();
    }
}

Database Database::open_memory(const std::vector<Migration>* list) {
    sqlite3* raw = nullptr;
    const int rc = sqlite3_open_v2(":memory:", &raw, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nullptr);
    if (rc != SQLITE_OK) {
        sqlite3_close(raw);
        throw StoreError(rc, "cannot open an in-memory database");
    }
    Database db(raw, ":memory:");
    db.configure(5000);
    db.exec("PRAGMA application_id = " + std::to_string(kApplicationId));
    db.migrate(list ? *list : migrations());
    return db;
}

Database::Database(Database&& o) noexcept
    : db_(o.db_), path_(std::move(o.path_)), read_only_(o.read_only_), busy_timeout_ms_(o.busy_timeout_ms_),
      warnings_(std::move(o.warnings_)) {
    o.db_ = nullptr;
}

Database::~Database() {
    if (db_) note_closed(db_); // first: once closed, another thread's connection may get this address
    sqlite3_close_v2(db_);
}

ShortBusyWait::ShortBusyWait(Database& db, int ms) : db_(db) { sqlite3_busy_timeout(db_.db_, ms); }
ShortBusyWait::~ShortBusyWait() { sqlite3_busy_timeout(db_.db_, db_.busy_timeout_ms_); }

void Database::configure(int busy_timeout_ms) {
    sqlite3_extended_result_codes(db_, 1);
    busy_timeout_ms_ = busy_timeout_ms;
    sqlite3_busy_timeout(db_, busy_timeout_ms);
    if (path_ != ":memory:") {
        auto st = prepare("PRAGMA journal_mode = WAL");
        st.step();
        if (st.text(0) != "wal")
            throw StoreError(SQLITE_ERROR, path_.string() + ": cannot switch the journal to WAL");
    }
    // FULL: a commit is on disk (WAL fsynced) before it returns; DESIGN §3.
    exec("PRAGMA synchronous = FULL");
    exec("PRAGMA foreign_keys = ON");
    // Erased personal data must not linger in free pages.
    exec("PRAGMA secure_delete = ON");
}

void Database::exec(std::string_view sql) {
    char* err = nullptr;
    const std::string s(sql);
    const int rc = sqlite3_exec(db_, s.c_str(), nullptr, nullptr, &err);
    if (rc != SQLITE_OK) {
        std::string msg = err ? err : sqlite3_errstr(rc);
        sqlite3_free(err);
        if (path_ != ":memory:")
            if (auto plain = explain_sqlite_error(path_.string(), rc, msg)) throw StoreError(rc, *plain);
        throw StoreError(rc, msg);
    }
}

std::int64_t Database::last_insert_rowid() const { return sqlite3_last_insert_rowid(db_); }
int Database::changes() const { return sqlite3_changes(db_); }

int Database::user_version() {
    auto st = prepare("PRAGMA user_version");
    st.step();
    return static_cast<int>(st.int64(0));
}

void Database::migrate(const std::vector<Migration>& list) {
    for (const auto& m : list) {
        if (m.version <= user_version()) continue;
        Transaction tx(*this);
        try {
            exec(m.sql);
            exec("PRAGMA user_version = " + std::to_string(m.version));
        } catch (const StoreError& e) {
            throw StoreError(e.code(), "migration " + std::to_string(m.version) + " (" + m.name +
                                           ") failed: " + e.what() +
                                           "; the database was left at schema " +
                                           std::to_string(m.version - 1));
        }
        tx.commit();
    }
}

void Database::backup_to(const std::filesystem::path& out) {
    std::error_code ec;
    if (std::filesystem::exists(out, ec))
        throw StoreError(SQLITE_CANTOPEN, out.string() + ": already exists; choose a new file name");
    std::filesystem::path tmp = out;
    tmp += ".partial";
    std::filesystem::remove(tmp, ec);
    create_private_file(tmp);
    sqlite3* dst = nullptr;
    int rc = sqlite3_open_v2(tmp.c_str(), &dst, SQLITE_OPEN_READWRITE, nullptr);
    if (rc == SQLITE_OK) {
        sqlite3_backup* b = sqlite3_backup_init(dst, "main", db_, "main");
        if (!b) {
            rc = sqlite3_errcode(dst);
        } else {
            do {
                rc = sqlite3_backup_step(b, 256);
                if (rc == SQLITE_BUSY || rc == SQLITE_LOCKED) sqlite3_sleep(20);
            } while (rc == SQLITE_OK || rc == SQLITE_BUSY || rc == SQLITE_LOCKED);
            sqlite3_backup_finish(b);
            rc = rc == SQLITE_DONE ? SQLITE_OK : rc;
        }
    }
    const std::string err = dst ? sqlite3_errmsg(dst) : sqlite3_errstr(rc);
    sqlite3_close(dst);
    if (rc != SQLITE_OK) {
        std::filesystem::remove(tmp, ec);
        throw StoreError(rc, out.string() + ": backup failed: " + err);
    }
    std::filesystem::rename(tmp, out, ec);
    if (ec) {
        std::filesystem::remove(tmp, ec);
        throw StoreError(SQLITE_CANTOPEN, out.string() + ": cannot move backup into place");
    }
}

} // namespace trainer::store
