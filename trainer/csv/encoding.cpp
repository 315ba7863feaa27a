#include "trainer/csv/encoding.hpp"

#include <iconv.h>

#include <array>
#include <cerrno>
#include <cstdio>

namespace trainer::csv {

namespace {

std::string lower(std::string_view s) {
    std::string out(s);
    for (char& c : out)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return out;
}

// Offset of the first byte that does not start or continue a valid UTF-8 sequence, or npos.
std::size_t first_invalid_utf8(std::string_view s) {
    for (std::size_t i = 0; i < s.size();) {
        const auto c = static_cast<unsigned char>(s[i]);
        std::size_t n = c < 0x80 ? 1 : (c >= 0xC2 && c <= 0xDF) ? 2 : (c >= 0xE0 && c <= 0xEF) ? 3
                                 : (c >= 0xF0 && c <= 0xF4)     ? 4 : 0;
        if (n == 0 || i + n > s.size()) return i;
        for (std::size_t k = 1; k < n; ++k)
            if ((static_cast<unsigned char>(s[i + k]) & 0xC0) != 0x80) return i;
        if (n == 3) {
            const auto c1 = static_cast<unsigned char>(s[i + 1]);
            if ((c == 0xE0 && c1 < 0xA0) || (c == 0xED && c1 > 0x9F)) return i;
        }
        if (n == 4) {
            const auto c1 = static_cast<unsigned char>(s[i + 1]);
            if ((c == 0xF0 && c1 < 0x90) || (c == 0xF4 && c1 > 0x8F)) return i;
        }
        i += n;
    }
    return std::string_view::npos;
}

// Polish letters in CP1250 (ą ć ę ł ń ó ś ź ż and capitals). In Russian text in CP1251 only a
// few of them occur (as Cyrillic letters at the same codes), in Polish text nearly all high
// bytes are among them.
bool looks_polish(std::string_view s) {
    static constexpr std::array<unsigned char, 18> kPolish = {
        0x8C, 0x8F, 0x9C, 0x9F, 0xA3, 0xA5, 0xAF, 0xB3, 0xB9, 0xBF,
        0xC6, 0xCA, 0xD1, 0xD3, 0xE6, 0xEA, 0xF1, 0xF3};
    std::size_t high = 0, polish = 0;
    for (char ch : s) {
        const auto c = static_cast<unsigned char>(ch);
        if (c < 0x80) continue;
        ++high;
        for (unsigned char p : kPolish)
            if (c == p) ++polish;
    }
    return high > 0 && polish * 10 >= high * 6;
}

std::string convert(std::string_view bytes, const char* from, const std::string& source) {
    iconv_t cd = iconv_open("UTF-8", from);
    if (cd == reinterpret_cast<iconv_t>(-1))
        throw EncodingError(source + ": this system cannot convert from " + from);
    std::string out(bytes.size() * 3 + 16, '\0');
    char* in_p = const_cast<char*>(bytes.data());
    std::size_t in_left = bytes.size();
    char* out_p = out.data();
    std::size_t out_left = out.size();
    const std::size_t rc = iconv(cd, &in_p, &in_left, &out_p, &out_left);
    const int err = errno;
    iconv_close(cd);
    if (rc == static_cast<std::size_t>(-1)) {
        const std::size_t at = bytes.size() - in_left;
        throw EncodingError(source + ": byte " + std::to_string(at + 1) + " is not valid " + from +
                            (err == EINVAL ? " (the file ends inside a character)" : ""));
    }
    out.resize(out.size() - out_left);
    return out;
}

std::string hex(std::string_view s, std::size_t at, std::size_t n) {
    std::string out;
    for (std::size_t i = at; i < s.size() && i < at + n; ++i) {
        char b[8];
        std::snprintf(b, sizeof b, "%s0x%02X", out.empty() ? "" : " ", static_cast<unsigned char>(s[i]));
        out += b;
    }
    return out;
}

} // namespace

std::optional<std::string> encoding_name(std::string_view declared) {
    const std::string d = lower(declared);
    if (d == "utf-8" || d == "utf8") return "utf-8";
    if (d == "cp1250" || d == "windows-1250" || d == "win1250") return "cp1250";
    if (d == "cp1251" || d == "windows-1251" || d == "win1251") return "cp1251";
    if (d == "utf-16" || d == "utf16" || d == "utf-16le") return "utf-16le";
    if (d == "utf-16be") return "utf-16be";
    return std::nullopt;
}

Decoded decode(std::string_view bytes, const std::string& declared, const std::string& source) {
    Decoded d;
    std::string enc;
    if (!declared.empty()) {
        const auto name = encoding_name(declared);
        if (!name)
            throw EncodingError("unknown encoding '" + declared +
                                "' (expected utf-8, cp1250, cp1251 or utf-16)");
        enc = *name;
    }
    const bool bom16le = bytes.starts_with("\xFF\xFE"), bom16be = bytes.starts_with("\xFE\xFF");
    if (enc.empty()) {
        d.detected = true;
        if (bom16le) enc = "utf-16le";
        else if (bom16be) enc = "utf-16be";
        else if (first_invalid_utf8(bytes) == std::string_view::npos) enc = "utf-8";
        else enc = looks_polish(bytes) ? "cp1250" : "cp1251";
    }
    d.encoding = enc;
    if (enc == "utf-8") {
        const std::size_t bad = first_invalid_utf8(bytes);
        if (bad != std::string_view::npos) {
            std::size_t line = 1, line_start = 0;
            for (std::size_t i = 0; i < bad; ++i)
                if (bytes[i] == '\n') ++line, line_start = i + 1;
            const char* guess = bom16le || bom16be ? "UTF-16 (\"Unicode text\")"
                                : looks_polish(bytes) ? "CP1250 (Excel on Polish Windows)"
                                                      : "CP1251 (Excel on Russian Windows)";
            throw EncodingError(source + ": line " + std::to_string(line) + ", byte " +
                                std::to_string(bad - line_start + 1) + " of the line (byte " +
                                std::to_string(bad + 1) + " of the file): " + hex(bytes, bad, 2) +
                                " is not UTF-8. It looks like " + guess + ": run again with --encoding " +
                                (bom16le || bom16be ? "utf-16" : looks_polish(bytes) ? "cp1250" : "cp1251") +
                                ", or without --encoding to detect it");
        }
        d.text = std::string(bytes);
        return d;
    }
    if (enc == "utf-16le" || enc == "utf-16be") {
        std::string_view body = bytes;
        if (bom16le || bom16be) body.remove_prefix(2);
        const bool be = bom16be || (enc == "utf-16be" && !bom16le);
        d.text = convert(body, be ? "UTF-16BE" : "UTF-16LE", source);
        d.encoding = be ? "utf-16be" : "utf-16le";
        return d;
    }
    d.text = convert(bytes, enc == "cp1250" ? "CP1250" : "CP1251", source);
    return d;
}

} // namespace trainer::csv
