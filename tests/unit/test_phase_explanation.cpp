// Why a person is in their phase (trainer/change/phase_explanation.hpp): the lead's dashboard
// shows the statements behind the latest self check-in, as the person answered them.
#include "change_fixture.hpp"

#include "trainer/change/checkin.hpp"
#include "trainer/change/phase_explanation.hpp"

#include <algorithm>

using namespace change_test;
using trainer::content::Dimension;
using trainer::content::Phase;

TEST_CASE("the phase explanation gives the rule's reasons for the latest self check-in, statements in the reader's language",
          "[change]") {
    Fixture f;
    change::CheckinService s(f.events, f.clock, *f.content);
    const auto a1 = f.actor("a1");
    s.check_in(a1, "a1", "test-rollout", f.answers(4, 4, 4, 4)); // commitment
    f.clock.advance_ms(7 * kMsPerDay);
    s.check_in(a1, "a1", "test-rollout", f.answers(4, 2, 3, 2)); // resistance: acceptance below 3
    f.clock.advance_ms(kMsPerDay);
    s.assess(f.actor("lead.north"), "a1", "test-rollout", Phase::Exploration, "trying things out"); // not a check-in

    const auto history = s.history(f.actor("lead.north"), "a1", "test-rollout");
    const auto why = change::explain_latest_phase(f.events, *f.content, history, "pl");
    REQUIRE(why.size() == 1);
    CHECK(why[0].dimension == Dimension::Acceptance);
    CHECK(why[0].below);
    CHECK(why[0].score == Approx(2.0));
    CHECK(why[0].threshold == Approx(3.0));
    // Every acceptance statement, in Polish, with the answer as given (a reverse one answered 4).
    std::size_t acceptance = 0;
    for (const auto& st : f.content->change->pulse)
        if (st.dimension == Dimension::Acceptance) {
            ++acceptance;
            const auto& pl = content::pick(st.text, "pl");
            const auto it = std::find_if(why[0].answers.begin(), why[0].answers.end(),
                                         [&](const auto& a) { return a.first == pl; });
            REQUIRE(it != why[0].answers.end());
            CHECK(it->second == (st.reverse ? 4 : 2));
        }
    CHECK(why[0].answers.size() == acceptance);
}

TEST_CASE("no self check-in, no explanation", "[change]") {
    Fixture f;
    change::CheckinService s(f.events, f.clock, *f.content);
    s.assess(f.actor("lead.north"), "a2", "test-rollout", Phase::Denial, "");
    const auto history = s.history(f.actor("lead.north"), "a2", "test-rollout");
    REQUIRE(history.size() == 1);
    CHECK(change::explain_latest_phase(f.events, *f.content, history, "en").empty());
    CHECK(change::explain_latest_phase(f.events, *f.content, {}, "en").empty());
}
