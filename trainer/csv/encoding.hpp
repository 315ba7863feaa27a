#pragma once
// Text files as people have them: what Excel writes on Polish or Russian Windows (CP1250, CP1251),
// "Unicode text" (UTF-16 with a BOM), and UTF-8 with or without a BOM. Detection, or a declared
// encoding; the result is always UTF-8. A file declared UTF-8 that is not is refused with the
// line and byte of the first bad sequence and a hint at what it probably is.
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>

namespace trainer::csv {

class EncodingError : public std::runtime_error {
  public:
    using std::runtime_error::runtime_error;
};

struct Decoded {
    std::string text;     // UTF-8 (a UTF-8 BOM is kept for the CSV reader to skip)
    std::string encoding; // "utf-8", "cp1250", "cp1251", "utf-16le", "utf-16be"
    bool detected = false;
};

// The canonical name of an --encoding value ("windows-1250", "CP1250" → "cp1250"), or nullopt
// for one we do not read.
std::optional<std::string> encoding_name(std::string_view declared);

// Converts `bytes` to UTF-8. `declared` empty: detect (UTF-16 by its BOM, valid UTF-8 as is,
// otherwise CP1250 or CP1251 by which letters the high bytes make). EncodingError naming `source`.
Decoded decode(std::string_view bytes, const std::string& declared, const std::string& source);

} // namespace trainer::csv
