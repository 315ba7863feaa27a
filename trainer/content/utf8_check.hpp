#pragma once
// UTF-8 checks for content files (utf8_check.cpp). No JSON header (docs/architecture.md,
// "Light headers").
#include <cstddef>
#include <string_view>
#include <vector>

namespace trainer::content {

// An ill-formed UTF-8 sequence: its first byte and how many bytes belong to it.
struct Utf8Error {
    std::size_t offset = 0;
    std::size_t length = 1;
};
// Every ill-formed sequence in `text` (RFC 3629: no overlong forms, no surrogates, nothing
// above U+10FFFF, no truncated sequences).
std::vector<Utf8Error> find_invalid_utf8(std::string_view text);
// Number of characters (code points) in valid UTF-8 text.
std::size_t utf8_length(std::string_view text);

} // namespace trainer::content
