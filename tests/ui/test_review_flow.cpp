// The review flow (kiosk/flows/review_flow.hpp) without a window: intents applied against an
// in-memory database move the screen stack and write durable grades; then its screen drawn.
#include "harness.hpp"

#include "kiosk/flows/review_flow.hpp"
#include "trainer/core/time.hpp"

#include <catch2/catch.hpp>

using namespace kiosk;
using namespace trainer;

namespace {

struct World {
    store::Database db = store::Database::open_memory();
    FixedClock clock{days_from_civil({2024, 3, 4}) * kMsPerDay + 9 * 3'600'000};
    store::EventStore events{db, clock, "kiosk-test"};
    content::ContentSet content;
    std::unique_ptr<cards::ReviewService> reviews;
    trainer::i18n::Catalog catalog = trainer::i18n::Catalog::load(TRAINER_SOURCE_DIR "/assets/i18n");
    std::vector<ScreenId> stack{ScreenId::Home};

    World() {
        content::Deck deck{"first-contact", 1, {{"en", "First contact"}}, {}, {}};
        for (const char* id : {"c1", "c2"}) {
            content::Card c;
            c.id = id;
            c.deck_id = deck.id;
            c.text["en"] = content::CardText{std::string("Title of ") + id, "front", "back", "why", {"say"}, "avoid"};
            content.card_index[id] = content.cards.size();
            deck.card_ids.push_back(id);
            content.cards.push_back(std::move(c));
        }
        content.decks.push_back(std::move(deck));
        db.prepare("INSERT INTO people (id, display_name, role, active, created_ms) VALUES ('ann', 'Ann', 'agent', 1, 0)").run();
        reviews = std::make_unique<cards::ReviewService>(db, events, clock, content, cards::ReviewConfig{});
    }
    ReviewFlow::Env env(const UiContext& ui) { return {*reviews, content, clock, ui, "ann", stack}; }
    std::int64_t graded() {
        auto st = db.prepare("SELECT count(*) FROM events WHERE type = 'card.reviewed'");
        st.step();
        return st.int64(0);
    }
};

} // namespace

TEST_CASE("the review flow opens the review, turns the card, saves each grade and ends on the summary",
          "[flow]") {
    World w;
    const UiContext ui{w.catalog, "en", {}, 1.0f};
    auto env = w.env(ui);
    ReviewFlow flow;
    CHECK_FALSE(flow.apply(FlipCard{}, env)); // no review on top: the card screen's flip
    REQUIRE(flow.apply(StartReview{}, env));
    REQUIRE(w.stack.back() == ScreenId::Review);
    CHECK(flow.apply(FlipCard{}, env));
    CHECK(flow.apply(GradeCard{3}, env));
    CHECK(w.graded() == 1);
    CHECK(w.stack.back() == ScreenId::Review);
    CHECK(flow.apply(GradeCard{9}, env)); // not a grade: nothing happens
    CHECK(w.graded() == 1);
    CHECK(flow.apply(GradeCard{4}, env));
    CHECK(w.graded() == 2);
    CHECK(w.stack == std::vector<ScreenId>{ScreenId::Home, ScreenId::ReviewSummary});
    CHECK_FALSE(flow.apply(GoHome{}, env)); // the app's, not the flow's
    CHECK_FALSE(flow.retry_pending());

    // Nothing due any more: a new session goes straight to the summary.
    w.stack = {ScreenId::Home};
    REQUIRE(flow.apply(StartReview{}, env));
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
    REQUIRE(std::holds_alternative<GradeCard>(got));
    CHECK(std::get<GradeCard>(got).rating == 4);
    const UiContext ui = h.ui();
    auto env = w.env(ui);
    flow.apply(got, env);
    CHECK(w.graded() == 1);
}
