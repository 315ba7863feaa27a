// The team's QA score by month on the lead's dashboard (trainer/quality/team_trend.hpp) and the
// configurable QA pass mark (trainer/quality/pass_mark.hpp).
#include "quality_fixture.hpp"

#include "trainer/quality/entry.hpp"
#include "trainer/quality/pass_mark.hpp"
#include "trainer/quality/team_trend.hpp"

#include <catch2/catch.hpp>

using namespace trainer;
using namespace trainer::quality;
using O = Outcome;

namespace {

EvaluationDraft on(const std::string& person, const std::string& date, Outcome need) {
    EvaluationDraft d;
    d.person_id = person;
    d.scorecard_id = "test-card";
    d.channel = "call";
    d.date = date;
    d.outcomes = {{"greet", O::Met}, {"need", need}, {"next", O::Met}, {"tone", O::Met}};
    return d;
}

identity::AuthOptions fast_auth() {
    identity::AuthOptions o;
    o.cost = identity::minimum_pin_cost();
    return o;
}

} // namespace

TEST_CASE("the team's QA trend is the mean of its members' scored evaluations per month, oldest first", "[quality]") {
    qtest::World w;
    EvaluationService svc(w.db, w.events, w.clock, w.content, fast_auth());
    svc.submit(w.actor("lena"), on("ann", "2026-11-18", O::NotMet), "2468"); // 71.43
    svc.submit(w.actor("lena"), on("bob", "2026-11-02", O::Met), "2468");    // 100
    svc.submit(w.actor("lena"), on("ann", "2026-09-30", O::Met), "2468");    // 100
    svc.submit(w.actor("lars"), on("carl", "2026-11-10", O::NotMet), "1357"); // another team

    const auto months = team_qa_by_month(w.db, w.actor("lena"), {"ann", "bob"}, "2026-11-20");
    REQUIRE(months.size() == 6);
    CHECK(months.front().period == "2026-06");
    CHECK(months.back().period == "2026-11");
    CHECK(months[5].evaluations == 2);
    CHECK(*months[5].mean == Approx((71.43 + 100) / 2));
    CHECK(months[4].evaluations == 0); // October: nothing
    CHECK_FALSE(months[4].mean);
    CHECK(months[3].evaluations == 1);
    CHECK(*months[3].mean == 100);

    // A lead asking about people outside their team gets no figure from them.
    const auto foreign = team_qa_by_month(w.db, w.actor("lena"), {"ann", "bob", "carl"}, "2026-11-20", 1);
    REQUIRE(foreign.size() == 1);
    CHECK(foreign[0].evaluations == 2);
    CHECK(team_qa_by_month(w.db, w.actor("lars"), {"ann"}, "2026-11-20", 1)[0].evaluations == 0);
    CHECK(team_qa_by_month(w.db, w.actor("lena"), {"ann"}, "not a date").empty());
}

TEST_CASE("a QA score passes at the configured pass mark, never with a failed critical criterion", "[quality]") {
    CHECK(meets_qa_pass_mark(85.0, 85.0));
    CHECK_FALSE(meets_qa_pass_mark(84.99, 85.0));
    CHECK(meets_qa_pass_mark(80.0, 75.0));
    Score s;
    s.scored = true;
    s.percent = 90;
    CHECK(evaluation_passes(s, 85));
    CHECK_FALSE(evaluation_passes(s, 95));
    s.critical_failed = true;
    CHECK_FALSE(evaluation_passes(s, 85));
    s.critical_failed = false;
    s.scored = false; // every criterion N/A
    CHECK_FALSE(evaluation_passes(s, 0));
}
