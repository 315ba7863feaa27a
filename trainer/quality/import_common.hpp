#pragma once
// What the QA-score and survey importers share: the mapping file's common keys, reading numbers
// with a decimal point or comma, dates in the tool's format, N/A markers, and matching the tool's
// agent column to people (external id or e-mail, Unicode case-folded; else the person id).
// Mapping format: docs/quality-import.md.
#include "trainer/csv/csv.hpp"
#include "trainer/identity/access.hpp"
#include "trainer/store/database.hpp"

#include <filesystem>
#include <map>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace trainer::quality {

// A mapping file that cannot be used; the message lists every problem as file:line:column.
class MappingError : public std::runtime_error {
  public:
    using std::runtime_error::runtime_error;
};

enum class DateFormat { Iso, DayMonthYearDots, DayMonthYearSlashes, MonthDayYearSlashes };

// Keys every mapping has.
struct MappingBase {
    std::string tool;                          // [a-z0-9-]: event ids "qa:<tool>:<id>"
    std::map<std::string, std::string> columns; // our field → the tool's column header
    std::vector<std::string> na_values = {"N/A", "NA", "n/a", "-"};
    DateFormat date_format = DateFormat::Iso;
};

// A value such as "1,000" or "87,500" whose comma reads as a thousands separator (refused, see
// docs/quality-import.md), with the reason; nullopt otherwise ("87,5" is a decimal comma).
std::optional<std::string> thousands_separator_problem(std::string_view text);
// "4.5" or "4,5" (and "85 %"); nullopt when not a finite number or when it has a thousands
// separator.
std::optional<double> parse_decimal(std::string_view text);
// The value as YYYY-MM-DD in the given format (ISO also accepts a date-time, UTC day).
std::optional<std::string> parse_tool_date(std::string_view text, DateFormat f);
const char* date_format_name(DateFormat f);
bool is_na(const MappingBase& m, std::string_view value);
std::string trim(std::string_view s);

// Matches the tool's agent value to a person id.
class PersonMatcher {
  public:
    explicit PersonMatcher(store::Database& db);
    std::optional<std::string> match(std::string_view value) const;

  private:
    std::map<std::string, std::string> by_external_; // case-folded external id → person id
    std::map<std::string, std::string> by_id_;
};

// Collects located problems of one CSV file (header row 1, data rows from 2).
struct IssueList {
    const csv::Table& table;
    std::vector<csv::Issue> issues;
    void add(const csv::Row& row, std::optional<std::size_t> column, std::string message);
    void header(const std::string& column_name, std::string message);
};

// The imports may be run by an admin (anyone) or a lead (members of their teams only); an
// agent may not import. AccessDenied otherwise.
void require_may_import(const identity::Actor& actor, const char* what);
// May this actor import records about this person?
bool may_import_for(const identity::Actor& actor, std::string_view person_id);

} // namespace trainer::quality
