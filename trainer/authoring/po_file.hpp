#pragma once
// gettext PO files for the translator round trip (content/README.md, "Translating with PO
// files"): one entry per card text, msgctxt "card-id|field", msgid the English source, msgstr
// the translation; a header naming this project so a file for another one is refused.
#include "trainer/authoring/deck_files.hpp"
#include "trainer/authoring/grid.hpp"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace trainer::authoring {

inline constexpr std::string_view kPoProject = "trainer-content-cards";

// The PO file for `lang` ("pl" or "ru"); AuthoringError for another locale.
std::string to_po(const DeckFiles& decks, std::string_view lang);

struct PoEntry {
    std::size_t line = 0; // where the entry's first keyword is
    bool fuzzy = false;
    std::optional<std::string> msgctxt;
    std::string msgid;
    std::optional<std::string> msgid_plural;
    std::string msgstr;                   // without msgid_plural
    std::vector<std::string> msgstr_plural; // msgstr[0], msgstr[1], …
};

struct PoFile {
    std::vector<PoEntry> entries; // the header (msgid "") excluded
    std::string header;           // the header entry's msgstr
    std::size_t header_line = 0;
    // A header field ("Language"), or "" when absent.
    std::string header_field(std::string_view name) const;
};

// Parses PO text; syntax problems ("file.po:12: …") are appended to `findings`.
PoFile parse_po(const std::string& file, std::string_view text, std::vector<Finding>& findings);

// A PO string literal's body (escapes for \, ", newline, tab).
std::string po_escape(std::string_view text);

} // namespace trainer::authoring
