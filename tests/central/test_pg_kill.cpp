// kill -9 of PostgreSQL in the middle of a push and of a pull (its own cluster: see
// tests/CMakeLists.txt). The server's crash recovery keeps what it committed; the desk's
// acknowledgement and cursor only move after a commit, so a re-run completes the rest once.
#include "central_fixture.hpp"

#include <thread>

using namespace central_test;

namespace {

void pg_cluster(const std::string& what) {
    const std::string cmd = TRAINER_SOURCE_DIR "/tests/central/pg_cluster.sh " + what + " " + state_dir();
    REQUIRE(test::run_command(cmd) == 0);
}

// After a crash the server needs a moment of recovery before it takes connections again.
central::SyncReport sync_when_back(Desk& d) {
    for (int attempt = 0;; ++attempt) {
        try {
            return d.sync();
        } catch (const central::CentralError& e) {
            if (e.kind() != central::ErrorKind::offline || attempt > 100) throw;
            std::this_thread::sleep_for(std::chrono::milliseconds(200));
        }
    }
}

} // namespace

TEST_CASE("kill -9 of PostgreSQL in the middle of a push and of a pull", "[pgkill]") {
    Centre c;
    Desk a(c, "desk-a"), b(c, "desk-b");
    for (int i = 0; i < 400; ++i) a.record("note.written", "anna", {{"n", i}});
    for (const char* phase : {"push", "pull"}) {
        Desk& d = std::string(phase) == "push" ? a : b;
        central::SyncOptions o;
        o.batch = 50;
        o.import_events = 50; // one import per page: the cut falls between imports
        o.after_batch = [&](const char* p, std::size_t n) {
            if (std::string(p) == phase && n == 2) pg_cluster("kill");
        };
        try {
            d.sync(o);
            FAIL("the sync went on with the server killed");
        } catch (const central::CentralError& e) {
            CHECK(e.kind() == central::ErrorKind::offline);
        }
        pg_cluster("start-again");
        sync_when_back(d);
    }
    c.admin = central::PgConnection::open(admin_url(c.db));
    CHECK(c.count("SELECT count(*) FROM central.events") == 400);
    CHECK(c.count("SELECT count(*) FROM central.event_ids") == 400);
    CHECK(b.count("person_id = 'anna'") == 400);
    CHECK(a.waiting() == 0);
}
