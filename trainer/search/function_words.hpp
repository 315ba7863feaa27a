#pragma once
// Function words (README "Search: ranking"): articles, pronouns, prepositions, conjunctions,
// verbs of wanting and saying ("customer wants a discount", "klient mówi, że nie działa": the
// rest names the standard),
// auxiliaries and particles of en, pl and ru, folded (fold.hpp). In a query they say how the
// agent phrased it, not which standard is meant ("how long TO answer", "извиниться ПЕРЕД
// клиентом", "przesyłka SIĘ opóźnia"): a finished function word matches only exactly, and it
// counts towards neither the words matched nor the points, only towards words being close
// together. A query of function words only is ranked as if they were ordinary words.
#include <string_view>

namespace trainer::search {

// True for a folded function word of any of the three languages.
bool is_function_word(std::string_view folded_word);
// The list is sorted and has no duplicates (what the binary search relies on).
bool function_words_sorted();

} // namespace trainer::search
