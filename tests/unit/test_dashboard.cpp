// [SECTION] Mastery and backlog agree with the review service (a seeded history)
// [SECTION] Team scope: a lead sees only their teams (service and CLI)
// [SECTION] Phase distribution per ISO week, onboarding and QA hooks
#include "change_fixture.hpp"
#include "support.hpp"

#include "trainer/app/dashboard_hooks.hpp"
#include "trainer/cards/review_service.hpp"
#include "trainer/change/checkin.hpp"
#include "trainer/change/projection.hpp"
#include "trainer/core/org_time_zone.hpp"
#include "trainer/dashboard/dashboard.hpp"
#include "trainer/dashboard/demo_seed.hpp"
#include "trainer/quality/motivation.hpp"
#include "trainer/store/events.hpp"

#include <algorithm>

using namespace trainer;
using change_test::Fixture;
using content::Phase;

namespace {

// A seeded demo history: 8 agents, 70 days, in memory.
struct Seeded {
    store::Database db = store::Database::open_memory();
    FixedClock clock{change_test::kNow};
    store::EventStore events{db, clock, "kiosk-test"};
    std::shared_ptr<const content::ContentSet> content = change_test::bundled();
    dashboard::DemoResult result;
    Seeded(int agents = 8, int days = 70) {
        dashboard::DemoOptions o;
        o.agents = agents;
        o.days = days;
        o.modules = {"basics-1", "basics-2"};
        result = dashboard::seed_demo_history(db, events, clock, *content, o);
    }
};

} // namespace

// [SECTION] Mastery and backlog --------------------------------------------------------------------

TEST_CASE("the team table's mastery and due backlog equal the review service's for every agent", "[dashboard]") {
    Seeded s;
    REQUIRE(s.result.reviews > 1000);
    // Later in the day and a week on, so some schedules fall due and some fade below 0.9.
    for (TimeMs shift : {TimeMs(0), 7 * kMsPerDay}) {
        s.clock.set(change_test::kNow + shift);
        dashboard::DashboardService d(s.db, s.clock, *s.content);
        cards::ReviewService reviews(s.db, s.events, s.clock, *s.content, {});
        const auto o = d.team_overview(identity::cli_admin(), s.result.team_id, s.result.rollout_id);
        REQUIRE(o.rows.size() == 8);
        CHECK(o.cards == static_cast<int>(s.content->cards.size()));
        int any_mastered = 0, any_due = 0;
        for (const auto& row : o.rows) {
            int mastered = 0, due = 0;
            for (const auto& m : reviews.mastery(identity::cli_admin(), row.person_id)) {
                mastered += m.mastered;
                due += m.state != fsrs::State::New && m.due_ms && *m.due_ms <= s.clock.now_ms();
            }
            INFO(row.person_id);
            CHECK(row.mastered == mastered);
            CHECK(row.due_backlog == due);
            CHECK(row.mastery_percent == Approx(100.0 * mastered / o.cards));
            any_mastered += mastered;
            any_due += due;
        }
        CHECK(any_mastered > 0);
        if (shift) CHECK(any_due > 0);
    }
}

TEST_CASE("the team table's motivation index, from the table's one read of schedules, is each agent's own", "[dashboard]") {
    // The overview reads the team's schedules once and hands every agent's mastery of all standards
    // to the motivation hook; an agent's own motivation row reads theirs through the review service.
    Seeded s;
    s.clock.set(change_test::kNow + 7 * kMsPerDay); // some schedules fade below 0.9
    const auto admin = identity::cli_admin();
    const quality::MotivationConfig config; // mastery weighs in by default
    REQUIRE(config.weights.at("mastery") > 0);
    const auto period = *quality::period_of(org_date(s.clock.now_ms()), config.period);
    dashboard::DashboardService d(s.db, s.clock, *s.content,
                                  app::dashboard_hooks(s.db, s.events, s.clock, *s.content, admin, config));
    const auto o = d.team_overview(admin, s.result.team_id, s.result.rollout_id);
    REQUIRE(o.rows.size() == 8);
    int with_mastery = 0;
    for (const auto& row : o.rows) {
        INFO(row.person_id);
        const auto own =
            quality::motivation_for(s.db, s.events, s.clock, *s.content, config, admin, row.person_id, period);
        REQUIRE(row.motivation_index);
        CHECK(*row.motivation_index == Approx(own.index));
        with_mastery += own.mastery > 0 ? 1 : 0;
    }
    CHECK(with_mastery > 0);
}

