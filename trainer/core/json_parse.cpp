#include "trainer/core/json_parse.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>

namespace trainer {

namespace {

std::string without_prefix(const std::string& what) {
    if (what.starts_with("[json.exception."))
        if (auto close = what.find("] "); close != std::string::npos) return what.substr(close + 2);
    return what;
}

} // namespace

std::optional<JsonProblem> parse_json(std::string_view text, nlohmann::json& out,
                                      const std::function<void(const std::string&)>& on_top_key) {
    try {
        if (on_top_key)
            out = nlohmann::json::parse(text, [&](int depth, nlohmann::json::parse_event_t event, nlohmann::json& parsed) {
                if (depth == 1 && event == nlohmann::json::parse_event_t::key) on_top_key(parsed.get<std::string>());
                return true;
            });
        else
            out = nlohmann::json::parse(text);
        return std::nullopt;
    } catch (const nlohmann::json::parse_error& e) {
        JsonProblem p{JsonProblem::Kind::Syntax, e.what(), without_prefix(e.what()), std::string_view::npos, e.byte};
        if (e.byte > 0) p.offset = std::min(e.byte - 1, text.size());
        return p;
    } catch (const nlohmann::json::out_of_range& e) {
        // "number overflow parsing '1e999'": the literal is found in the text for its place.
        JsonProblem p{JsonProblem::Kind::NumberOutOfRange, e.what(), without_prefix(e.what()), std::string_view::npos, 0};
        const auto open = p.reason.find('\'');
        if (open != std::string::npos && p.reason.back() == '\'')
            p.offset = text.find(std::string_view(p.reason).substr(open + 1, p.reason.size() - open - 2));
        return p;
    }
}

std::string line_column(std::string_view text, std::size_t offset) {
    const auto before = text.substr(0, std::min(offset, text.size()));
    const auto nl = before.rfind('\n');
    const auto column = before.size() - (nl == std::string_view::npos ? 0 : nl + 1);
    return "line " + std::to_string(1 + std::count(before.begin(), before.end(), '\n')) + ", column " +
           std::to_string(column + 1);
}

} // namespace trainer
