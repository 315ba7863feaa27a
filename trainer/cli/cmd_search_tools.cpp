// trainer cards lexicon [--content DIR] [--dict-dir DIR] [--out FILE]: derives the search
// word-form table from the content's own words with Hunspell (README "Search: word forms").
// trainer cards search-report --since DATE [--limit N] [--json]: what agents searched for, and
// what they did not find (README "Search: report").
#include "trainer/cli/cli.hpp"
#include "trainer/content/loader.hpp"
#include "trainer/search/lexicon.hpp"
#include "trainer/search/lexicon_builder.hpp"
#include "trainer/cards/search_report.hpp"
#include "trainer/core/clock.hpp"
#include "trainer/core/time.hpp"
#include "trainer/store/events.hpp"

#include <nlohmann/json.hpp>
#include <charconv>

#include <cstdio>
#include <fstream>
#include <iostream>

namespace trainer::cli {
namespace {

int cmd_lexicon(const Args& a, Io& io) {
    const auto dir = content_dir(a);
    const content::LoadResult result = content::load_content(dir);
    if (!result.ok()) {
        for (const auto& d : result.diagnostics)
            io.err << d.to_string() << "\n";
        io.err << "trainer cards lexicon: content in " << dir.string() << " was refused\n";
        return 1;
    }
    const std::filesystem::path dict_dir = a.value("dict-dir").value_or("/usr/share/hunspell");
    const std::filesystem::path out = a.value("out").value_or(search::lexicon_path(dir).string());
    const search::LexiconBuild build = search::build_lexicon(*result.content, dict_dir);
    for (const auto& note : build.notes)
        io.err << "trainer cards lexicon: " << note << "\n";
    // Written to a temporary file and renamed: a reader never sees half a table.
    std::error_code ec;
    std::filesystem::create_directories(out.parent_path(), ec);
    const std::filesystem::path tmp = out.string() + ".tmp";
    {
        std::ofstream f(tmp, std::ios::binary | std::ios::trunc);
        f << build.text;
        if (!f.flush()) {
            io.err << "trainer cards lexicon: cannot write " << tmp.string() << "\n";
            std::filesystem::remove(tmp, ec);
            return 1;
        }
    }
    std::filesystem::rename(tmp, out, ec);
    if (ec) {
        io.err << "trainer cards lexicon: cannot replace " << out.string() << ": " << ec.message()
               << "\n";
        std::filesystem::remove(tmp, ec);
        return 1;
    }
    io.out << "wrote " << build.forms << " word forms to " << out.string() << "\n";
    return 0;
}

int cmd_search_report(const Args& a, Io& io) {
    const auto since_text = a.value("since");
    if (!since_text) throw UsageError("--since DATE is required (YYYY-MM-DD)");
    std::optional<TimeMs> since = parse_date(*since_text);
    if (!since) since = parse_iso_ms(*since_text);
    if (!since) throw UsageError("--since '" + *since_text + "' is not a date (expected YYYY-MM-DD)");
    std::size_t limit = 20;
    if (auto l = a.value("limit")) {
        const char* end = l->data() + l->size();
        const auto [ptr, ec] = std::from_chars(l->data(), end, limit);
        if (ec != std::errc() || ptr != end || limit == 0 || limit > 10000)
            throw UsageError("--limit expects a whole number from 1 to 10000, got '" + *l + "'");
    }
    store::Database db = open_db(a);
    SystemClock clock;
    store::EventStore events(db, clock, store::kiosk_id_of(db));
    const search::SearchReport r = search::search_report(events, *since, limit);
    const std::pair<const char*, const std::vector<search::QueryCount>*> lists[] = {
        {"top queries", &r.top},
        {"queries with no result", &r.no_result},
        {"queries with results but no opened card", &r.no_opened}};
    if (a.flag("json")) {
        auto out = nlohmann::ordered_json::object();
        out["since"] = *since_text;
        out["searches"] = r.searches;
        out["opened"] = r.opened;
        const char* keys[] = {"top", "no_result", "no_opened"};
        for (std::size_t i = 0; i < 3; ++i) {
            auto arr = nlohmann::ordered_json::array();
            for (const auto& q : *lists[i].second)
                arr.push_back({{"query", q.query}, {"count", q.count}});
            out[keys[i]] = arr;
        }
        io.out << out.dump(2) << "\n";
        return 0;
    }
    io.out << r.searches << " searches since " << *since_text << ", " << r.opened
           << " opened a card\n";
    for (const auto& [title, list] : lists) {
        io.out << "\n" << title << ":\n";
        if (list->empty()) io.out << "  (none)\n";
        for (const auto& q : *list)
            io.out << "  " << q.count << "  " << q.query << "\n";
    }
    return 0;
}

const Registration kSearchReport{
    {"cards search-report",
     "trainer cards search-report --since YYYY-MM-DD [--limit N] [--json]",
     "what agents searched for since a date: top queries, queries with no result, queries "
     "with results but no opened card (to add keywords and cards where agents fail)",
     {{"since", true}, {"limit", true}, {"json", false}},
     cmd_search_report,
     0}};

const Registration kLexicon{
    {"cards lexicon",
     "trainer cards lexicon [--content DIR] [--dict-dir DIR] [--out FILE]",
     "derive the search word-form table (content/search/lexicon.tsv) from the content's words "
     "with the Hunspell dictionaries (default /usr/share/hunspell)",
     {{"dict-dir", true}, {"out", true}},
     cmd_lexicon,
     0}};

} // namespace
} // namespace trainer::cli
