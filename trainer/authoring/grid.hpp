#pragma once
// What an authoring import reads, whatever the file was: a grid of cells with their place in
// the file (sheet, row, column), so every message can name the cell (content/README.md,
// "Authoring in a spreadsheet").
#include <cstddef>
#include <string>
#include <vector>

namespace trainer::authoring {

struct Cell {
    std::string text;
    bool formula = false; // the cell holds a formula (xlsx <f>, or CSV text starting with '=')
};

struct GridRow {
    std::size_t number = 0; // 1-based row number as the spreadsheet shows it
    std::vector<Cell> cells; // column A first; missing trailing cells are absent
};

struct Grid {
    std::string file;                      // as given on the command line
    std::string sheet;                     // "" for CSV
    std::vector<GridRow> rows;             // the header row first; blank rows left out
    std::vector<std::string> merged_ranges; // "A2:C2" (xlsx only)
};

// A problem or a note about an import, located: "cards.xlsx: sheet 'cards', cell H5 (pl back)".
struct Finding {
    bool error = true;
    std::string where;
    std::string message;
    std::string to_string() const; // "where: error: message"
};

int error_count(const std::vector<Finding>& findings);

// "A", "B", … "Z", "AA" for a 0-based column index.
std::string column_letter(std::size_t column);
// Where a cell is, as the spreadsheet user sees it; `column_name` from the header, may be "".
std::string cell_place(const Grid& grid, std::size_t row, std::size_t column,
                       const std::string& column_name);
// Where a whole row is.
std::string row_place(const Grid& grid, std::size_t row);

} // namespace trainer::authoring
