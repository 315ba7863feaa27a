// SearchIndex::search: matching query words to content words, then ranking cards (index.hpp).
#include "trainer/search/aspect.hpp"
#include "trainer/search/fold.hpp"
#include "trainer/search/function_words.hpp"
#include "trainer/search/index.hpp"
#include "trainer/search/stem.hpp"
#include "trainer/search/typo.hpp"

#include <algorithm>
#include <tuple>

namespace trainer::search {
namespace {

using detail::Key;
using detail::Posting;

constexpr std::size_t kLocaleCount = std::size(content::kLocales);
constexpr std::size_t kMinRelated = 5; // letters two stems must share to be related
constexpr std::size_t kMinPrefixLetters = 3; // a shorter finished word matches only itself

// A title is the name an agent remembers the standard by; keywords are the author's own
// words for the card, so they come next.
int field_weight(Field f) {
    constexpr int weights[] = {100, 60, 40, 30, 15, 15, 10};
    return weights[static_cast<std::size_t>(f)];
}

// Exact above prefix above word form above related word above typo. Among prefixes, the
// closer to the whole word the better ("krok" ranks "kroku" over "krokodyl").
int kind_factor(MatchKind k, std::size_t query_bytes, std::size_t word_bytes) {
    switch (k) {
    case MatchKind::exact: return 10;
    case MatchKind::prefix: return 4 + static_cast<int>(4 * query_bytes / word_bytes);
    case MatchKind::form: return 7;
    case MatchKind::related: return 5;
    case MatchKind::typo: return 3;
    case MatchKind::none: break;
    }
    return 0;
}

std::size_t common_prefix(std::u32string_view a, std::u32string_view b) {
    std::size_t n = 0;
    while (n < a.size() && n < b.size() && a[n] == b[n])
        ++n;
    return n;
}

std::string utf8(std::u32string_view s) {
    std::string out;
    for (char32_t cp : s)
        encode_utf8(cp, out);
    return out;
}

// Stems or lemmas of one family: a long shared start (oddzwonic / oddzwaniac: 5 of 9
// letters, all but 4 of the shorter), or a short stem that starts a slightly longer one
// (руга / ругань).
bool related(std::u32string_view a, std::u32string_view b) {
    const std::size_t shared = common_prefix(a, b);
    const std::size_t shorter = std::min(a.size(), b.size());
    const std::size_t longer = std::max(a.size(), b.size());
    if (shared >= kMinRelated && shared + 4 >= shorter) return true;
    return shared == shorter && shorter >= 4 && longer <= shorter + 3;
}

// True when the query ends inside a word, i.e. its last word is still being typed.
bool ends_in_word(std::string_view query) {
    std::size_t start = query.size();
    while (start > 0) {
        --start;
        if ((static_cast<unsigned char>(query[start]) & 0xC0) != 0x80) break;
    }
    if (start == query.size()) return false;
    std::size_t pos = start;
    std::string scratch;
    return fold_code_point(decode_utf8(query, pos), scratch) != FoldKind::separator;
}

// The best match of one query word on one card.
struct Best {
    int points = 0;
    std::uint32_t word = 0;
    MatchKind kind = MatchKind::none; // of the match giving the points
    MatchKind closest = MatchKind::none; // the closest kind anywhere on the card
    Field field = Field::title;
    std::uint8_t locale = 0;
    std::uint16_t pos = 0;
    std::uint32_t posting = 0; // index into postings_ of the match giving the points
};

// A whole question ("how do i pass the caller to my supervisor") can be longer than the words
// a search weighs: drop its finished function words first, from the start, so the words that
// name the standard stay; cut the rest at the end.
void keep_naming_words(std::vector<std::string>& words, bool& last_typing) {
    std::size_t excess = words.size() - SearchIndex::kMaxQueryWords;
    std::vector<std::string> kept;
    for (std::size_t i = 0; i < words.size(); ++i) {
        const bool finished = i + 1 < words.size() || !last_typing;
        if (excess > 0 && finished && is_function_word(words[i])) {
            --excess;
            continue;
        }
        kept.push_back(std::move(words[i]));
    }
    if (kept.size() > SearchIndex::kMaxQueryWords) {
        kept.resize(SearchIndex::kMaxQueryWords);
        last_typing = false;
    }
    words = std::move(kept);
}

struct Ranked {
    std::uint32_t card;
    std::size_t matched;
    int score;
    int proximity;
};

} // namespace

std::vector<SearchIndex::Candidate> SearchIndex::match_words(const std::string& q,
                                                             bool finished) const {
    std::vector<Candidate> out;
    auto prefix_range = [&](std::string_view p) {
        auto lo = std::lower_bound(words_.begin(), words_.end(), p);
        auto hi = std::partition_point(lo, words_.end(),
                                       [&](const std::string& w) { return w.starts_with(p); });
        return std::pair{static_cast<std::uint32_t>(lo - words_.begin()),
                         static_cast<std::uint32_t>(hi - words_.begin())};
    };
    const auto [lo, hi] = prefix_range(q);
    // A finished function word ("to", "się", "перед") or a finished word of one or two letters
    // (a letter, an abbreviation: "f off", "tv") is only the word itself, never a word's start.
    if (finished && (is_function_word(q) || code_points(q).size() < kMinPrefixLetters)) {
        if (lo < hi && words_[lo] == q) out.push_back({lo, MatchKind::exact});
        return out;
    }
    for (std::uint32_t w = lo; w < hi; ++w)
        out.push_back({w, words_[w] == q ? MatchKind::exact : MatchKind::prefix});

    // Words whose lemma is an aspect partner of `lemma` (podać -> podawać, передать -> передавать).
    auto add_aspect_partners = [&](std::string_view lemma) {
        for (const std::string& partner : aspect_partners(lemma)) {
            const std::string pk = 'l' + partner;
            auto p = std::lower_bound(keys_.begin(), keys_.end(), pk,
                                      [](const Key& a, const std::string& b) { return a.key < b; });
            for (; p != keys_.end() && p->key == pk; ++p)
                out.push_back({p->word, MatchKind::related});
        }
    };
    const std::u32string qcp = code_points(q);
    if (qcp.size() >= 3) {
        std::vector<std::string> qkeys{'s' + snowball_stem(q)};
        for (std::string_view lemma : lexicon_.lemmas(q))
            qkeys.push_back('l' + std::string(lemma));
        for (const std::string& k : qkeys) {
            const std::u32string kcp = code_points(std::string_view(k).substr(1));
            const std::string start = k.substr(0, 1) + utf8(kcp.substr(0, kMinRelated));
            auto it = std::lower_bound(keys_.begin(), keys_.end(), start,
                                       [](const Key& a, const std::string& b) { return a.key < b; });
            for (; it != keys_.end() && it->key.starts_with(start); ++it) {
                if (it->key == k) {
                    out.push_back({it->word, MatchKind::form});
                    continue;
                }
                const std::u32string ocp = code_points(std::string_view(it->key).substr(1));
                if (related(kcp, ocp)) out.push_back({it->word, MatchKind::related});
            }
            if (k[0] == 'l') add_aspect_partners(std::string_view(k).substr(1));
        }
        // An infinitive the content never uses has no lemma in the lexicon: it may still be
        // the other aspect of one it does use (zrezygnować -> *rezygnować*).
        if (qkeys.size() == 1) add_aspect_partners(q);
        // Words that differ only in their last letters (Polish words the lexicon lacks).
        if (qcp.size() >= kMinRelated) {
            const auto [rlo, rhi] = prefix_range(utf8(qcp.substr(0, kMinRelated)));
            for (std::uint32_t w = rlo; w < rhi; ++w) {
                const std::u32string_view wcp = word_cps(w);
                const std::size_t shared = common_prefix(qcp, wcp);
                if (shared + 2 >= std::min(qcp.size(), wcp.size()))
                    out.push_back({w, MatchKind::related});
            }
        }
    }
    const std::size_t typos = allowed_typos(qcp.size());
    if (typos > 0 && (finished || qcp.size() >= 5)) add_typos(qcp, typos, out);
    // Each word once, with its best kind.
    std::sort(out.begin(), out.end(), [](const Candidate& a, const Candidate& b) {
        return std::tie(a.word, b.kind) < std::tie(b.word, a.kind);
    });
    out.erase(std::unique(out.begin(), out.end(),
                          [](const Candidate& a, const Candidate& b) { return a.word == b.word; }),
              out.end());
    return out;
}

void SearchIndex::add_typos(std::u32string_view q, std::size_t typos,
                            std::vector<Candidate>& out) const {
    using Shape = std::pair<char32_t, std::size_t>;
    auto shape = [&](std::uint32_t w) {
        const auto cp = word_cps(w);
        return Shape{cp[0], cp.size()};
    };
    const Shape from{q[0], q.size() > typos ? q.size() - typos : 1};
    const Shape to{q[0], q.size() + typos};
    auto it = std::lower_bound(by_shape_.begin(), by_shape_.end(), from,
                               [&](std::uint32_t w, const Shape& s) { return shape(w) < s; });
    for (; it != by_shape_.end() && shape(*it) <= to; ++it)
        if (osa_distance(q, word_cps(*it), typos) <= typos) out.push_back({*it, MatchKind::typo});

    // The first letter mistyped ("vancellation" for *cancellation*) costs two edits, as in
    // Meilisearch: only a word long enough for two (9 letters) tolerates it, and nothing more.
    // Candidates: words whose second letter is the query's, any first letter but its own.
    if (typos < 2) return;
    auto rest = [&](std::uint32_t w) {
        const auto cp = word_cps(w);
        return Shape{cp[1], cp.size()};
    };
    const Shape rfrom{q[1], from.second}, rto{q[1], to.second};
    auto r = std::lower_bound(by_rest_.begin(), by_rest_.end(), rfrom,
                              [&](std::uint32_t w, const Shape& s) { return rest(w) < s; });
    for (; r != by_rest_.end() && rest(*r) <= rto; ++r)
        if (word_cps(*r)[0] != q[0] && osa_distance(q, word_cps(*r), 1) <= 1)
            out.push_back({*r, MatchKind::typo});
}

std::vector<Hit> SearchIndex::search(std::string_view query, std::string_view locale,
                                     std::size_t limit) const {
    if (limit == 0 || ids_.empty()) return {};
    query = query.substr(0, kMaxQueryBytes);
    auto qwords =
        fold_words(query, {.max_words = 3 * kMaxQueryWords, .max_word_bytes = kMaxWordBytes});
    if (qwords.empty()) return {};
    bool last_typing = ends_in_word(query) && qwords.size() < 3 * kMaxQueryWords;
    if (qwords.size() > kMaxQueryWords) keep_naming_words(qwords, last_typing);
    const std::size_t nq = qwords.size();
    int want = -1;
    for (std::size_t i = 0; i < kLocaleCount; ++i)
        if (content::kLocales[i] == locale) want = static_cast<int>(i);

    std::vector<Best> best(ids_.size() * nq);
    std::vector<std::uint32_t> touched;
    std::vector<std::uint8_t> seen(ids_.size(), 0);
    for (std::size_t qi = 0; qi < nq; ++qi) {
        const bool finished = qi + 1 < nq || !last_typing;
        for (const Candidate& c : match_words(qwords[qi], finished)) {
            const int factor = kind_factor(c.kind, qwords[qi].size(), words_[c.word].size());
            for (std::uint32_t i = offsets_[c.word]; i < offsets_[c.word + 1]; ++i) {
                const Posting& p = postings_[i];
                const int points = field_weight(p.field) * factor * (p.locale == want ? 2 : 1);
                Best& b = best[p.card * nq + qi];
                const MatchKind closest = std::max(b.closest, c.kind);
                if (points <= b.points) {
                    b.closest = closest;
                    continue;
                }
                b = {points, c.word, c.kind, closest, p.field, p.locale, p.pos, i};
                if (!seen[p.card]) {
                    seen[p.card] = 1;
                    touched.push_back(p.card);
                }
            }
        }
    }

    // A word found in many cards ("klient", "when") says less about which card is meant: it
    // counts once towards the words matched, a rarer word twice.
    // A function word (function_words.hpp) counts for neither, unless the query has nothing else.
    std::vector<std::size_t> weight(nq, 0);
    std::vector<bool> function_word(nq, false);
    bool all_function = true;
    for (std::size_t qi = 0; qi < nq; ++qi) {
        function_word[qi] = (qi + 1 < nq || !last_typing) && is_function_word(qwords[qi]);
        all_function = all_function && function_word[qi];
    }
    // A word that some card has as itself, a prefix or a word form is that word: where it only
    // meets a related word or a typo ("interrupting" ~ *intermittent*) it adds points but does
    // not count as matched, so a card holding the word outranks cards that merely resemble it.
    std::vector<bool> precise(nq, false);
    for (std::size_t qi = 0; qi < nq; ++qi) {
        if (function_word[qi] && !all_function) continue;
        std::size_t df = 0;
        for (std::uint32_t card : touched) {
            const Best& b = best[card * nq + qi];
            df += b.points > 0 ? 1 : 0;
            precise[qi] = precise[qi] || b.closest >= MatchKind::form;
        }
        weight[qi] = df * 4 > ids_.size() ? 1 : 2;
    }
    std::vector<Ranked> ranked;
    ranked.reserve(touched.size());
    for (std::uint32_t card : touched) {
        const Best* b = &best[card * nq];
        Ranked r{card, 0, 0, 0};
        const Best* prev = nullptr;
        bool content_word = false;
        for (std::size_t qi = 0; qi < nq; ++qi) {
            if (b[qi].points == 0) continue;
            content_word = content_word || weight[qi] > 0;
            if (!precise[qi] || b[qi].closest >= MatchKind::form) r.matched += weight[qi];
            if (weight[qi] > 0) r.score += b[qi].points;
            // In order and close together in the same text, above scattered: anywhere the two
            // words occur on the card, so a phrase of a keyword ("how do I say no") counts
            // even where each word's best match is elsewhere.
            if (prev != nullptr) r.proximity += closeness(prev->posting, b[qi].posting);
            prev = &b[qi];
        }
        if (!content_word) continue; // only function words matched here
        r.score += r.proximity;
        ranked.push_back(r);
    }
    const std::size_t n = std::min(limit, ranked.size());
    std::partial_sort(ranked.begin(), ranked.begin() + static_cast<std::ptrdiff_t>(n), ranked.end(),
                      [&](const Ranked& a, const Ranked& b) {
                          if (a.matched != b.matched) return a.matched > b.matched;
                          if (a.score != b.score) return a.score > b.score;
                          return tie_rank_[a.card] < tie_rank_[b.card];
                      });
    std::vector<Hit> hits;
    hits.reserve(n);
    for (std::size_t i = 0; i < n; ++i) {
        const Ranked& r = ranked[i];
        Hit h{ids_[r.card], r.card, r.score, true, {}, 0, r.matched, r.proximity, {}};
        std::size_t per_locale[kLocaleCount + 1] = {};
        for (std::size_t qi = 0; qi < nq; ++qi) {
            const Best& b = best[r.card * nq + qi];
            if (b.points == 0) {
                h.title_hit = false;
                continue;
            }
            h.title_hit = h.title_hit && b.field == Field::title;
            ++h.words_matched;
            ++per_locale[b.locale];
            h.matches.push_back({qwords[qi], words_[b.word], b.kind, b.field,
                                 b.locale < kLocaleCount ? content::kLocales[b.locale] : "",
                                 b.points});
        }
        std::size_t top = want >= 0 ? static_cast<std::size_t>(want) : 0;
        for (std::size_t l = 0; l < kLocaleCount; ++l)
            if (per_locale[l] > per_locale[top]) top = l;
        h.locale = content::kLocales[top];
        hits.push_back(std::move(h));
    }
    return hits;
}

} // namespace trainer::search
