// A `--central` report's pull (central::pull_scope with whole_snapshot) holds everything committed
// when it began, even while a transaction elsewhere in the cluster holds desks' pull horizon back
// (it came back empty when the suite ran its long-transaction tests alongside). A desk's own sync
// still waits for that transaction: its cursor must never pass a late commit.
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

TEST_CASE("a report's pull gets what was committed while a transaction elsewhere stays open, a desk's sync waits",
          "[central][cursor][reports]") {
    Centre c;
    Desk writer(c, "desk-writer"), report(c, "desk-report"), desk(c, "desk-other");
    HeldTransaction held(c);
    writer.record("note.written", "anna");
    push_once(writer); // committed, but above the horizon the held transaction keeps

    central::SyncOptions whole;
    whole.whole_snapshot = true;
    auto conn = central::connect_device(report.cred);
    sync::SqliteLocalLog log(report.db, report.clock);
    const auto r = central::pull_scope(conn, log, whole);
    CHECK(r.pulled >= 1);
    CHECK(report.count("person_id = 'anna'") == 1);

    // A desk keeping a cursor does not take it yet (it would skip a late commit below it)...
    auto desk_conn = central::connect_device(desk.cred);
    sync::SqliteLocalLog desk_log(desk.db, desk.clock);
    central::pull_scope(desk_conn, desk_log);
    CHECK(desk.count("person_id = 'anna'") == 0);
    // ...and does once the transaction has ended (and any another test holds open in the cluster).
    held.end();
    for (int i = 0; i < 300 && desk.count("person_id = 'anna'") == 0; ++i) {
        central::pull_scope(desk_conn, desk_log);
        if (desk.count("person_id = 'anna'") == 0) std::this_thread::sleep_for(std::chrono::milliseconds(100));
    }
    CHECK(desk.count("person_id = 'anna'") == 1);
}
