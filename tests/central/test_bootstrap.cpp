// A new desk's bootstrap (docs/deployment.md, "A new desk's bootstrap"): the team's history pulled
// from the centre and imported in pages through the one import. The desk ends with exactly what a
// rebuild from its events gives, and a bootstrap cut between imports resumes where it stopped.
#include "central_fixture.hpp"

#include "trainer/app/projections.hpp"
#include "trainer/central/seed.hpp"
#include "trainer/sync/merge.hpp"
#include "trainer/sync/rebuild_check.hpp"

#include <stdexcept>

using namespace central_test;

namespace {

std::string derived_state(Desk& d) {
    return sync::canonical_dump(d.db, sync::derived_tables(app::all_projections()));
}

} // namespace

TEST_CASE("a team desk's bootstrap equals a rebuild of its events, and an interrupted one resumes to the same state",
          "[central][bootstrap]") {
    Centre c;
    // Two teams of 25 agents, 30 days of reviews with QA evaluations and survey answers: 7,500+
    // events for team-0, more than one import page (sync::kMergePageEvents) in one pull.
    central::SeedOptions seed;
    seed.agents = 50;
    seed.days = 30;
    seed.end_ms = SystemClock().now_ms();
    central::seed_central(c.admin, seed);
    c.admin.exec("ANALYZE");
    const long long team_events =
        c.count("SELECT count(*) FROM central.events WHERE subject IN "
                "(SELECT person_id FROM central.memberships WHERE team_id = 'team-0')");
    REQUIRE(team_events > static_cast<long long>(sync::kMergePageEvents));

    // In one go: one pull, imported page by page in one transaction.
    Desk whole(c, "whole", "team:team-0");
    const auto r = whole.sync();
    CHECK(static_cast<long long>(r.pulled) == team_events);
    CHECK(whole.count("kiosk_id = 'seed'") == team_events);
    CHECK(whole.count("type = 'sync.unapplied'") == 0);
    CHECK(whole.count("person_id = 'agent-30' OR json_extract(payload, '$.person') = 'agent-30'") == 0); // team-1
    CHECK(sync::check_rebuild(whole.db, app::all_projections()).empty());
    CHECK(whole.count("1") == whole.count("kiosk_id = 'seed'")); // nothing but the pulled events
    {
        auto st = whole.db.prepare("SELECT count(*) FROM card_state");
        st.step();
        CHECK(st.int64(0) > 0);
    }

    // Cut after the second imported pull (pulls of 3,000 events): what was imported stays, the
    // cursor with it; the next sync goes on from there and ends in the same state.
    Desk cut(c, "cut", "team:team-0");
    central::SyncOptions small;
    small.batch = 3000;
    small.import_events = 3000;
    small.after_batch = [](const char* phase, std::size_t n) {
        if (std::string(phase) == "pull" && n == 1) throw std::runtime_error("the connection dropped");
    };
    {
        auto conn = central::connect_device(cut.cred);
        sync::SqliteLocalLog log(cut.db, cut.clock);
        CHECK_THROWS_WITH(central::sync_once(conn, log, cut.clock, small), "the connection dropped");
    }
    CHECK(cut.count("kiosk_id = 'seed'") == 6000);
    CHECK(sync::check_rebuild(cut.db, app::all_projections()).empty());
    small.after_batch = nullptr;
    const auto rest = cut.sync(small);
    CHECK(static_cast<long long>(rest.pulled) == team_events - 6000);
    CHECK(cut.count("kiosk_id = 'seed'") == team_events);
    CHECK(sync::check_rebuild(cut.db, app::all_projections()).empty());
    CHECK(derived_state(cut) == derived_state(whole));
}
