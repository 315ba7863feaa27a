// The review flow (kiosk/flows/review_flow.hpp) without a window: intents applied against an
// in-memory database move the screen stack and write durable grades; then its screen drawn.
#include "flow_fixture.hpp"
#include "harness.hpp"

#include "kiosk/flows/review_flow.hpp"
#include "trainer/core/time.hpp"

#include <catch2/catch.hpp>

using namespace kiosk;
using namespace trainer;

namespace {

struct World : test::FlowWorld {
    content::ContentSet deck = test::one_deck("Title of ", {"c1", "c2"});
    cards::ReviewService reviews{db, events, clock, deck, cards::ReviewConfig{}};

    ReviewFlow::Env env(const UiContext& ui) { return {reviews, deck, clock, ui, "anna.kowalska", stack}; }
    std::int64_t graded() { return count("card.reviewed"); }
};

} // namespace

TEST_CASE("the review flow opens the review, turns the card, saves each grade and ends on the summary",
          "[flow]") {
    World w;
    const UiContext ui{w.catalog, "en", {}, 1.0f};
    auto env = w.env(ui);
    ReviewFlow flow;
    CHECK_FALSE(flow.apply(FlipCard{}, env)); // no review on top: the card screen's flip
    flow.apply(StartReview{}, env);
    REQUIRE(w.stack.back() == ScreenId::Review);
    CHECK(flow.apply(FlipCard{}, env));
    flow.apply(GradeCard{3}, env);
    CHECK(w.graded() == 1);
    CHECK(w.stack.back() == ScreenId::Review);
    flow.apply(GradeCard{9}, env); // not a grade: nothing happens
    CHECK(w.graded() == 1);
    flow.apply(GradeCard{4}, env);
    CHECK(w.graded() == 2);
    CHECK(w.stack == std::vector<ScreenId>{ScreenId::Home, ScreenId::ReviewSummary});
    CHECK_FALSE(flow.retry_pending());

    // Nothing due any more: a new session goes straight to the summary.
    w.stack = {ScreenId::Home};
    flow.apply(StartReview{}, env);
    CHECK(w.stack.back() == ScreenId::ReviewSummary);
}

TEST_CASE("the review flow draws the card on top and key 4 grades it Easy", "[flow]") {
    World w;
    test::UiHarness h;
    ReviewFlow flow;
    {
        const UiContext ui = h.ui();
        auto env = w.env(ui);
        flow.apply(StartReview{}, env);
        flow.apply(FlipCard{}, env);
    }
    auto draw = [&](const UiContext& ui) {
        auto env = w.env(ui);
        return flow.draw(ScreenId::Review, env);
    };
    h.frame(draw);
    const Intent got = h.press(input::digit_code(4), draw); // key 4: Easy
    REQUIRE(intent_is<GradeCard>(got));
    CHECK(intent_as<GradeCard>(got)->rating == 4);
    const UiContext ui = h.ui();
    auto env = w.env(ui);
    flow.apply(std::get<ReviewIntent>(got), env);
    CHECK(w.graded() == 1);
}
