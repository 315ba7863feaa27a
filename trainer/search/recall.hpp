#pragma once
// Search recall on a query set (README "Search: measured"): files of lines
// "query<TAB>id,id" ('#' lines are comments) written the way agents type during a call; a
// query is answered at k when one of its ids is among the first k hits.
#include "trainer/search/index.hpp"

#include <filesystem>
#include <string>
#include <vector>

namespace trainer::search {

struct LabelledQuery {
    std::string query;
    std::vector<std::string> answers;
    std::size_t line = 0;
};

// Reads a query set; a malformed line is named in `problem` ("file:12: ...") and skipped.
std::vector<LabelledQuery> read_query_set(const std::filesystem::path& path,
                                          std::string& problem);

struct Recall {
    std::size_t queries = 0, at1 = 0, at3 = 0;
    std::vector<std::string> missed_at3; // "query -> expected (got a, b, c)"
    double r1() const { return queries ? static_cast<double>(at1) / static_cast<double>(queries) : 0.0; }
    double r3() const { return queries ? static_cast<double>(at3) / static_cast<double>(queries) : 0.0; }
};

// Searches each finished query (as typed, then a space) in `locale`.
Recall measure_recall(const SearchIndex& index, const std::vector<LabelledQuery>& set,
                      std::string_view locale);

} // namespace trainer::search
