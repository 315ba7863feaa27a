#pragma once
// `trainer rebuild --check` (issue 12 §4): recomputes every derived table from the events into a
// scratch copy of the database and lists every row that differs from the live one. The live
// database is only read.
#include "trainer/store/projection.hpp"

#include <filesystem>
#include <string>
#include <vector>

namespace trainer::sync {

struct RowDifference {
    std::string table;
    std::string row;       // the row's values, "(a, 1, 2.5, NULL)"
    bool live_only = true; // false: only the rebuilt copy has it
};

// The derived tables of the projections (their names list them, "card_state, coaching_queue").
std::vector<std::string> derived_tables(const std::vector<store::Projection>& projections);

// scratch: where to put the copy (removed afterwards); empty = in memory (small databases, tests).
std::vector<RowDifference> check_rebuild(store::Database& db, const std::vector<store::Projection>& projections,
                                         const std::filesystem::path& scratch = {});

// Every derived table's rows in a canonical order, one line per row prefixed by the table name:
// two databases with the same derived state give the same text.
std::string canonical_dump(store::Database& db, const std::vector<std::string>& tables);

} // namespace trainer::sync
