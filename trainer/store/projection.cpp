#include "trainer/store/projection.hpp"
#include "trainer/store/event_row.hpp"
#include "trainer/store/events.hpp"
#include "trainer/store/replay_payload.hpp"

#include <algorithm>


namespace trainer::store {

std::string event_subject(const Event& e) {
    if (auto person = e.payload.find_string("person"); person && !person->empty()) return *person;
    return e.person_id;
}

bool type_matches(const std::vector<std::string>& types, const std::string& type) {
    for (const auto& t : types)
        if (t.ends_with('.') ? type.starts_with(t) : type == t) return true;
    return false;
}

void for_each_in_order(Database& db, const EventFilter& f, const std::function<void(const Event&)>& fn) {
    std::string sql = std::string("SELECT ") + kEventColumns + " FROM events WHERE 1";
    if (f.type) sql += f.type->ends_with('.') ? " AND substr(type, 1, length(?1)) = ?1" : " AND type = ?1";
    if (f.person_id) sql += " AND person_id = ?2";
    if (f.since_ms) sql += " AND at_ms >= ?3";
    if (f.until_ms) sql += " AND at_ms < ?4";
    sql += " ORDER BY at_ms, kiosk_id, coalesce(origin_seq, seq), id";
    auto st = db.prepare(sql);
    if (f.type) st.bind(1, *f.type);
    if (f.person_id) st.bind(2, *f.person_id);
    if (f.since_ms) st.bind(3, *f.since_ms);
    if (f.until_ms) st.bind(4, *f.until_ms);
    while (st.step()) fn(read_event(st));
}

namespace {

// A larger page cache for one long replay (the derived tables of a whole organisation are written
// over and over: kept in memory until the commit), restored afterwards. Negative: KiB.
class ReplayCache {
public:
    explicit ReplayCache(Database& db) : db_(db) {
        auto st = db_.prepare("PRAGMA cache_size");
        if (st.step()) before_ = st.int64(0);
        if (before_ < 0 ? -before_ < kKiB : before_ * 4 < kKiB) db_.exec("PRAGMA cache_size = -" + std::to_string(kKiB));
    }
    ~ReplayCache() {
        try {
            db_.exec("PRAGMA cache_size = " + std::to_string(before_));
        } catch (...) {
        }
    }
    ReplayCache(const ReplayCache&) = delete;
    ReplayCache& operator=(const ReplayCache&) = delete;

private:
    static constexpr std::int64_t kKiB = 65536;
    Database& db_;
    std::int64_t before_ = -2000;
};

} // namespace

ReplayBatch::ReplayBatch(Database& db, const std::vector<Projection>& projections) : db_(db), projections_(projections) {
    for (const auto& p : projections_)
        if (p.batch) p.batch(db_, Projection::Batch::Begin);
}

ReplayBatch::~ReplayBatch() {
    if (!open_) return;
    for (const auto& p : projections_)
        if (p.batch) p.batch(db_, Projection::Batch::Abandon); // forgets what it held; writes nothing
}

void ReplayBatch::finish() {
    if (!open_) return;
    open_ = false;
    for (const auto& p : projections_)
        if (p.batch) p.batch(db_, Projection::Batch::Finish);
}

RebuildStats replay_all(Database& db, const std::vector<Projection>& projections) {
    RebuildStats stats;
    stats.projections = projections.size();
    const ReplayCache cache(db);
    for (const auto& p : projections) p.clear(db);
    // When every projection names the types it reads, an event of no such type is counted but its
    // payload is never parsed (look-ups, audit records).
    const bool all_typed = std::all_of(projections.begin(), projections.end(), [](const Projection& p) { return !p.types.empty(); });
    auto st = db.prepare("SELECT seq, id, type, coalesce(person_id, ''), kiosk_id, at_ms, payload FROM events "
                         "ORDER BY at_ms, kiosk_id, coalesce(origin_seq, seq), id");
    Event e;
    std::vector<char> reads(projections.size());
    ReplayPayloadParser payloads(projections);
    ReplayBatch batch(db, projections);
    bool any = false;
    while (st.step()) {
        ++stats.events;
        std::string type = st.text(2); // short: no allocation
        // Which projections take it, decided once per run of events of one type (mostly reviews).
        if (stats.events == 1 || type != e.type) {
            e.type = std::move(type);
            any = false;
            for (std::size_t i = 0; i < projections.size(); ++i) {
                reads[i] = !all_typed || type_matches(projections[i].types, e.type);
                any = any || reads[i];
            }
        }
        if (!any) continue;
        e.seq = st.int64(0);
        e.id = st.text(1);
        e.person_id = st.text(3);
        e.kiosk_id = st.text(4);
        e.at_ms = st.int64(5);
        payloads.parse(e.type, st.text(6), reads, e.payload);
        for (std::size_t i = 0; i < projections.size(); ++i)
            if (reads[i]) projections[i].apply(db, e);
    }
    batch.finish();
    return stats;
}

RebuildStats rebuild(Database& db, const std::vector<Projection>& projections) {
    Transaction tx(db);
    RebuildStats stats = replay_all(db, projections);
    tx.commit();
    return stats;
}

} // namespace trainer::store
