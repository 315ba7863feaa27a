#pragma once
// Reads one deck document (content/decks/*.json, format in content/README.md) into typed
// structs, reporting every problem of the file with its JSON pointer. Cross-file rules
// (unique ids, ordering) belong to the loader.
#include "trainer/content/diagnostics.hpp"
#include "trainer/content/model.hpp"

#include <optional>
#include <string>
#include <vector>

namespace trainer::content {

class JsonSource; // trainer/content/json_source.hpp (pulls in nlohmann/json)

struct ParsedCard {
    Card card;                                 // text of pl/ru already completed from English
    std::string pointer;                       // "/cards/3", to locate duplicate-id reports
    std::vector<std::string> complete_locales; // locales whose six fields were all given
};

struct ParsedDeck {
    Deck deck;
    std::vector<ParsedCard> cards;             // only cards with a valid id, in file order
    std::vector<std::string> complete_locales; // locales with both title and description
};

// Appends the file's problems to `out`. Returns nullopt when the document is not a deck at all
// (not an object, or no valid id); otherwise everything that could be read.
std::optional<ParsedDeck> parse_deck(const JsonSource& source, std::vector<Diagnostic>& out);

// [a-z0-9-]+ : deck ids, card ids and tags.
bool is_valid_id(std::string_view id);

} // namespace trainer::content
