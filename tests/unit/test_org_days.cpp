// The organisation's days in the rules that depend on "today" (docs/figures.md "Days, weeks and
// months"): a check-in is due by organisation days, a QA evaluation dated today is not "in the
// future" at 01:30 Moscow time, and the current QA period starts at local midnight.
#include "change_fixture.hpp"
#include "quality_fixture.hpp"

#include "trainer/change/checkin.hpp"
#include "trainer/core/org_time_zone.hpp"
#include "trainer/quality/entry.hpp"

#include <catch2/catch.hpp>

using namespace trainer;

namespace {
TimeMs at(const char* iso) { return *parse_iso_ms(iso); }
const OrgTimeZone& moscow() {
    static const OrgTimeZone z = *OrgTimeZone::from_id("Europe/Moscow");
    return z;
}
} // namespace

TEST_CASE("a weekly check-in falls due at local midnight of the seventh organisation day") {
    change_test::Fixture f;
    const ScopedOrgTimeZone zone(moscow());
    change::CheckinService s(f.events, f.clock, *f.content);
    f.clock.set(at("2026-11-16T20:30:00Z")); // Monday 23:30 in Moscow
    s.check_in(f.actor("a1"), "a1", "test-rollout", f.answers(4, 4, 4, 4));
    const auto due_test_rollout = [&] {
        for (const auto& r : s.due("a1"))
            if (r.id == "test-rollout") return true;
        return false;
    };
    CHECK_FALSE(due_test_rollout());
    f.clock.set(at("2026-11-23T20:59:00Z")); // Monday 23:59 a week later: the seventh day is over
    CHECK(due_test_rollout());
    f.clock.set(at("2026-11-22T21:00:00Z")); // Monday 00:00 in Moscow (still Sunday in UTC)
    CHECK(due_test_rollout());
    f.clock.set(at("2026-11-22T20:59:00Z")); // Sunday 23:59 in Moscow
    CHECK_FALSE(due_test_rollout());
}

TEST_CASE("at 01:30 in Moscow the QA form's today is the Moscow date and the month is the Moscow month") {
    qtest::World w;
    const ScopedOrgTimeZone zone(moscow());
    w.clock.set(at("2026-11-30T22:30:00Z")); // 01:30 on 1 December in Moscow, still November in UTC
    quality::EvaluationService svc(w.db, w.events, w.clock, w.content);
    const auto form = svc.form(w.actor("lena"), "test-card");
    CHECK(form.today == "2026-12-01");
    quality::EvaluationDraft d;
    d.person_id = "ann";
    d.scorecard_id = "test-card";
    d.date = "2026-12-01";
    for (const auto& p : svc.problems(d)) CHECK(p.find("in the future") == std::string::npos);
    const auto scores = svc.scores(w.actor("lena"), "ann", 2);
    REQUIRE(scores.trend.size() == 2);
    CHECK(scores.trend.back().period == "2026-12");
}
