#include "trainer/central/sync_client.hpp"
#include "trainer/central/copy_text.hpp"
#include "trainer/central/schema.hpp"
#include "trainer/store/events.hpp"
#include "trainer/store/payload.hpp"

#include <algorithm>
#include <chrono>
#include <cstdlib>

namespace trainer::central {

namespace {

// A clock more than five minutes off starts an episode, flagged once; it ends when the clock is
// back within half of that (a clock hovering at the limit does not flag at every sync).
constexpr long long kSkewFlagMs = 5 * 60 * 1000;
constexpr long long kSkewClearMs = kSkewFlagMs / 2;

// The push streams the batch with COPY into a per-session staging table and stores it with one
// call, all in one transaction at the centre: with each event's origin_seq (central migration 5,
// push_v5_sql.cpp), or without it to a centre still at migration 4 (push_v4_sql.cpp).
constexpr const char* kPushStageSql =
    "CREATE TEMP TABLE IF NOT EXISTS push_stage_origin (n int, id text, type text, person_id text, kiosk_id text, "
    "at_ms text, origin_seq text, payload text) ON COMMIT DELETE ROWS; "
    "COPY pg_temp.push_stage_origin (n, id, type, person_id, kiosk_id, at_ms, origin_seq, payload) FROM STDIN";
// Central migration 8 (push_v8_sql.cpp): the staging table is the centre's (its writer role owns
// it, the desk may only COPY into it), made on the session's first push.
constexpr const char* kPushBatchSql =
    "SELECT central.open_push_batch(); "
    "COPY pg_temp.push_batch (n, id, type, person_id, kiosk_id, at_ms, origin_seq, payload) FROM STDIN";
constexpr const char* kPushStageV4Sql =
    "CREATE TEMP TABLE IF NOT EXISTS push_stage (n int, id text, type text, person_id text, kiosk_id text, "
    "at_ms text, payload text) ON COMMIT DELETE ROWS; "
    "COPY pg_temp.push_stage (n, id, type, person_id, kiosk_id, at_ms, payload) FROM STDIN";

// Whether the centre keeps origin_seq (migration 5). A desk updated before its centre still syncs;
// its pulled events then have origin_seq 0, as before.
bool keeps_origin(PgConnection& conn) { return check_central_version(conn) >= kOriginSeqVersion; }

double seconds_since(std::chrono::steady_clock::time_point t) {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - t).count();
}

void push(PgConnection& conn, sync::LocalLog& log, const Clock& clock, const SyncOptions& o, int version,
          SyncReport& r) {
    const bool origin = version >= kOriginSeqVersion, writer = version >= kWriterPushVersion;
    const char* stage = writer ? kPushBatchSql : origin ? kPushStageSql : kPushStageV4Sql;
    const char* call = writer   ? "SELECT event_id, status FROM central.push_batch($1::bigint)"
                       : origin ? "SELECT event_id, status FROM central.push_staged_origin($1::bigint)"
                                : "SELECT event_id, status FROM central.push_staged($1::bigint)";
    std::string data;
    for (std::size_t n = 0;; ++n) {
        const auto batch = log.unacknowledged_events(o.batch);
        if (batch.empty()) return;
        const auto started = std::chrono::steady_clock::now();
        data.clear();
        int row = 0;
        for (const auto& e : batch) {
            copy_append(data, std::to_string(row++));
            copy_append(data, e.id);
            copy_append(data, e.type);
            if (e.person_id.empty()) copy_append_null(data);
            else copy_append(data, e.person_id);
            copy_append(data, e.kiosk_id);
            copy_append(data, std::to_string(e.at_ms));
            if (origin) copy_append(data, std::to_string(e.origin_seq));
            copy_append(data, e.payload, true); // as stored: the centre parses and checks it
        }
        PgResult res = [&] {
            PgTransaction tx(conn);
            conn.copy_in(stage, data);
            auto out = conn.exec(call, {std::to_string(clock.now_ms())});
            tx.commit();
            return out;
        }();
        r.push_s += seconds_since(started);
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

std::string digits_only(const std::string& v, const char* what) {
    if (v.empty() || v.size() > 20 || v.find_first_not_of("0123456789") != std::string::npos)
        throw CentralError(ErrorKind::other, "", std::string("the pull cursor's ") + what + " is not a number: '" + v + "'");
    return v;
}

// One page: the rows after `cur` below the snapshot's horizon, appended to `events`. Returns the
// cursor after them and whether the page was short (nothing more below the horizon).
struct Page {
    sync::PullCursor next;
    bool complete = false;
    long long rows = 0;
};

Page fetch_page(PgConnection& conn, const sync::PullCursor& cur, std::size_t limit, bool origin,
                bool below_horizon, std::vector<sync::SyncEvent>& events) {
    PgTransaction snapshot(conn, "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
    // A whole-snapshot read (a report) keeps no cursor and needs no horizon: one round trip fewer.
    const std::string horizon =
        below_horizon ? conn.exec("SELECT pg_snapshot_xmin(pg_current_snapshot())::text").text(0, 0) : std::string();
    // ORDER BY e.xid, never a bare xid: that names the output column xid::text, and text order
    // ('100000' < '99999') against the numeric cursor skipped rows whenever a batch's xids crossed
    // a power of ten (the concurrent test's "late desk sometimes short"); it also forced a sort of
    // every row after the cursor instead of walking the (xid, seq) index. COPY takes no
    // parameters: the cursor is spliced, as checked digits.
    Page p;
    p.next = cur;
    p.rows = conn.copy_out(
        "COPY (SELECT e.xid::text, e.seq, e.id, e.type, e.person_id, e.kiosk_id, e.at_ms, e.payload::text, " +
            std::string(origin ? "e.origin_seq" : "NULL") +
            " FROM central.events e WHERE (e.xid, e.seq) > ('" + digits_only(cur.xid, "xid") + "'::xid8, " +
            std::to_string(cur.seq) + "::bigint)" +
            (below_horizon ? " AND e.xid < '" + digits_only(horizon, "horizon") + "'::xid8" : std::string()) +
            " ORDER BY e.xid, e.seq LIMIT " + std::to_string(limit) + ") TO STDOUT",
        [&](std::string_view line) {
            auto cols = copy_split(line);
            if (cols.size() != 9 || !cols[0] || !cols[1] || !cols[2] || !cols[6])
                throw CentralError(ErrorKind::other, "", "a pulled row has " + std::to_string(cols.size()) +
                                                             " columns or a missing key, not the 9 expected");
            p.next = {*cols[0], std::atoll(cols[1]->c_str())};
            events.push_back({std::move(*cols[2]), cols[3].value_or(""), cols[4].value_or(""), cols[5].value_or(""),
                              std::atoll(cols[6]->c_str()), cols[7].value_or(""), 0,
                              cols[8] ? std::atoll(cols[8]->c_str()) : 0}); // NULL: not kept (docs/merging.md)
        });
    snapshot.commit();
    p.complete = static_cast<std::size_t>(p.rows) < limit;
    if (p.complete && below_horizon && xid_before(p.next.xid, horizon)) p.next = {horizon, 0};
    return p;
}

void pull(PgConnection& conn, sync::LocalLog& log, const SyncOptions& o, bool origin, SyncReport& r) {
    std::vector<sync::SyncEvent> events;
    const std::size_t import_at = std::max(o.batch, o.import_events);
    for (std::size_t n = 0;; ++n) {
        const auto from = log.cursor();
        auto cur = from;
        events.clear();
        bool complete = false;
        const auto started = std::chrono::steady_clock::now();
        // One page as large as the import (the planner then reads the scope in one pass instead
        // of an index walk per page); more only if a page came back full but short of it.
        while (!complete && events.size() < import_at) {
            const Page p = fetch_page(conn, cur, import_at - events.size(), origin, !o.whole_snapshot, events);
            cur = p.next;
            complete = p.complete;
        }
        r.fetch_s += seconds_since(started);
        if (events.empty() && cur.xid == from.xid && cur.seq == from.seq) return;
        const auto importing = std::chrono::steady_clock::now();
        r.applied += log.apply_pulled(events, cur);
        r.import_s += seconds_since(importing);
        r.pulled += events.size();
        if (o.after_batch && !events.empty()) o.after_batch("pull", n);
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
    const int version = check_central_version(conn);
    const bool origin = version >= kOriginSeqVersion;
    push(conn, log, clock, o, version, r);
    for (const auto& f : r.refused)
        log.audit("sync.refused", store::Payload{{"event_id", f.event_id}, {"reason", f.reason}}.dump());
    const long long skew = std::llabs(r.clock_skew_ms);
    if (skew > kSkewFlagMs && !log.skew_flagged()) {
        log.audit("sync.clock_skew", store::Payload{{"skew_ms", r.clock_skew_ms}}.dump());
        log.set_skew_flagged(true);
    } else if (skew < kSkewClearMs && log.skew_flagged()) {
        log.set_skew_flagged(false);
    }
    // The audit events just written are pushed with the next sync.
    if (o.pull) pull(conn, log, o, origin, r);
    log.record_outcome(true, clock.now_ms(), "");
    return r;
}

SyncReport pull_scope(PgConnection& conn, sync::LocalLog& log, const SyncOptions& o) {
    SyncReport r;
    pull(conn, log, o, keeps_origin(conn), r);
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
