#include "trainer/search/fold.hpp"

namespace trainer::search {
namespace {

// U+00C0..U+00FF. Empty entries (×, ÷) are separators.
constexpr std::string_view kLatin1[64] = {
    "a", "a", "a", "a", "a", "a", "ae", "c", "e", "e", "e", "e", "i", "i", "i",  "i",  // C0
    "d", "n", "o", "o", "o", "o", "o",  "",  "o", "u", "u", "u", "u", "y", "th", "ss", // D0
    "a", "a", "a", "a", "a", "a", "ae", "c", "e", "e", "e", "e", "i", "i", "i",  "i",  // E0
    "d", "n", "o", "o", "o", "o", "o",  "",  "o", "u", "u", "u", "u", "y", "th", "y",  // F0
};

// U+0100..U+017F (Latin Extended-A: Polish, Czech, Hungarian, Baltic, Turkish...), base letter of
// each code point. U+0132/0133 (ĳ) and U+0152/0153 (œ) fold to two letters, handled apart.
constexpr std::string_view kLatinExtA = "aaaaaa"       // 0100 Ā ā Ă ă Ą ą
                                        "cccccccc"     // 0106 Ć ć Ĉ ĉ Ċ ċ Č č
                                        "dddd"         // 010E Ď ď Đ đ
                                        "eeeeeeeeee"   // 0112 Ē ē Ĕ ĕ Ė ė Ę ę Ě ě
                                        "gggggggg"     // 011C Ĝ ĝ Ğ ğ Ġ ġ Ģ ģ
                                        "hhhh"         // 0124 Ĥ ĥ Ħ ħ
                                        "iiiiiiiiii"   // 0128 Ĩ ĩ Ī ī Ĭ ĭ Į į İ ı
                                        "ii"           // 0132 Ĳ ĳ (see above)
                                        "jj"           // 0134 Ĵ ĵ
                                        "kkk"          // 0136 Ķ ķ ĸ
                                        "llllllllll"   // 0139 Ĺ ĺ Ļ ļ Ľ ľ Ŀ ŀ Ł ł
                                        "nnnnnnnnn"    // 0143 Ń ń Ņ ņ Ň ň ŉ Ŋ ŋ
                                        "oooooo"       // 014C Ō ō Ŏ ŏ Ő ő
                                        "oo"           // 0152 Œ œ (see above)
                                        "rrrrrr"       // 0154 Ŕ ŕ Ŗ ŗ Ř ř
                                        "ssssssss"     // 015A Ś ś Ŝ ŝ Ş ş Š š
                                        "tttttt"       // 0162 Ţ ţ Ť ť Ŧ ŧ
                                        "uuuuuuuuuuuu" // 0168 Ũ ũ Ū ū Ŭ ŭ Ů ů Ű ű Ų ų
                                        "ww"           // 0174 Ŵ ŵ
                                        "yyy"          // 0176 Ŷ ŷ Ÿ
                                        "zzzzzz"       // 0179 Ź ź Ż ż Ž ž
                                        "s";           // 017F ſ
static_assert(kLatinExtA.size() == 0x80);

// Lowercase Cyrillic after case folding; the letters that are a base letter plus a mark fold to
// the base letter, as people type them without the mark (ё -> е above all, in Russian).
char32_t fold_cyrillic_lower(char32_t cp) {
    switch (cp) {
    case 0x0450: // ѐ
    case 0x0451: // ё
        return 0x0435;
    case 0x0453:
        return 0x0433; // ѓ -> г
    case 0x0457:
        return 0x0456; // ї -> і
    case 0x045C:
        return 0x043A; // ќ -> к
    case 0x045D:
        return 0x0438; // ѝ -> и
    case 0x0491:
        return 0x0433; // ґ -> г (Ukrainian; usually typed as г)
    default:
        return cp;
    }
}

// Cyrillic and Cyrillic Supplement, U+0400..U+052F. Returns 0 for a separator, 1 for a mark.
char32_t fold_cyrillic(char32_t cp) {
    if (cp <= 0x040F) return fold_cyrillic_lower(cp + 0x50);
    if (cp <= 0x042F) return cp + 0x20;
    if (cp <= 0x045F) return fold_cyrillic_lower(cp);
    if (cp == 0x0482) return 0;                 // ҂ thousands sign
    if (cp >= 0x0483 && cp <= 0x0489) return 1; // combining titlo and friends
    if (cp == 0x04C0) return 0x04CF;            // Ӏ palochka
    if (cp >= 0x04C1 && cp <= 0x04CE) return (cp % 2 == 1) ? cp + 1 : cp;
    if (cp == 0x04CF) return cp;
    // The rest comes in (upper, lower) pairs starting on an even code point.
    char32_t lower = (cp % 2 == 0) ? cp + 1 : cp;
    return fold_cyrillic_lower(lower);
}

FoldKind classify_other(char32_t cp) {
    if (cp <= 0x00BF) return cp == 0x00AD ? FoldKind::ignored : FoldKind::separator; // soft hyphen
    if (cp >= 0x02B0 && cp <= 0x036F) return FoldKind::ignored; // modifier letters, combining marks
    if (cp >= 0x1AB0 && cp <= 0x1AFF) return FoldKind::ignored; // combining marks extended
    if (cp >= 0x1DC0 && cp <= 0x1DFF) return FoldKind::ignored; // combining marks supplement
    if (cp >= 0x2000 && cp <= 0x206F) {
        if (cp == 0x2019) return FoldKind::ignored;                 // ’ used as an apostrophe
        if (cp >= 0x200C && cp <= 0x200F) return FoldKind::ignored; // joiners, direction marks
        if (cp >= 0x2060) return FoldKind::ignored;                 // invisible operators
        return FoldKind::separator;
    }
    if (cp >= 0x20D0 && cp <= 0x20FF) return FoldKind::ignored;     // combining marks for symbols
    if (cp >= 0x2070 && cp <= 0x2BFF) return FoldKind::separator;   // symbols, arrows, math, boxes
    if (cp >= 0x2E00 && cp <= 0x2E7F) return FoldKind::separator;   // supplemental punctuation
    if (cp >= 0x3000 && cp <= 0x303F) return FoldKind::separator;   // CJK punctuation
    if (cp >= 0xE000 && cp <= 0xF8FF) return FoldKind::separator;   // private use
    if (cp >= 0xFE00 && cp <= 0xFE0F) return FoldKind::ignored;     // variation selectors
    if (cp >= 0xFE20 && cp <= 0xFE2F) return FoldKind::ignored;     // combining half marks
    if (cp >= 0xFE10 && cp <= 0xFE6F) return FoldKind::separator;   // vertical and small forms
    if (cp == 0xFEFF) return FoldKind::ignored;                     // byte order mark
    if (cp >= 0xFFF0 && cp <= 0xFFFF) return FoldKind::separator;   // specials
    if (cp >= 0x1F000 && cp <= 0x1FAFF) return FoldKind::separator; // emoji and pictographs
    if (cp >= 0xE0000 && cp <= 0xE0FFF) return FoldKind::ignored;   // tags, variation selectors
    return FoldKind::letter;
}

} // namespace

char32_t decode_utf8(std::string_view text, std::size_t& pos) {
    const auto b0 = static_cast<unsigned char>(text[pos]);
    if (b0 < 0x80) {
        ++pos;
        return b0;
    }
    // Sequence length, payload bits of the lead byte, and the smallest code point that needs
    // this length (anything below is an overlong encoding).
    std::size_t len = 0;
    char32_t cp = 0, min = 0;
    if (b0 >= 0xC2 && b0 <= 0xDF) {
        len = 2;
        cp = b0 & 0x1F;
        min = 0x80;
    } else if ((b0 & 0xF0) == 0xE0) {
        len = 3;
        cp = b0 & 0x0F;
        min = 0x800;
    } else if (b0 >= 0xF0 && b0 <= 0xF4) {
        len = 4;
        cp = b0 & 0x07;
        min = 0x10000;
    } else {
        ++pos;
        return kInvalidCodePoint;
    }
    if (text.size() - pos < len) {
        ++pos;
        return kInvalidCodePoint;
    }
    for (std::size_t k = 1; k < len; ++k) {
        const auto c = static_cast<unsigned char>(text[pos + k]);
        if ((c & 0xC0) != 0x80) {
            ++pos;
            return kInvalidCodePoint;
        }
        cp = (cp << 6) | (c & 0x3F);
    }
    if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
        ++pos;
        return kInvalidCodePoint;
    }
    pos += len;
    return cp;
}

