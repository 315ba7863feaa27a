#pragma once
// Instant standards search (DESIGN §4.1): an agent on a call types a few letters and the
// matching standards appear at once, title hits first. Everything is folded at build time
// (see fold.hpp) into a sorted word list; a query word is a binary-searched prefix range of it,
// and the postings of that range are contiguous, so a keystroke costs O(log words + matches).
// The widest ranges, one-letter words (the first keystroke), are aggregated per card up front.
#include "trainer/content/model.hpp"

#include <array>
#include <cstddef>
#include <cstdint>
#include <iterator>
#include <string>
#include <string_view>
#include <vector>

namespace trainer::search {

struct Hit {
    std::string card_id;
    std::size_t card_index = 0; // position in ContentSet::cards
    int score = 0;              // higher is better; only meaningful within one result list
    bool title_hit = false;     // every query word is the start of a word of a title
    std::string_view locale;    // where the query matched best: "en", "pl" or "ru"
};

namespace detail {

inline constexpr std::size_t kLocaleCount = std::size(content::kLocales);

// One (word, card, locale) with the best field the word occurs in.
struct Posting {
    std::uint32_t card;
    std::uint8_t locale; // index into content::kLocales, or kLocaleCount for tags and card id
    std::uint8_t field;  // smaller is better: title, front, back, other, tag, id
};

// How well one query word matches one card: best points per locale before the bonus for the
// requested locale, best points in the locale-neutral tags and id, and whether a title has it.
struct CardMatch {
    std::uint32_t card = 0;
    std::uint16_t neutral = 0;
    std::array<std::uint16_t, kLocaleCount> by_locale{};
    bool title = false;
};

} // namespace detail

class SearchIndex {
  public:
    // Bounds that keep an absurd query (a pasted page, control characters) calm and fast.
    static constexpr std::size_t kMaxQueryWords = 8;
    static constexpr std::size_t kMaxWordBytes = 64;
    static constexpr std::size_t kMaxQueryBytes = 4096;

    SearchIndex() = default;
    // Indexes every card in every locale it has: title, front, back, why, phrasings, avoid,
    // and the locale-neutral tags and card id.
    explicit SearchIndex(const content::ContentSet& content);

    // Cards where every query word is a prefix of some word of the card (in any locale), best
    // first: title hits, then score (title > front > back > other fields, exact word > prefix,
    // requested locale > others), then deck order, then id. At most `limit` hits. A query
    // with no word (empty, spaces, punctuation only) gives no hits. An unknown locale just
    // prefers no locale. Stateless and const: call it on every keystroke, from any thread.
    std::vector<Hit> search(std::string_view query, std::string_view locale,
                            std::size_t limit) const;

    std::size_t card_count() const { return ids_.size(); }
    std::size_t word_count() const { return words_.size(); } // distinct folded words
    std::size_t posting_count() const { return postings_.size(); }

  private:
    std::vector<std::string> words_;     // sorted, distinct
    std::vector<std::uint32_t> offsets_; // postings of words_[i]: [offsets_[i], offsets_[i+1])
    std::vector<detail::Posting> postings_;
    std::vector<std::string> ids_;        // by card index
    std::vector<std::uint32_t> tie_rank_; // by card index: position in (deck order, id) order
    // The first keystroke of a word is the widest range (every word starting with "p"), so the
    // per-card matches of each one-letter prefix are computed once, at build time.
    std::vector<std::string> letters_;          // sorted: first code points of words_
    std::vector<std::uint32_t> letter_offsets_; // matches of letters_[i]: [offsets[i], [i+1])
    std::vector<detail::CardMatch> letter_matches_;
};

} // namespace trainer::search
