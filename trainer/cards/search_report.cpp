#include "trainer/cards/search_report.hpp"

#include "trainer/cards/review_service.hpp"
#include "trainer/search/fold.hpp"
#include "trainer/store/events.hpp"

#include <algorithm>
#include <map>

namespace trainer::search {
namespace {

std::vector<QueryCount> ranked(const std::map<std::string, std::size_t>& counts,
                               std::size_t limit) {
    std::vector<QueryCount> out;
    for (const auto& [q, n] : counts)
        out.push_back({q, n});
    std::stable_sort(out.begin(), out.end(),
                     [](const QueryCount& a, const QueryCount& b) { return a.count > b.count; });
    if (out.size() > limit) out.resize(limit);
    return out;
}

} // namespace

std::string stored_query(std::string_view query) {
    std::string out;
    std::size_t letters = 0;
    for (const auto& w : fold_words(query.substr(0, 4096))) {
        if (out.size() + 1 + w.size() > kMaxStoredQueryBytes) break;
        if (!out.empty()) out += ' ';
        out += w;
        for (char c : w)
            letters += (static_cast<unsigned char>(c) & 0xC0) != 0x80 ? 1 : 0;
    }
    return letters >= kMinReportedQueryLetters ? out : std::string();
}

bool record_unopened(store::EventStore& events, std::string_view query, std::size_t results,
                     std::string_view source) {
    const std::string q = stored_query(query);
    if (q.empty()) return false;
    events.record({kSearchUnopened, "", {{"query", q}, {"results", results}, {"source", source}}});
    return true;
}

SearchReport search_report(store::EventStore& events, TimeMs since_ms, std::size_t limit) {
    std::map<std::string, std::size_t> all, none, unopened;
    SearchReport r;
    // Calls `count` with the stored query of each event of `type` that carries one.
    auto each_query = [&](const char* type, auto count) {
        events.for_each({.type = std::string(type), .since_ms = since_ms}, [&](const store::Event& e) {
            const auto query = e.payload.find_string("query");
            if (!query) return;
            const std::string q = stored_query(*query);
            if (q.empty()) return;
            ++all[q];
            ++r.searches;
            count(e, q);
        });
    };
    each_query(cards::kCardLookedUp, [&](const store::Event&, const std::string&) { ++r.opened; });
    each_query(kSearchUnopened, [&](const store::Event& e, const std::string& q) {
        if (e.payload.find_integer("results") == 0)
            ++none[q];
        else
            ++unopened[q];
    });
    r.top = ranked(all, limit);
    r.no_result = ranked(none, limit);
    r.no_opened = ranked(unopened, limit);
    return r;
}

} // namespace trainer::search