void encode_utf8(char32_t cp, std::string& out) {
    if (cp < 0x80) {
        out += static_cast<char>(cp);
    } else if (cp < 0x800) {
        out += static_cast<char>(0xC0 | (cp >> 6));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
        out += static_cast<char>(0xE0 | (cp >> 12));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else {
        out += static_cast<char>(0xF0 | (cp >> 18));
        out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    }
}

FoldKind fold_code_point(char32_t cp, std::string& out) {
    if (cp == kInvalidCodePoint) return FoldKind::ignored;
    if (cp < 0x80) {
        const char c = static_cast<char>(cp);
        if (c >= 'a' && c <= 'z')
            out += c;
        else if (c >= 'A' && c <= 'Z')
            out += static_cast<char>(c - 'A' + 'a');
        else if (c >= '0' && c <= '9')
            out += c;
        else if (c == '\'')
            return FoldKind::ignored; // "customer's" stays one word
        else
            return FoldKind::separator;
        return FoldKind::letter;
    }
    if (cp >= 0x00C0 && cp <= 0x00FF) {
        const std::string_view s = kLatin1[cp - 0x00C0];
        if (s.empty()) return FoldKind::separator;
        out += s;
        return FoldKind::letter;
    }
    if (cp >= 0x0100 && cp <= 0x017F) {
        if (cp == 0x0132 || cp == 0x0133)
            out += "ij";
        else if (cp == 0x0152 || cp == 0x0153)
            out += "oe";
        else
            out += kLatinExtA[cp - 0x0100];
        return FoldKind::letter;
    }
    if (cp >= 0x0218 && cp <= 0x021B) { // Romanian Ș ș Ț ț
        out += cp <= 0x0219 ? 's' : 't';
        return FoldKind::letter;
    }
    if (cp >= 0x0400 && cp <= 0x052F) {
        const char32_t f = fold_cyrillic(cp);
        if (f == 0) return FoldKind::separator;
        if (f == 1) return FoldKind::ignored;
        encode_utf8(f, out);
        return FoldKind::letter;
    }
    if (cp >= 0xFF01 && cp <= 0xFF5E) { // fullwidth ASCII, as typed with some input methods
        return fold_code_point(cp - 0xFF01 + 0x21, out);
    }
    const FoldKind kind = classify_other(cp);
    if (kind == FoldKind::letter) encode_utf8(cp, out);
    return kind;
}

std::vector<std::string> fold_words(std::string_view text, const FoldLimits& limits) {
    std::vector<std::string> words;
    if (limits.max_words == 0) return words;
    std::string word;
    bool full = false; // the current word reached max_word_bytes: the rest of it is dropped
    std::size_t pos = 0;
    auto finish = [&] {
        if (!word.empty()) words.push_back(std::move(word));
        word.clear();
        full = false;
        return words.size() >= limits.max_words;
    };
    while (pos < text.size()) {
        const char32_t cp = decode_utf8(text, pos);
        if (full) {
            std::string scratch;
            if (fold_code_point(cp, scratch) == FoldKind::separator && finish()) return words;
            continue;
        }
        const std::size_t before = word.size();
        const FoldKind kind = fold_code_point(cp, word);
        if (kind == FoldKind::separator) {
            if (finish()) return words;
        } else if (word.size() > limits.max_word_bytes) {
            word.resize(before); // never cut inside a code point's encoding
            full = true;
        }
    }
    finish();
    return words;
}

std::vector<Compound> hyphen_compounds(std::string_view text) {
    std::vector<Compound> out;
    std::string word;
    Compound current;
    std::size_t parts = 0, index = 0; // parts of the current compound; words so far
    auto end_compound = [&] {
        if (parts >= 2) out.push_back(std::move(current));
        current = {};
        parts = 0;
    };
    auto end_word = [&] {
        if (parts == 0) current.first_word = index;
        current.joined += word;
        word.clear();
        ++parts;
        ++index;
    };
    for (std::size_t pos = 0; pos < text.size();) {
        const char32_t cp = decode_utf8(text, pos);
        if (fold_code_point(cp, word) != FoldKind::separator) continue;
        const bool hyphen = cp == U'-' || cp == U'\u2010' || cp == U'\u2011';
        if (word.empty()) {
            end_compound(); // "word - word", "word-" then a space
            continue;
        }
        end_word();
        if (!hyphen) end_compound();
    }
    if (!word.empty()) end_word();
    end_compound();
    return out;
}

std::string fold(std::string_view text) {
    std::string out;
    for (const auto& w : fold_words(text)) {
        if (!out.empty()) out += ' ';
        out += w;
    }
    return out;
}

} // namespace trainer::search
