// UTF-8 checks for content files: ill-formed sequences (RFC 3629) and character counts (split
// from json_source.cpp: one idea per file).
#include "trainer/content/utf8_check.hpp"

#include <algorithm>

namespace trainer::content {

std::vector<Utf8Error> find_invalid_utf8(std::string_view text) {
    std::vector<Utf8Error> out;
    const std::size_t n = text.size();
    std::size_t i = 0;
    while (i < n) {
        const auto c = static_cast<unsigned char>(text[i]);
        if (c < 0x80) {
            ++i;
            continue;
        }
        std::size_t len = 0;
        unsigned char lo = 0x80, hi = 0xBF; // allowed range of the second byte
        if (c >= 0xC2 && c <= 0xDF)
            len = 2;
        else if (c >= 0xE0 && c <= 0xEF)
            len = 3, lo = c == 0xE0 ? 0xA0 : 0x80, hi = c == 0xED ? 0x9F : 0xBF;
        else if (c >= 0xF0 && c <= 0xF4)
            len = 4, lo = c == 0xF0 ? 0x90 : 0x80, hi = c == 0xF4 ? 0x8F : 0xBF;
        if (len == 0) { // stray continuation byte, C0/C1 (overlong) or F5..FF
            out.push_back({i, 1});
            ++i;
            continue;
        }
        std::size_t k = 1;
        for (; k < len && i + k < n; ++k) {
            const auto b = static_cast<unsigned char>(text[i + k]);
            if (b < (k == 1 ? lo : 0x80) || b > (k == 1 ? hi : 0xBF)) break;
        }
        if (k == len) {
            i += len;
        } else { // the longest valid prefix is one error (Unicode's "maximal subpart" practice)
            out.push_back({i, k});
            i += k;
        }
    }
    return out;
}

std::size_t utf8_length(std::string_view text) {
    return static_cast<std::size_t>(std::count_if(text.begin(), text.end(), [](char ch) {
        return (static_cast<unsigned char>(ch) & 0xC0) != 0x80;
    }));
}

} // namespace trainer::content
