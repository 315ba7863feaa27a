#pragma once
// A small flashcard content set for unit tests: one deck, cards by (id, version), English text.
#include "trainer/content/model.hpp"

#include <string>
#include <utility>
#include <vector>

namespace test {

inline trainer::content::ContentSet make_card_content(const std::vector<std::pair<std::string, int>>& cards) {
    trainer::content::ContentSet set;
    trainer::content::Deck deck{"first-contact", 1, {{"en", "First contact"}}, {}, {}};
    for (const auto& [id, version] : cards) {
        trainer::content::Card c;
        c.id = id;
        c.deck_id = deck.id;
        c.version = version;
        c.text["en"] = trainer::content::CardText{"Title of " + id, "front", "back", "why", {"say this"}, "avoid"};
        set.card_index[id] = set.cards.size();
        deck.card_ids.push_back(id);
        set.cards.push_back(std::move(c));
    }
    set.decks.push_back(std::move(deck));
    return set;
}

} // namespace test
