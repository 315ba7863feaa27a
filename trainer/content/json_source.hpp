#pragma once
// A JSON file parsed with nlohmann AND a map from every JSON pointer to where its value starts,
// so that later checks can say "file:line:column" (nlohmann 3.11 keeps no positions).
// Also finds what nlohmann accepts or hides: invalid UTF-8 bytes and duplicate object keys.
#include "trainer/content/diagnostics.hpp"
#include "trainer/content/json_pointer.hpp"
#include "trainer/content/utf8_check.hpp"

#include <nlohmann/json_fwd.hpp>

#include <cstddef>
#include <filesystem>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace trainer::content {

struct TextPosition {
    int line = 1;   // 1-based
    int column = 1; // 1-based, counted in characters (UTF-8 sequences), not bytes
};

// Where a diagnostic points inside an object member: at its key (unknown key) or its value.
enum class Anchor { Value, Key };

class JsonSource {
  public:
    // Reads and parses a file; an unreadable file becomes a diagnostic, never an exception.
    // `display_name` is what diagnostics call the file (e.g. "content/decks/01-x.json").
    static JsonSource from_file(const std::filesystem::path& path, std::string display_name);
    // Parses text already in memory (tests, stdin).
    static JsonSource from_text(std::string text, std::string display_name);

    const std::string& file() const { return file_; }
    // True when the text is syntactically valid JSON (it may still hold bad UTF-8 bytes,
    // replaced by '?', or duplicate keys: those are in diagnostics()).
    bool parsed() const { return parsed_; }
    // The parsed document (null when it did not parse); a unit that reads it includes
    // <nlohmann/json.hpp> itself, so the many that only pass a source along stay light.
    const nlohmann::json& value() const;
    // Findings of the parse itself: unreadable file, syntax, invalid UTF-8, duplicate keys.
    const std::vector<Diagnostic>& diagnostics() const { return diagnostics_; }

    // Position of the value at `pointer` (or of its member key); a pointer that does not exist
    // resolves to its nearest existing ancestor, so "missing key" errors point at the object.
    TextPosition position_of(std::string_view pointer, Anchor anchor = Anchor::Value) const;
    TextPosition position_at_offset(std::size_t offset) const;
    // A diagnostic about this file located at `pointer`.
    Diagnostic diagnostic(Severity severity, std::string pointer, std::string message,
                          Anchor anchor = Anchor::Value) const;

  private:
    std::string file_;
    std::string text_;
    std::shared_ptr<const nlohmann::json> value_; // shared by copies, never changed once parsed
    bool parsed_ = false;
    std::vector<Diagnostic> diagnostics_;
    std::vector<std::size_t> line_starts_;
    std::unordered_map<std::string, std::size_t> value_offsets_;
    std::unordered_map<std::string, std::size_t> key_offsets_;
};

} // namespace trainer::content
