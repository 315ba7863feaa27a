#include "trainer/authoring/po_file.hpp"

// [SECTION] Writing
// [SECTION] Reading

#include "trainer/content/model.hpp"

#include <sstream>

namespace trainer::authoring {

namespace {

// CLDR plural rules, as gettext writes them for Polish and Russian.
const char* plural_forms(std::string_view lang) {
    if (lang == "pl")
        return "nplurals=3; plural=(n==1 ? 0 : n%10>=2 && n%10<=4 && (n%100<10 || n%100>=20) ? 1 : 2);";
    return "nplurals=3; plural=(n%10==1 && n%100!=11 ? 0 : n%10>=2 && n%10<=4 && (n%100<10 || "
           "n%100>=20) ? 1 : 2);";
}

// A keyword and its string, split after each line break so editors show lines.
void put(std::ostream& out, const char* keyword, std::string_view text) {
    if (text.find('\n') == std::string_view::npos || text.find('\n') == text.size() - 1) {
        out << keyword << " \"" << po_escape(text) << "\"\n";
        return;
    }
    out << keyword << " \"\"\n";
    std::size_t start = 0;
    while (start < text.size()) {
        std::size_t nl = text.find('\n', start);
        const std::size_t end = nl == std::string_view::npos ? text.size() : nl + 1;
        out << "\"" << po_escape(text.substr(start, end - start)) << "\"\n";
        start = end;
    }
}

} // namespace

std::string po_escape(std::string_view text) {
    std::string out;
    for (char c : text) {
        switch (c) {
        case '\\': out += "\\\\"; break;
        case '"': out += "\\\""; break;
        case '\n': out += "\\n"; break;
        case '\t': out += "\\t"; break;
        case '\r': out += "\\r"; break;
        default: out += c;
        }
    }
    return out;
}

// [SECTION] Writing ---------------------------------------------------------------------------

std::string to_po(const DeckFiles& decks, std::string_view lang) {
    if (lang == content::kFallbackLocale || !content::is_supported_locale(lang))
        throw AuthoringError("--lang " + std::string(lang) + ": expected pl or ru (English is the source)");
    std::ostringstream out;
    out << "# Service standards cards: " << (lang == "pl" ? "Polish" : "Russian") << " translation.\n"
        << "# Made by `trainer content export --format po --lang " << lang << "`; bring it back with\n"
        << "# `trainer content import FILE.po` (content/README.md, \"Translating with PO files\").\n"
        << "# Phrasings and keywords: one per line.\n"
        << "msgid \"\"\n"
        << "msgstr \"\"\n"
        << "\"Project-Id-Version: " << kPoProject << "\\n\"\n"
        << "\"Language: " << lang << "\\n\"\n"
        << "\"MIME-Version: 1.0\\n\"\n"
        << "\"Content-Type: text/plain; charset=UTF-8\\n\"\n"
        << "\"Content-Transfer-Encoding: 8bit\\n\"\n"
        << "\"Plural-Forms: " << plural_forms(lang) << "\\n\"\n";
    for (const auto& row : decks.rows())
        for (std::string_view field : kTextFields) {
            const std::string& source = row.at(text_column("en", field));
            if (trim(source).empty()) continue;
            out << "\n#. deck " << row.deck() << ", card " << row.id() << ": " << field << "\n";
            put(out, "msgctxt", row.id() + "|" + std::string(field));
            put(out, "msgid", source);
            put(out, "msgstr", row.at(text_column(lang, field)));
        }
    return out.str();
}

// [SECTION] Reading ---------------------------------------------------------------------------

std::string PoFile::header_field(std::string_view name) const {
    std::istringstream in(header);
    for (std::string line; std::getline(in, line);) {
        const auto colon = line.find(':');
        if (colon != std::string::npos && line.substr(0, colon) == name)
            return trim(line.substr(colon + 1));
    }
    return "";
}

namespace {

// The body of a "…" literal with escapes resolved; nullopt when it is not one.
std::optional<std::string> literal(std::string_view s) {
    const auto first = s.find_first_not_of(" \t");
    if (first == std::string_view::npos) return std::nullopt;
    s.remove_prefix(first);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) s.remove_suffix(1);
    if (s.size() < 2 || s.front() != '"' || s.back() != '"') return std::nullopt;
    std::string out;
    for (std::size_t i = 1; i + 1 < s.size(); ++i) {
        char c = s[i];
        if (c == '"') return std::nullopt;
        if (c != '\\') {
            out += c;
            continue;
        }
        if (++i + 1 >= s.size()) return std::nullopt;
        switch (s[i]) {
        case 'n': out += '\n'; break;
        case 't': out += '\t'; break;
        case 'r': out += '\r'; break;
        case '"': out += '"'; break;
        case '\\': out += '\\'; break;
        default: return std::nullopt;
        }
    }
    return out;
}

} // namespace