TEST_CASE("the heatmap marks exactly the cards the team table counts as mastered", "[dashboard]") {
    Seeded s(5, 40);
    dashboard::DashboardService d(s.db, s.clock, *s.content);
    const auto o = d.team_overview(identity::cli_admin(), s.result.team_id);
    const auto h = d.heatmap(identity::cli_admin(), s.result.team_id);
    REQUIRE(h.person_ids.size() == o.rows.size());
    for (std::size_t r = 0; r < o.rows.size(); ++r) {
        CHECK(h.person_ids[r] == o.rows[r].person_id);
        int mastered = 0;
        for (std::size_t c = 0; c < h.card_ids.size(); ++c) mastered += h.at(r, c) == dashboard::Cell::Mastered;
        CHECK(mastered == o.rows[r].mastered);
    }
}

TEST_CASE("rows come in a stable order: by display name, then id", "[dashboard]") {
    Fixture f;
    dashboard::DashboardService d(f.db, f.clock, *f.content);
    const auto o = d.team_overview(f.actor("lead.north"), "team-north", "test-rollout");
    REQUIRE(o.rows.size() == 3); // the lead is not one of the agents of the table
    CHECK(o.rows[0].display_name == "Adam One");
    CHECK(o.rows[1].display_name == "Beata Two");
    CHECK(o.rows[2].display_name == "Celina Three");
    CHECK_FALSE(o.rows[0].phase);
    CHECK_FALSE(o.rows[0].qa_score);
    CHECK_FALSE(o.rows[0].onboarding_percent); // the rollout has no modules
}

// [SECTION] Team scope ---------------------------------------------------------------------------

TEST_CASE("a lead sees only the teams they lead", "[dashboard][access]") {
    Fixture f;
    dashboard::DashboardService d(f.db, f.clock, *f.content);
    const auto lead = f.actor("lead.north");
    CHECK_NOTHROW(d.team_overview(lead, "team-north"));
    CHECK_NOTHROW(d.team_overview(lead, "Name of team-north")); // by name too
    CHECK_THROWS_AS(d.team_overview(lead, "team-south"), identity::AccessDenied);
    CHECK_THROWS_AS(d.heatmap(lead, "team-south"), identity::AccessDenied);
    CHECK_THROWS_AS(d.phase_distribution(lead, "team-south"), identity::AccessDenied);
    CHECK_THROWS_AS(d.maturity_trend(lead, "team-south"), identity::AccessDenied);
    CHECK_THROWS_AS(d.team_overview(f.actor("a1"), "team-north"), identity::AccessDenied);
    const auto teams = d.teams(lead);
    REQUIRE(teams.size() == 1);
    CHECK(teams[0].first == "team-north");
    CHECK(d.teams(identity::cli_admin()).size() == 2);
}

TEST_CASE("an unknown team or rollout, or a team not on the rollout, is named", "[dashboard]") {
    Fixture f;
    dashboard::DashboardService d(f.db, f.clock, *f.content);
    CHECK_THROWS_WITH(d.team_overview(identity::cli_admin(), "team-west"),
                      "no team 'team-west'; known teams: team-north, team-south");
    CHECK_THROWS_WITH(d.team_overview(identity::cli_admin(), "team-north", "nope"), Catch::Contains("no rollout 'nope'"));
    CHECK_THROWS_WITH(d.team_overview(identity::cli_admin(), "team-north", "complaints-focus"),
                      "team 'team-north' is not on rollout 'complaints-focus'");
}

TEST_CASE("the CLI refuses a lead's report on another team", "[dashboard][access][cli]") {
    test::TempDir dir;
    const auto db_file = dir / "t.db";
    {
        store::OpenOptions o;
        o.create_if_missing = true;
        auto db = store::Database::open(db_file, o);
        change_test::add_people(db);
    }
    const std::string base = std::string(TRAINER_BIN_DIR) + "/trainer --db " + db_file.string() +
                             " --content " TRAINER_SOURCE_DIR "/content report rollout --format json";
    std::string out;
    CHECK(test::run_command(base + " --team team-south --as lead.north", &out) == 1);
    CHECK(out.find("lead.north may not see team 'team-south'") != std::string::npos);
    CHECK(test::run_command(base + " --team team-north --as lead.north", &out) == 0);
    CHECK(out.find("\"team-north\"") != std::string::npos);
}

// [SECTION] Phases per week, hooks ---------------------------------------------------------------

