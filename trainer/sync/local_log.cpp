#include "trainer/sync/local_log.hpp"

#include "trainer/app/projections.hpp"
#include "trainer/store/events.hpp"

#include <nlohmann/json.hpp>

namespace trainer::sync {

SqliteLocalLog::SqliteLocalLog(store::Database& db, const Clock& clock)
    : db_(db), clock_(clock), kiosk_id_(store::kiosk_id_of(db)) {}

std::vector<SyncEvent> SqliteLocalLog::unacknowledged_events(std::size_t limit) {
    auto st = db_.prepare("SELECT seq, id, type, coalesce(person_id, ''), kiosk_id, at_ms, payload FROM events "
                          "WHERE kiosk_id = ?1 AND seq > (SELECT pushed_through_seq FROM sync_state) "
                          "ORDER BY seq LIMIT ?2");
    st.bind(1, kiosk_id_).bind(2, static_cast<std::int64_t>(limit));
    std::vector<SyncEvent> out;
    while (st.step())
        out.push_back({st.text(1), st.text(2), st.text(3), st.text(4), st.int64(5), st.text(6), st.int64(0)});
    return out;
}

void SqliteLocalLog::mark_acknowledged(std::int64_t seq) {
    db_.prepare("UPDATE sync_state SET pushed_through_seq = max(pushed_through_seq, ?1)").bind(1, seq).run();
}

std::size_t SqliteLocalLog::apply_pulled(const std::vector<SyncEvent>& events, const PullCursor& next) {
    static const auto projections = app::all_projections();
    store::Transaction tx(db_);
    auto insert = db_.prepare("INSERT OR IGNORE INTO events (id, type, person_id, kiosk_id, at_ms, payload) "
                              "VALUES (?1, ?2, ?3, ?4, ?5, ?6)");
    std::size_t added = 0;
    for (const auto& e : events) {
        insert.reset();
        insert.bind(1, e.id).bind(2, e.type);
        if (e.person_id.empty())
            insert.bind(3, nullptr);
        else
            insert.bind(3, e.person_id);
        insert.bind(4, e.kiosk_id).bind(5, e.at_ms).bind(6, e.payload);
        insert.run();
        if (db_.changes() == 0) continue; // already here: union by id
        ++added;
        // A record this build cannot apply (another version's payload) is kept, not lost, and
        // flagged; its partial effects are undone so the derived tables stay consistent.
        db_.exec("SAVEPOINT pulled_event");
        try {
            store::Event ev{db_.last_insert_rowid(), e.id, e.type, e.person_id, e.kiosk_id, e.at_ms,
                            nlohmann::json::parse(e.payload)};
            for (const auto& p : projections) p.apply(db_, ev);
            db_.exec("RELEASE pulled_event");
        } catch (const std::exception& ex) {
            db_.exec("ROLLBACK TO pulled_event");
            db_.exec("RELEASE pulled_event");
            store::EventStore(db_, clock_, kiosk_id_)
                .append({.type = "sync.unapplied", .payload = {{"event_id", e.id}, {"type", e.type}, {"why", ex.what()}}});
        }
    }
    db_.prepare("UPDATE sync_state SET pull_xid = ?1, pull_seq = ?2").bind_all(next.xid, next.seq).run();
    tx.commit();
    return added;
}

PullCursor SqliteLocalLog::cursor() {
    auto st = db_.prepare("SELECT pull_xid, pull_seq FROM sync_state");
    st.step();
    return {st.text(0), st.int64(1)};
}

SyncState SqliteLocalLog::state() {
    auto st = db_.prepare("SELECT last_ok_ms, offline_since_ms, coalesce(last_error, ''), "
                          "(SELECT count(*) FROM events WHERE kiosk_id = ?1 AND seq > s.pushed_through_seq) "
                          "FROM sync_state s");
    st.bind(1, kiosk_id_);
    st.step();
    SyncState s;
    if (!st.is_null(0)) s.last_ok_ms = st.int64(0);
    if (!st.is_null(1)) s.offline_since_ms = st.int64(1);
    s.last_error = st.text(2);
    s.waiting = st.int64(3);
    return s;
}

void SqliteLocalLog::record_outcome(bool ok, TimeMs now, const std::string& error) {
    if (ok)
        db_.prepare("UPDATE sync_state SET last_ok_ms = ?1, offline_since_ms = NULL, last_error = NULL").bind(1, now).run();
    else
        db_.prepare("UPDATE sync_state SET offline_since_ms = coalesce(offline_since_ms, ?1), last_error = ?2")
            .bind_all(now, error)
            .run();
}

void SqliteLocalLog::audit(const std::string& type, const std::string& payload_json) {
    store::EventStore events(db_, clock_, kiosk_id_);
    events.record({.type = type, .payload = nlohmann::json::parse(payload_json)});
}

} // namespace trainer::sync
