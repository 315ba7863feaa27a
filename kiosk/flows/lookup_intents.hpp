#pragma once
// The lookup flow's intents (kiosk/flows/lookup_flow.hpp): decks, cards, search.
#include <string>
#include <variant>

namespace kiosk {

struct OpenDeck {
    std::string deck_id;
};
struct NextCard {};
struct PrevCard {};
struct OpenCard { // from search: the card in its deck, recorded as a lookup when signed in
    std::string card_id;
};
struct ClearSearch {};
struct ShowDecks {};

using LookupIntent = std::variant<OpenDeck, NextCard, PrevCard, OpenCard, ClearSearch, ShowDecks>;

} // namespace kiosk
