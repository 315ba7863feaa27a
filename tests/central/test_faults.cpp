// [SECTION] The centre down for a working day
// [SECTION] kill -9 of a desk mid-push and mid-pull; the connection cut mid-batch
// [SECTION] A desk clock an hour off; a desk restored from an old backup; one person on two desks
#include "central_fixture.hpp"

#include "trainer/cards/review_service.hpp"

#include <csignal>
#include <sys/wait.h>
#include <thread>
#include <unistd.h>

using namespace central_test;

namespace {

// Runs `fn` in a child process that SIGKILLs itself from inside the sync (after_batch).
void in_child_killed_at(const std::function<void()>& fn) {
    const pid_t pid = ::fork();
    REQUIRE(pid >= 0);
    if (pid == 0) {
        try {
            fn();
        } catch (...) {
        }
        ::_exit(0); // not killed: the parent's check below fails
    }
    int status = 0;
    ::waitpid(pid, &status, 0);
    REQUIRE(WIFSIGNALED(status));
    REQUIRE(WTERMSIG(status) == SIGKILL);
}

} // namespace

// [SECTION] Centre down ----------------------------------------------------------------------------

TEST_CASE("the centre down for a working day: the desk keeps recording and everything lands once", "[central][faults]") {
    Centre c;
    Desk a(c, "desk-a"), b(c, "desk-b");
    const auto good_url = a.cred.url;
    a.cred.url = "postgresql://localhost:1/" + c.db + "?connect_timeout=1";
    // Eight hours up to now, a record every thirty seconds, a sync attempt every hour.
    constexpr int kEvents = 8 * 120;
    a.clock.set(SystemClock().now_ms() - 8 * 60 * kMsPerMinute);
    int failures = 0;
    for (int i = 0; i < kEvents; ++i) {
        a.record("note.written", "anna", {{"n", i}});
        a.clock.advance_ms(30'000);
        if (i % 120 == 0) {
            try {
                a.sync();
            } catch (const central::CentralError& e) {
                CHECK(e.kind() == central::ErrorKind::offline);
                sync::SqliteLocalLog log(a.db, a.clock);
                log.record_outcome(false, a.clock.now_ms(), central::calm_message(e));
                ++failures;
            }
        }
    }
    CHECK(failures == 8);
    sync::SqliteLocalLog log(a.db, a.clock);
    CHECK(log.state().waiting == kEvents);
    CHECK(log.state().offline_since_ms.has_value());
    a.cred.url = good_url;
    const auto r = a.sync();
    CHECK(r.pushed == kEvents);
    CHECK(log.state().waiting == 0);
    CHECK_FALSE(log.state().offline_since_ms.has_value());
    CHECK(a.sync().pushed == 0);
    CHECK(c.count("SELECT count(*) FROM central.events") == kEvents);
    b.sync();
    CHECK(b.count("person_id = 'anna'") == kEvents);
}

// [SECTION] kill -9 and cuts -----------------------------------------------------------------------

TEST_CASE("kill -9 of a desk in the middle of a push and of a pull: nothing lost, nothing twice", "[central][faults]") {
    Centre c;
    Desk a(c, "desk-a"), b(c, "desk-b");
    for (int i = 0; i < 500; ++i) a.record("note.written", "anna", {{"n", i}});
    central::SyncOptions o;
    o.batch = 50;
    o.import_events = 50; // one import per page: the cut falls between imports
    o.after_batch = [](const char* phase, std::size_t n) {
        if (std::string(phase) == "push" && n == 3) ::raise(SIGKILL);
    };
    in_child_killed_at([&] {
        auto db = store::Database::open(a.db.path());
        auto conn = central::connect_device(a.cred);
        sync::SqliteLocalLog log(db, a.clock);
        central::sync_once(conn, log, a.clock, o);
    });
    CHECK(c.count("SELECT count(*) FROM central.events") == 200);
    CHECK(a.waiting() == 300);
    const auto r = a.sync();
    CHECK(r.pushed == 300);
    CHECK(c.count("SELECT count(*) FROM central.events") == 500);

    o.after_batch = [](const char* phase, std::size_t n) {
        if (std::string(phase) == "pull" && n == 4) ::raise(SIGKILL);
    };
    in_child_killed_at([&] {
        auto db = store::Database::open(b.db.path());
        auto conn = central::connect_device(b.cred);
        sync::SqliteLocalLog log(db, b.clock);
        central::sync_once(conn, log, b.clock, o);
    });
    CHECK(b.count("person_id = 'anna'") == 250);
    b.sync();
    CHECK(b.count("person_id = 'anna'") == 500);
}

TEST_CASE("the connection cut in the middle of a batch: a re-run completes, nothing twice", "[central][faults]") {
    Centre c;
    Desk a(c, "desk-a"), b(c, "desk-b");
    for (int i = 0; i < 300; ++i) a.record("note.written", "anna", {{"n", i}});
    for (const char* phase : {"push", "pull"}) {
        Desk& d = std::string(phase) == "push" ? a : b;
        central::SyncOptions o;
        o.batch = 40;
        o.import_events = 40; // one import per page: the cut falls between imports
        o.after_batch = [&](const char* p, std::size_t n) {
            if (std::string(p) == phase && n == 2)
                c.admin.exec("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE usename = $1", {d.cred.user});
        };
        try {
            d.sync(o);
            FAIL("the cut connection went unnoticed");
        } catch (const central::CentralError& e) {
            CHECK(e.kind() == central::ErrorKind::offline);
        }
        d.sync();
    }
    CHECK(c.count("SELECT count(*) FROM central.events") == 300);
    CHECK(b.count("person_id = 'anna'") == 300);
    CHECK(a.waiting() == 0);
}

// [SECTION] Clocks, backups, two desks ---------------------------------------------------------------

TEST_CASE("a desk whose clock is an hour ahead is flagged in both audits and its records keep their times",
          "[central][faults]") {
    Centre c;
    Desk a(c, "desk-a"), b(c, "desk-b");
    a.clock.advance_ms(60 * kMsPerMinute);
    const auto e = a.record("note.written", "anna");
    const auto r = a.sync();
    CHECK(r.clock_skew_ms > 59 * kMsPerMinute);
    CHECK(r.clock_skew_ms < 61 * kMsPerMinute);
    // Flagged once per episode, however many batches and exchanges it lasts.
    for (int i = 0; i < 3; ++i) {
        a.record("note.written", "anna");
        a.sync();
    }
    CHECK(a.count("type = 'sync.clock_skew'") == 1);
    CHECK(c.count("SELECT count(*) FROM central.clock_skew WHERE device = 'desk-a' AND skew_ms > 3500000") == 1);
    CHECK(c.count("SELECT count(*) FROM central.clock_skew WHERE device = 'desk-a' AND ended_at IS NULL "
                  "AND last_seen_at > at") == 1);
    // The clock is put right: the episode ends; a later drift is a new episode, flagged again.
    a.clock.set(SystemClock().now_ms());
    a.sync();
    CHECK(c.count("SELECT count(*) FROM central.clock_skew WHERE device = 'desk-a' AND ended_at IS NULL") == 0);
    a.clock.advance_ms(-30 * kMsPerMinute);
    a.record("note.written", "anna");
    a.sync();
    CHECK(a.count("type = 'sync.clock_skew'") == 2);
    CHECK(c.count("SELECT count(*) FROM central.clock_skew WHERE device = 'desk-a'") == 2);
    b.sync();
    auto st = b.db.prepare("SELECT at_ms FROM events WHERE id = ?1");
    st.bind(1, e.id);
    REQUIRE(st.step());
    CHECK(st.int64(0) == e.at_ms); // the same stamp everywhere: the same order on every device
}

TEST_CASE("a desk restored from an old backup gets its later records back and duplicates nothing",
          "[central][faults]") {
    Centre c;
    Desk a(c, "desk-a");
    for (int i = 0; i < 20; ++i) a.record("note.written", "anna", {{"n", i}});
    a.sync();
    const auto backup = a.dir / "old-backup.db";
    a.db.backup_to(backup);
    for (int i = 20; i < 50; ++i) a.record("note.written", "anna", {{"n", i}});
    a.sync();
    // The desk's disk dies; the old backup is restored in its place.
    auto restored = store::Database::open(backup);
    CHECK(restored.prepare("SELECT count(*) FROM events").step());
    sync::SqliteLocalLog log(restored, a.clock);
    auto conn = central::connect_device(a.cred);
    const auto r = settle(conn, log, a.clock);
    CHECK(r.pushed == 0);
    CHECK(r.applied == 30);
    auto st = restored.prepare("SELECT count(*), count(DISTINCT id) FROM events WHERE person_id = 'anna'");
    st.step();
    CHECK(st.int64(0) == 50);
    CHECK(st.int64(1) == 50);
    CHECK(c.count("SELECT count(*) FROM central.events") == 50);
    settle(conn, log, a.clock); // re-sends what it pulled back: the centre answers "duplicate"
    CHECK(c.count("SELECT count(*) FROM central.events") == 50);
    CHECK(log.state().waiting == 0);
}

TEST_CASE("the same person reviewing on two desks at once: both desks and the centre end with both reviews",
          "[central][faults]") {
    Centre c;
    Desk a(c, "desk-a"), b(c, "desk-b");
    const auto content = change_test::bundled();
    for (Desk* d : {&a, &b}) change_test::add_people(d->db);
    cards::ReviewService ra(a.db, *a.events, a.clock, *content, {});
    cards::ReviewService rb(b.db, *b.events, b.clock, *content, {});
    for (std::size_t i = 0; i < 5; ++i) {
        ra.grade("a1", content->cards[i].id, fsrs::Rating::Good);
        rb.grade("a1", content->cards[i].id, fsrs::Rating::Hard);
    }
    std::thread ta([&] { a.sync(); });
    std::thread tb([&] { b.sync(); });
    ta.join();
    tb.join();
    a.sync();
    b.sync();
    CHECK(c.count("SELECT count(*) FROM central.events WHERE type = 'card.reviewed'") == 10);
    CHECK(a.count("type = 'card.reviewed' AND person_id = 'a1'") == 10);
    CHECK(b.count("type = 'card.reviewed' AND person_id = 'a1'") == 10);
}
