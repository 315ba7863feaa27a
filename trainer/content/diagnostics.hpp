#pragma once
// A finding about an input file: where (file, line, column, JSON pointer) and what.
// Content errors refuse the whole content set; warnings (e.g. a missing translation) do not.
#include <nlohmann/json_fwd.hpp>

#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <string_view>
#include <vector>

namespace trainer::content {

enum class Severity { Error, Warning };

struct Diagnostic {
    Severity severity = Severity::Error;
    std::string file;    // as given to the loader, e.g. "content/decks/01-first-contact.json"
    int line = 0;        // 1-based; 0 when the finding is about the file as a whole
    int column = 0;      // 1-based, in characters (not bytes)
    std::string pointer; // RFC 6901 JSON pointer of the value concerned; "" = whole document
    std::string message; // what was expected and what was found

    // "file:line:column: error: /pointer: message" (the compiler-style line editors link to).
    std::string to_string() const;
};

const char* severity_name(Severity s); // "error" / "warning"

// {"severity","file","line","column","pointer","message"}
nlohmann::json to_json(const Diagnostic& d);

// Input text for a message: in single quotes, control characters escaped (a diagnostic is one
// line), cut after 60 characters.
std::string quoted_input(std::string_view text);

int count_of(const std::vector<Diagnostic>& diagnostics, Severity s);

// How a found JSON value reads in a message: "null", "true", "a number (3)", "a string", ...
std::string describe_found(const nlohmann::json& v);
// Levenshtein distance, for "did you mean" hints on unknown keys.
std::size_t edit_distance(std::string_view a, std::string_view b);
// "English (en)", "Polish (pl)", "Russian (ru)", or the code in quotes, for messages.
std::string locale_name(std::string_view locale);
// For a key not in `allowed`: "unknown key 'x' (did you mean 'y'?); allowed keys: a, b";
// nullopt when the key is allowed.
std::optional<std::string> unknown_key_problem(const std::string& key, std::span<const char* const> allowed);

} // namespace trainer::content
