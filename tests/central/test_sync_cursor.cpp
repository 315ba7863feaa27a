// [SECTION] The pull cursor never skips a late commit (deterministic and concurrent proofs)
// [SECTION] A review at one desk reaches the lead's dashboard at another
#include "central_fixture.hpp"

#include "trainer/cards/review_service.hpp"
#include "trainer/dashboard/dashboard.hpp"
#include "trainer/store/events.hpp"

#include <atomic>
#include <set>
#include <thread>

using namespace central_test;

// [SECTION] Cursor ---------------------------------------------------------------------------------

TEST_CASE("a row committed after a higher one is still pulled: the cursor waits for the open transaction",
          "[central][cursor]") {
    Centre c;
    Desk slow(c, "desk-slow"), fast(c, "desk-fast"), reader(c, "desk-reader");
    slow.record("note.written", "anna");
    fast.record("note.written", "boris");
    // The slow desk's push stays open (its rows have the lower seq and xid); the fast one commits.
    auto slow_conn = central::connect_device(slow.cred);
    sync::SqliteLocalLog slow_log(slow.db, slow.clock);
    central::PgTransaction open_tx(slow_conn);
    const auto batch = slow_log.unacknowledged_events(10);
    nlohmann::json arr = nlohmann::json::array();
    for (const auto& e : batch)
        arr.push_back({{"id", e.id}, {"type", e.type}, {"person_id", e.person_id}, {"kiosk_id", e.kiosk_id},
                       {"at_ms", e.at_ms}, {"payload", nlohmann::json::parse(e.payload)}});
    slow_conn.exec("SELECT * FROM central.push($1::jsonb, 0)", {arr.dump()});
    { // one exchange: settling would wait for the transaction this test holds open
        auto fast_conn = central::connect_device(fast.cred);
        sync::SqliteLocalLog fast_log(fast.db, fast.clock);
        central::sync_once(fast_conn, fast_log, fast.clock);
    }
    // The reader sees neither yet: handing out the fast row would move the cursor past the slow one.
    auto reader_conn = central::connect_device(reader.cred);
    sync::SqliteLocalLog reader_log(reader.db, reader.clock);
    const auto r1 = central::sync_once(reader_conn, reader_log, reader.clock); // one exchange, no waiting
    CHECK(reader.count("person_id IS NOT NULL") == 0);
    CHECK(r1.pulled == 0);
    open_tx.commit();
    reader.sync();
    CHECK(reader.count("person_id = 'anna'") == 1);
    CHECK(reader.count("person_id = 'boris'") == 1);
}

TEST_CASE("four concurrent pushers and a puller: the puller ends with every event exactly once",
          "[central][cursor]") {
    Centre c;
    constexpr int kPushers = 4, kEventsEach = 300;
    std::vector<std::unique_ptr<Desk>> desks;
    for (int i = 0; i < kPushers; ++i) desks.push_back(std::make_unique<Desk>(c, "pusher-" + std::to_string(i)));
    Desk puller(c, "puller");
    std::atomic<int> running{kPushers}, errors{0};
    std::vector<std::thread> threads;
    for (int i = 0; i < kPushers; ++i)
        threads.emplace_back([&, i] {
            try {
            Desk& d = *desks[static_cast<std::size_t>(i)];
            auto conn = central::connect_device(d.cred);
            sync::SqliteLocalLog log(d.db, d.clock);
            central::SyncOptions o;
            o.batch = 7; // many small transactions interleave
            o.import_events = 7; // small pulled pages too
            for (int n = 0; n < kEventsEach; n += 10) {
                std::string person = "p"; // appended: see below
                person += std::to_string(i);
                for (int k = 0; k < 10; ++k) d.record("note.written", person, {{"n", n + k}});
                central::sync_once(conn, log, d.clock, o);
            }
            } catch (const std::exception& e) {
                ++errors;
                UNSCOPED_INFO(e.what());
            }
            --running;
        });
    // The puller keeps pulling while the pushers write; small batches make many cursor moves.
    auto conn = central::connect_device(puller.cred);
    sync::SqliteLocalLog log(puller.db, puller.clock);
    central::SyncOptions o;
    o.batch = 13;
    o.import_events = 13; // small pulled pages too
    int pulls = 0;
    while (running > 0) {
        central::sync_once(conn, log, puller.clock, o);
        ++pulls;
    }
    for (auto& t : threads) t.join();
    settle(conn, log, puller.clock, o);
    CHECK(pulls > 1);
    CHECK(c.count("SELECT count(*) FROM central.events") == kPushers * kEventsEach);
    // Diagnostics when it fails: the cursor and the centre's rows the puller lacks.
    const auto cur = log.cursor();
    std::string missing;
    auto all = c.admin.exec("SELECT e.id, e.xid::text, e.seq FROM central.events e ORDER BY e.xid, e.seq");
    for (int i = 0; i < all.rows(); ++i) {
        auto st = puller.db.prepare("SELECT 1 FROM events WHERE id = ?1");
        st.bind(1, all.text(i, 0));
        if (!st.step()) missing += " (" + all.text(i, 1) + "," + all.text(i, 2) + ")";
    }
    INFO("cursor (" << cur.xid << "," << cur.seq << "); missing (xid,seq):" << missing);
    CHECK(puller.count("type = 'note.written'") == kPushers * kEventsEach);
    CHECK(errors.load() == 0);
    // A fresh desk pulling everything agrees with the one that pulled along the way, in one settle.
    Desk late(c, "late");
    late.sync();
    CHECK(late.count("type = 'note.written'") == kPushers * kEventsEach);
}

