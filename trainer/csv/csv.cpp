#include "trainer/csv/csv.hpp"
#include "trainer/core/read_all.hpp"

#include "trainer/core/text_policy.hpp"
#include "trainer/csv/encoding.hpp"

#include <algorithm>
#include <fstream>
#include <iterator>

namespace trainer::csv {

namespace {

std::string trim(std::string_view s) {
    const auto b = s.find_first_not_of(" \t");
    if (b == std::string_view::npos) return {};
    const auto e = s.find_last_not_of(" \t");
    return std::string(s.substr(b, e - b + 1));
}

std::string lower(std::string s) {
    for (char& c : s)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return s;
}

// Length of the valid UTF-8 sequence at s[i], or 0 when it is not valid (overlongs, surrogates
// and code points above U+10FFFF included).
std::size_t utf8_length(std::string_view s, std::size_t i) {
    const auto b = [&](std::size_t k) { return static_cast<unsigned char>(s[k]); };
    const unsigned char c = b(i);
    if (c < 0x80) return 1;
    std::size_t n;
    unsigned char lo = 0x80, hi = 0xBF;
    if (c >= 0xC2 && c <= 0xDF)
        n = 2;
    else if (c == 0xE0)
        n = 3, lo = 0xA0;
    else if (c == 0xED)
        n = 3, hi = 0x9F;
    else if (c >= 0xE1 && c <= 0xEF)
        n = 3;
    else if (c == 0xF0)
        n = 4, lo = 0x90;
    else if (c >= 0xF1 && c <= 0xF3)
        n = 4;
    else if (c == 0xF4)
        n = 4, hi = 0x8F;
    else
        return 0;
    if (i + n > s.size()) return 0;
    if (b(i + 1) < lo || b(i + 1) > hi) return 0;
    for (std::size_t k = 2; k < n; ++k)
        if (b(i + k) < 0x80 || b(i + k) > 0xBF) return 0;
    return n;
}

bool valid_utf8(std::string_view s) {
    for (std::size_t i = 0; i < s.size();) {
        const std::size_t n = utf8_length(s, i);
        if (n == 0) return false;
        i += n;
    }
    return true;
}

// Counts delimiter candidates on the first record, outside quotes.
char detect_delimiter(std::string_view text) {
    std::size_t commas = 0, semicolons = 0, tabs = 0;
    bool quoted = false;
    for (char c : text) {
        if (c == '"')
            quoted = !quoted;
        else if (!quoted && (c == '\n' || c == '\r'))
            break;
        else if (!quoted && c == ',')
            ++commas;
        else if (!quoted && c == ';')
            ++semicolons;
        else if (!quoted && c == '\t')
            ++tabs;
    }
    // Excel's "Text (Tab delimited)" and HR systems' .tsv: tabs between the header's names.
    if (tabs > commas && tabs > semicolons) return '\t';
    return semicolons > commas ? ';' : ',';
}

} // namespace

std::string to_string(const Issue& i) {
    // Issues quote what the file holds: escaped, so a field cannot forge a line or a terminal
    // command in the report (text policy, trainer/core/text_policy.hpp).
    std::string s = "row " + std::to_string(i.row) + " (line " + std::to_string(i.line) + ")";
    if (i.column > 0) {
        s += ", column " + std::to_string(i.column);
        if (!i.column_name.empty()) s += " (" + text::escape_for_display(i.column_name) + ")";
    } else if (!i.column_name.empty()) {
        s += ", column " + text::escape_for_display(i.column_name);
    }
    return s + ": " + text::escape_for_display(i.message);
}

Table parse(std::string_view text) {
    Table t;
    if (text.starts_with("\xEF\xBB\xBF")) text.remove_prefix(3);
    t.delimiter = detect_delimiter(text);
    const char d = t.delimiter;

    std::size_t line = 1, row = 0, i = 0;
    auto column_name = [&](std::size_t col) {
        return col >= 1 && col <= t.header.size() ? t.header[col - 1] : std::string();
    };
    while (i < text.size()) {
        Row r;
        r.row = ++row;
        r.line = line;
        std::string field;
        bool field_quoted = false, end_of_record = false;
        auto finish_field = [&] {
            if (!valid_utf8(field))
                t.issues.push_back({r.row, r.line, r.fields.size() + 1,
                                    column_name(r.fields.size() + 1),
                                    "invalid UTF-8 (save the file as UTF-8)"});
            else if (auto e = text::problem(field, text::Kind::MultiLine))
                // The baseline of the text policy for every field of every import: no control
                // or direction characters, no field over the size limit. Importers refuse line
                // breaks in their one-line columns on top of this.
                t.issues.push_back({r.row, r.line, r.fields.size() + 1,
                                    column_name(r.fields.size() + 1), *e});
            r.fields.push_back(field_quoted ? field : trim(field));
            field.clear();
            field_quoted = false;
        };
        while (!end_of_record) {
            if (i >= text.size()) {
                finish_field();
                break;
            }
            const char c = text[i];
            if (c == '"' && trim(field).empty() && !field_quoted) {
                // A quoted field: read to the closing quote; "" is a literal quote.
                field.clear();
                field_quoted = true;
                const std::size_t open_line = line;
                ++i;
                bool closed = false;
                while (i < text.size()) {
                    if (text[i] == '"') {
                        if (i + 1 < text.size() && text[i + 1] == '"') {
                            field += '"';
                            i += 2;
                            continue;
                        }
                        ++i;
                        closed = true;
                        break;
                    }
                    if (text[i] == '\n') ++line;
                    field += text[i++];
                }
                if (!closed) {
                    t.issues.push_back({r.row, open_line, r.fields.size() + 1,
                                        column_name(r.fields.size() + 1),
                                        "unterminated quoted field (a \" is never closed)"});
                    return t;
                }
                // Only spaces may follow the closing quote before the delimiter.
                while (i < text.size() && (text[i] == ' ' || (text[i] == '\t' && d != '\t')))
                    ++i;
                if (i < text.size() && text[i] != d && text[i] != '\r' && text[i] != '\n') {
                    t.issues.push_back(
                        {r.row, line, r.fields.size() + 1, column_name(r.fields.size() + 1),
                         std::string("unexpected character '") + text[i] +
                             "' after a closing quote (write \"\" for a quote inside a field)"});
                    while (i < text.size() && text[i] != d && text[i] != '\n')
                        ++i;
                }
                continue;
            }
            if (c == d) {
                finish_field();
                ++i;
            } else if (c == '\r' || c == '\n') {
                finish_field();
                if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') ++i;
                ++i;
                ++line;
                end_of_record = true;
            } else {
                field += c;
                ++i;
            }
        }
        const bool blank = r.fields.size() == 1 && r.fields[0].empty();
        if (blank) {
            --row;
            continue;
        }
        if (t.header.empty() && r.row == 1) {
            for (auto& f : r.fields)
                t.header.push_back(trim(f));
            // A repeated column would make every importer read one of the two silently.
            for (std::size_t a = 0; a < t.header.size(); ++a)
                for (std::size_t b = 0; b < a; ++b)
                    if (!t.header[a].empty() && lower(t.header[a]) == lower(t.header[b])) {
                        t.issues.push_back({1, r.line, a + 1, t.header[a],
                                            "column '" + t.header[a] + "' appears twice (also column " +
                                                std::to_string(b + 1) + "); keep one of them"});
                        break;
                    }
            continue;
        }
        if (r.fields.size() != t.header.size())
            t.issues.push_back({r.row, r.line, 0, "",
                                "expected " + std::to_string(t.header.size()) +
                                    " fields (as in the header), found " +
                                    std::to_string(r.fields.size())});
        t.rows.push_back(std::move(r));
    }
    if (t.header.empty())
        t.issues.push_back({1, 1, 0, "", "the file is empty (expected a header line)"});
    return t;
}

Table read_file(const std::filesystem::path& path) {
    std::error_code ec;
    if (std::filesystem::is_directory(path, ec))
        throw CsvError(path.string() + ": is a directory, not a CSV file");
    std::ifstream in(path, std::ios::binary);
    if (!in) throw CsvError(path.string() + ": cannot read the file");
    const std::string text = read_all(in);
    return parse(text);
}

Table read_input(const std::string& path, const std::optional<std::string>& encoding,
                 std::istream& in) {
    std::string found;
    Table t = parse(read_input_text(path, encoding, in, &found));
    t.encoding = found;
    return t;
}

std::string read_input_text(const std::string& path, const std::optional<std::string>& encoding,
                            std::istream& in, std::string* encoding_found) {
    std::string bytes;
    if (path == "-") {
        bytes = read_all(in);
    } else {
        std::error_code ec;
        if (std::filesystem::is_directory(path, ec))
            throw CsvError(path + ": is a directory, not a CSV file");
        std::ifstream f(path, std::ios::binary);
        if (!f) throw CsvError(path + ": cannot read the file");
        bytes = read_all(f);
    }
    try {
        Decoded d = decode(bytes, encoding.value_or(""), path == "-" ? "standard input" : path);
        if (encoding_found) *encoding_found = d.encoding;
        return std::move(d.text);
    } catch (const EncodingError& e) {
        throw CsvError(e.what());
    }
}

Columns::Columns(const std::vector<std::string>& header) {
    for (const auto& h : header)
        names_.push_back(lower(trim(h)));
}

std::optional<std::size_t> Columns::find(std::string_view name) const {
    const std::string n = lower(std::string(name));
    const auto it = std::find(names_.begin(), names_.end(), n);
    if (it == names_.end()) return std::nullopt;
    return static_cast<std::size_t>(it - names_.begin());
}

std::size_t Columns::at(std::string_view name) const {
    if (auto i = find(name)) return *i;
    throw CsvError("missing column " + std::string(name));
}

std::vector<std::string> Columns::missing(const std::vector<std::string>& required) const {
    std::vector<std::string> out;
    for (const auto& r : required)
        if (!find(r)) out.push_back(r);
    return out;
}

std::vector<std::string> Columns::unknown(const std::vector<std::string>& known) const {
    std::vector<std::string> out;
    for (const auto& n : names_) {
        const bool listed = std::any_of(known.begin(), known.end(),
                                        [&](const std::string& k) { return lower(k) == n; });
        if (!listed) out.push_back(n);
    }
    return out;
}

const std::string& Columns::get(const Row& row, std::string_view name) const {
    static const std::string kEmpty; // immutable
    const auto i = find(name);
    if (!i || *i >= row.fields.size()) return kEmpty;
    return row.fields[*i];
}

} // namespace trainer::csv
