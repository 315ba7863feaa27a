#include "trainer/authoring/grid.hpp"
#include "trainer/core/text_policy.hpp"

#include <algorithm>

namespace trainer::authoring {

// Findings quote the imported file (a PO keyword, a cell): escaped for the terminal, so the file
// cannot clear the screen or print a line of its own (SECURITY.md, "Text from outside").
std::string Finding::to_string() const {
    return text::escape_for_display(where) + (error ? ": error: " : ": warning: ") + text::escape_for_display(message);
}

int error_count(const std::vector<Finding>& findings) {
    return static_cast<int>(
        std::count_if(findings.begin(), findings.end(), [](const Finding& f) { return f.error; }));
}

std::string column_letter(std::size_t column) {
    std::string out;
    std::size_t n = column + 1;
    while (n > 0) {
        const std::size_t rem = (n - 1) % 26;
        out.insert(out.begin(), static_cast<char>('A' + rem));
        n = (n - 1) / 26;
    }
    return out;
}

namespace {
std::string sheet_prefix(const Grid& grid) {
    return grid.file + (grid.sheet.empty() ? "" : ": sheet '" + grid.sheet + "'");
}
} // namespace

std::string cell_place(const Grid& grid, std::size_t row, std::size_t column,
                       const std::string& column_name) {
    const std::string named = column_name.empty() ? "" : " (" + column_name + ")";
    if (grid.sheet.empty()) // CSV: people open it in a spreadsheet, so give the letter too
        return sheet_prefix(grid) + ": row " + std::to_string(row) + ", column " +
               column_letter(column) + named;
    return sheet_prefix(grid) + ", cell " + column_letter(column) + std::to_string(row) + named;
}

std::string row_place(const Grid& grid, std::size_t row) {
    return sheet_prefix(grid) + (grid.sheet.empty() ? ": row " : ", row ") + std::to_string(row);
}

} // namespace trainer::authoring
