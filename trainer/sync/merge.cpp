#include "trainer/sync/merge.hpp"
#include "trainer/store/migrations.hpp"
#include "trainer/store/schema_number.hpp"

#include "trainer/store/events.hpp"
#include "trainer/sync/importer.hpp"

#include <sqlite3.h>

#include <algorithm>
#include <array>
#include <cstring>
#include <fstream>
#include <functional>
#include <span>

namespace trainer::sync {

namespace {

// The other database, opened read-only with SQLite directly: Database::open would migrate it, and
// a merge source must not change.
class ReadOnlySource {
public:
    explicit ReadOnlySource(const std::filesystem::path& p) : path_(p) {
        std::ifstream in(p, std::ios::binary);
        std::array<char, 16> magic{};
        in.read(magic.data(), magic.size());
        if (!in || std::memcmp(magic.data(), "SQLite format 3", 16) != 0)
            refuse(ImportRefused::Reason::Damaged, "not an SQLite database");
        if (sqlite3_open_v2(p.c_str(), &db_, SQLITE_OPEN_READONLY, nullptr) != SQLITE_OK)
            refuse(ImportRefused::Reason::Damaged, std::string("cannot open: ") + sqlite3_errmsg(db_));
        sqlite3_busy_timeout(db_, 5000);
        if (static_cast<std::uint32_t>(integer("PRAGMA application_id")) != store::kApplicationId)
            refuse(ImportRefused::Reason::Damaged, "not a trainer database");
        const auto version = integer("PRAGMA user_version");
        if (const auto judged = store::judge_schema_number(version, store::migrations());
            judged != store::SchemaNumber::Known) {
            // schema_number_refusal starts with the file, which refuse() names already
            const std::string why = store::schema_number_refusal(p.string(), version, store::migrations());
            refuse(judged == store::SchemaNumber::Newer ? ImportRefused::Reason::NewerSchema
                                                        : ImportRefused::Reason::Damaged,
                   why.substr(p.string().size() + 2));
        }
        for_rows("PRAGMA quick_check", [&](sqlite3_stmt* st) {
            const std::string r = text(st, 0);
            if (r != "ok") refuse(ImportRefused::Reason::Damaged, "damaged: " + r);
        });
    }
    ~ReadOnlySource() { sqlite3_close(db_); }
    ReadOnlySource(const ReadOnlySource&) = delete;
    ReadOnlySource& operator=(const ReadOnlySource&) = delete;

    std::string organisation() {
        std::string org;
        for_rows("SELECT value FROM meta WHERE key = 'organisation_id'", [&](sqlite3_stmt* st) { org = text(st, 0); });
        if (org.empty())
            refuse(ImportRefused::Reason::OtherOrganisation,
                   "names no organisation (made by an older version: run `trainer init --db " + path_.string() +
                       "` on it first)");
        return org;
    }

    // The person.erased events: an import applies them before any page.
    std::vector<WireEvent> tombstones(const std::string& org) {
        std::vector<WireEvent> out;
        for_rows("SELECT id, kiosk_id, at_ms, type, coalesce(person_id, ''), payload FROM events "
                 "WHERE type = 'person.erased' ORDER BY seq",
                 [&](sqlite3_stmt* st) { out.push_back(row(st, org)); });
        return out;
    }

