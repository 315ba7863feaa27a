#pragma once
// The authoring spreadsheet on disk: CSV (RFC 4180, UTF-8) and xlsx (written with
// libxlsxwriter, read with minizip and expat). Both become a Grid for the importer.
#include "trainer/authoring/deck_files.hpp"
#include "trainer/authoring/grid.hpp"

#include <string>
#include <vector>

namespace trainer::authoring {

// The export's rows: the header (card_columns()) then one row per card.
std::vector<std::vector<std::string>> export_rows(const DeckFiles& decks);

// CSV text with a header; every field quoted where needed, lists as line breaks inside a field.
std::string to_csv(const std::vector<std::vector<std::string>>& rows);
// Writes an .xlsx workbook with one sheet "cards" (header bold and frozen, text wrapped).
// AuthoringError when the file cannot be written.
void write_xlsx(const std::vector<std::vector<std::string>>& rows, const std::string& path);

// Reads CSV text (UTF-8, ',' or ';'); a field starting with '=' counts as a formula.
// Problems of the CSV itself (an unterminated quote, invalid UTF-8) come back in `findings`.
Grid read_csv_grid(const std::string& file, std::string_view text, std::vector<Finding>& findings);
// Reads the sheet named "cards" (else the first sheet) of an .xlsx file: shared and inline
// strings, numbers, booleans; formulas and merged ranges are kept for the importer to refuse.
// AuthoringError when the file is not a readable workbook.
Grid read_xlsx_grid(const std::string& path);

} // namespace trainer::authoring
