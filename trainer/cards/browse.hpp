#pragma once
// Plain view models for browsing the standards: what a screen shows, already in one locale,
// with English filling any missing translation.
#include "trainer/content/model.hpp"
#include "trainer/search/index.hpp"
#include "trainer/search/snippet.hpp"

#include <string>
#include <vector>

namespace trainer::cards {

struct DeckSummary {
    std::string id;
    std::string title;
    std::string description;
    int card_count = 0;
};

struct CardFace {
    std::string id;
    std::string deck_id;
    std::string deck_title;
    int version = 1;
    int index = 0; // position in its deck, 0-based
    int deck_size = 0;
    bool moment_of_truth = false;
    bool customer_effort = false;
    bool translated = true; // false when English text stands in for the locale
    content::CardText text;
};

// Decks along the customer journey, in order.
std::vector<DeckSummary> deck_summaries(const content::ContentSet& c, std::string_view locale);
// The card's face in a locale; nullopt-like empty id when the card does not exist.
CardFace card_face(const content::ContentSet& c, std::string_view card_id, std::string_view locale);
// The card at position `index` of a deck (clamped), for next/previous.
CardFace card_at(const content::ContentSet& c, std::string_view deck_id, int index,
                 std::string_view locale);

// One row of the type-ahead result list.
struct SearchRow {
    std::string card_id;
    std::string deck_id;
    std::string deck_title;
    std::string title;
    std::string snippet; // the situation (front), for recognising the right card
    // The text where the query matched (situation first), cut around the match, matched
    // words marked for highlighting.
    std::vector<search::SnippetPart> snippet_parts;
    int index = 0;       // position in its deck, to open it there
    bool title_hit = false;
};

// Ranked search results in a locale's words (titles in `locale`, English where missing).
std::vector<SearchRow> search_rows(const content::ContentSet& c, const search::SearchIndex& index,
                                   std::string_view query, std::string_view locale,
                                   std::size_t limit = 20);

} // namespace trainer::cards
