#include "trainer/content/diagnostics.hpp"
#include "trainer/content/loader.hpp"

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

std::string describe_found(const nlohmann::json& v) {
    using json = nlohmann::json;
    switch (v.type()) {
    case json::value_t::null: return "null";
    case json::value_t::boolean: return v.get<bool>() ? "true" : "false";
    case json::value_t::number_integer:
    case json::value_t::number_unsigned:
    case json::value_t::number_float: return "a number (" + v.dump() + ")";
    case json::value_t::string: return "a string";
    case json::value_t::array: return "an array";
    case json::value_t::object: return "an object";
    default: return "an unsupported value";
    }
}

std::size_t edit_distance(std::string_view a, std::string_view b) {
    std::vector<std::size_t> row(b.size() + 1);
    for (std::size_t j = 0; j <= b.size(); ++j)
        row[j] = j;
    for (std::size_t i = 1; i <= a.size(); ++i) {
        std::size_t diag = row[0];
        row[0] = i;
        for (std::size_t j = 1; j <= b.size(); ++j) {
            const std::size_t up = row[j];
            row[j] = std::min({row[j] + 1, row[j - 1] + 1, diag + (a[i - 1] == b[j - 1] ? 0 : 1)});
            diag = up;
        }
    }
    return row[b.size()];
}

std::optional<std::string> unknown_key_problem(const std::string& key, std::span<const char* const> allowed) {
    if (std::find_if(allowed.begin(), allowed.end(), [&](const char* k) { return key == k; }) != allowed.end())
        return std::nullopt;
    std::string list, suggestion;
    for (const char* k : allowed) {
        list += (list.empty() ? "" : ", ") + std::string(k);
        if (suggestion.empty() && edit_distance(key, k) <= 2) suggestion = k;
    }
    return "unknown key " + quoted_input(key) +
           (suggestion.empty() ? "" : " (did you mean '" + suggestion + "'?)") + "; allowed keys: " + list;
}

std::string locale_name(std::string_view locale) {
    if (locale == "en") return "English (en)";
    if (locale == "pl") return "Polish (pl)";
    if (locale == "ru") return "Russian (ru)";
    std::string quoted = "'"; // built up in steps: GCC 12 misreports "'" + std::string&& (-Wrestrict)
    quoted += locale;
    quoted += '\'';
    return quoted;
}

// The load's outcome as JSON (`trainer content validate --json`), beside the diagnostics' to_json.
nlohmann::json summarize(const LoadResult& result) {
    nlohmann::json coverage = nlohmann::json::object();
    for (const auto& [kind, per_locale] : result.complete_text)
        coverage[kind] = per_locale;
    return {{"ok", result.ok()},
            {"files", result.files},
            {"errors", result.error_count()},
            {"warnings", result.warning_count()},
            {"counts", result.counts},
            {"coverage", coverage}};
}

} // namespace trainer::content
