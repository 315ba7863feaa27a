// The lookup flow (kiosk/flows/lookup_flow.hpp) without a window: decks, cards and search moved
// by intents against an in-memory database; a lookup is recorded only for the person signed in,
// a search left without opening a card once and anonymously.
#include "flow_fixture.hpp"
#include "harness.hpp"

#include "kiosk/flows/lookup_flow.hpp"
#include "trainer/cards/review_service.hpp"

#include <catch2/catch.hpp>

using namespace kiosk;
using namespace trainer;

namespace {

struct World : test::FlowWorld {
    content::ContentSet deck = test::one_deck("Standard ", {"greet", "name", "promise"});
    cards::ReviewService reviews{db, events, clock, deck, cards::ReviewConfig{}};
    std::filesystem::path content_dir = TRAINER_TEST_DATA "/no-content-here"; // no lexicon: plain search

    World() { stack = {ScreenId::Decks}; }
    LookupFlow::Env env(const UiContext& ui, bool signed_in, bool desk = false) {
        LookupFlow::Env e{deck, content_dir, ui, stack, desk};
        if (signed_in) e.reviews = &reviews, e.person_id = "anna.kowalska";
        e.events = &events;
        return e;
    }
};

} // namespace

TEST_CASE("the lookup flow opens a deck on its first card and flips and moves within it", "[flow]") {
    World w;
    const UiContext ui{w.catalog, "en", {}, 1.0f};
    auto env = w.env(ui, false);
    LookupFlow flow;
    flow.apply(OpenDeck{"first-contact"}, env);
    CHECK(w.stack == std::vector<ScreenId>{ScreenId::Decks, ScreenId::Card});
    CHECK(flow.card().deck_id == "first-contact");
    CHECK(flow.card().index == 0);
    CHECK_FALSE(flow.card().flipped);
    flow.apply(FlipCard{}, env);
    CHECK(flow.card().flipped);
    flow.apply(NextCard{}, env); // the next card shows its front
    CHECK(flow.card().index == 1);
    CHECK_FALSE(flow.card().flipped);
    flow.apply(PrevCard{}, env);
    flow.apply(PrevCard{}, env); // never before the first
    CHECK(flow.card().index == 0);
    CHECK(w.count("card.looked_up") == 0);   // browsing is not a lookup
}

TEST_CASE("a card opened from search shows its back and is a lookup only for the person signed in",
          "[flow]") {
    World w;
    const UiContext ui{w.catalog, "en", {}, 1.0f};
    LookupFlow flow;
    {
        auto env = w.env(ui, false);
        flow.set_query("standard name");
        flow.apply(OpenCard{"name"}, env);
        CHECK(w.stack.back() == ScreenId::Card);
        CHECK(flow.card().index == 1);
        CHECK(flow.card().flipped); // a lookup wants the standard itself
        CHECK_FALSE(flow.searching());
        CHECK(w.count("card.looked_up") == 0); // nobody signed in: no personal record
    }
    auto env = w.env(ui, true);
    flow.set_query("promise");
    flow.apply(OpenCard{"promise"}, env);
    CHECK(w.stack == std::vector<ScreenId>{ScreenId::Decks, ScreenId::Card}); // the card screen is reused
    CHECK(w.count("card.looked_up") == 1);
    auto st = w.db.prepare("SELECT person_id, json_extract(payload, '$.query') FROM events WHERE type = 'card.looked_up'");
    REQUIRE(st.step());
    CHECK(st.text(0) == "anna.kowalska");
    CHECK(st.text(1) == "promise");
    flow.apply(OpenCard{"no-such-card"}, env); // gone from the content: nothing opens, nothing recorded
    CHECK(w.count("card.looked_up") == 1);
}

TEST_CASE("a search cleared without opening a card is recorded once, anonymously; desk mode goes back to the field",
          "[flow]") {
    World w;
    const UiContext ui{w.catalog, "en", {}, 1.0f};
    LookupFlow flow;
    auto env = w.env(ui, true, true);
    flow.apply(OpenDeck{"first-contact"}, env);
    flow.set_query("refund policy");
    flow.apply(ClearSearch{}, env);
    CHECK_FALSE(flow.searching());
    CHECK(w.stack == std::vector<ScreenId>{ScreenId::Decks});
    CHECK(w.count("search.unopened") == 1);
    auto st = w.db.prepare("SELECT coalesce(person_id, '') FROM events WHERE type = 'search.unopened'");
    REQUIRE(st.step());
    CHECK(st.text(0).empty());
    flow.apply(ClearSearch{}, env); // the field is already empty: nothing more
    CHECK(w.count("search.unopened") == 1);
}

TEST_CASE("at the desk, the standard found by typing is listed and Enter opens it on its back", "[flow]") {
    World w;
    test::UiHarness h;
    LookupFlow flow;
    flow.set_query("promise");
    auto draw = [&](const UiContext& ui) {
        auto env = w.env(ui, true, true);
        return flow.draw_desk(env);
    };
    CHECK(is_none(h.first_intent(3, draw))); // the field takes the keyboard; nothing asked yet
    const Intent got = h.press(input::code(input::Key::Enter), draw);
    INFO("intent #" << got.index());
    REQUIRE(intent_is<OpenCard>(got));
    CHECK(intent_as<OpenCard>(got)->card_id == "promise");
    const UiContext ui = h.ui();
    auto env = w.env(ui, true, true);
    flow.apply(std::get<LookupIntent>(got), env);
    CHECK(w.stack.back() == ScreenId::Card);
    CHECK(flow.card().compact);
    CHECK(w.count("card.looked_up") == 1);
}
