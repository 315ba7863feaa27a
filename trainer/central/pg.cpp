#include "trainer/central/pg.hpp"

#include <libpq-fe.h> // each PQ function used here has a forwarder in libpq_on_demand.cpp
#include <poll.h>

#include <cstdlib>
#include <memory>

namespace trainer::central {

namespace {

// Classifies a failed connection by libpq's message: libpq gives no SQLSTATE before the
// session exists, so the text is all there is (C locale messages: lc_messages is not read).
CentralError connect_error(pg_conn* c) {
    std::string msg = c ? PQerrorMessage(c) : "out of memory";
    while (!msg.empty() && (msg.back() == '\n' || msg.back() == ' ')) msg.pop_back();
    auto has = [&](const char* s) { return msg.find(s) != std::string::npos; };
    ErrorKind kind = ErrorKind::offline;
    if (has("not permitted to log in") || has("is revoked"))
        kind = ErrorKind::revoked;
    else if (has("password authentication failed") || has("no password supplied") ||
             has("role \"") || has("no pg_hba.conf entry"))
        kind = ErrorKind::bad_login;
    else if (has("certificate") || has("SSL") || has("server name"))
        kind = ErrorKind::certificate;
    else if (has("database \"") && has("does not exist"))
        kind = ErrorKind::refused;
    else if (has("invalid connection option") || has("invalid URI") || has("missing \"=\""))
        kind = ErrorKind::other;
    return CentralError(kind, "", "cannot connect to the central store: " + msg);
}

ErrorKind kind_of_state(const std::string& state) {
    // Class 08: connection exceptions; 57P01..03: the server shut down or is starting.
    if (state.starts_with("08") || state == "57P01" || state == "57P02" || state == "57P03")
        return ErrorKind::offline;
    if (state == "42501" || state.starts_with("23") || state.starts_with("22") || state == "P0001")
        return ErrorKind::refused;
    return ErrorKind::other;
}

PgResult check(pg_conn* c, pg_result* r, const std::string& what) {
    const auto st = r ? PQresultStatus(r) : PGRES_FATAL_ERROR;
    if (st == PGRES_COMMAND_OK || st == PGRES_TUPLES_OK || st == PGRES_COPY_IN) return PgResult(r);
    std::string state = r && PQresultErrorField(r, PG_DIAG_SQLSTATE) ? PQresultErrorField(r, PG_DIAG_SQLSTATE) : "";
    std::string msg = r ? PQresultErrorMessage(r) : PQerrorMessage(c);
    if (r) PQclear(r);
    if (state.empty() && PQstatus(c) != CONNECTION_OK) state = "08006";
    while (!msg.empty() && (msg.back() == '\n' || msg.back() == ' ')) msg.pop_back();
    throw CentralError(kind_of_state(state), state, what + ": " + msg);
}

} // namespace

PgResult::~PgResult() {
    if (r_) PQclear(r_);
}
int PgResult::rows() const { return r_ ? PQntuples(r_) : 0; }
bool PgResult::is_null(int row, int col) const { return PQgetisnull(r_, row, col) != 0; }
std::string PgResult::text(int row, int col) const {
    return std::string(PQgetvalue(r_, row, col), static_cast<std::size_t>(PQgetlength(r_, row, col)));
}
long long PgResult::int64(int row, int col) const { return std::atoll(PQgetvalue(r_, row, col)); }

PgConnection PgConnection::open(const std::string& conninfo, int connect_timeout_s) {
    return open({{"dbname", conninfo}, {"connect_timeout", std::to_string(connect_timeout_s)}});
}

PgConnection PgConnection::open(const std::vector<std::pair<std::string, std::string>>& kv) {
    std::vector<const char*> keys, values;
    bool has_timeout = false;
    for (const auto& [k, v] : kv) {
        keys.push_back(k.c_str());
        values.push_back(v.c_str());
        has_timeout = has_timeout || k == "connect_timeout";
    }
    if (!has_timeout) keys.push_back("connect_timeout"), values.push_back("5");
    keys.push_back(nullptr);
    values.push_back(nullptr);
    // expand_dbname=1: a "dbname" that is a URL or key=value string is read as a whole conninfo.
    pg_conn* c = PQconnectdbParams(keys.data(), values.data(), 1);
    if (!c || PQstatus(c) != CONNECTION_OK) {
        CentralError e = connect_error(c);
        if (c) PQfinish(c);
        throw e;
    }
    PgConnection out(c);
    out.exec("SET client_min_messages = warning");
    return out;
}

PgConnection::~PgConnection() {
    if (c_) PQfinish(c_);
}

PgConnection& PgConnection::operator=(PgConnection&& o) noexcept {
    if (this != &o) {
        if (c_) PQfinish(c_);
        c_ = o.c_;
        o.c_ = nullptr;
    }
    return *this;
}

PgResult PgConnection::exec(const std::string& sql, const Params& params) {
    std::vector<const char*> values;
    values.reserve(params.size());
    for (const auto& p : params) values.push_back(p ? p->c_str() : nullptr);
    pg_result* r = PQexecParams(c_, sql.c_str(), static_cast<int>(values.size()), nullptr, values.data(),
                                nullptr, nullptr, 0);
    return check(c_, r, "central store");
}

void PgConnection::exec_script(const std::string& sql) { check(c_, PQexec(c_, sql.c_str()), "central store"); }

void PgConnection::copy_in(const std::string& copy_sql, const std::string& data) {
    check(c_, PQexec(c_, copy_sql.c_str()), "COPY");
    if (PQputCopyData(c_, data.data(), static_cast<int>(data.size())) != 1 || PQputCopyEnd(c_, nullptr) != 1)
        throw CentralError(ErrorKind::offline, "08006", std::string("COPY: ") + PQerrorMessage(c_));
    check(c_, PQgetResult(c_), "COPY");
    while (pg_result* r = PQgetResult(c_)) PQclear(r);
}

long long PgConnection::copy_out(const std::string& copy_sql, const std::function<void(std::string_view)>& on_row) {
    pg_result* start = PQexec(c_, copy_sql.c_str());
    if (!start || PQresultStatus(start) != PGRES_COPY_OUT) {
        auto done = check(c_, start, "COPY"); // throws on an error; owns the result otherwise
        throw CentralError(ErrorKind::other, "", "COPY: the statement did not start a COPY TO STDOUT");
    }
    PQclear(start);
    long long rows = 0;
    for (;;) {
        char* buf = nullptr;
        const int n = PQgetCopyData(c_, &buf, 0);
        if (n == -1) break; // done: the final result follows
        if (n < 0) throw CentralError(ErrorKind::offline, "08006", std::string("COPY: ") + PQerrorMessage(c_));
        std::unique_ptr<char, decltype(&PQfreemem)> owned(buf, PQfreemem);
        std::string_view line(buf, static_cast<std::size_t>(n));
        if (!line.empty() && line.back() == '\n') line.remove_suffix(1);
        on_row(line);
        ++rows;
    }
    check(c_, PQgetResult(c_), "COPY");
    while (pg_result* r = PQgetResult(c_)) PQclear(r);
    return rows;
}

bool PgConnection::wait_notification(int timeout_ms) {
    auto drain = [&] {
        bool any = false;
        while (PGnotify* n = PQnotifies(c_)) {
            any = true;
            PQfreemem(n);
        }
        return any;
    };
    if (PQconsumeInput(c_) != 1) throw CentralError(ErrorKind::offline, "08006", PQerrorMessage(c_));
    if (drain()) return true;
    if (timeout_ms <= 0) return false;
    pollfd p{PQsocket(c_), POLLIN, 0};
    if (p.fd < 0) throw CentralError(ErrorKind::offline, "08006", "the connection to the central store is closed");
    if (poll(&p, 1, timeout_ms) <= 0) return false;
    if (PQconsumeInput(c_) != 1) throw CentralError(ErrorKind::offline, "08006", PQerrorMessage(c_));
    return drain();
}

std::string PgConnection::user() const { return PQuser(c_); }
std::string PgConnection::dbname() const { return PQdb(c_); }

PgTransaction::PgTransaction(PgConnection& c, const char* begin) : c_(c) { c_.exec(begin); }
PgTransaction::~PgTransaction() {
    if (!done_) {
        try {
            c_.exec("ROLLBACK");
        } catch (...) { // the connection is gone: the server rolls back on its own
        }
    }
}
void PgTransaction::commit() {
    c_.exec("COMMIT");
    done_ = true;
}

std::string quote_ident(PgConnection& c, const std::string& name) {
    std::unique_ptr<char, decltype(&PQfreemem)> q(PQescapeIdentifier(c.handle(), name.c_str(), name.size()), PQfreemem);
    if (!q) throw CentralError(ErrorKind::other, "", "cannot quote identifier " + name);
    return q.get();
}

std::string quote_literal(PgConnection& c, const std::string& value) {
    std::unique_ptr<char, decltype(&PQfreemem)> q(PQescapeLiteral(c.handle(), value.c_str(), value.size()), PQfreemem);
    if (!q) throw CentralError(ErrorKind::other, "", "cannot quote a literal");
    return q.get();
}

} // namespace trainer::central
