#pragma once
// PostgreSQL's COPY text format (one row a line, columns split by tabs, \N for NULL, backslash
// escapes): how a desk streams a push batch into the centre's staging table and reads a pull page
// from COPY TO STDOUT (docs/deployment.md, "Sync on the wire").
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace trainer::central {

// Appends one column (escaped; nullopt is \N) and the separator: '\t', or '\n' after the last.
void copy_append(std::string& line, std::string_view value, bool last = false);
void copy_append_null(std::string& line, bool last = false);

// Splits one COPY text line (without its '\n') into columns, undoing the escapes. A column that is
// \N is nullopt. Throws std::runtime_error naming the column on a malformed escape.
std::vector<std::optional<std::string>> copy_split(std::string_view line);

} // namespace trainer::central
