// A lead's home (trainer/app/lead_home.hpp): what waits for them, only from their own teams.
#include "change_fixture.hpp"
#include "support.hpp"

#include "trainer/app/dashboard_hooks.hpp"
#include "trainer/app/lead_home.hpp"
#include "trainer/change/checkin.hpp"
#include "trainer/content/loader.hpp"
#include "trainer/core/org_time_zone.hpp"
#include "trainer/onboarding/signoff.hpp"
#include "trainer/quality/motivation_config.hpp"

#include <catch2/catch.hpp>

#include <algorithm>

using namespace trainer;

namespace {
template <class V>
bool has_person(const V& items, const std::string& id) {
    return std::any_of(items.begin(), items.end(), [&](const auto& x) { return x.person_id == id; });
}
} // namespace

TEST_CASE("a lead's home lists locked sign-ins, resistance and denial, and overdue check-ins of their team only") {
    change_test::Fixture f;
    const TimeMs now = f.clock.now_ms();
    change::CheckinService checkins(f.events, f.clock, *f.content);
    // a1 checked in ten days ago in resistance: the weekly check-in is three days overdue.
    f.clock.set(now - 10 * kMsPerDay);
    checkins.check_in(f.actor("a1"), "a1", "test-rollout", f.answers(4, 2, 3, 2));
    // b1 (the other team) is in denial too, and locked out.
    checkins.check_in(f.actor("b1"), "b1", "test-rollout", f.answers(1, 1, 1, 1));
    f.clock.set(now);
    // a2 checked in today, committed: nothing to show.
    checkins.check_in(f.actor("a2"), "a2", "test-rollout", f.answers(4, 4, 4, 4));
    f.db.prepare("INSERT INTO auth_throttle (person_id, failures, locked_until_ms) VALUES ('a3', 6, ?1), "
                 "('a2', 5, ?2), ('b1', 6, ?1)")
        .bind_all(now + 60'000, now - 1)
        .run();

    const auto home = app::lead_home(f.events, f.clock, *f.content, f.actor("lead.north"), "pl");
    REQUIRE(home.locked.size() == 1); // a2's wait is over
    CHECK(home.locked[0].display_name == "Celina Three");
    CHECK(home.locked[0].locked_until_ms == now + 60'000);
    REQUIRE(home.phases.size() == 1);
    CHECK(home.phases[0].person_id == "a1");
    CHECK(home.phases[0].phase == content::Phase::Resistance);
    CHECK(home.phases[0].rollout_title == "Test rollout"); // no Polish title: the English one
    const auto overdue_test = [&](const std::string& who) {
        for (const auto& o : home.overdue)
            if (o.person_id == who && o.rollout_id == "test-rollout") return o.days_overdue;
        return -1;
    };
    CHECK(overdue_test("a1") == 3);
    CHECK(overdue_test("a2") == -1);
    CHECK(overdue_test("a3") > 30); // never checked in since the rollout started on 2026-10-05
    for (const auto& list : {has_person(home.locked, "b1"), has_person(home.phases, "b1"), has_person(home.overdue, "b1")})
        CHECK_FALSE(list);

    const auto admin = app::lead_home(f.events, f.clock, *f.content, identity::cli_admin(), "en");
    CHECK(has_person(admin.phases, "b1"));
    CHECK(has_person(admin.locked, "b1"));
    CHECK_THROWS_AS(app::lead_home(f.events, f.clock, *f.content, f.actor("a1"), "en"), identity::AccessDenied);
}

TEST_CASE("the lead's home of the demo names the people and modules waiting for a sign-off") {
    test::TempDir dir;
    const auto db_path = dir / "demo.db";
    std::string output;
    REQUIRE(test::run_command(std::string(TRAINER_BIN_DIR) + "/trainer demo create --db " + db_path.string(), &output) == 0);
    const auto loaded = content::load_content(TRAINER_SOURCE_DIR "/content");
    REQUIRE(loaded.ok());
    store::Database db = store::Database::open(db_path, {});
    SystemClock clock;
    store::EventStore events(db, clock, "test");
    const auto marek = app::lead_home(events, clock, *loaded.content, identity::actor_for(db, "marek.nowak"), "pl");
    REQUIRE_FALSE(marek.signoffs.empty());
    CHECK(marek.signoffs[0].display_name == "Anna Kowalska");
    CHECK(marek.signoffs[0].module_title != marek.signoffs[0].module_id);
    CHECK_FALSE(has_person(marek.signoffs, "james.oconnor"));
    const auto natalia = app::lead_home(events, clock, *loaded.content, identity::actor_for(db, "natalia.ivanova"), "ru");
    CHECK(has_person(natalia.signoffs, "james.oconnor"));
    CHECK_FALSE(has_person(natalia.signoffs, "anna.kowalska"));
    // The admin sees every team, but an agent's skills are signed by their own lead
    // (onboarding::may_sign): no "Sign off" waits for the admin that the tap could not do.
    const identity::Actor sarah = identity::actor_for(db, "sarah.mitchell");
    const auto admin = app::lead_home(events, clock, *loaded.content, sarah, "en");
    CHECK_FALSE(has_person(admin.signoffs, "anna.kowalska"));
    CHECK_FALSE(has_person(admin.signoffs, "james.oconnor"));
    CHECK_FALSE(onboarding::may_sign(db, sarah, "anna.kowalska"));
    CHECK(onboarding::may_sign(db, identity::actor_for(db, "marek.nowak"), "anna.kowalska"));
    // The team's dashboard still lists Anna's request for the admin, marked as her lead's to sign.
    const auto hooks = app::dashboard_hooks(db, events, clock, *loaded.content, sarah, quality::MotivationConfig{});
    REQUIRE(hooks.signoff_queue);
    bool listed = false;
    for (const auto& item : hooks.signoff_queue("team-north"))
        if (item.person_id == "anna.kowalska") {
            listed = true;
            CHECK_FALSE(item.yours);
        }
    CHECK(listed);
}
