#include "trainer/sync/local_log.hpp"

#include "trainer/sync/exchange.hpp"
#include "trainer/sync/importer.hpp"
#include "trainer/sync/merge.hpp"
#include "trainer/store/events.hpp"


#include <algorithm>

namespace trainer::sync {

SqliteLocalLog::SqliteLocalLog(store::Database& db, const Clock& clock)
    : db_(db), clock_(clock), kiosk_id_(store::kiosk_id_of(db)) {}

std::vector<SyncEvent> SqliteLocalLog::unacknowledged_events(std::size_t limit) {
    auto st = db_.prepare("SELECT seq, id, type, coalesce(person_id, ''), kiosk_id, at_ms, payload, coalesce(origin_seq, seq) FROM events "
                          "WHERE kiosk_id = ?1 AND seq > (SELECT pushed_through_seq FROM sync_state) "
                          "ORDER BY seq LIMIT ?2");
    st.bind(1, kiosk_id_).bind(2, static_cast<std::int64_t>(limit));
    std::vector<SyncEvent> out;
    while (st.step())
        out.push_back({st.text(1), st.text(2), st.text(3), st.text(4), st.int64(5), st.text(6), st.int64(0), st.int64(7)});
    return out;
}

void SqliteLocalLog::mark_acknowledged(std::int64_t seq) {
    db_.prepare("UPDATE sync_state SET pushed_through_seq = max(pushed_through_seq, ?1)").bind(1, seq).run();
}

// Pulled events go through the one import every other path uses (trainer/sync/exchange.hpp):
// union by id, tombstones first, projections in the total order. The cursor moves inside the
// import's transaction, so a kill or a cut leaves either the batch and its cursor or neither.
std::size_t SqliteLocalLog::apply_pulled(const std::vector<SyncEvent>& events, const PullCursor& next) {
    const std::string org = organisation_id(db_);
    std::vector<WireEvent> wire;
    wire.reserve(events.size());
    for (const auto& e : events) {
        wire.push_back({e.id, org, e.kiosk_id, e.at_ms, e.type, e.person_id, e.payload});
        wire.back().origin_seq = e.origin_seq;
    }
    ImportOptions o;
    o.clock = &clock_;
    o.source = "central store";
    o.record_import = false;
    const auto move_cursor = [&next](store::Database& db) {
        db.prepare("UPDATE sync_state SET pull_xid = ?1, pull_seq = ?2").bind_all(next.xid, next.seq).run();
    };
    o.before_commit = move_cursor;
    try {
        // The one import (exchange.hpp), fed in pages as a merge feeds it (importer.hpp): a page's
        // parsed payloads are what it holds, not the whole pull (a new desk's bootstrap is one pull
        // of ~90,000 events; parsed at once they were ~1 KB of small allocations each).
        Importer importer(db_, o);
        importer.erasures(wire);
        for (std::size_t first = 0; first < wire.size(); first += kMergePageEvents) {
            const std::size_t n = std::min(kMergePageEvents, wire.size() - first);
            importer.add(std::span<const WireEvent>(wire.data() + first, n), first);
        }
        return importer.finish().added;
    } catch (const ImportRefused& x) {
        if (x.reason() != ImportRefused::Reason::Unappliable) throw;
    } catch (const std::exception&) {
        // An event this build cannot apply (another version's payload) must not stall the desk
        // for ever: take the batch one event at a time and leave out what fails, flagged
        // (sync.unapplied). It stays at the centre; a newer build pulls it again after a cursor reset.
    }
    std::size_t added = 0;
    o.before_commit = nullptr;
    for (const auto& e : wire) {
        try {
            added += import_events(db_, std::span<const WireEvent>(&e, 1), o).added;
        } catch (const std::exception& ex) {
            const auto* refused = dynamic_cast<const ImportRefused*>(&ex);
            if (refused && refused->reason() != ImportRefused::Reason::Unappliable) throw;
            store::EventStore(db_, clock_, kiosk_id_)
                .append({.type = "sync.unapplied", .payload = {{"event_id", e.id}, {"type", e.type}, {"why", ex.what()}}});
        }
    }
    store::Transaction tx(db_);
    move_cursor(db_);
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
    events.record({.type = type, .payload = store::Payload::parse(payload_json)});
}

bool SqliteLocalLog::skew_flagged() { return store::meta_get(db_, "sync_clock_skew_flagged").value_or("") == "1"; }

void SqliteLocalLog::set_skew_flagged(bool flagged) { store::meta_set(db_, "sync_clock_skew_flagged", flagged ? "1" : "0"); }

} // namespace trainer::sync
