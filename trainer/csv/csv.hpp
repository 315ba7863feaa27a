#pragma once
// An RFC 4180 reader for files people export from spreadsheets and QA tools: UTF-8 with or
// without a BOM, ',' or ';' (Excel in Polish/Russian locales writes ';') detected from the header,
// or tab, quoted fields with "" escapes and embedded newlines, CRLF or LF. Problems name row and column.
#include <cstddef>
#include <filesystem>
#include <iosfwd>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace trainer::csv {

struct Row {
    std::size_t row = 0;  // 1-based record number; the header is row 1
    std::size_t line = 0; // 1-based physical line where the record starts
    std::vector<std::string> fields;
};

// One problem, located. column is the 1-based field number, 0 when it concerns the whole row.
struct Issue {
    std::size_t row = 0;
    std::size_t line = 0;
    std::size_t column = 0;
    std::string column_name; // from the header, when known
    std::string message;
};
// "row 3 (line 4), column 2 (name): ..." — the form every importer prints.
std::string to_string(const Issue& issue);

struct Table {
    char delimiter = ',';
    std::string encoding = "utf-8"; // what the bytes were (read_input converts to UTF-8)
    std::vector<std::string> header; // trimmed
    std::vector<Row> rows;           // data rows only; blank lines are skipped
    std::vector<Issue> issues;       // ragged rows, invalid UTF-8, unterminated quote
    bool ok() const { return issues.empty(); }
};

// Parses the whole text; never throws on bad input: problems are collected in Table::issues
// (an unterminated quote stops parsing, since nothing after it can be located reliably).
Table parse(std::string_view text);

class CsvError : public std::runtime_error {
  public:
    using std::runtime_error::runtime_error;
};

// Reads a file and parses it; CsvError naming the file when it cannot be read.
Table read_file(const std::filesystem::path& path);
// As people hand files over: `path` "-" reads `in` (standard input); the encoding is the declared
// one (utf-8, cp1250, cp1251, utf-16) or detected (trainer/csv/encoding.hpp). CsvError naming the
// file, line and byte when the bytes are not what was declared.
Table read_input(const std::string& path, const std::optional<std::string>& encoding, std::istream& in);
// The same bytes, converted to UTF-8 but not parsed.
std::string read_input_text(const std::string& path, const std::optional<std::string>& encoding,
                            std::istream& in, std::string* encoding_found = nullptr);

// Header name → column index, matched case-insensitively after trimming.
class Columns {
  public:
    explicit Columns(const std::vector<std::string>& header);
    std::optional<std::size_t> find(std::string_view name) const;
    // The column's index; CsvError "missing column X" when absent.
    std::size_t at(std::string_view name) const;
    // The names in `required` that the header lacks, in the order given.
    std::vector<std::string> missing(const std::vector<std::string>& required) const;
    // Header names not in `known` (to catch typos such as "badge_id" for "badge").
    std::vector<std::string> unknown(const std::vector<std::string>& known) const;
    // The field of a row by column name, or "" when the column is absent.
    const std::string& get(const Row& row, std::string_view name) const;

  private:
    std::vector<std::string> names_; // lowercased
};

} // namespace trainer::csv
