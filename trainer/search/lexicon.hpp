#pragma once
// The word-form lexicon (README "Search: word forms"): folded inflected form -> folded lemma,
// for the content's own vocabulary in Polish and Russian, derived with Hunspell by
// `trainer cards lexicon` (lexicon_builder.hpp) and kept next to the content in
// content/search/lexicon.tsv. The kiosk reads this small table and never loads a dictionary.
//
// File format: UTF-8 text; the first line is "# trainer search lexicon 1"; then lines
// "form<TAB>lemma", sorted by form, then lemma; lines starting with '#' are comments.
#include <filesystem>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace trainer::search {

class Lexicon {
  public:
    Lexicon() = default;

    // Parses the text of a lexicon file. On a malformed file returns an empty lexicon and says
    // why in `problem` ("line 12: expected form<TAB>lemma").
    static Lexicon parse(std::string text, std::string& problem);
    // Reads a file; a missing or unreadable file gives an empty lexicon and a `problem`.
    static Lexicon load(const std::filesystem::path& path, std::string& problem);

    // The lemmas of a folded form, possibly none. The views live as long as the lexicon.
    std::vector<std::string_view> lemmas(std::string_view form) const;

    bool empty() const { return entries_.empty(); }
    std::size_t size() const { return entries_.size(); }

  private:
    struct Entry {
        std::string_view form, lemma;
    };
    std::shared_ptr<const std::string> text_; // entries_ view into it; shared, so moves keep them
    std::vector<Entry> entries_; // sorted by form
};

inline constexpr std::string_view kLexiconHeader = "# trainer search lexicon 1";

// content/search/lexicon.tsv under a content directory.
std::filesystem::path lexicon_path(const std::filesystem::path& content_dir);

} // namespace trainer::search
