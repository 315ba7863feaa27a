// Closeness counts wherever two query words stand together on a card, not only at each word's
// best match: a situation phrase among a card's keywords ("hold music") is met as a phrase.
#include "trainer/search/index.hpp"

#include <catch2/catch.hpp>

#include <string>
#include <vector>

namespace {

trainer::content::Card phrase_test_card(std::string id, std::vector<std::string> keywords) {
    trainer::content::Card c;
    c.id = std::move(id);
    c.deck_id = "first-contact";
    c.text["en"] = {.title = "Answer fast", .front = "A caller waits.", .back = "Pick up.",
                    .keywords = std::move(keywords)};
    return c;
}

} // namespace

TEST_CASE("two query words next to each other anywhere on a card rank it above scattered ones",
          "[search]") {
    trainer::content::ContentSet content;
    content.decks.push_back({.id = "first-contact", .order = 1});
    // The same words in the same fields on both cards; each word's first occurrence is in a
    // keyword of its own, so only the later keyword "hold music" holds them side by side.
    content.cards.push_back(phrase_test_card("a-scattered", {"hold the line", "music choice"}));
    content.cards.push_back(
        phrase_test_card("b-phrase", {"hold the line", "music choice", "hold music"}));
    const trainer::search::SearchIndex index(content);

    const auto hits = index.search("hold music ", "en", 2);
    REQUIRE(hits.size() == 2);
    CHECK(hits[0].card_id == "b-phrase"); // a tie would go to a-scattered (id order)
    CHECK(hits[0].proximity == 150);
    CHECK(hits[1].proximity == 0);
    CHECK(hits[0].score == hits[1].score + 150);

    // Reversed and close still counts, less.
    const auto reversed = index.search("music hold ", "en", 2);
    REQUIRE(reversed.size() == 2);
    CHECK(reversed[0].card_id == "b-phrase");
    CHECK(reversed[0].proximity == 40);
}
