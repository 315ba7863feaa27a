#include "trainer/search/index.hpp"

#include "trainer/search/fold.hpp"
#include "trainer/search/stem.hpp"
#include "trainer/search/typo.hpp"

#include <algorithm>
#include <limits>
#include <numeric>
#include <tuple>
#include <unordered_map>

namespace trainer::search {
namespace {

using detail::Key;
using detail::Occurrence;
using detail::Posting;

constexpr std::size_t kLocaleCount = std::size(content::kLocales);
constexpr std::uint8_t kNeutral = kLocaleCount; // tags and card id belong to no locale
constexpr std::uint32_t kNoCard = std::numeric_limits<std::uint32_t>::max();

int locale_index(std::string_view locale) {
    for (std::size_t i = 0; i < kLocaleCount; ++i)
        if (content::kLocales[i] == locale) return static_cast<int>(i);
    return -1;
}

struct RawPosting {
    std::uint32_t word; // id in first-seen order, remapped to sorted order later
    std::uint32_t card;
    std::uint8_t locale;
    Field field;
    std::uint16_t pos;
};

} // namespace

std::string_view match_kind_name(MatchKind k) {
    switch (k) {
    case MatchKind::exact: return "exact";
    case MatchKind::prefix: return "prefix";
    case MatchKind::form: return "word form";
    case MatchKind::related: return "related word";
    case MatchKind::typo: return "typo";
    case MatchKind::none: break;
    }
    return "none";
}

std::string_view field_name(Field f) {
    constexpr std::string_view names[] = {"title", "keyword", "front", "back",
                                          "other", "tag",     "id"};
    return names[static_cast<std::size_t>(f)];
}

SearchIndex::SearchIndex(const content::ContentSet& content, Lexicon lexicon)
    : lexicon_(std::move(lexicon)) {
    std::unordered_map<std::string, std::uint32_t> word_ids;
    std::vector<std::string_view> vocab; // views into word_ids' keys, stable across rehash
    std::vector<RawPosting> raw;
    auto add = [&](std::string_view text, std::uint32_t card, std::uint8_t locale, Field field,
                   std::size_t& pos) {
        auto add_word = [&](std::string w, std::size_t at) {
            auto [it, inserted] =
                word_ids.try_emplace(std::move(w), static_cast<std::uint32_t>(vocab.size()));
            if (inserted) vocab.push_back(it->first);
            const auto p = static_cast<std::uint16_t>(std::min<std::size_t>(at, 65535));
            raw.push_back({it->second, card, locale, field, p});
        };
        const std::size_t start = pos;
        for (auto& w : fold_words(text))
            add_word(std::move(w), pos++);
        // "e-mail" is also "email", at the position of its first part.
        for (auto& c : hyphen_compounds(text))
            add_word(std::move(c.joined), start + c.first_word);
        pos += 3; // a new text (keyword, phrasing) is never "close" to the one before
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
            std::size_t pos = 0;
            add(t.title, c, l, Field::title, pos);
            for (const auto& k : t.keywords)
                add(k, c, l, Field::keyword, pos);
            add(t.front, c, l, Field::front, pos);
            add(t.back, c, l, Field::back, pos);
            add(t.why, c, l, Field::other, pos);
            for (const auto& p : t.phrasings)
                add(p, c, l, Field::other, pos);
            add(t.avoid, c, l, Field::other, pos);
        }
        std::size_t pos = 0;
        for (const auto& tag : card.tags)
            add(tag, c, kNeutral, Field::tag, pos);
        add(card.id, c, kNeutral, Field::id, pos);
    }

    // Ties are broken by the journey: deck order, then id, so results never depend on hashing.
    std::vector<std::size_t> deck_of(ids_.size());
    for (std::uint32_t c = 0; c < ids_.size(); ++c) {
        deck_of[c] = content.decks.size();
        for (std::size_t d = 0; d < content.decks.size(); ++d)
            if (content.decks[d].id == content.cards[c].deck_id) deck_of[c] = d;
    }
    std::vector<std::uint32_t> by_rank(ids_.size());
    std::iota(by_rank.begin(), by_rank.end(), 0u);
    std::sort(by_rank.begin(), by_rank.end(), [&](std::uint32_t a, std::uint32_t b) {
        return std::tie(deck_of[a], ids_[a], a) < std::tie(deck_of[b], ids_[b], b);
    });
    tie_rank_.resize(ids_.size());
    for (std::uint32_t r = 0; r < by_rank.size(); ++r)
        tie_rank_[by_rank[r]] = r;

