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
#include <utility>
#include <vector>

namespace trainer::search {

class Lexicon {
  public:
    Lexicon() = default;

    // Parses the text of a lexicon file. On a malformed file returns an empty lexicon and says
    // why in `problem` ("line 12: expected form<TAB>lemma").
    // `header` is the first line the file must have (the thesaurus, thesaurus.hpp, shares the format).
    static Lexicon parse(std::string text, std::string& problem,
                         std::string_view header = "# trainer search lexicon 1");
    // Reads a file; a missing or unreadable file gives an empty lexicon and a `problem`.
    static Lexicon load(const std::filesystem::path& path, std::string& problem,
                        std::string_view header = "# trainer search lexicon 1");

    // The lemmas of a folded form, possibly none. The views live as long as the lexicon.
    std::vector<std::string_view> lemmas(std::string_view form) const;

    bool empty() const { return entries_.empty(); }
    std::size_t size() const { return entries_.size(); }
    // The i-th (form, lemma) line, in form order.
    std::pair<std::string_view, std::string_view> entry(std::size_t i) const {
        return {entries_[i].form, entries_[i].lemma};
    }

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
