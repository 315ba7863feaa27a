#pragma once
// English irregular verb forms (README "Search: how a query word matches"): Snowball stems
// "swore" and "swear", "forgot" and "forget", "told" and "tell" apart, so an agent's past tense
// ("caller swore at me") would never meet the card's present. The base form of a folded English
// past or past participle that is not made with -ed, for the stemmer to stem instead.
#include <string_view>

namespace trainer::search {

// The base form ("swear") of an irregular past or participle ("swore", "sworn"); the word
// itself otherwise. Auxiliaries (was, had, did) are left alone: they are function words.
std::string_view english_base_form(std::string_view folded_word);

} // namespace trainer::search
