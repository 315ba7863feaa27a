#include "trainer/sync/rebuild_check.hpp"

#include <sqlite3.h>

#include <cstdio>
#include <map>

namespace trainer::sync {

std::vector<std::string> derived_tables(const std::vector<store::Projection>& projections) {
    std::vector<std::string> out;
    for (const auto& p : projections) {
        std::size_t start = 0;
        while (start < p.name.size()) {
            auto end = p.name.find(',', start);
            if (end == std::string::npos) end = p.name.size();
            std::string t = p.name.substr(start, end - start);
            t.erase(0, t.find_first_not_of(' '));
            t.erase(t.find_last_not_of(' ') + 1);
            if (!t.empty()) out.push_back(t);
            start = end + 1;
        }
    }
    return out;
}

namespace {

std::string render_value(sqlite3_stmt* st, int i) {
    switch (sqlite3_column_type(st, i)) {
    case SQLITE_NULL: return "NULL";
    case SQLITE_INTEGER: return std::to_string(sqlite3_column_int64(st, i));
    case SQLITE_FLOAT: {
        char buf[40];
        std::snprintf(buf, sizeof buf, "%.17g", sqlite3_column_double(st, i));
        return buf;
    }
    default: {
        const auto* p = reinterpret_cast<const char*>(sqlite3_column_text(st, i));
        std::string s = "'";
        s.append(p ? p : "", static_cast<std::size_t>(sqlite3_column_bytes(st, i)));
        return s + "'";
    }
    }
}

// Rows as rendered text, counted (a table without a key could hold the same row twice).
std::map<std::string, int> rows_of(store::Database& db, const std::string& table) {
    std::map<std::string, int> out;
    sqlite3_stmt* st = nullptr;
    const std::string sql = "SELECT * FROM \"" + table + "\"";
    if (sqlite3_prepare_v2(db.handle(), sql.c_str(), -1, &st, nullptr) != SQLITE_OK) {
        const std::string msg = sqlite3_errmsg(db.handle());
        sqlite3_finalize(st);
        throw store::StoreError(SQLITE_ERROR, "derived table " + table + ": " + msg);
    }
    const int n = sqlite3_column_count(st);
    while (sqlite3_step(st) == SQLITE_ROW) {
        std::string row = "(";
        for (int i = 0; i < n; ++i) row += (i ? ", " : "") + render_value(st, i);
        ++out[row + ")"];
    }
    sqlite3_finalize(st);
    return out;
}

void copy_database(store::Database& from, store::Database& to) {
    sqlite3_backup* b = sqlite3_backup_init(to.handle(), "main", from.handle(), "main");
    if (!b) throw store::StoreError(sqlite3_errcode(to.handle()), "cannot copy the database for the check");
    const int rc = sqlite3_backup_step(b, -1);
    sqlite3_backup_finish(b);
    if (rc != SQLITE_DONE) throw store::StoreError(rc, std::string("cannot copy the database: ") + sqlite3_errstr(rc));
}

} // namespace

std::vector<RowDifference> check_rebuild(store::Database& db, const std::vector<store::Projection>& projections,
                                         const std::filesystem::path& scratch) {
    std::error_code ec;
    std::optional<store::Database> copy;
    if (scratch.empty()) {
        copy.emplace(store::Database::open_memory());
    } else {
        std::filesystem::remove(scratch, ec);
        db.backup_to(scratch);
        copy.emplace(store::Database::open(scratch));
    }
    struct Cleanup {
        std::filesystem::path p;
        ~Cleanup() {
            std::error_code e;
            if (!p.empty())
                for (const char* s : {"", "-wal", "-shm"}) std::filesystem::remove(p.string() + s, e);
        }
    } cleanup{scratch};
    if (scratch.empty()) copy_database(db, *copy);
    store::rebuild(*copy, projections);

    std::vector<RowDifference> out;
    for (const auto& t : derived_tables(projections)) {
        auto live = rows_of(db, t);
        auto rebuilt = rows_of(*copy, t);
        for (const auto& [row, n] : live) {
            const int m = rebuilt.count(row) ? rebuilt[row] : 0;
            for (int i = m; i < n; ++i) out.push_back({t, row, true});
        }
        for (const auto& [row, n] : rebuilt) {
            const int m = live.count(row) ? live[row] : 0;
            for (int i = m; i < n; ++i) out.push_back({t, row, false});
        }
    }
    copy.reset();
    return out;
}

std::string canonical_dump(store::Database& db, const std::vector<std::string>& tables) {
    std::string out;
    for (const auto& t : tables)
        for (const auto& [row, n] : rows_of(db, t))
            for (int i = 0; i < n; ++i) out += t + " " + row + "\n";
    return out;
}

} // namespace trainer::sync
