// A `--central` report's pull (central::pull_scope) holds everything committed before it began,
// even while a transaction elsewhere in the cluster holds the pull horizon back; when that
// transaction outlasts the wait, the report is told it may be incomplete instead of coming back
// silently short (it came back empty when the suite ran its long-transaction tests alongside).
#include "central_fixture.hpp"

#include <thread>

using namespace central_test;

namespace {

// A transaction that has written (so it has an id) and stays open, as a long job would.
struct HeldTransaction {
    central::PgConnection conn;
    explicit HeldTransaction(const Centre& c) : conn(central::PgConnection::open(admin_url(c.db))) {
        conn.exec("BEGIN");
        conn.exec("SELECT pg_current_xact_id()");
    }
    void end() { conn.exec("COMMIT"); }
};

// One exchange (Desk::sync settles, which would wait for the held transaction).
void push_once(Desk& d) {
    auto conn = central::connect_device(d.cred);
    sync::SqliteLocalLog log(d.db, d.clock);
    central::sync_once(conn, log, d.clock);
}

} // namespace

TEST_CASE("a report's pull waits for a transaction held open elsewhere and gets what was committed before it",
          "[central][cursor][reports]") {
    Centre c;
    Desk writer(c, "desk-writer"), report(c, "desk-report");
    HeldTransaction held(c);
    writer.record("note.written", "anna");
    push_once(writer); // committed, but above the horizon the held transaction keeps
    std::thread ender([&] {
        std::this_thread::sleep_for(std::chrono::milliseconds(400));
        held.end();
    });
    auto conn = central::connect_device(report.cred);
    sync::SqliteLocalLog log(report.db, report.clock);
    const auto r = central::pull_scope(conn, log, {}, 20000);
    ender.join();
    CHECK_FALSE(r.held_back);
    CHECK(report.count("person_id = 'anna'") == 1);
}

TEST_CASE("a report's pull that a transaction outlasts says it may be incomplete", "[central][cursor][reports]") {
    Centre c;
    Desk writer(c, "desk-writer"), report(c, "desk-report");
    HeldTransaction held(c);
    writer.record("note.written", "anna");
    push_once(writer);
    auto conn = central::connect_device(report.cred);
    sync::SqliteLocalLog log(report.db, report.clock);
    const auto r = central::pull_scope(conn, log, {}, 300);
    CHECK(r.held_back);
    CHECK(report.count("person_id = 'anna'") == 0);
    held.end();
    const auto again = central::pull_scope(conn, log, {}, 20000);
    CHECK_FALSE(again.held_back);
    CHECK(report.count("person_id = 'anna'") == 1);
}
