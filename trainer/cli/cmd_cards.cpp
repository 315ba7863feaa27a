// trainer cards search QUERY [--lang L] [--limit N] [--json] [--explain] | cards list [--lang L] [--json]
#include "trainer/cli/cli.hpp"
#include "trainer/content/loader.hpp"
#include "trainer/search/index.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <charconv>
#include <iostream>
#include <memory>

namespace trainer::cli {
namespace {

constexpr std::size_t kDefaultLimit = 20;
constexpr std::size_t kMaxLimit = 10000;

std::string lang_of(const Args& a) {
    const std::string lang = a.value("lang").value_or(std::string(content::kFallbackLocale));
    if (!content::is_supported_locale(lang))
        throw UsageError("unknown language '" + lang + "' for --lang (expected en, pl or ru)");
    return lang;
}

std::size_t limit_of(const Args& a) {
    const auto text = a.value("limit");
    if (!text) return kDefaultLimit;
    std::size_t n = 0;
    const char* end = text->data() + text->size();
    const auto [ptr, ec] = std::from_chars(text->data(), end, n);
    if (ec != std::errc() || ptr != end || n == 0 || n > kMaxLimit)
        throw UsageError("--limit expects a whole number from 1 to " + std::to_string(kMaxLimit) +
                         ", got '" + *text + "'");
    return n;
}

// The content set, or exit 1 with every diagnostic on stderr: a refused set is never searched.
std::shared_ptr<const content::ContentSet> load(const Args& a, Io& io) {
    const auto dir = content_dir(a);
    const content::LoadResult result = content::load_content(dir);
    if (!result.ok()) {
        for (const auto& d : result.diagnostics)
            io.err << d.to_string() << "\n";
        io.err << "trainer cards: content in " << dir.string() << " was refused ("
               << result.error_count() << " errors)\n";
        return nullptr;
    }
    return result.content;
}

// Plain text: left-aligned columns, the last one (a title, any script) unpadded.
void print_table(std::ostream& out, const std::vector<std::vector<std::string>>& rows) {
    std::vector<std::size_t> width(rows.empty() ? 0 : rows[0].size(), 0);
    for (const auto& r : rows)
        for (std::size_t i = 0; i + 1 < r.size(); ++i)
            width[i] = std::max(width[i], r[i].size());
    for (const auto& r : rows) {
        for (std::size_t i = 0; i < r.size(); ++i) {
            out << r[i];
            if (i + 1 < r.size()) out << std::string(width[i] - r[i].size() + 2, ' ');
        }
        out << "\n";
    }
}

nlohmann::ordered_json matches_json(const search::Hit& h) {
    auto out = nlohmann::ordered_json::array();
    for (const auto& m : h.matches)
        out.push_back({{"query", m.query},
                       {"word", m.word},
                       {"kind", std::string(search::match_kind_name(m.kind))},
                       {"field", std::string(search::field_name(m.field))},
                       {"locale", std::string(m.locale)},
                       {"points", m.points}});
    return out;
}

// Why each hit ranks where it does: the ranking keys in order (words matched, score), then
// each query word's best match.
void explain(std::ostream& out, const content::ContentSet& set,
             const std::vector<search::Hit>& hits, const std::string& lang) {
    for (std::size_t i = 0; i < hits.size(); ++i) {
        const auto& h = hits[i];
        out << i + 1 << ". " << h.card_id << "  \"" << set.cards[h.card_index].text_for(lang).title
            << "\"\n   words matched " << h.words_matched << " (rank weight " << h.rank_words
            << ", rare words count twice), score " << h.score
            << " (proximity +" << h.proximity << "), best in " << h.locale << "\n";
        for (const auto& m : h.matches)
            out << "   " << m.query << " -> " << m.word << ": " << search::match_kind_name(m.kind)
                << " in " << search::field_name(m.field)
                << (m.locale.empty() ? std::string() : " (" + std::string(m.locale) + ")") << ", "
                << m.points << " points\n";
    }
}

int cmd_search(const Args& a, Io& io) {
    std::string query = a.arg(0, "the text to search for (QUERY)");
    for (std::size_t i = 1; i < a.positional.size(); ++i)
        query += " " + a.positional[i];
    const std::string lang = lang_of(a);
    const std::size_t limit = limit_of(a);
    const auto set = load(a, io);
    if (!set) return 1;
    std::string problem;
    auto lexicon = search::Lexicon::load(search::lexicon_path(content_dir(a)), problem);
    if (!problem.empty()) // a log line, not an error: search still works without word forms
        io.err << "trainer cards search: no word-form lexicon (" << problem
               << "); Polish lemmas are off, run `trainer cards lexicon`\n";
    const search::SearchIndex index(*set, std::move(lexicon));
    const auto hits = index.search(query, lang, limit);

    if (a.flag("json")) {
        auto out = nlohmann::ordered_json::array();
        for (const auto& h : hits) {
            const content::Card& card = set->cards[h.card_index];
            out.push_back({{"id", card.id},
                           {"deck", card.deck_id},
                           {"title", card.text_for(lang).title},
                           {"score", h.score},
                           {"title_hit", h.title_hit},
                           {"matched_locale", std::string(h.locale)},
                           {"words_matched", h.words_matched},
                           {"rank_words", h.rank_words},
                           {"proximity", h.proximity},
                           {"matches", matches_json(h)}});
        }
        io.out << out.dump(2) << "\n";
        return 0;
    }
    if (hits.empty()) {
        io.out << "no standard matches that search\n";
        return 0;
    }
    if (a.flag("explain")) {
        explain(io.out, *set, hits, lang);
        return 0;
    }
    std::vector<std::vector<std::string>> rows{{"ID", "DECK", "TITLE"}};
    for (const auto& h : hits) {
        const content::Card& card = set->cards[h.card_index];
        rows.push_back({card.id, card.deck_id, card.text_for(lang).title});
    }
    print_table(io.out, rows);
    return 0;
}

int cmd_list(const Args& a, Io& io) {
    const std::string lang = lang_of(a);
    const auto set = load(a, io);
    if (!set) return 1;
    if (a.flag("json")) {
        auto out = nlohmann::ordered_json::array();
        for (const auto& card : set->cards) {
            auto titles = nlohmann::ordered_json::object();
            for (const auto& [locale, text] : card.text)
                titles[locale] = text.title;
            out.push_back({{"id", card.id},
                           {"deck", card.deck_id},
                           {"version", card.version},
                           {"title", titles}});
        }
        io.out << out.dump(2) << "\n";
        return 0;
    }
    std::vector<std::vector<std::string>> rows{{"ID", "DECK", "VERSION", "TITLE"}};
    for (const auto& card : set->cards)
        rows.push_back(
            {card.id, card.deck_id, std::to_string(card.version), card.text_for(lang).title});
    print_table(io.out, rows);
    return 0;
}

const Registration kSearch{
    {"cards search",
     "trainer cards search QUERY [--lang en|pl|ru] [--limit N] [--json] [--explain]",
     "find standards as an agent would: word starts, word forms, typos and keywords, any "
     "case, with or without diacritics; --explain shows why each hit ranks where it does",
     {{"lang", true}, {"limit", true}, {"json", false}, {"explain", false}},
     cmd_search,
     16}};
const Registration kList{{"cards list",
                          "trainer cards list [--lang en|pl|ru] [--json]",
                          "list every card: id, deck, version and title (all locales in JSON)",
                          {{"lang", true}, {"json", false}},
                          cmd_list,
                          0}};

} // namespace
} // namespace trainer::cli
