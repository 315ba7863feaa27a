#pragma once
// Aspect partners of a verb lemma (README "Search: how a query word matches"): Polish and
// Russian make a verb's imperfective by inserting -wa-/-ywa-/-iwa- (-ва-/-ыва-/-ива-) before
// the infinitive ending — podać / podawać, zapisać / zapisywać, передать / передавать,
// рассказать / рассказывать. Hunspell gives each its own lemma, and the two often share too
// short a start for the related-word rule (pod-ać, pod-awać), so search asks for the partner
// lemma by name. Pure string work on folded lemmas (fold.hpp: no diacritics, ё as е).
#include <string>
#include <string_view>
#include <vector>

namespace trainer::search {

// The lemmas that may be this folded infinitive's other aspect; empty for anything that does
// not end like a Polish (-ac) or Russian (-ать) infinitive with a stem of 2+ letters.
std::vector<std::string> aspect_partners(std::string_view folded_lemma);

} // namespace trainer::search