    // Every event, in pages of `page` events in the one total order; fn(page, index of page[0]).
    // Only one page is in memory at a time.
    void pages(const std::string& org, std::size_t page,
               const std::function<void(std::span<const WireEvent>, std::size_t)>& fn) {
        // A source from before migration 0014 has no origin_seq (nor the index of the total order):
        // every event was recorded there or merged without it, and its seq is the best order known.
        const bool has_origin = integer("SELECT count(*) FROM pragma_table_info('events') WHERE name = 'origin_seq'") > 0;
        std::vector<WireEvent> buffer;
        buffer.reserve(page);
        std::size_t first = 0;
        for_rows(has_origin ? "SELECT id, kiosk_id, at_ms, type, coalesce(person_id, ''), payload, coalesce(origin_seq, seq) "
                              "FROM events ORDER BY at_ms, kiosk_id, coalesce(origin_seq, seq), id"
                            : "SELECT id, kiosk_id, at_ms, type, coalesce(person_id, ''), payload, seq FROM events ORDER BY seq",
                 [&](sqlite3_stmt* st) {
                     buffer.push_back(row(st, org));
                     buffer.back().origin_seq = sqlite3_column_int64(st, 6);
                     if (buffer.size() < page) return;
                     fn(buffer, first);
                     first += buffer.size();
                     buffer.clear();
                 });
        if (!buffer.empty()) fn(buffer, first);
    }

private:
    [[noreturn]] void refuse(ImportRefused::Reason why, const std::string& what) const {
        throw ImportRefused(why, path_.string() + ": " + what);
    }
    static WireEvent row(sqlite3_stmt* st, const std::string& org) {
        return {text(st, 0), org, text(st, 1), sqlite3_column_int64(st, 2), text(st, 3), text(st, 4), text(st, 5)};
    }
    static std::string text(sqlite3_stmt* st, int col) {
        const auto* p = reinterpret_cast<const char*>(sqlite3_column_text(st, col));
        return p ? std::string(p, static_cast<std::size_t>(sqlite3_column_bytes(st, col))) : std::string();
    }
    template <class F> void for_rows(const char* sql, F&& fn) {
        sqlite3_stmt* st = nullptr;
        if (sqlite3_prepare_v2(db_, sql, -1, &st, nullptr) != SQLITE_OK) {
            const std::string msg = sqlite3_errmsg(db_);
            sqlite3_finalize(st);
            refuse(ImportRefused::Reason::Damaged, "cannot read (" + msg + ")");
        }
        int rc;
        try {
            while ((rc = sqlite3_step(st)) == SQLITE_ROW) fn(st);
        } catch (...) {
            sqlite3_finalize(st);
            throw;
        }
        sqlite3_finalize(st);
        if (rc != SQLITE_DONE) refuse(ImportRefused::Reason::Damaged, std::string("cannot read: ") + sqlite3_errstr(rc));
    }
    std::int64_t integer(const char* sql) {
        std::int64_t v = 0;
        for_rows(sql, [&](sqlite3_stmt* st) { v = sqlite3_column_int64(st, 0); });
        return v;
    }

    std::filesystem::path path_;
    sqlite3* db_ = nullptr;
};

} // namespace

ImportResult merge_database(store::Database& db, const std::filesystem::path& other, const ImportOptions& options,
                            std::size_t page_events) {
    std::error_code ec;
    if (!std::filesystem::exists(other, ec))
        throw ImportRefused(ImportRefused::Reason::Damaged, other.string() + ": no such file");
    if (std::filesystem::equivalent(other, db.path(), ec))
        throw ImportRefused(ImportRefused::Reason::SameDatabase,
                            other.string() + ": is the database being merged into; nothing to do");
    ReadOnlySource source(other);
    const std::string org = source.organisation();
    const std::string ours = organisation_id(db);
    if (org != ours)
        throw ImportRefused(ImportRefused::Reason::OtherOrganisation,
                            other.string() + ": belongs to organisation " + org + "; this database to organisation " + ours);
    // Millions of index inserts at random places (event ids): a large page cache for this
    // connection keeps them off the disk until the commit.
    db.exec("PRAGMA cache_size = -262144");
    ImportOptions o = options;
    if (o.source.empty()) o.source = "merge " + other.filename().string();
    // Streamed in pages (trainer/sync/importer.hpp): memory does not grow with the source.
    Importer importer(db, o);
    importer.erasures(source.tombstones(org));
    source.pages(org, std::max<std::size_t>(1, page_events), [&](std::span<const WireEvent> page, std::size_t first) { importer.add(page, first); });
    return importer.finish();
}

} // namespace trainer::sync
