#pragma once
// RAII handles over libpq (the central store, docs/deployment.md): a connection, a result, a
// transaction. Errors are CentralError exceptions carrying PostgreSQL's SQLSTATE and a kind the
// kiosk can turn into a calm sentence (offline, refused, revoked, ...).
#include <functional>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

struct pg_conn;
struct pg_result;

namespace trainer::central {

// What went wrong, in the words a desk shows: the detail stays in what().
enum class ErrorKind {
    offline,       // the server cannot be reached (network, server down, connection cut)
    bad_login,     // wrong password or unknown device
    revoked,       // the device's credential was revoked by an administrator
    certificate,   // TLS: the server's certificate does not match or is not trusted
    refused,       // the centre refused a request (newer schema, another organisation, bad event)
    other,
};

class CentralError : public std::runtime_error {
public:
    CentralError(ErrorKind kind, std::string sqlstate, const std::string& what)
        : std::runtime_error(what), kind_(kind), sqlstate_(std::move(sqlstate)) {}
    ErrorKind kind() const { return kind_; }
    const std::string& sqlstate() const { return sqlstate_; }

private:
    ErrorKind kind_;
    std::string sqlstate_;
};

class PgResult {
public:
    explicit PgResult(pg_result* r) : r_(r) {}
    PgResult(PgResult&& o) noexcept : r_(o.r_) { o.r_ = nullptr; }
    PgResult& operator=(PgResult&&) = delete;
    PgResult(const PgResult&) = delete;
    ~PgResult();

    int rows() const;
    bool is_null(int row, int col) const;
    std::string text(int row, int col) const;
    long long int64(int row, int col) const;

private:
    pg_result* r_;
};

// Parameters are passed as text (NULL for nullopt), never spliced into SQL.
using Params = std::vector<std::optional<std::string>>;

class PgConnection {
public:
    // conninfo: a libpq URL or key=value string. Throws CentralError (offline, bad_login,
    // revoked, certificate) when the connection is refused.
    static PgConnection open(const std::string& conninfo, int connect_timeout_s = 5);
    // Same, from keyword/value pairs (so a password never needs quoting).
    static PgConnection open(const std::vector<std::pair<std::string, std::string>>& keywords);

    PgConnection(PgConnection&& o) noexcept : c_(o.c_) { o.c_ = nullptr; }
    PgConnection& operator=(PgConnection&& o) noexcept; // closes the current connection
    PgConnection(const PgConnection&) = delete;
    ~PgConnection();

    PgResult exec(const std::string& sql, const Params& params = {});
    // Runs several statements (no parameters): migrations.
    void exec_script(const std::string& sql);
    // COPY ... FROM STDIN: sends data (tab-separated lines) in one stream.
    void copy_in(const std::string& copy_sql, const std::string& data);
    // COPY ... TO STDOUT: calls on_row with each row (one text-format line, without its '\n').
    // Returns the number of rows.
    long long copy_out(const std::string& copy_sql, const std::function<void(std::string_view)>& on_row);
    // LISTEN/NOTIFY: true when a notification on any LISTENed channel arrived within timeout_ms
    // (0: only what is already here). Reads no result; safe between statements only.
    bool wait_notification(int timeout_ms);
    std::string user() const;
    std::string dbname() const;
    pg_conn* handle() { return c_; }

private:
    explicit PgConnection(pg_conn* c) : c_(c) {}
    pg_conn* c_;
};

// BEGIN on construction; ROLLBACK in the destructor unless commit() was called.
class PgTransaction {
public:
    explicit PgTransaction(PgConnection& c, const char* begin = "BEGIN");
    PgTransaction(const PgTransaction&) = delete;
    PgTransaction& operator=(const PgTransaction&) = delete;
    ~PgTransaction();
    void commit();

private:
    PgConnection& c_;
    bool done_ = false;
};

// Quotes an SQL identifier ("name") for the rare statements that cannot take parameters
// (CREATE ROLE, GRANT).
std::string quote_ident(PgConnection& c, const std::string& name);
std::string quote_literal(PgConnection& c, const std::string& value);

} // namespace trainer::central
