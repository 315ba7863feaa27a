#pragma once
// Builds the word-form lexicon (lexicon.hpp) with Hunspell, for `trainer cards lexicon`: every
// word of the content in a locale (card texts and keywords) is reduced to its dictionary
// lemmas by Hunspell, then each lemma's dictionary entry is expanded with the dictionary's own
// affix rules into all its inflected forms; the table maps each folded form to the folded lemma.
// Loading a Hunspell dictionary takes seconds and tens of MB, which is why this runs offline
// and the kiosk only reads the result (README "Search: word forms").
#include "trainer/content/model.hpp"

#include <filesystem>
#include <string>
#include <vector>

namespace trainer::search {

struct LexiconBuild {
    std::string text;                // the lexicon file, see lexicon.hpp
    std::vector<std::string> notes;  // what was used or missing, one line each, for the log
    std::size_t forms = 0;
};

// Locales with a Hunspell dictionary: "pl" -> pl_PL.{aff,dic}, "ru" -> ru_RU.{aff,dic} in
// `dict_dir` (Debian: /usr/share/hunspell). A missing or unreadable dictionary is a note and
// leaves its locale out; the others are still built.
LexiconBuild build_lexicon(const content::ContentSet& content,
                           const std::filesystem::path& dict_dir);

} // namespace trainer::search
