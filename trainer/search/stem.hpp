#pragma once
// Snowball stems for search (README "Search: word forms"): a folded word written in Cyrillic is
// stemmed with Snowball's Russian stemmer, any other with its English one ("refunded" ->
// "refund", "жалобой" -> "жалоб"). Snowball has no Polish stemmer; Polish forms come from the
// Hunspell-derived lexicon (lexicon.hpp). Tiny, fast and thread-safe (one stemmer per thread).
#include <string>
#include <string_view>

namespace trainer::search {

// The stem of one folded word (see fold.hpp); the word itself when Snowball is unavailable.
std::string snowball_stem(std::string_view folded_word);

// True when the word's first letter is Cyrillic.
bool is_cyrillic_word(std::string_view folded_word);

} // namespace trainer::search
