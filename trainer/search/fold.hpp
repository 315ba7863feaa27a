#pragma once
// Text folding for search (DESIGN §4.1): matching is case- and diacritics-insensitive in every
// locale, so `nastepny` finds `Następny`, `zamk` finds `ZAMKNIĘCIE` and `еще` finds `ещё`.
// Folding happens once per content text at index build time and once per query keystroke.
#include <cstddef>
#include <limits>
#include <string>
#include <string_view>
#include <vector>

namespace trainer::search {

// Returned by decode_utf8 for a malformed sequence.
inline constexpr char32_t kInvalidCodePoint = 0xFFFFFFFF;

// Decodes the code point starting at text[pos] and advances pos past it. A malformed, overlong,
// surrogate or truncated sequence yields kInvalidCodePoint and advances pos by one byte, so a
// caller looping until pos == text.size() always terminates. Requires pos < text.size().
char32_t decode_utf8(std::string_view text, std::size_t& pos);

// Appends the UTF-8 encoding of a valid code point.
void encode_utf8(char32_t cp, std::string& out);

enum class FoldKind {
    letter,    // part of a word; its folded form was appended
    separator, // space, punctuation, symbol or control: ends the current word
    ignored,   // combining mark, apostrophe, joiner, invalid byte: dropped inside a word
};

// Folds one code point: lowercase without diacritics ("Ą" -> "a", "Ł" -> "l", "ß" -> "ss",
// "Ё" -> "е"), appending it to `out` when it is a letter or digit.
FoldKind fold_code_point(char32_t cp, std::string& out);

struct FoldLimits {
    std::size_t max_words = std::numeric_limits<std::size_t>::max();
    // Longer words are cut at a code point boundary; a cut word still prefix-matches the original.
    std::size_t max_word_bytes = std::numeric_limits<std::size_t>::max();
};

// Splits UTF-8 text into folded words, in order. Invalid bytes are skipped, never fatal.
std::vector<std::string> fold_words(std::string_view text, const FoldLimits& limits = {});

// Hyphenated compounds of a text, joined ("e-mail" -> "email", "hand-over" -> "handover",
// "тайм-ауту" -> "таймауту"), each with the index in fold_words(text) of its first part, so an
// agent who types the word without its hyphen still meets it.
struct Compound {
    std::size_t first_word = 0;
    std::string joined;
};
std::vector<Compound> hyphen_compounds(std::string_view text);

// The folded words joined by single spaces ("Następny krok!" -> "nastepny krok").
std::string fold(std::string_view text);

} // namespace trainer::search
