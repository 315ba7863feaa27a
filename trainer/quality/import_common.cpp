#include "trainer/quality/import_common.hpp"
#include "trainer/quality/mapping_reader.hpp"

#include "trainer/content/deck_parser.hpp"
#include "trainer/core/case_fold.hpp"
#include "trainer/core/text_policy.hpp"
#include "trainer/quality/period.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <utility>

namespace trainer::quality {

namespace {

std::string lower(std::string s) {
    for (char& c : s)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return s;
}

std::optional<int> int_of(std::string_view s) {
    if (s.empty() || s.size() > 4) return std::nullopt;
    int v = 0;
    for (char c : s) {
        if (c < '0' || c > '9') return std::nullopt;
        v = v * 10 + (c - '0');
    }
    return v;
}

std::optional<std::string> ymd_checked(std::optional<int> y, std::optional<int> m,
                                       std::optional<int> d) {
    if (!y || !m || !d) return std::nullopt;
    char buf[16];
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", *y, *m, *d);
    if (!is_valid_date(buf)) return std::nullopt;
    return std::string(buf);
}

} // namespace

std::string trim(std::string_view s) {
    const auto b = s.find_first_not_of(" \t\r\n");
    if (b == std::string_view::npos) return {};
    return std::string(s.substr(b, s.find_last_not_of(" \t\r\n") - b + 1));
}

// --- mapping files ---------------------------------------------------------------------------

MappingReader::MappingReader(const std::filesystem::path& path)
    : src_(content::JsonSource::from_file(path, path.string())) {
    for (const auto& d : src_.diagnostics())
        if (d.severity == content::Severity::Error) problems_.push_back(d.to_string());
    if (src_.parsed() && !src_.value().is_object())
        error("", "expected a JSON object (a mapping), found another JSON value");
}

bool MappingReader::has(const std::string& key) const { return root().is_object() && root().contains(key); }

void MappingReader::error(const std::string& pointer, const std::string& message) {
    problems_.push_back(src_.diagnostic(content::Severity::Error, pointer, message).to_string());
}

void MappingReader::finish() const {
    if (problems_.empty()) return;
    std::string msg = "mapping refused (" + std::to_string(problems_.size()) + " problem" +
                      (problems_.size() == 1 ? "" : "s") + "):";
    for (const auto& p : problems_)
        msg += "\n  " + p;
    throw MappingError(msg);
}

std::optional<double> MappingReader::number(const std::string& key) {
    if (!has(key)) return std::nullopt;
    const auto& v = root().at(key);
    if (!v.is_number()) {
        error("/" + key, "expected a number, found " + v.dump());
        return std::nullopt;
    }
    return v.get<double>();
}

std::optional<std::string> MappingReader::string(const std::string& key) {
    if (!has(key)) return std::nullopt;
    const auto& v = root().at(key);
    if (!v.is_string() || trim(v.get<std::string>()).empty()) {
        error("/" + key, "expected a non-empty string, found " + v.dump());
        return std::nullopt;
    }
    return v.get<std::string>();
}

std::vector<std::string> MappingReader::strings(const std::string& key) {
    std::vector<std::string> out;
    if (!has(key)) return out;
    const auto& v = root().at(key);
    if (!v.is_array()) {
        error("/" + key, "expected an array of strings, found " + v.dump());
        return out;
    }
    for (std::size_t i = 0; i < v.size(); ++i) {
        if (v[i].is_string())
            out.push_back(trim(v[i].get<std::string>()));
        else
            error(content::pointer_append("/" + key, i), "expected a string, found " + v[i].dump());
    }
    return out;
}

MappingBase MappingReader::base(const std::vector<std::string>& required,
                                const std::vector<std::string>& optional,
                                const std::vector<std::string>& allowed_top) {
    MappingBase m;
    if (!src_.parsed() || !root().is_object()) return m;
    for (const auto& [key, v] : root().items())
        if (std::find(allowed_top.begin(), allowed_top.end(), key) == allowed_top.end()) {
            std::string list;
            for (const auto& k : allowed_top)
                list += (list.empty() ? "" : ", ") + k;
            error("/" + key, "unknown key '" + key + "'; allowed keys: " + list);
        }
    if (auto t = string("tool")) {
        if (!content::is_valid_id(*t))
            error("/tool", "'" + *t + "' is not a valid tool id: use only a-z, 0-9 and '-'");
        m.tool = *t;
    } else if (!has("tool")) {
        error("", "missing required key 'tool'");
    }
    auto cols = root().find("columns");
    if (cols == root().end() || !cols->is_object()) {
        error(cols == root().end() ? "" : "/columns",
              "'columns' must be an object naming the tool's column for each field");
    } else {
        for (const auto& [field, header] : cols->items()) {
            const bool known = std::find(required.begin(), required.end(), field) != required.end() ||
                               std::find(optional.begin(), optional.end(), field) != optional.end();
            if (!known) {
                std::string list;
                for (const auto& k : required)
                    list += (list.empty() ? "" : ", ") + k;
                for (const auto& k : optional)
                    list += ", " + k;
                error("/columns/" + field, "unknown field '" + field + "'; fields: " + list);
            } else if (!header.is_string() || trim(header.get<std::string>()).empty()) {
                error("/columns/" + field, "expected the tool's column header (a string), found " +
                                               header.dump());
            } else {
                m.columns[field] = trim(header.get<std::string>());
            }
        }
        for (const auto& field : required)
            if (!cols->contains(field)) error("/columns", "missing required field '" + field + "'");
    }
    if (has("na_values")) m.na_values = strings("na_values");
    if (auto f = string("date_format")) {
        if (*f == "YYYY-MM-DD")
            m.date_format = DateFormat::Iso;
        else if (*f == "DD.MM.YYYY")
            m.date_format = DateFormat::DayMonthYearDots;
        else if (*f == "DD/MM/YYYY")
            m.date_format = DateFormat::DayMonthYearSlashes;
        else if (*f == "MM/DD/YYYY")
            m.date_format = DateFormat::MonthDayYearSlashes;
        else
            error("/date_format", "unknown date format '" + *f +
                                      "'; supported: YYYY-MM-DD, DD.MM.YYYY, DD/MM/YYYY, MM/DD/YYYY");
    }
    return m;
}

// --- values ----------------------------------------------------------------------------------

namespace {

// "1 000", "87 500", "1'000", "1.000.000", "1.234,5", "1,234.5": digit groups of three after a
// first group of one to three digits, joined by `sep`, perhaps with decimals after the other mark.
bool grouped_by(const std::string& s, std::string_view sep, bool& has_decimals) {
    std::size_t at = s.find_first_not_of("0123456789");
    if (at == 0 || at > 3 || at == std::string::npos || s[0] == '0') return false;
    int groups = 0;
    while (at < s.size() && s.compare(at, sep.size(), sep) == 0) {
        at += sep.size();
        const auto end = s.find_first_not_of("0123456789", at);
        if ((end == std::string::npos ? s.size() : end) - at != 3) return false;
        at += 3;
        ++groups;
    }
    has_decimals = false;
    if (at < s.size()) { // decimals after the other mark
        if ((s[at] != '.' && s[at] != ',') || sep == std::string_view(&s[at], 1) || at + 1 == s.size() ||
            s.find_first_not_of("0123456789", at + 1) != std::string::npos)
            return false;
        has_decimals = true;
    }
    return groups > 0;
}

} // namespace

std::optional<std::string> thousands_separator_problem(std::string_view text) {
    std::string s = trim(text);
    if (!s.empty() && s.back() == '%') s = trim(s.substr(0, s.size() - 1));
    if (!s.empty() && (s[0] == '-' || s[0] == '+')) s.erase(0, 1);
    bool decimals = false;
    // "1,000" and "87,500": a comma with exactly three digits after it and a whole part of one to
    // three digits not starting with 0 reads as a thousands separator in English exports, and
    // would silently become 1.0 and 87.5 here. "87,5" and "0,125" stay decimals.
    const auto comma = s.find(',');
    if (comma != std::string::npos && comma != 0 && comma <= 3 && s[0] != '0' && s.size() - comma - 1 == 3 &&
        s.find_first_not_of("0123456789", comma + 1) == std::string::npos &&
        s.find_first_not_of("0123456789") == comma)
        return "'" + trim(text) + "' has a thousands separator, which is refused (it could mean " +
               s.substr(0, comma) + s.substr(comma + 1) + " or " + s.substr(0, comma) + "." +
               s.substr(comma + 1) + "); write the number without it, with '.' or ',' only before decimals";
    // The other ways people group thousands (Polish and Russian write a space or a no-break space;
    // "87.500" alone stays the decimal 87.5): named, instead of "not a number".
    static constexpr std::pair<std::string_view, const char*> kSeparators[] = {
        {" ", "a space"},
        {"\xC2\xA0", "a no-break space"},
        {"\xE2\x80\xAF", "a narrow no-break space"},
        {"\xE2\x80\x89", "a thin space"},
        {"'", "an apostrophe"},
        {",", "commas"},
        {".", "full stops"}};
    for (const auto& [sep, name] : kSeparators) {
        if (!grouped_by(s, sep, decimals)) continue;
        const bool several = s.find(sep, s.find(sep) + sep.size()) != std::string::npos;
        if ((sep == "," || sep == ".") && !several && !decimals) continue; // "87.500": a decimal
        std::string msg = "'"; // appended: GCC 12 warns falsely (-Wrestrict) on "'" + std::string
        msg += text::escape_for_display(trim(text));
        msg += "' has a thousands separator (";
        msg += name;
        msg += "), which is refused; write the number without it, with '.' or ',' only before decimals";
        return msg;
    }
    return std::nullopt;
}

std::optional<double> parse_decimal(std::string_view text) {
    if (thousands_separator_problem(text)) return std::nullopt;
    std::string s = trim(text);
    if (!s.empty() && s.back() == '%') s = trim(s.substr(0, s.size() - 1));
    if (s.empty() || s.size() > 32) return std::nullopt;
    if (std::count(s.begin(), s.end(), ',') + std::count(s.begin(), s.end(), '.') > 1)
        return std::nullopt; // "1.234,5": thousands separators are ambiguous, refuse them
    std::replace(s.begin(), s.end(), ',', '.');
    for (std::size_t i = 0; i < s.size(); ++i) {
        const char c = s[i];
        if (!((c >= '0' && c <= '9') || c == '.' || (i == 0 && (c == '-' || c == '+'))))
            return std::nullopt;
    }
    char* end = nullptr;
    const double v = std::strtod(s.c_str(), &end);
    if (end != s.c_str() + s.size() || !std::isfinite(v)) return std::nullopt;
    return v;
}

std::optional<std::string> parse_tool_date(std::string_view text, DateFormat f) {
    const std::string s = trim(text);
    switch (f) {
    case DateFormat::Iso: {
        // A date, or a date-time whose day is taken as is (tools export in UTC or local time;
        // the day of the contact is what a monthly report needs).
        if (s.size() < 10 || (s.size() > 10 && s[10] != 'T' && s[10] != ' ')) return std::nullopt;
        if (s[4] != '-' || s[7] != '-') return std::nullopt;
        return ymd_checked(int_of(s.substr(0, 4)), int_of(s.substr(5, 2)), int_of(s.substr(8, 2)));
    }
    case DateFormat::DayMonthYearDots:
    case DateFormat::DayMonthYearSlashes:
    case DateFormat::MonthDayYearSlashes: {
        const char sep = f == DateFormat::DayMonthYearDots ? '.' : '/';
        const std::string d = s.substr(0, s.find(' '));
        const auto a = d.find(sep), b = d.find(sep, a == std::string::npos ? a : a + 1);
        if (a == std::string::npos || b == std::string::npos) return std::nullopt;
        const auto p1 = int_of(d.substr(0, a)), p2 = int_of(d.substr(a + 1, b - a - 1));
        const auto y = int_of(d.substr(b + 1));
        if (d.size() - b - 1 != 4) return std::nullopt;
        return f == DateFormat::MonthDayYearSlashes ? ymd_checked(y, p1, p2) : ymd_checked(y, p2, p1);
    }
    }
    return std::nullopt;
}

const char* date_format_name(DateFormat f) {
    switch (f) {
    case DateFormat::Iso: return "YYYY-MM-DD";
    case DateFormat::DayMonthYearDots: return "DD.MM.YYYY";
    case DateFormat::DayMonthYearSlashes: return "DD/MM/YYYY";
    case DateFormat::MonthDayYearSlashes: return "MM/DD/YYYY";
    }
    return "?";
}

bool is_na(const MappingBase& m, std::string_view value) {
    const std::string v = lower(trim(value));
    return std::any_of(m.na_values.begin(), m.na_values.end(),
                       [&](const std::string& n) { return lower(n) == v; });
}

// --- people ----------------------------------------------------------------------------------

PersonMatcher::PersonMatcher(store::Database& db) {
    auto st = db.prepare("SELECT id, external_id FROM people");
    while (st.step()) {
        by_id_[st.text(0)] = st.text(0);
        if (!st.is_null(1)) by_external_[fold_case(trim(st.text(1)))] = st.text(0);
    }
}

std::optional<std::string> PersonMatcher::match(std::string_view value) const {
    const std::string v = trim(value);
    if (auto it = by_external_.find(fold_case(v)); it != by_external_.end()) return it->second;
    if (auto it = by_id_.find(v); it != by_id_.end()) return it->second;
    return std::nullopt;
}

// --- issues and access -----------------------------------------------------------------------

void IssueList::add(const csv::Row& row, std::optional<std::size_t> column, std::string message) {
    // A cell the CSV reader already refused (invalid UTF-8, a control character) is reported once,
    // not again by the field rules.
    if (column)
        for (const auto& earlier : table.issues)
            if (earlier.row == row.row && earlier.column == *column + 1) return;
    csv::Issue i;
    i.row = row.row;
    i.line = row.line;
    if (column) {
        i.column = *column + 1;
        if (*column < table.header.size()) i.column_name = table.header[*column];
    }
    i.message = std::move(message);
    issues.push_back(std::move(i));
}

void IssueList::header(const std::string& column_name, std::string message) {
    csv::Issue i;
    i.row = 1;
    i.line = 1;
    i.column_name = column_name;
    i.message = std::move(message);
    issues.push_back(std::move(i));
}

void require_may_import(const identity::Actor& actor, const char* what) {
    if (actor.role == identity::Role::Admin || actor.role == identity::Role::Lead) return;
    throw identity::AccessDenied(actor.label() + " may not import " + what +
                                 ": leads and admins only");
}

bool may_import_for(const identity::Actor& actor, std::string_view person_id) {
    if (actor.role == identity::Role::Admin) return true;
    if (actor.role != identity::Role::Lead || person_id == actor.person_id) return false;
    return std::find(actor.led_people.begin(), actor.led_people.end(), person_id) !=
           actor.led_people.end();
}

} // namespace trainer::quality
