#pragma once
// One policy for text that comes from outside (CSV imports, CLI arguments, kiosk forms, events
// from other devices) and one escape for every human-readable output (issue #16, docs in
// SECURITY.md): stored text can never pass for another line of a log or for a terminal command.
//
//   Id         external ids, evaluation ids, tool ids: printable, no spaces at the ends
//   Name       names of people and teams, channels, evaluators: one line of printable text
//   Line       any other one-line field
//   MultiLine  comments, reflections, notes: may hold '\n' (a "\r\n" is read as '\n')
//
// Every kind refuses invalid UTF-8, C0 controls (NUL, ESC, ...), DEL, C1 controls and the
// Unicode bidirectional controls (U+202A-U+202E, U+2066-U+2069, U+200E/U+200F, U+061C) that can
// make a line read backwards. A Name made only of combining marks is refused as well.
#include <cstddef>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>

namespace trainer::text {

enum class Kind { Id, Name, Line, MultiLine };

// The size limit of each kind, in bytes of UTF-8 (named in the refusal).
std::size_t max_bytes(Kind kind);

// Why `value` may not be stored as a field of this kind, or nullopt when it may. The message
// names the offending character and its position ("character 4 is U+001B (a control
// character)"), or the limit ("10,000 bytes at most; this one has 1,048,576").
std::optional<std::string> problem(std::string_view value, Kind kind);
// A value refused by the policy, as an exception: "<field>: <problem>".
class TextRefused : public std::runtime_error {
  public:
    using std::runtime_error::runtime_error;
};
// Throws TextRefused naming `field` when problem() finds one (for services the kiosk calls).
void require(std::string_view value, Kind kind, std::string_view field);

// "\r\n" → "\n" (for MultiLine values read from files written on Windows).
std::string normalize_newlines(std::string_view value);

// Text for a terminal, a log line or a table cell: '\n', '\r', '\t' become "\n", "\r", "\t";
// other control and bidi characters become "\u{XXXX}"; invalid UTF-8 bytes become "\xNN".
// Printable text (Polish, Russian, emoji) is kept as is.
std::string escape_for_display(std::string_view value);

} // namespace trainer::text
