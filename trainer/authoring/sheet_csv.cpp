// The authoring spreadsheet as CSV (content/README.md, "Authoring in a spreadsheet").
#include "trainer/authoring/sheet_files.hpp"

#include "trainer/csv/csv.hpp"

namespace trainer::authoring {

std::vector<std::vector<std::string>> export_rows(const DeckFiles& decks) {
    std::vector<std::vector<std::string>> rows;
    rows.push_back(card_columns());
    for (const auto& row : decks.rows()) rows.push_back(row.cells);
    return rows;
}

std::string to_csv(const std::vector<std::vector<std::string>>& rows) {
    std::string out = "\xEF\xBB\xBF"; // the BOM: Excel then opens it as UTF-8, not the ANSI code page
    for (const auto& row : rows) {
        for (std::size_t i = 0; i < row.size(); ++i) {
            const std::string& field = row[i];
            if (i > 0) out += ',';
            if (field.find_first_of(",;\"\r\n") == std::string::npos && !field.empty() &&
                field.front() != ' ') {
                out += field;
                continue;
            }
            out += '"';
            for (char c : field) out += c == '"' ? std::string("\"\"") : std::string(1, c);
            out += '"';
        }
        out += "\r\n";
    }
    return out;
}

Grid read_csv_grid(const std::string& file, std::string_view text, std::vector<Finding>& findings) {
    Grid grid;
    grid.file = file;
    const csv::Table table = csv::parse(text);
    for (const auto& issue : table.issues)
        findings.push_back({true, file, csv::to_string(issue)});
    GridRow head;
    head.number = 1;
    for (const auto& name : table.header) head.cells.push_back({name, false});
    grid.rows.push_back(std::move(head));
    for (const auto& row : table.rows) {
        GridRow r;
        r.number = row.row;
        for (const auto& field : row.fields)
            r.cells.push_back({field, !field.empty() && field.front() == '='});
        grid.rows.push_back(std::move(r));
    }
    return grid;
}

} // namespace trainer::authoring
