#pragma once
// Aspect partners of a verb lemma (README "Search: how a query word matches"): Polish and
// Russian make a verb's imperfective by inserting -wa-/-ywa-/-iwa- (-ва-/-ыва-/-ива-) before
// the infinitive ending — podać / podawać, zapisać / zapisywać, передать / передавать,
// рассказать / рассказывать — or by a prefix on the plain verb: zrezygnować / rezygnować,
// zadzwonić / dzwonić, сделать / делать, позвонить / звонить (a short list of prefixes that
// change the aspect, not the meaning). Hunspell gives each its own lemma, and the two often share
// too short a start for the related-word rule (pod-ać, pod-awać), so search asks for the partner
// lemma by name. Pure string work on folded lemmas (fold.hpp: no diacritics, ё as е).
#include <string>
#include <string_view>
#include <vector>

namespace trainer::search {

// The lemmas that may be this folded infinitive's other aspect; empty for anything that does
// not end like a Polish (-ć) or Russian (-ть, -ти) infinitive. Candidates only: search keeps
// those that are lemmas of the content.
std::vector<std::string> aspect_partners(std::string_view folded_lemma);

} // namespace trainer::search
