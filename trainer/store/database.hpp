#pragma once
// RAII handles over SQLite: database, statement, transaction. Errors are StoreError exceptions
// carrying SQLite's result code. Opening a file checks it before SQLite may write to it.
#include <cstdint>
#include <filesystem>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

struct sqlite3;
struct sqlite3_stmt;

namespace trainer::store {

struct Migration;

class StoreError : public std::runtime_error {
public:
    StoreError(int code, const std::string& what) : std::runtime_error(what), code_(code) {}
    int code() const { return code_; }

private:
    int code_;
};

// A file that is refused before anything is written to it (not SQLite, truncated, newer, foreign).
class RefusedDatabase : public StoreError {
public:
    using StoreError::StoreError;
};

constexpr std::uint32_t kApplicationId = 0x53545244; // "STRD"

class Statement {
public:
    Statement(sqlite3* db, std::string_view sql);
    Statement(Statement&& o) noexcept;
    Statement& operator=(Statement&&) = delete;
    Statement(const Statement&) = delete;
    ~Statement();

    Statement& bind(int index, std::int64_t v);
    Statement& bind(int index, int v) { return bind(index, static_cast<std::int64_t>(v)); }
    Statement& bind(int index, double v);
    Statement& bind(int index, std::string_view v);
    Statement& bind(int index, const char* v) { return bind(index, std::string_view(v)); }
    Statement& bind(int index, const std::string& v) { return bind(index, std::string_view(v)); }
    Statement& bind(int index, std::nullptr_t);
    Statement& bind_blob(int index, std::string_view bytes);
    template <class T> Statement& bind(int index, const std::optional<T>& v) {
        return v ? bind(index, *v) : bind(index, nullptr);
    }
    // Binds arguments to ?1, ?2, ... in order.
    template <class... A> Statement& bind_all(const A&... a) {
        int i = 0;
        (bind(++i, a), ...);
        return *this;
    }

    // Advances; true when a row is available.
    bool step();
    // Steps until done (for statements that return no rows).
    void run();
    void reset();

    std::int64_t int64(int col) const;
    double real(int col) const;
    std::string text(int col) const;
    // The text without a copy: valid until the next step(), reset() or column read of `col` as another type.
    std::string_view text_view(int col) const;
    bool is_null(int col) const;

private:
    sqlite3* db_;
    sqlite3_stmt* stmt_ = nullptr;
};

struct OpenOptions {
    bool create_if_missing = false;
    // Migrations to bring the schema up to date; nullptr means the application's own list.
    const std::vector<Migration>* migrations = nullptr;
    int busy_timeout_ms = 5000;
    // A file or folder this user may not write is opened read-only (reads work; a write fails
    // naming the file). false: refuse at once.
    bool read_only_fallback = true;
    // Run PRAGMA quick_check before anything may be written (the kiosk, which stays open for
    // hours): a damaged file is refused as RefusedDatabase naming the file and the next step.
    // Skipped when the files are exactly as the last clean close recorded them (checked_state.hpp).
    bool quick_check_first = false;
    // Open read-only even when writable (tools that only read; tests of the read-only path).
    bool read_only = false;
};

// A plain-language message for an SQLite error on `file` (read-only, damaged, disk full, missing
// table): names the file and the next step. nullopt for errors with nothing to add.
std::optional<std::string> explain_sqlite_error(const std::string& file, int rc, const std::string& detail);

class Database {
public:
    // Opens (or creates) a database file, refusing foreign, damaged or newer files untouched,
    // then applies pending migrations, each in its own transaction.
    static Database open(const std::filesystem::path& path, const OpenOptions& options = {});
    // A private in-memory database with the full schema; for tests and tools.
    static Database open_memory(const std::vector<Migration>* migrations = nullptr);

    Database(Database&& o) noexcept;
    Database& operator=(Database&&) = delete;
    Database(const Database&) = delete;
    ~Database();

    void exec(std::string_view sql);
    Statement prepare(std::string_view sql) { return Statement(db_, sql); }
    std::int64_t last_insert_rowid() const;
    int changes() const;
    int user_version();
    sqlite3* handle() { return db_; }
    const std::filesystem::path& path() const { return path_; }

    // Writes a consistent copy with the online backup API (file mode 0600, atomic rename).
    void backup_to(const std::filesystem::path& out);

    // True when opened read-only (the file or its folder is not writable for this user).
    bool read_only() const { return read_only_; }
    // Things the person should know about the file (mode broader than 0600, read-only).
    const std::vector<std::string>& warnings() const { return warnings_; }
    // PRAGMA quick_check: nullopt when the file is sound, else a message naming the file and
    // the next step. Run before the first write of a long-lived process (the kiosk).
    std::optional<std::string> quick_check();

    // The schema version this build knows.
    static int latest_version(const std::vector<Migration>* migrations = nullptr);

private:
    Database(sqlite3* db, std::filesystem::path path) : db_(db), path_(std::move(path)) {}
    static Database connect_read_only(const std::filesystem::path& path);
    void configure(int busy_timeout_ms);
    void migrate(const std::vector<Migration>& list);

    sqlite3* db_;
    std::filesystem::path path_;
    bool read_only_ = false;
    int busy_timeout_ms_ = 5000;
    std::vector<std::string> warnings_;
    friend class ShortBusyWait;
};

// For a caller that must not block (the kiosk's UI thread): while it lives, a locked database
// fails after `ms` instead of the connection's busy timeout, so the caller can keep drawing and
// retry. The previous timeout comes back in the destructor.
class ShortBusyWait {
public:
    ShortBusyWait(Database& db, int ms);
    ShortBusyWait(const ShortBusyWait&) = delete;
    ShortBusyWait& operator=(const ShortBusyWait&) = delete;
    ~ShortBusyWait();

private:
    Database& db_;
};

// BEGIN IMMEDIATE on construction (a SAVEPOINT when a transaction is already open); rolls back in
// the destructor unless commit() was called.
class Transaction {
public:
    explicit Transaction(Database& db);
    Transaction(const Transaction&) = delete;
    Transaction& operator=(const Transaction&) = delete;
    ~Transaction();
    void commit();

private:
    Database& db_;
    bool nested_ = false; // a savepoint inside the caller's transaction
    bool done_ = false;
};

} // namespace trainer::store
