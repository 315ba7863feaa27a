#pragma once
// Reads the authoring spreadsheet (xlsx or CSV, as a Grid) against the content it will replace:
// every problem located by sheet, row and column, the versions to raise, and the new rows for
// DeckFiles::commit (rules: content/README.md, "Authoring in a spreadsheet").
#include "trainer/authoring/deck_files.hpp"
#include "trainer/authoring/grid.hpp"

#include <map>
#include <string>
#include <vector>

namespace trainer::authoring {

struct SheetImport {
    std::vector<CardRow> rows;      // the whole new set of cards, in sheet order
    std::vector<Finding> findings;  // errors refuse the whole file; warnings do not
    std::vector<std::string> notes; // "fc-greet: English back changed, version 1 → 2"
    std::map<std::string, std::size_t> row_of;    // card id → sheet row number
    std::map<std::string, std::size_t> column_of; // column name → 0-based column in the sheet
    bool ok() const { return error_count(findings) == 0; }
    // Where a card's column is in the sheet, for the content loader's findings.
    std::string place(const Grid& grid, const std::string& card_id, const std::string& column) const;
};

SheetImport read_card_sheet(const Grid& grid, const DeckFiles& current);

} // namespace trainer::authoring
