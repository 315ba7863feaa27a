#pragma once
// Parsing JSON text that comes from outside (a file, an imported event, a payload): the one place
// that turns nlohmann's two failures into one report. A syntax error is a parse_error, but a number
// beyond a double ("1e999") is an out_of_range that names the literal and not where it is; every
// reader must refuse both (bench/results.md, fuzzing). The callers word the message for their
// input (a config file, an events file line, a content file's line and column).
#include <nlohmann/json_fwd.hpp>

#include <cstddef>
#include <functional>
#include <optional>
#include <string>
#include <string_view>

namespace trainer {

struct JsonProblem {
    enum class Kind { Syntax, NumberOutOfRange };
    Kind kind = Kind::Syntax;
    std::string what;    // nlohmann's message, e.g. "[json.exception.parse_error.101] parse error at ..."
    std::string reason;  // the same without its "[json.exception....] " prefix
    std::size_t offset = std::string_view::npos; // 0-based byte where it is; npos: not found
    // Syntax: nlohmann's last byte read, 1-based (the END of an unexpected token; 0 before the start).
    std::size_t byte = 0;
};

// Parses `text` into `out`; nullopt when it is JSON, else what is wrong (out is then unchanged).
// on_top_key, when given, is called with each key of the top-level object as it is read (the
// catalogues report a key given twice).
std::optional<JsonProblem> parse_json(std::string_view text, nlohmann::json& out,
                                      const std::function<void(const std::string&)>& on_top_key = {});

// "line L, column C" of a 0-based byte offset (columns count bytes from 1).
std::string line_column(std::string_view text, std::size_t offset);

} // namespace trainer