TEST_CASE("rows whose transaction ids cross a power of ten are pulled in numeric order, none skipped",
          "[central][cursor]") {
    Centre c;
    Desk writer(c, "desk-writer"), reader(c, "desk-reader");
    // Take transaction ids (subtransactions are cheap) up to a little below the next power of ten.
    const long long now_xid = c.count("SELECT pg_current_xact_id()::text::bigint");
    long long power = 10;
    while (power <= now_xid + 100) power *= 10;
    if (power - now_xid > 3'000'000) {
        WARN("transaction ids are at " << now_xid << ": too far from the next power of ten to reach quickly");
        return;
    }
    c.admin.exec("CREATE TEMP TABLE burn (i int)");
    c.admin.exec("DO $$ BEGIN FOR i IN 1.." + std::to_string(power - now_xid - 30) +
                 " LOOP BEGIN INSERT INTO burn VALUES (i); EXCEPTION WHEN others THEN NULL; END; END LOOP; END $$");
    // Sixty pushes of one event, each its own transaction: their ids straddle the power of ten.
    for (int i = 0; i < 60; ++i) writer.record("note.written", "anna", {{"n", i}});
    {
        auto conn = central::connect_device(writer.cred);
        sync::SqliteLocalLog log(writer.db, writer.clock);
        central::SyncOptions one;
        one.batch = 1;
        one.import_events = 1; // small pulled pages too
        central::sync_once(conn, log, writer.clock, one);
    }
    std::string p = "'"; // appended, not "'" + ...: GCC 12 -O3 warns falsely (stringop-overflow)
    p.append(std::to_string(power)).append("'::xid8");
    if (c.count("SELECT count(*) FROM central.events WHERE xid < " + p) == 0 ||
        c.count("SELECT count(*) FROM central.events WHERE xid >= " + p) == 0) {
        WARN("other transactions took the ids around " << power << "; nothing straddles it this time");
        return;
    }
    central::SyncOptions small;
    small.batch = 7;
    small.import_events = 7; // small pulled pages too
    reader.sync(small);
    CHECK(reader.count("type = 'note.written'") == 60);
}

// [SECTION] Dashboard ------------------------------------------------------------------------------

TEST_CASE("a review graded at one desk shows on the lead's dashboard at another after both sync",
          "[central]") {
    Centre c;
    Desk agent_desk(c, "desk-agent", "team:team-north");
    Desk lead_desk(c, "desk-lead", "team:team-north");
    central::publish_roster(c.admin, {{"a1", "team-north"}, {"a2", "team-north"}, {"lead.north", "team-north"}},
                            {{"team-north", "site-krakow"}});
    for (Desk* d : {&agent_desk, &lead_desk}) change_test::add_people(d->db);
    const auto content = change_test::bundled();
    const std::string card = content->cards[0].id;
    cards::ReviewService reviews(agent_desk.db, *agent_desk.events, agent_desk.clock, *content, {});
    reviews.grade("a1", card, fsrs::Rating::Good);
    agent_desk.sync();
    lead_desk.sync();
    dashboard::DashboardService d(lead_desk.db, lead_desk.clock, *content);
    const auto lead = identity::actor_for(lead_desk.db, "lead.north");
    const auto map = d.heatmap(lead, "team-north");
    std::size_t row = 0, col = 0;
    while (row < map.person_ids.size() && map.person_ids[row] != "a1") ++row;
    while (col < map.card_ids.size() && map.card_ids[col] != card) ++col;
    REQUIRE(row < map.person_ids.size());
    REQUIRE(col < map.card_ids.size());
    CHECK(map.at(row, col) != dashboard::Cell::NotStarted);
}
