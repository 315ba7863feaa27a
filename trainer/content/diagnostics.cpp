#include "trainer/content/diagnostics.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cstdio>

namespace trainer::content {

namespace {
// Appends text with control characters escaped, at most max_chars characters (then "...").
void append_escaped(std::string& out, std::string_view text, std::size_t max_chars) {
    std::size_t chars = 0;
    for (const char ch : text) {
        const auto c = static_cast<unsigned char>(ch);
        if ((c & 0xC0) != 0x80 && chars++ == max_chars) {
            out += "...";
            return;
        }
        if (c == '\n')
            out += "\\n";
        else if (c == '\t')
            out += "\\t";
        else if (c == '\r')
            out += "\\r";
        else if (c < 0x20 || c == 0x7F) {
            char buf[8];
            std::snprintf(buf, sizeof buf, "\\u%04X", c);
            out += buf;
        } else
            out += ch;
    }
}
} // namespace

const char* severity_name(Severity s) {
    return s == Severity::Error ? "error" : "warning";
}

std::string Diagnostic::to_string() const {
    std::string out = file;
    if (line > 0) {
        out += ':' + std::to_string(line);
        if (column > 0) out += ':' + std::to_string(column);
    }
    out += ": ";
    out += severity_name(severity);
    out += ": ";
    if (!pointer.empty()) {
        append_escaped(out, pointer, std::string::npos); // a key may hold a newline
        out += ": ";
    }
    out += message;
    return out;
}

nlohmann::json to_json(const Diagnostic& d) {
    return {{"severity", severity_name(d.severity)},
            {"file", d.file},
            {"line", d.line},
            {"column", d.column},
            {"pointer", d.pointer},
            {"message", d.message}};
}

std::string quoted_input(std::string_view text) {
    std::string out = "'";
    append_escaped(out, text, 60);
    return out + "'";
}

int count_of(const std::vector<Diagnostic>& diagnostics, Severity s) {
    return static_cast<int>(std::count_if(diagnostics.begin(), diagnostics.end(),
                                          [s](const Diagnostic& d) { return d.severity == s; }));
}

} // namespace trainer::content
