#pragma once
// The search thesaurus (README "Search: synonyms"): folded synonym -> folded content word, for
// the content's own vocabulary, derived from the OpenOffice MyThes thesauri that Debian ships
// (mythes-en-us, mythes-pl, mythes-ru) by `trainer cards thesaurus` (thesaurus_builder.hpp) and
// kept next to the content in content/search/thesaurus.tsv. A query word that is a synonym of
// a card's word meets that word as the weakest kind of match (index.hpp, MatchKind::synonym).
//
// File format: the lexicon's (lexicon.hpp) with the first line "# trainer search thesaurus 1";
// lines "synonym<TAB>content word", sorted.
#include "trainer/search/lexicon.hpp"

#include <filesystem>
#include <string_view>

namespace trainer::search {

inline constexpr std::string_view kThesaurusHeader = "# trainer search thesaurus 1";

// content/search/thesaurus.tsv under a content directory.
inline std::filesystem::path thesaurus_path(const std::filesystem::path& content_dir) {
    return content_dir / "search" / "thesaurus.tsv";
}

// Reads the thesaurus; a missing or malformed file gives an empty one and a `problem`.
inline Lexicon load_thesaurus(const std::filesystem::path& content_dir, std::string& problem) {
    return Lexicon::load(thesaurus_path(content_dir), problem, kThesaurusHeader);
}

} // namespace trainer::search
