#include "trainer/search/index.hpp"

#include "trainer/search/fold.hpp"

#include <algorithm>
#include <array>
#include <iterator>
#include <limits>
#include <numeric>
#include <tuple>
#include <unordered_map>

namespace trainer::search {
namespace {

using detail::CardMatch;
using detail::kLocaleCount;
using detail::Posting;

constexpr std::uint8_t kNeutral = kLocaleCount; // tags and card id belong to no locale
constexpr std::uint32_t kNoCard = std::numeric_limits<std::uint32_t>::max();

// Where a word occurs, best first. The weights make a title word worth more than the same word
// anywhere else: a title is the name an agent remembers the standard by.
enum Field : std::uint8_t { kTitle, kFront, kBack, kOther, kTag, kId };
constexpr int kFieldWeight[] = {100, 40, 30, 15, 15, 10};

// An exact word beats any prefix; among prefixes, the closer to the whole word the better
// ("krok" ranks "krok" over "kroku" over "krokodyl").
int match_factor(std::size_t query_bytes, std::size_t word_bytes) {
    if (query_bytes == word_bytes) return 10;
    return 4 + static_cast<int>(4 * query_bytes / word_bytes);
}

int locale_index(std::string_view locale) {
    for (std::size_t i = 0; i < kLocaleCount; ++i)
        if (content::kLocales[i] == locale) return static_cast<int>(i);
    return -1;
}

struct RawPosting {
    std::uint32_t word; // id in first-seen order, remapped to sorted order later
    std::uint32_t card;
    std::uint8_t locale;
    std::uint8_t field;
};

// Per-card state of one search.
struct Acc {
    std::uint8_t matched = 0; // query words matched so far
    std::uint8_t title_words = 0;
    std::array<std::uint8_t, kLocaleCount> loc_words{};
    int total = 0;
    std::array<int, kLocaleCount> loc_total{};
};

// The per-card matches of the words [lo, hi) of the sorted list, all prefixed by a query word
// of `query_bytes`, for the cards `keep` accepts; appended to `out` (in card order when
// `sorted`: the build-time lists are read for every first keystroke, so locality pays there).
// `dense` is scratch of one CardMatch per card, all zero on entry and on return.
template <class Keep>
void collect(const std::vector<std::string>& words, const std::vector<std::uint32_t>& offsets,
             const std::vector<Posting>& postings, std::size_t lo, std::size_t hi,
             std::size_t query_bytes, Keep keep, bool sorted, std::vector<CardMatch>& dense,
             std::vector<CardMatch>& out) {
    std::vector<std::uint32_t> touched;
    for (std::size_t w = lo; w < hi; ++w) {
        const int exactness = match_factor(query_bytes, words[w].size());
        for (std::uint32_t i = offsets[w]; i < offsets[w + 1]; ++i) {
            const Posting& p = postings[i];
            if (!keep(p.card)) continue;
            CardMatch& m = dense[p.card];
            const bool first = m.neutral == 0 && m.by_locale == decltype(m.by_locale){};
            if (first) touched.push_back(p.card); // points are never 0, so untouched is all-zero
            const auto points = static_cast<std::uint16_t>(kFieldWeight[p.field] * exactness);
            if (p.locale == kNeutral)
                m.neutral = std::max<std::uint16_t>(m.neutral, 2 * points);
            else
                m.by_locale[p.locale] = std::max(m.by_locale[p.locale], points);
            if (p.field == kTitle) m.title = true;
        }
    }
    if (sorted) std::sort(touched.begin(), touched.end());
    for (std::uint32_t c : touched) {
        out.push_back(dense[c]);
        out.back().card = c;
        dense[c] = {};
    }
}

struct Candidate {
    std::uint32_t card;
    int score;
    bool title_hit;
    std::uint8_t locale;
};

} // namespace

SearchIndex::SearchIndex(const content::ContentSet& content) {
    std::unordered_map<std::string, std::uint32_t> word_ids;
    std::vector<std::string_view> vocab; // views into word_ids' keys, stable across rehash
    std::vector<RawPosting> raw;
    auto add = [&](std::string_view text, std::uint32_t card, std::uint8_t locale,
                   std::uint8_t field) {
        for (auto& w : fold_words(text)) {
            auto [it, inserted] =
                word_ids.try_emplace(std::move(w), static_cast<std::uint32_t>(vocab.size()));
            if (inserted) vocab.push_back(it->first);
            raw.push_back({it->second, card, locale, field});
        }
    };

    ids_.reserve(content.cards.size());
    for (std::size_t ci = 0; ci < content.cards.size(); ++ci) {
        const content::Card& card = content.cards[ci];
        const auto c = static_cast<std::uint32_t>(ci);
        ids_.push_back(card.id);
        for (const auto& [locale, t] : card.text) {
            const int li = locale_index(locale);
            if (li < 0) continue; // the loader admits only supported locales
            const auto l = static_cast<std::uint8_t>(li);
            add(t.title, c, l, kTitle);
            add(t.front, c, l, kFront);
            add(t.back, c, l, kBack);
            add(t.why, c, l, kOther);
            for (const auto& p : t.phrasings)
                add(p, c, l, kOther);
            add(t.avoid, c, l, kOther);
        }
        for (const auto& tag : card.tags)
            add(tag, c, kNeutral, kTag);
        add(card.id, c, kNeutral, kId);
    }

    // Ties are broken by the journey: deck order, then id, so results never depend on hashing.
    std::vector<std::uint32_t> by_rank(ids_.size());
    std::iota(by_rank.begin(), by_rank.end(), 0u);
    auto deck_pos = [&](std::uint32_t c) {
        const auto& deck_id = content.cards[c].deck_id;
        for (std::size_t d = 0; d < content.decks.size(); ++d)
            if (content.decks[d].id == deck_id) return d;
        return content.decks.size();
    };
    std::vector<std::size_t> deck_of(ids_.size());
    for (std::uint32_t c = 0; c < ids_.size(); ++c)
        deck_of[c] = deck_pos(c);
    std::sort(by_rank.begin(), by_rank.end(), [&](std::uint32_t a, std::uint32_t b) {
        return std::tie(deck_of[a], ids_[a], a) < std::tie(deck_of[b], ids_[b], b);
    });
    tie_rank_.resize(ids_.size());
    for (std::uint32_t r = 0; r < by_rank.size(); ++r)
        tie_rank_[by_rank[r]] = r;

    // Sorted vocabulary; postings grouped by word so that a prefix range is one slice. `raw`
    // is already in (card, locale, field) order, as added above, so a stable counting sort by
    // word keeps that order within each word, and the first of each (word, card, locale) is
    // its best field.
    std::vector<std::uint32_t> order(vocab.size());
    std::iota(order.begin(), order.end(), 0u);
    std::sort(order.begin(), order.end(),
              [&](std::uint32_t a, std::uint32_t b) { return vocab[a] < vocab[b]; });
    std::vector<std::uint32_t> sorted_pos(vocab.size());
    for (std::uint32_t i = 0; i < order.size(); ++i)
        sorted_pos[order[i]] = i;
    std::vector<std::uint8_t> kept(raw.size(), 0);
    std::vector<std::uint32_t> last_card(vocab.size(), kNoCard);
    std::vector<std::uint8_t> last_locale(vocab.size(), 0);
    words_.reserve(order.size());
    for (auto i : order)
        words_.emplace_back(vocab[i]);
    offsets_.assign(words_.size() + 1, 0);
    for (std::size_t i = 0; i < raw.size(); ++i) {
        const RawPosting& p = raw[i];
        if (last_card[p.word] == p.card && last_locale[p.word] == p.locale) continue;
        last_card[p.word] = p.card;
        last_locale[p.word] = p.locale;
        kept[i] = 1;
        ++offsets_[sorted_pos[p.word] + 1];
    }
    std::partial_sum(offsets_.begin(), offsets_.end(), offsets_.begin());
    postings_.resize(offsets_.back());
    std::vector<std::uint32_t> fill(offsets_.begin(), offsets_.end() - 1);
    for (std::size_t i = 0; i < raw.size(); ++i)
        if (kept[i])
            postings_[fill[sorted_pos[raw[i].word]]++] = {raw[i].card, raw[i].locale, raw[i].field};

    // Words sharing a first code point are adjacent in the sorted list.
    std::vector<CardMatch> dense(ids_.size());
    letter_offsets_.push_back(0);
    for (std::size_t lo = 0; lo < words_.size();) {
        std::size_t len = 0;
        decode_utf8(words_[lo], len);
        const std::string letter = words_[lo].substr(0, len);
        std::size_t hi = lo;
        while (hi < words_.size() && words_[hi].starts_with(letter))
            ++hi;
        collect(
            words_, offsets_, postings_, lo, hi, letter.size(), [](std::uint32_t) { return true; },
            true, dense, letter_matches_);
        letters_.push_back(letter);
        letter_offsets_.push_back(static_cast<std::uint32_t>(letter_matches_.size()));
        lo = hi;
    }
}

std::vector<Hit> SearchIndex::search(std::string_view query, std::string_view locale,
                                     std::size_t limit) const {
    if (limit == 0 || ids_.empty()) return {};
    const auto qwords = fold_words(query.substr(0, kMaxQueryBytes),
                                   {.max_words = kMaxQueryWords, .max_word_bytes = kMaxWordBytes});
    if (qwords.empty()) return {};

    // Each query word is the slice of the sorted word list that starts with it.
    struct Range {
        std::size_t lo, hi, query_bytes, word;
    };
    std::vector<Range> ranges;
    for (std::size_t qi = 0; qi < qwords.size(); ++qi) {
        const std::string& q = qwords[qi];
        auto lo = std::lower_bound(words_.begin(), words_.end(), q);
        auto hi = std::partition_point(lo, words_.end(),
                                       [&](const std::string& w) { return w.starts_with(q); });
        if (lo == hi) return {}; // a word nothing starts with: no card has every word
        ranges.push_back({static_cast<std::size_t>(lo - words_.begin()),
                          static_cast<std::size_t>(hi - words_.begin()), q.size(), qi});
    }
    // The narrowest word first: later words only refine its candidates.
    std::stable_sort(ranges.begin(), ranges.end(), [&](const Range& a, const Range& b) {
        return offsets_[a.hi] - offsets_[a.lo] < offsets_[b.hi] - offsets_[b.lo];
    });

    const int want = locale_index(locale);
    std::vector<Acc> acc(ids_.size());
    std::vector<CardMatch> dense, computed; // only for words longer than one letter
    std::vector<std::uint32_t> alive;       // cards that matched every word so far
    for (std::size_t k = 0; k < ranges.size(); ++k) {
        const Range& r = ranges[k];
        const CardMatch* begin = nullptr;
        const CardMatch* end = nullptr;
        const auto letter = std::lower_bound(letters_.begin(), letters_.end(), qwords[r.word]);
        if (letter != letters_.end() && *letter == qwords[r.word]) {
            const auto i = static_cast<std::size_t>(letter - letters_.begin());
            begin = letter_matches_.data() + letter_offsets_[i];
            end = letter_matches_.data() + letter_offsets_[i + 1];
        } else {
            computed.clear();
            dense.resize(ids_.size());
            collect(
                words_, offsets_, postings_, r.lo, r.hi, r.query_bytes,
                [&](std::uint32_t c) { return acc[c].matched == k; }, false, dense, computed);
            begin = computed.data();
            end = begin + computed.size();
        }
        alive.clear();
        for (const CardMatch* m = begin; m != end; ++m) {
            Acc& a = acc[m->card];
            if (a.matched != k) continue; // missed an earlier word: out already
            int best = m->neutral;
            for (std::size_t l = 0; l < kLocaleCount; ++l) {
                const int points = m->by_locale[l] * (static_cast<int>(l) == want ? 2 : 1);
                best = std::max(best, points);
                a.loc_total[l] += points;
                if (points > 0) ++a.loc_words[l];
            }
            ++a.matched;
            a.total += best;
            if (m->title) ++a.title_words;
            alive.push_back(m->card);
        }
        if (alive.empty()) return {};
    }

    std::vector<Candidate> found;
    found.reserve(alive.size());
    for (std::uint32_t c : alive) {
        const Acc& a = acc[c];
        // The locale that holds most query words, then the most points, then the asked one.
        std::uint8_t best = want >= 0 ? static_cast<std::uint8_t>(want) : 0;
        for (std::uint8_t l = 0; l < kLocaleCount; ++l)
            if (std::tie(a.loc_words[l], a.loc_total[l]) >
                std::tie(a.loc_words[best], a.loc_total[best]))
                best = l;
        found.push_back({c, a.total, a.title_words == ranges.size(), best});
    }
    const std::size_t n = std::min(limit, found.size());
    std::partial_sort(found.begin(), found.begin() + static_cast<std::ptrdiff_t>(n), found.end(),
                      [&](const Candidate& a, const Candidate& b) {
                          if (a.title_hit != b.title_hit) return a.title_hit;
                          if (a.score != b.score) return a.score > b.score;
                          return tie_rank_[a.card] < tie_rank_[b.card];
                      });
    std::vector<Hit> hits;
    hits.reserve(n);
    for (std::size_t i = 0; i < n; ++i) {
        const Candidate& c = found[i];
        hits.push_back({ids_[c.card], c.card, c.score, c.title_hit, content::kLocales[c.locale]});
    }
    return hits;
}

} // namespace trainer::search
