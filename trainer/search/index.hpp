#pragma once
// Standards search as agents type during a call (DESIGN §4.1, README "Search"): every query
// word is matched against the folded words of every card (fold.hpp) in one of these ways,
// best first:
//   exact   the same word;
//   prefix  the query word starts a content word (the word being typed);
//   form    another form of the same word: equal Snowball stems (ru, en; stem.hpp) or equal
//           Hunspell lemmas (pl, ru; lexicon.hpp);
//   related stems or lemmas sharing a long start (aspect and noun/verb pairs: oddzwonić /
//           oddzwaniać, объяснить / объяснение), or words differing only in their last letters;
//   typo    a finished word within 1 edit from 5 letters, 2 from 9 (typo.hpp), first letter kept.
// Cards are ranked by how many query words they match, then by points (field weight x match
// kind, requested locale doubled, plus a bonus for query words in order and close together),
// then by deck order and id. Nothing needs a dictionary at query time.
#include "trainer/content/model.hpp"
#include "trainer/search/lexicon.hpp"

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace trainer::search {

enum class MatchKind : std::uint8_t { none, typo, related, form, prefix, exact };
// Where a word occurs, best first; keywords are the author's words for the card.
enum class Field : std::uint8_t { title, keyword, front, back, other, tag, id };

std::string_view match_kind_name(MatchKind k);
std::string_view field_name(Field f);

// How one query word matched a card (its best occurrence).
struct WordMatch {
    std::string query; // the folded query word
    std::string word;  // the folded content word it matched
    MatchKind kind = MatchKind::none;
    Field field = Field::title;
    std::string_view locale; // "en", "pl", "ru", or "" for tags and the card id
    int points = 0;
};

struct Hit {
    std::string card_id;
    std::size_t card_index = 0; // position in ContentSet::cards
    int score = 0;              // higher is better; only meaningful within one result list
    bool title_hit = false;     // every query word matched a title word
    std::string_view locale;    // where the query matched best: "en", "pl" or "ru"
    std::size_t words_matched = 0;
    std::size_t rank_words = 0;     // the first ranking key: matched words, rare ones twice
    int proximity = 0;              // bonus for query words in order and close together
    std::vector<WordMatch> matches; // one per matched query word, in query order
};

namespace detail {
struct Posting {
    std::uint32_t card;
    std::uint8_t locale; // index into content::kLocales, or 3 for tags and card id
    Field field;         // the best field the word occurs in, for this card and locale
    std::uint16_t pos;   // position of its first occurrence in that field
};
// Every occurrence of a word on a card in one locale (the posting keeps only the best field's
// first), so that a phrase of the query met anywhere in a card's texts counts as close.
struct Occurrence {
    Field field;
    std::uint16_t pos;
};
struct Key {
    std::string key; // 's' + Snowball stem or 'l' + lemma
    std::uint32_t word;
};
} // namespace detail

class SearchIndex {
  public:
    // Bounds that keep an absurd query (a pasted page, control characters) calm and fast.
    static constexpr std::size_t kMaxQueryWords = 8;
    static constexpr std::size_t kMaxWordBytes = 64;
    static constexpr std::size_t kMaxQueryBytes = 4096;

    SearchIndex() = default;
    // Indexes every card in every locale it has: title, keywords, front, back, why,
    // phrasings, avoid, and the locale-neutral tags and card id. An empty lexicon leaves
    // Polish without lemmas (Snowball, prefixes, related words and typos still work).
    explicit SearchIndex(const content::ContentSet& content, Lexicon lexicon = {});

    // Cards matching at least one query word, best first (see above), at most `limit`. A
    // query with no word (empty, spaces, punctuation only) gives no hits. The last query
    // word counts as still being typed unless the query ends with a separator; typos are
    // tolerated in finished words and in a last word of 5 letters or more. An unknown locale
    // just prefers no locale. Const: call it on every keystroke, from any thread.
    std::vector<Hit> search(std::string_view query, std::string_view locale,
                            std::size_t limit) const;

    std::size_t card_count() const { return ids_.size(); }
    std::size_t word_count() const { return words_.size(); } // distinct folded words
    std::size_t posting_count() const { return postings_.size(); }
    // The closeness bonus of two matched words on one card: the best over all their
    // occurrences in the same text (150 next to each other in order, 80 within three words,
    // 40 close but reversed, 0 otherwise). Postings are indexes into postings_.
    int closeness(std::uint32_t first_posting, std::uint32_t second_posting) const;
    bool has_lexicon() const { return !lexicon_.empty(); }

  private:
    struct Candidate {
        std::uint32_t word;
        MatchKind kind;
    };
    // The content words one folded query word matches, each once with its best kind.
    std::vector<Candidate> match_words(const std::string& q, bool finished) const;
    // Typo candidates: only words with the same first letter and a length within `typos`
    // (an edit distance is at least the length difference), read from by_shape_; and, for a
    // wrong first letter (two edits: "vancellation" for *cancellation*), words with the same
    // second letter from by_rest_.
    void add_typos(std::u32string_view q, std::size_t typos, std::vector<Candidate>& out) const;
    std::u32string_view word_cps(std::uint32_t w) const {
        return {cps_.data() + cp_offsets_[w], cp_offsets_[w + 1] - cp_offsets_[w]};
    }

    Lexicon lexicon_;
    std::vector<std::string> words_;     // sorted, distinct
    std::vector<std::uint32_t> offsets_; // postings of words_[i]: [offsets_[i], offsets_[i+1])
    std::vector<detail::Posting> postings_;
    // Occurrences of postings_[i]'s word on its card and locale, in text order:
    // occurrences_[occurrence_offsets_[i] .. occurrence_offsets_[i+1]).
    std::vector<detail::Occurrence> occurrences_;
    std::vector<std::uint32_t> occurrence_offsets_;
    std::vector<detail::Key> keys_;       // sorted by key
    // Precomputed so that a keystroke decodes no UTF-8 of the content: the code points of
    // words_[i] are cps_[cp_offsets_[i] .. cp_offsets_[i+1]).
    std::u32string cps_;
    std::vector<std::uint32_t> cp_offsets_;
    std::vector<std::uint32_t> by_shape_; // word ids sorted by (first code point, length, id)
    std::vector<std::uint32_t> by_rest_;  // ids of words of 2+ letters by (second code point, length, id)
    std::vector<std::string> ids_;        // by card index
    std::vector<std::uint32_t> tie_rank_; // by card index: position in (deck order, id) order
};

} // namespace trainer::search
