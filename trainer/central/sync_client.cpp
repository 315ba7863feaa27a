#include "trainer/central/sync_client.hpp"
#include "trainer/store/events.hpp"

#include <nlohmann/json.hpp>

#include <cstdlib>

namespace trainer::central {

namespace {

// A clock more than five minutes off starts an episode, flagged once; it ends when the clock is
// back within half of that (a clock hovering at the limit does not flag at every sync).
constexpr long long kSkewFlagMs = 5 * 60 * 1000;
constexpr long long kSkewClearMs = kSkewFlagMs / 2;

void push(PgConnection& conn, sync::LocalLog& log, const Clock& clock, const SyncOptions& o, SyncReport& r) {
    for (std::size_t n = 0;; ++n) {
        const auto batch = log.unacknowledged_events(o.batch);
        if (batch.empty()) return;
        nlohmann::json arr = nlohmann::json::array();
        for (const auto& e : batch) {
            nlohmann::json payload;
            try {
                payload = nlohmann::json::parse(e.payload);
            } catch (const nlohmann::json::exception&) {
                payload = e.payload; // sent as it is; the centre refuses it and says why
            }
            arr.push_back({{"id", e.id}, {"type", e.type}, {"kiosk_id", e.kiosk_id}, {"at_ms", e.at_ms},
                           {"payload", std::move(payload)}});
            if (!e.person_id.empty()) arr.back()["person_id"] = e.person_id;
        }
        // One statement: the centre stores the whole batch or nothing.
        auto res = conn.exec("SELECT event_id, status FROM central.push($1::jsonb, $2::bigint)",
                             {arr.dump(), std::to_string(clock.now_ms())});
        for (int i = 0; i < res.rows(); ++i) {
            const std::string status = res.text(i, 1);
            if (status == "stored")
                ++r.pushed;
            else if (status == "duplicate")
                ++r.duplicates;
            else
                r.refused.push_back({res.text(i, 0), status.substr(status.find(' ') + 1)});
        }
        // Acknowledged only once the centre committed: a cut here re-sends the batch, and the
        // centre answers "duplicate" for what it already has.
        log.mark_acknowledged(batch.back().seq);
        if (o.after_batch) o.after_batch("push", n);
    }
}

// The pull cursor is (xid, seq): the inserting transaction's id and the centre's sequence. A
// plain sequence is not safe: a writer takes seq 10, another takes 11 and commits first; a pull
// then hands out 11 and moves past 10, which becomes visible a moment later and is skipped for
// ever. Instead a pull only hands out rows whose transaction is older than the oldest one still
// running (xid < H, H = pg_snapshot_xmin of the pull's snapshot). Every such transaction has
// finished, so all its rows are visible; every transaction that commits later has an xid at or
// above H, hence above anything handed out, and sorts after the cursor. So the order (xid, seq)
// only ever grows in what is visible, and nothing is skipped. The price: a long transaction
// anywhere in the cluster holds the pull back (never loses rows). tests/central proves it with a
// held-open push and with concurrent pushers and a puller.
//
// A short batch means every row below H that this device may read was handed out, so the cursor
// moves to (H, 0): rows below H it may not read (other teams') are never scanned again. Without
// that, a desk whose scope is quiet would re-read the organisation's rows at every pull.
bool xid_before(const std::string& a, const std::string& b) { return std::stoull(a) < std::stoull(b); }

void pull(PgConnection& conn, sync::LocalLog& log, const SyncOptions& o, SyncReport& r) {
    for (std::size_t n = 0;; ++n) {
        const auto cur = log.cursor();
        PgTransaction snapshot(conn, "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
        const std::string horizon = conn.exec("SELECT pg_snapshot_xmin(pg_current_snapshot())::text").text(0, 0);
        // ORDER BY e.xid, never a bare xid: that names the output column xid::text, and text order
        // ('100000' < '99999') against the numeric cursor skipped rows whenever a batch's xids crossed
        // a power of ten (the concurrent test's "late desk sometimes short"); it also forced a sort of
        // every row after the cursor instead of walking the (xid, seq) index.
        auto res = conn.exec(
            "SELECT e.xid::text, e.seq, e.id, e.type, coalesce(e.person_id, ''), e.kiosk_id, e.at_ms, e.payload::text "
            "FROM central.events e WHERE (e.xid, e.seq) > ($1::xid8, $2::bigint) AND e.xid < $4::xid8 "
            "ORDER BY e.xid, e.seq LIMIT $3",
            {cur.xid, std::to_string(cur.seq), std::to_string(o.batch), horizon});
        snapshot.commit();
        const int rows = res.rows();
        const bool complete = static_cast<std::size_t>(rows) < o.batch;
        std::vector<sync::SyncEvent> events;
        events.reserve(static_cast<std::size_t>(rows));
        for (int i = 0; i < rows; ++i)
            events.push_back({res.text(i, 2), res.text(i, 3), res.text(i, 4), res.text(i, 5), res.int64(i, 6),
                              res.text(i, 7), 0});
        sync::PullCursor next = rows ? sync::PullCursor{res.text(rows - 1, 0), res.int64(rows - 1, 1)} : cur;
        if (complete && xid_before(next.xid, horizon)) next = {horizon, 0};
        if (rows == 0 && next.xid == cur.xid && next.seq == cur.seq) return;
        r.applied += log.apply_pulled(events, next);
        r.pulled += events.size();
        if (o.after_batch && rows) o.after_batch("pull", n);
        if (complete) return;
    }
}

} // namespace

SyncReport sync_once(PgConnection& conn, sync::LocalLog& log, const Clock& clock, const SyncOptions& o) {
    SyncReport r;
    const long long centre_ms = conn.exec("SELECT (extract(epoch FROM clock_timestamp()) * 1000)::bigint").int64(0, 0);
    r.clock_skew_ms = clock.now_ms() - centre_ms;
    // Opens or closes this device's skew episode at the centre even when nothing is pushed.
    conn.exec("SELECT central.note_clock($1::bigint)", {std::to_string(clock.now_ms())});
    push(conn, log, clock, o, r);
    for (const auto& f : r.refused)
        log.audit("sync.refused", nlohmann::json{{"event_id", f.event_id}, {"reason", f.reason}}.dump());
    const long long skew = std::llabs(r.clock_skew_ms);
    if (skew > kSkewFlagMs && !log.skew_flagged()) {
        log.audit("sync.clock_skew", nlohmann::json{{"skew_ms", r.clock_skew_ms}}.dump());
        log.set_skew_flagged(true);
    } else if (skew < kSkewClearMs && log.skew_flagged()) {
        log.set_skew_flagged(false);
    }
    // The audit events just written are pushed with the next sync.
    pull(conn, log, o, r);
    log.record_outcome(true, clock.now_ms(), "");
    return r;
}

SyncReport pull_scope(PgConnection& conn, sync::LocalLog& log, const SyncOptions& o) {
    SyncReport r;
    pull(conn, log, o, r);
    return r;
}

std::string calm_message(const CentralError& e) {
    switch (e.kind()) {
    case ErrorKind::offline: return "The central store is out of reach; this desk keeps working and sends its records later.";
    case ErrorKind::bad_login: return "The central store did not accept this desk's credential; please ask an administrator.";
    case ErrorKind::revoked: return "This desk is no longer connected to the central store; please ask an administrator.";
    case ErrorKind::certificate: return "The central store's certificate could not be trusted; records stay on this desk.";
    case ErrorKind::refused: return "The central store refused to sync with this desk; please ask an administrator.";
    case ErrorKind::other: break;
    }
    return "Sync with the central store failed; records stay on this desk.";
}

} // namespace trainer::central