    // Sorted vocabulary; postings grouped by word so that a prefix range is one slice. `raw`
    // is in (card, locale, field) order, so a stable counting sort by word keeps that order
    // within each word, and the first of each (word, card, locale) is its best field.
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
    // Each raw occurrence belongs to the posting of its (word, card, locale): the last one kept.
    std::vector<std::uint32_t> posting_of(raw.size());
    std::vector<std::uint32_t> last_posting(vocab.size(), 0);
    for (std::size_t i = 0; i < raw.size(); ++i) {
        const RawPosting& p = raw[i];
        if (kept[i]) {
            last_posting[p.word] = fill[sorted_pos[p.word]];
            postings_[fill[sorted_pos[p.word]]++] = {p.card, p.locale, p.field, p.pos};
        }
        posting_of[i] = last_posting[p.word];
    }
    occurrence_offsets_.assign(postings_.size() + 1, 0);
    for (std::size_t i = 0; i < raw.size(); ++i)
        ++occurrence_offsets_[posting_of[i] + 1];
    std::partial_sum(occurrence_offsets_.begin(), occurrence_offsets_.end(),
                     occurrence_offsets_.begin());
    occurrences_.resize(raw.size());
    std::vector<std::uint32_t> next(occurrence_offsets_.begin(), occurrence_offsets_.end() - 1);
    for (std::size_t i = 0; i < raw.size(); ++i)
        occurrences_[next[posting_of[i]]++] = {raw[i].field, raw[i].pos};
    // In position order (a joined hyphen compound is added after the words it joins), so that
    // closeness() walks two lists side by side.
    for (std::size_t k = 0; k < postings_.size(); ++k)
        std::sort(occurrences_.begin() + occurrence_offsets_[k],
                  occurrences_.begin() + occurrence_offsets_[k + 1],
                  [](const Occurrence& a, const Occurrence& b) { return a.pos < b.pos; });

    // Code points of every word, and the words by (first letter, length) for typo candidates.
    cp_offsets_.reserve(words_.size() + 1);
    cp_offsets_.push_back(0);
    for (const std::string& w : words_) {
        cps_ += code_points(w);
        cp_offsets_.push_back(static_cast<std::uint32_t>(cps_.size()));
    }
    by_shape_.resize(words_.size());
    std::iota(by_shape_.begin(), by_shape_.end(), 0u);
    std::sort(by_shape_.begin(), by_shape_.end(), [&](std::uint32_t a, std::uint32_t b) {
        const auto ca = word_cps(a), cb = word_cps(b);
        return std::tuple(ca[0], ca.size(), a) < std::tuple(cb[0], cb.size(), b);
    });
    for (std::uint32_t w = 0; w < words_.size(); ++w)
        if (word_cps(w).size() >= 2) by_rest_.push_back(w);
    std::sort(by_rest_.begin(), by_rest_.end(), [&](std::uint32_t a, std::uint32_t b) {
        const auto ca = word_cps(a), cb = word_cps(b);
        return std::tuple(ca[1], ca.size(), a) < std::tuple(cb[1], cb.size(), b);
    });

    // Word-form keys: the Snowball stem of every word, and its lemmas where the lexicon has it.
    for (std::uint32_t w = 0; w < words_.size(); ++w) {
        keys_.push_back({'s' + snowball_stem(words_[w]), w});
        for (std::string_view lemma : lexicon_.lemmas(words_[w]))
            keys_.push_back({'l' + std::string(lemma), w});
    }
    std::sort(keys_.begin(), keys_.end(), [](const Key& a, const Key& b) {
        return std::tie(a.key, a.word) < std::tie(b.key, b.word);
    });
}

int SearchIndex::closeness(std::uint32_t first_posting, std::uint32_t second_posting) const {
    if (postings_[first_posting].locale != postings_[second_posting].locale) return 0;
    const Occurrence* b = occurrences_.data() + occurrence_offsets_[second_posting];
    const Occurrence* b_end = occurrences_.data() + occurrence_offsets_[second_posting + 1];
    int best = 0;
    for (std::uint32_t a = occurrence_offsets_[first_posting];
         a < occurrence_offsets_[first_posting + 1] && b != b_end; ++a) {
        // Both lists are in position order: skip the second word's occurrences too far before
        // this one; those within three after it are the only candidates.
        const int at = occurrences_[a].pos;
        while (b != b_end && static_cast<int>(b->pos) < at - 3)
            ++b;
        for (const Occurrence* c = b; c != b_end && static_cast<int>(c->pos) <= at + 3; ++c) {
            if (c->field != occurrences_[a].field) continue;
            const int d = static_cast<int>(c->pos) - at;
            const int bonus = d == 1 ? 150 : d > 1 ? 80 : d < 0 ? 40 : 0;
            if (bonus == 150) return bonus;
            best = std::max(best, bonus);
        }
    }
    return best;
}

} // namespace trainer::search
