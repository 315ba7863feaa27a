// Which column of the QA tool's file holds each field the scores mapping names.
#include "trainer/quality/scores_rows.hpp"

#include <sstream>

namespace trainer::quality::scores {

Columns::Columns(const ScoresMapping& m, const csv::Table& table, IssueList& out) {
    const csv::Columns cols(table.header);
    for (const auto& [field, header] : m.base.columns) {
        index_[field] = cols.find(header);
        if (!index_[field])
            out.header(header, "the mapping names column '" + header + "' for " + field +
                                   ", but the file has no such column");
    }
}

bool Columns::has(const char* field) const {
    const auto it = index_.find(field);
    return it != index_.end() && it->second;
}

std::optional<std::size_t> Columns::index(const char* field) const {
    const auto it = index_.find(field);
    return it == index_.end() ? std::nullopt : it->second;
}

std::string Columns::value(const csv::Row& row, const char* field) const {
    const auto i = index(field);
    return i && *i < row.fields.size() ? trim(row.fields[*i]) : "";
}

std::string lower(std::string s) {
    for (char& c : s)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return s;
}

std::string num(double v) {
    std::ostringstream o;
    o << v;
    return o.str();
}

} // namespace trainer::quality::scores