PoFile parse_po(const std::string& file, std::string_view text, std::vector<Finding>& findings) {
    PoFile po;
    PoEntry entry;
    bool open = false;          // entry has a keyword
    std::string* target = nullptr; // the string continuation lines extend
    bool fuzzy_next = false, has_msgid = false, has_msgstr = false;
    const auto finish = [&] {
        if (!open) return;
        if (entry.msgid.empty() && !entry.msgctxt && po.header_line == 0) {
            po.header = entry.msgstr;
            po.header_line = entry.line;
        } else {
            po.entries.push_back(entry);
        }
        entry = {};
        open = has_msgid = has_msgstr = false;
        target = nullptr;
    };
    std::size_t number = 0;
    std::size_t start = 0;
    while (start <= text.size()) {
        std::size_t nl = text.find('\n', start);
        if (nl == std::string_view::npos) nl = text.size();
        std::string_view line = text.substr(start, nl - start);
        start = nl + 1;
        ++number;
        if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
        const auto where = file + ":" + std::to_string(number);
        if (line.find_first_not_of(" \t") == std::string_view::npos) {
            finish();
            continue;
        }
        if (line.front() == '#') {
            if (line.rfind("#~", 0) == 0) continue; // obsolete entries are not applied
            if (open && has_msgstr) finish();
            if (line.rfind("#,", 0) == 0 && line.find("fuzzy") != std::string_view::npos) fuzzy_next = true;
            continue;
        }
        if (line.front() == '"') {
            auto s = literal(line);
            if (!target || !s)
                findings.push_back({true, where, "expected a keyword (msgctxt, msgid, msgstr) or a quoted string"});
            else
                *target += *s;
            continue;
        }
        const auto space = line.find_first_of(" \t");
        const std::string keyword(line.substr(0, space));
        auto value = space == std::string_view::npos ? std::nullopt : literal(line.substr(space));
        if (!value) {
            findings.push_back({true, where, "expected " + keyword + " \"…\""});
            continue;
        }
        const auto begin = [&] {
            entry.line = number;
            entry.fuzzy = fuzzy_next;
            fuzzy_next = false;
            open = true;
        };
        if (keyword == "msgctxt") {
            finish();
            begin();
        } else if (keyword == "msgid") {
            if (open && has_msgid) finish();
            if (!open) begin();
            has_msgid = true;
        }
        if (keyword == "msgctxt") {
            entry.msgctxt = *value;
            target = &*entry.msgctxt;
        } else if (keyword == "msgid") {
            entry.msgid = *value;
            target = &entry.msgid;
        } else if (keyword == "msgid_plural" && open) {
            entry.msgid_plural = *value;
            target = &*entry.msgid_plural;
        } else if (keyword == "msgstr" && open) {
            entry.msgstr = *value;
            target = &entry.msgstr;
            has_msgstr = true;
        } else if (keyword.rfind("msgstr[", 0) == 0 && keyword.back() == ']' && open) {
            entry.msgstr_plural.push_back(*value);
            target = &entry.msgstr_plural.back();
            has_msgstr = true;
        } else {
            findings.push_back({true, where, "unexpected '" + keyword + "'"});
        }
    }
    finish();
    return po;
}

} // namespace trainer::authoring
