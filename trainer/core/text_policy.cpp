#include "trainer/core/text_policy.hpp"

#include <cstdio>

namespace trainer::text {

namespace {

// Decodes the UTF-8 sequence at s[i]; returns its length, or 0 when it is not valid UTF-8
// (overlongs, surrogates and code points above U+10FFFF included).
std::size_t decode(std::string_view s, std::size_t i, char32_t& cp) {
    const auto b = [&](std::size_t k) { return static_cast<unsigned char>(s[k]); };
    const unsigned char c = b(i);
    if (c < 0x80) {
        cp = c;
        return 1;
    }
    std::size_t n;
    unsigned char lo = 0x80, hi = 0xBF;
    if (c >= 0xC2 && c <= 0xDF)
        n = 2, cp = c & 0x1F;
    else if (c == 0xE0)
        n = 3, lo = 0xA0, cp = c & 0x0F;
    else if (c == 0xED)
        n = 3, hi = 0x9F, cp = c & 0x0F;
    else if (c >= 0xE1 && c <= 0xEF)
        n = 3, cp = c & 0x0F;
    else if (c == 0xF0)
        n = 4, lo = 0x90, cp = c & 0x07;
    else if (c >= 0xF1 && c <= 0xF3)
        n = 4, cp = c & 0x07;
    else if (c == 0xF4)
        n = 4, hi = 0x8F, cp = c & 0x07;
    else
        return 0;
    if (i + n > s.size()) return 0;
    if (b(i + 1) < lo || b(i + 1) > hi) return 0;
    for (std::size_t k = 1; k < n; ++k) {
        if (b(i + k) < 0x80 || b(i + k) > 0xBF) return 0;
        cp = (cp << 6) | (b(i + k) & 0x3F);
    }
    return n;
}

bool is_control(char32_t cp) { return cp < 0x20 || (cp >= 0x7F && cp <= 0x9F); }

// Characters that reorder or split what a reader sees: bidi embeddings, overrides and isolates,
// the marks LRM/RLM/ALM, and the Unicode line and paragraph separators.
bool is_format_hazard(char32_t cp) {
    return (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069) || cp == 0x200E ||
           cp == 0x200F || cp == 0x061C || cp == 0x2028 || cp == 0x2029;
}

// Combining marks and invisible characters: a name of only these shows as nothing (or as a
// smear over the previous column). Besides the ASCII space: the other Unicode spaces (em, thin,
// ideographic...), the soft hyphen, the Hangul and Braille blanks, variation selectors and
// invisible operators all draw nothing either.
bool is_unicode_space_or_blank(char32_t cp) {
    return cp == 0x00A0 || cp == 0x00AD || cp == 0x115F || cp == 0x1160 || cp == 0x1680 || cp == 0x180E ||
           (cp >= 0x2000 && cp <= 0x200A) || cp == 0x202F || cp == 0x205F || (cp >= 0x2061 && cp <= 0x2064) ||
           cp == 0x2800 || cp == 0x3000 || cp == 0x3164 || cp == 0xFFA0 || (cp >= 0xFE00 && cp <= 0xFE0F);
}

bool is_mark_or_invisible(char32_t cp) {
    return (cp >= 0x0300 && cp <= 0x036F) || (cp >= 0x1AB0 && cp <= 0x1AFF) ||
           (cp >= 0x1DC0 && cp <= 0x1DFF) || (cp >= 0x20D0 && cp <= 0x20FF) ||
           (cp >= 0xFE20 && cp <= 0xFE2F) || (cp >= 0x200B && cp <= 0x200D) || cp == 0x2060 ||
           cp == 0xFEFF || cp == 0x034F || cp == ' ' || is_unicode_space_or_blank(cp);
}

std::string code_point_name(char32_t cp) {
    char buf[16];
    std::snprintf(buf, sizeof buf, "U+%04X", static_cast<unsigned>(cp));
    return buf;
}

std::string with_thousands(std::size_t n) {
    std::string s = std::to_string(n);
    for (int i = static_cast<int>(s.size()) - 3; i > 0; i -= 3) s.insert(static_cast<std::size_t>(i), ",");
    return s;
}

const char* kind_name(Kind k) {
    switch (k) {
    case Kind::Id: return "an id";
    case Kind::Name: return "a name";
    case Kind::Line: return "a one-line field";
    case Kind::MultiLine: return "a text field";
    }
    return "a field";
}

} // namespace

std::size_t max_bytes(Kind kind) {
    switch (kind) {
    case Kind::Id: return 128;
    case Kind::Name: return 200;
    case Kind::Line: return 500;
    case Kind::MultiLine: return 10'000;
    }
    return 0;
}

std::optional<std::string> problem(std::string_view value, Kind kind) {
    if (value.size() > max_bytes(kind))
        return std::string(kind_name(kind)) + " has at most " + with_thousands(max_bytes(kind)) +
               " bytes; this one has " + with_thousands(value.size());
    bool visible = false;
    std::size_t position = 0;
    for (std::size_t i = 0; i < value.size();) {
        char32_t cp = 0;
        const std::size_t n = decode(value, i, cp);
        ++position;
        if (n == 0)
            return "byte " + std::to_string(i + 1) + " is not valid UTF-8 (save the file as UTF-8)";
        const bool newline_ok = kind == Kind::MultiLine &&
                                (cp == '\n' || (cp == '\r' && i + 1 < value.size() && value[i + 1] == '\n'));
        if (is_control(cp) && !newline_ok)
            return "character " + std::to_string(position) + " is " + code_point_name(cp) +
                   (cp == '\n' ? " (a line break; " + std::string(kind_name(kind)) + " is one line)"
                               : std::string(" (a control character)")) +
                   "; remove it";
        if (is_format_hazard(cp))
            return "character " + std::to_string(position) + " is " + code_point_name(cp) +
                   " (a direction or line-separator control that changes how text reads); remove it";
        if (!is_mark_or_invisible(cp)) visible = true;
        i += n;
    }
    if (kind == Kind::Name && !value.empty() && !visible)
        return "a name needs at least one visible letter (this one is only spaces, combining "
               "marks or invisible characters)";
    if (kind == Kind::Id && !value.empty() && (value.front() == ' ' || value.back() == ' '))
        return "an id may not start or end with a space";
    // An id is typed back at a prompt and matched byte for byte: a space no one can see in it
    // (U+00A0, U+2003, U+3000...) makes two ids that look the same.
    if (kind == Kind::Id) {
        std::size_t position_in_id = 0;
        for (std::size_t i = 0; i < value.size();) {
            char32_t cp = 0;
            i += decode(value, i, cp); // valid UTF-8: checked above
            ++position_in_id;
            if (is_unicode_space_or_blank(cp) || (cp >= 0x200B && cp <= 0x200D) || cp == 0x2060 ||
                cp == 0xFEFF || cp == 0x034F)
                return "character " + std::to_string(position_in_id) + " is " + code_point_name(cp) +
                       " (an invisible space or blank); an id may not hold one";
        }
    }
    return std::nullopt;
}

void require(std::string_view value, Kind kind, std::string_view field) {
    if (auto e = problem(value, kind)) throw TextRefused(std::string(field) + ": " + *e);
}

std::string normalize_newlines(std::string_view value) {
    std::string out;
    out.reserve(value.size());
    for (std::size_t i = 0; i < value.size(); ++i) {
        if (value[i] == '\r' && i + 1 < value.size() && value[i + 1] == '\n') continue;
        out.push_back(value[i]);
    }
    return out;
}

std::string escape_for_display(std::string_view value) {
    std::string out;
    out.reserve(value.size());
    for (std::size_t i = 0; i < value.size();) {
        char32_t cp = 0;
        const std::size_t n = decode(value, i, cp);
        if (n == 0) {
            char buf[8];
            std::snprintf(buf, sizeof buf, "\\x%02X", static_cast<unsigned char>(value[i]));
            out += buf;
            ++i;
            continue;
        }
        if (cp == '\n')
            out += "\\n";
        else if (cp == '\r')
            out += "\\r";
        else if (cp == '\t')
            out += "\\t";
        else if (is_control(cp) || is_format_hazard(cp)) {
            char buf[16];
            std::snprintf(buf, sizeof buf, "\\u{%04X}", static_cast<unsigned>(cp));
            out += buf;
        } else {
            out.append(value.substr(i, n));
        }
        i += n;
    }
    return out;
}

} // namespace trainer::text