TEST_CASE("ISO weeks follow ISO 8601 across year boundaries", "[dashboard]") {
    CHECK(dashboard::iso_week_of(days_from_civil({2026, 11, 16})) == "2026-W47");
    CHECK(dashboard::iso_week_of(days_from_civil({2026, 12, 31})) == "2026-W53");
    CHECK(dashboard::iso_week_of(days_from_civil({2021, 1, 3})) == "2020-W53");
    CHECK(dashboard::iso_week_of(days_from_civil({2024, 12, 30})) == "2025-W01");
    CHECK(dashboard::monday_of(days_from_civil({2026, 11, 22})) == days_from_civil({2026, 11, 16}));
}

TEST_CASE("the phase distribution carries each agent's latest phase to the end of every week", "[dashboard]") {
    Fixture f;
    change::CheckinService s(f.events, f.clock, *f.content);
    const TimeMs monday = days_from_civil({2026, 10, 5}) * kMsPerDay + 10 * 3600'000;
    f.clock.set(monday); // week 41
    s.check_in(f.actor("a1"), "a1", "test-rollout", f.answers(2, 3, 2, 2)); // denial
    f.clock.set(monday + 8 * kMsPerDay); // week 42
    s.check_in(f.actor("a2"), "a2", "test-rollout", f.answers(4, 2, 3, 2)); // resistance
    f.clock.set(monday + 16 * kMsPerDay); // week 43
    s.assess(f.actor("lead.north"), "a1", "test-rollout", Phase::Exploration, "");
    f.clock.set(monday + 22 * kMsPerDay); // week 44, Tuesday
    dashboard::DashboardService d(f.db, f.clock, *f.content);
    const auto dist = d.phase_distribution(f.actor("lead.north"), "team-north", "test-rollout");
    REQUIRE(dist.weeks.size() == 4);
    CHECK(dist.weeks[0].iso_week == "2026-W41");
    CHECK(dist.weeks[0].counts[0] == 1);
    CHECK(dist.weeks[0].no_phase == 2);
    CHECK(dist.weeks[1].counts[0] == 1);
    CHECK(dist.weeks[1].counts[1] == 1);
    CHECK(dist.weeks[2].counts[0] == 0);
    CHECK(dist.weeks[2].counts[2] == 1);
    CHECK(dist.weeks[3].counts[2] == 1);
    CHECK(dist.weeks[3].no_phase == 1);
    const auto part = d.phase_distribution(f.actor("lead.north"), "team-north", "test-rollout",
                                           {days_from_civil({2026, 10, 14}), days_from_civil({2026, 10, 20})});
    REQUIRE(part.weeks.size() == 2);
    CHECK(part.weeks[0].counts[0] == 1); // a1's denial from before the range still counts
    CHECK_THROWS_AS(d.phase_distribution(identity::cli_admin(), "team-north", "test-rollout",
                                         {days_from_civil({2026, 10, 20}), days_from_civil({2026, 10, 14})}),
                    dashboard::DashboardError);
}

TEST_CASE("onboarding percent counts passed rollout modules; QA columns come from their hooks", "[dashboard]") {
    Fixture f;
    content::Rollout r = change::require_rollout(f.db, *f.content, "test-rollout");
    r.id = "with-modules";
    r.modules = {"m1", "m2", "m3", "m4"};
    change::define_rollout(f.events, identity::cli_admin(), *f.content, r);
    auto complete = [&](const std::string& who, const std::string& module, bool passed) {
        store::Transaction tx(f.db);
        const auto e = f.events.append({change::kModuleCompleted, who, {{"module", module}, {"version", 1}, {"passed", passed}}});
        change::apply_change_event(f.db, e);
        tx.commit();
    };
    complete("a1", "m1", true);
    complete("a1", "m2", false);
    complete("a1", "m2", true);
    complete("a2", "m3", false);
    complete("a2", "other", true);
    dashboard::Hooks hooks;
    hooks.qa_score = [](const std::vector<std::string>& people, TimeMs) {
        std::map<std::string, double> out;
        for (const auto& p : people)
            if (p == "a2") out[p] = 87.5;
        return out;
    };
    dashboard::DashboardService d(f.db, f.clock, *f.content, hooks);
    const auto o = d.team_overview(identity::cli_admin(), "team-north", "with-modules");
    REQUIRE(o.rows.size() == 3);
    CHECK(*o.rows[0].onboarding_percent == Approx(50.0));
    CHECK(*o.rows[1].onboarding_percent == Approx(0.0));
    CHECK(*o.rows[2].onboarding_percent == Approx(0.0));
    CHECK_FALSE(o.rows[0].qa_score);
    CHECK(*o.rows[1].qa_score == Approx(87.5));
    CHECK_FALSE(o.rows[1].motivation_index);
    CHECK(*o.mean_onboarding_percent == Approx(50.0 / 3));
    CHECK_FALSE(d.signoff_queue(identity::cli_admin(), "team-north").available);
}
