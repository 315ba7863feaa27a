#pragma once
// The payroll export of the motivation report (DESIGN §4.5): CSV for spreadsheets and payroll
// tools, or JSON.
// CSV rules: UTF-8 with a BOM (Excel otherwise guesses a legacy code page), CRLF, the chosen
// separator (',' default; with ';' decimals use a comma, as Polish/Russian Excel expects), every
// cell quoted when it holds the separator, a quote or a line break, and every cell starting with
// = + - @ (or a tab / carriage return) prefixed with ' so a spreadsheet never runs it as a
// formula (OWASP "CSV injection"). The guard is for text cells only: a number we format
// ourselves (-12.5) stays a number a spreadsheet can sum.
// Reasons are written in the reader's language (catalog keys "motivation.reason.<code>").
#include "trainer/i18n/catalog.hpp"
#include "trainer/quality/motivation.hpp"

#include <nlohmann/json_fwd.hpp>

#include <string>
#include <string_view>
#include <vector>

namespace trainer::quality {

// One cell: injection guard (text cells), then quoting.
std::string csv_cell(std::string_view text, char sep, bool is_text = true);
// A number with 2 decimals at most, '.' or ',' as decimal mark.
std::string csv_number(double v, char decimal_mark);

// A reason in `locale` from the catalog (English text when there is no catalog or no entry).
std::string reason_text(const Reason& reason, const i18n::Catalog* catalog, std::string_view locale);

std::string motivation_csv(const MotivationReport& report, char sep = ',',
                           const i18n::Catalog* catalog = nullptr, std::string_view locale = "en");
nlohmann::json motivation_json(const MotivationReport& report, const i18n::Catalog* catalog = nullptr,
                               std::string_view locale = "en");
// The same table as an Excel workbook with typed cells (numbers as numbers, dates as text
// "YYYY-MM"), written to `path` with mode 0600. std::runtime_error naming the path on failure.
void motivation_xlsx(const MotivationReport& report, const std::string& path,
                     const i18n::Catalog* catalog = nullptr, std::string_view locale = "en");

} // namespace trainer::quality
