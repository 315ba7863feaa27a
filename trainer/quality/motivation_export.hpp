#pragma once
// The payroll export of the motivation report (DESIGN §4.5): CSV for spreadsheets and payroll
// tools, or JSON.
// CSV rules: UTF-8 with a BOM (Excel otherwise guesses a legacy code page), CRLF, the chosen
// separator (',' default; with ';' decimals use a comma, as Polish/Russian Excel expects), every
// cell quoted when it holds the separator, a quote or a line break, and every cell starting with
// = + - @ (or a tab / carriage return) prefixed with ' so a spreadsheet never runs it as a
// formula (OWASP "CSV injection"). A negative NPS therefore reads '-20: text, on purpose.
#include "trainer/quality/motivation.hpp"

#include <nlohmann/json_fwd.hpp>

#include <string>
#include <string_view>
#include <vector>

namespace trainer::quality {

// One cell: injection guard, then quoting.
std::string csv_cell(std::string_view text, char sep);
// A number with 2 decimals at most, '.' or ',' as decimal mark.
std::string csv_number(double v, char decimal_mark);

std::string motivation_csv(const MotivationReport& report, char sep = ',');
nlohmann::json motivation_json(const MotivationReport& report);

} // namespace trainer::quality
