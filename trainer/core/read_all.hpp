#pragma once
// Reading a whole stream into memory.
#include <iosfwd>
#include <string>

namespace trainer {

// Everything left in `in`, read in blocks through its buffer; the stream's state is left as it was.
// (An istreambuf_iterator loop costs a call per byte: at -O0, as the sanitized test build runs,
// that was a fifth of every kiosk start, reading the fonts.)
std::string read_all(std::istream& in);

} // namespace trainer
