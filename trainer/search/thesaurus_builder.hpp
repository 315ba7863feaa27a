#pragma once
// Builds the search thesaurus (thesaurus.hpp) from MyThes thesauri, for `trainer cards
// thesaurus`: for every word of the content in a locale (card texts and keywords) that is not
// common (in at most a quarter of the cards) the thesaurus entries of the word itself, of its
// lemmas (the word-form lexicon) and of words with its Snowball stem (en, ru) give synonyms;
// only single words of 4+ letters that are no function word, carry no note ("(generic term)",
// "(antonym)", "(przestarz.)") and are not themselves words of the content are kept, at most
// kMaxSynonymsPerWord per content word, in the thesaurus' order (its first sense first).
#include "trainer/content/model.hpp"
#include "trainer/search/lexicon.hpp"

#include <filesystem>
#include <string>
#include <vector>

namespace trainer::search {

inline constexpr std::size_t kMaxSynonymsPerWord = 6;

struct ThesaurusBuild {
    std::string text;               // the thesaurus file, see thesaurus.hpp
    std::vector<std::string> notes; // what was used or missing, one line each, for the log
    std::size_t pairs = 0;
};

// Locales: "en" -> th_en_US_v2.dat, "pl" -> th_pl_PL_v2.dat, "ru" -> th_ru_RU_v2.dat in
// `mythes_dir` (Debian: /usr/share/mythes). A missing or unreadable file is a note and leaves
// its locale out.
ThesaurusBuild build_thesaurus(const content::ContentSet& content, const Lexicon& lexicon,
                               const std::filesystem::path& mythes_dir);

} // namespace trainer::search
