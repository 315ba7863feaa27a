#pragma once
// In cards/ because it reads card.looked_up, which cards owns.
// What agents look for and do not find (README "Search: report"). Two events carry queries:
//   card.looked_up  {card, card_version, source, query?}  a person opened a search result
//   search.unopened {query, results, source}               a search left without opening a
//                                                           card; anonymous (no person), at most
//                                                           one per search (record_unopened)
// Queries are stored folded (lowercase, no diacritics) and cut to kMaxStoredQueryBytes.
#include "trainer/store/event_store.hpp"

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace trainer::search {

inline constexpr const char* kSearchUnopened = "search.unopened";
inline constexpr std::size_t kMaxStoredQueryBytes = 100;
// Shorter queries say nothing about what was sought (a first keystroke or two).
inline constexpr std::size_t kMinReportedQueryLetters = 3;

// The query as stored: folded words joined by spaces, cut at a word boundary; "" when too short.
std::string stored_query(std::string_view query);

// Appends a search.unopened event (anonymous) when the query is long enough; returns whether
// it was written.
bool record_unopened(store::EventStore& events, std::string_view query, std::size_t results,
                     std::string_view source);

struct QueryCount {
    std::string query;
    std::size_t count = 0;
};

struct SearchReport {
    std::vector<QueryCount> top;        // every search (opened or not), most frequent first
    std::vector<QueryCount> no_result;  // left with no result at all
    std::vector<QueryCount> no_opened;  // had results, but nobody opened one
    std::size_t searches = 0, opened = 0;
};

// Counts the events at or after `since_ms`; ties by query text; at most `limit` per list.
SearchReport search_report(store::EventStore& events, TimeMs since_ms, std::size_t limit);

} // namespace trainer::search
