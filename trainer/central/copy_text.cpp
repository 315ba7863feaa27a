#include "trainer/central/copy_text.hpp"

#include <stdexcept>

namespace trainer::central {

void copy_append(std::string& line, std::string_view value, bool last) {
    for (const char ch : value) {
        switch (ch) {
        case '\\': line += "\\\\"; break;
        case '\t': line += "\\t"; break;
        case '\n': line += "\\n"; break;
        case '\r': line += "\\r"; break;
        default: line += ch;
        }
    }
    line += last ? '\n' : '\t';
}

void copy_append_null(std::string& line, bool last) {
    line += "\\N";
    line += last ? '\n' : '\t';
}

namespace {

int hex_digit(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

} // namespace

std::vector<std::optional<std::string>> copy_split(std::string_view line) {
    std::vector<std::optional<std::string>> out;
    std::string col;
    bool null_col = false;
    auto finish = [&] {
        if (null_col) out.emplace_back(std::nullopt);
        else out.emplace_back(std::move(col));
        col.clear();
        null_col = false;
    };
    for (std::size_t i = 0; i < line.size(); ++i) {
        const char ch = line[i];
        if (ch == '\t') {
            finish();
            continue;
        }
        if (ch != '\\') {
            col += ch;
            continue;
        }
        if (++i == line.size())
            throw std::runtime_error("COPY text: a backslash ends column " + std::to_string(out.size() + 1));
        switch (const char e = line[i]) {
        case 'N':
            if (!col.empty()) throw std::runtime_error("COPY text: \\N inside column " + std::to_string(out.size() + 1));
            null_col = true;
            break;
        case 'b': col += '\b'; break;
        case 'f': col += '\f'; break;
        case 'n': col += '\n'; break;
        case 'r': col += '\r'; break;
        case 't': col += '\t'; break;
        case 'v': col += '\v'; break;
        case 'x': { // \xHH (one or two hex digits)
            int v = 0, digits = 0;
            while (digits < 2 && i + 1 < line.size() && hex_digit(line[i + 1]) >= 0) v = v * 16 + hex_digit(line[++i]), ++digits;
            if (digits == 0) throw std::runtime_error("COPY text: \\x without digits in column " + std::to_string(out.size() + 1));
            col += static_cast<char>(v);
            break;
        }
        default:
            if (e >= '0' && e <= '7') { // \ooo (one to three octal digits)
                int v = e - '0', digits = 1;
                while (digits < 3 && i + 1 < line.size() && line[i + 1] >= '0' && line[i + 1] <= '7') v = v * 8 + (line[++i] - '0'), ++digits;
                col += static_cast<char>(v);
            } else {
                col += e; // any other escaped character stands for itself
            }
        }
    }
    finish();
    return out;
}

} // namespace trainer::central
