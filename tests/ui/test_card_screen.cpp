#include "harness.hpp"

#include "kiosk/input.hpp"
#include "kiosk/screens/card_screen.hpp"
#include "kiosk/screens/deck_browser_screen.hpp"

#include <catch2/catch.hpp>

using namespace kiosk;

namespace {

trainer::cards::CardFace sample_card(int index, int size) {
    trainer::cards::CardFace c;
    c.id = "cn-say-what-next";
    c.deck_id = "closing";
    c.deck_title = "Closing and the next step";
    c.index = index;
    c.deck_size = size;
    c.moment_of_truth = true;
    c.text.title = "Say what happens next, and when";
    c.text.front = "The customer asks: so what now?";
    c.text.back = "Name who does what, by when, and how the customer will hear.";
    c.text.why = "Uncertainty after a call is the main reason people call again.";
    c.text.phrasings = {"I will call you on Thursday before noon."};
    c.text.avoid = "We will be in touch.";
    return c;
}

} // namespace

TEST_CASE("clicking anywhere on the card turns it over") {
    test::UiHarness h;
    CardScreen screen;
    const auto card = sample_card(1, 5);
    auto draw = [&](const UiContext& ui) { return screen.draw(ui, card); };
    h.frame(draw);
    const Intent i = h.click(640, 400, draw);
    CHECK(intent_is<FlipCard>(i));
}

TEST_CASE("space turns the card over; the arrow keys move to the next and previous card") {
    test::UiHarness h;
    CardScreen screen;
    const auto card = sample_card(1, 5);
    auto draw = [&](const UiContext& ui) { return screen.draw(ui, card); };
    h.frame(draw);
    CHECK(intent_is<FlipCard>(h.press(input::code(input::Key::Space), draw)));
    CHECK(intent_is<NextCard>(h.press(input::code(input::Key::Right), draw)));
    CHECK(intent_is<PrevCard>(h.press(input::code(input::Key::Left), draw)));
    CHECK(intent_is<Back>(h.press(input::code(input::Key::Escape), draw)));
}

TEST_CASE("there is no next card after the last one and no previous before the first") {
    test::UiHarness h;
    CardScreen screen;
    auto last = sample_card(4, 5);
    auto draw_last = [&](const UiContext& ui) { return screen.draw(ui, last); };
    h.frame(draw_last);
    CHECK(is_none(h.press(input::code(input::Key::Right), draw_last)));
    auto first = sample_card(0, 5);
    auto draw_first = [&](const UiContext& ui) { return screen.draw(ui, first); };
    h.frame(draw_first);
    CHECK(is_none(h.press(input::code(input::Key::Left), draw_first)));
}

TEST_CASE("the back button at the top left leaves the card") {
    test::UiHarness h;
    CardScreen screen;
    const auto card = sample_card(0, 5);
    auto draw = [&](const UiContext& ui) { return screen.draw(ui, card); };
    h.frame(draw);
    CHECK(intent_is<Back>(h.click(60, 40, draw)));
}

TEST_CASE("the turn button is a touch target at least 48 px tall") {
    test::UiHarness h;
    CardScreen screen;
    const auto card = sample_card(0, 5);
    float height = 0;
    h.frame([&](const UiContext& ui) {
        Intent i = screen.draw(ui, card);
        height = ImGui::GetItemRectSize().y; // the last item drawn is the "next" button
        return i;
    });
    CHECK(height >= 48.0f);
}

TEST_CASE("tapping a deck tile opens that deck") {
    test::UiHarness h;
    DeckBrowserScreen screen;
    std::vector<trainer::cards::DeckSummary> decks = {{"first-contact", "First contact", "Greeting", 7},
                                                      {"closing", "Closing", "Next steps", 7}};
    auto draw = [&](const UiContext& ui) { return screen.draw(ui, decks); };
    h.frame(draw);
    // Tiles start below the heading; the first is at the left of the row.
    const Intent i = h.click(150, 260, draw);
    REQUIRE(intent_is<OpenDeck>(i));
    CHECK(intent_as<OpenDeck>(i)->deck_id == "first-contact");
}
