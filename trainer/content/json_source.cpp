#include "trainer/content/json_source.hpp"
#include "trainer/core/json_parse.hpp"
#include "trainer/core/read_all.hpp"
#include "trainer/content/pointer_scanner.hpp"

// JsonSource: read, parse and locate (UTF-8 checks in utf8_check.cpp, JSON pointers in
// json_pointer.cpp, the pointer scanner in pointer_scanner.hpp).

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cstdio>
#include <fstream>
#include <iterator>
#include <tuple>

namespace trainer::content {

namespace {
constexpr std::size_t kMaxFileBytes = 16u << 20; // a deck is a few KB; refuse anything absurd
constexpr std::size_t kMaxUtf8Reports = 10;      // then one "and N more" line

std::string hex_byte(unsigned char b) {
    char buf[8];
    std::snprintf(buf, sizeof buf, "0x%02X", b);
    return buf;
}
} // namespace

namespace {

// nlohmann's message reads "[json.exception.parse_error.101] parse error at line 1, column 9:
// syntax error while parsing ..."; its line/column count bytes, so keep only the explanation.
std::string parse_error_reason(const std::string& what) {
    if (auto col = what.find("column "); col != std::string::npos)
        if (auto colon = what.find(": ", col); colon != std::string::npos)
            return what.substr(colon + 2);
    if (auto colon = what.find(": "); colon != std::string::npos) return what.substr(colon + 2);
    return what;
}

// nlohmann reports the last character it read, i.e. the END of an unexpected token; people look
// for its start ("title" in `"order": 1 "title"`, which lacks a comma before it).
std::size_t token_start(const std::string& t, std::size_t offset) {
    auto is_ws = [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; };
    auto is_punct = [](char c) {
        return std::string_view("{}[]:,\"").find(c) != std::string_view::npos;
    };
    std::size_t start = offset, i = 0;
    while (i <= offset && i < t.size()) {
        if (is_ws(t[i])) {
            ++i;
            continue;
        }
        start = i;
        if (t[i] == '"') {
            for (++i; i < t.size() && t[i] != '"'; ++i)
                if (t[i] == '\\') ++i;
            ++i;
        } else if (is_punct(t[i])) {
            ++i;
        } else {
            while (i < t.size() && !is_ws(t[i]) && !is_punct(t[i]))
                ++i;
        }
    }
    return start;
}

} // namespace

// JsonSource --------------------------------------------------------------------

JsonSource JsonSource::from_file(const std::filesystem::path& path, std::string display_name) {
    std::error_code ec;
    const auto size = std::filesystem::file_size(path, ec);
    auto unreadable = [&](const std::string& why) {
        JsonSource s = from_text("", display_name);
        s.diagnostics_.clear();
        s.diagnostics_.push_back({Severity::Error, std::move(display_name), 0, 0, "", why});
        return s;
    };
    if (ec) return unreadable("cannot read the file: " + ec.message());
    if (size > kMaxFileBytes)
        return unreadable("file is " + std::to_string(size) + " bytes; the limit is " +
                          std::to_string(kMaxFileBytes));
    std::ifstream in(path, std::ios::binary);
    if (!in) return unreadable("cannot open the file for reading");
    std::string text = read_all(in);
    if (in.bad()) return unreadable("read error");
    return from_text(std::move(text), std::move(display_name));
}

const nlohmann::json& JsonSource::value() const {
    static const nlohmann::json kNull; // a source made by no parse
    return value_ ? *value_ : kNull;
}

JsonSource JsonSource::from_text(std::string text, std::string display_name) {
    JsonSource s;
    s.file_ = std::move(display_name);
    s.text_ = std::move(text);
    s.line_starts_.push_back(0);
    for (std::size_t i = 0; i < s.text_.size(); ++i)
        if (s.text_[i] == '\n') s.line_starts_.push_back(i + 1);

    // Bad bytes become '?' (same length, so offsets stay true) and the parse goes on: the
    // author then sees every other error of the file in the same run.
    const auto bad = find_invalid_utf8(s.text_);
    std::string clean = s.text_;
    for (const auto& e : bad)
        std::fill_n(clean.begin() + static_cast<long>(e.offset), e.length, '?');

    auto value = std::make_shared<nlohmann::json>();
    s.value_ = value;
    if (const auto problem = parse_json(clean, *value)) {
        std::size_t offset = 0;
        std::string reason;
        if (problem->kind == JsonProblem::Kind::Syntax) {
            offset = problem->offset == std::string::npos ? 0 : problem->offset;
            reason = parse_error_reason(problem->what);
            // Inside a string (a control character, a bad escape) the exact byte is the better spot.
            if (reason.find("invalid string") == std::string::npos &&
                reason.find("end of input") == std::string::npos)
                offset = token_start(clean, offset);
        } else {
            // A number beyond a double ("1e999"): where its literal is.
            offset = std::min(problem->offset, clean.size());
            reason = problem->reason;
        }
        const TextPosition at = s.position_at_offset(offset);
        s.diagnostics_.push_back(
            {Severity::Error, s.file_, at.line, at.column, "", "invalid JSON: " + reason});
    } else {
        s.parsed_ = true;
    }

    std::vector<std::pair<std::size_t, std::size_t>> spans;
    std::vector<std::string> span_pointers;
    if (s.parsed_) {
        json_scan::PointerScanner scanner(clean, s, s.value_offsets_, s.key_offsets_, spans, span_pointers,
                               s.diagnostics_);
        scanner.run();
    }

    for (std::size_t i = 0; i < bad.size() && i < kMaxUtf8Reports; ++i) {
        const auto& e = bad[i];
        std::string pointer;
        for (std::size_t k = 0; k < spans.size(); ++k)
            if (spans[k].first <= e.offset && e.offset < spans[k].second)
                pointer = span_pointers[k];
        std::string bytes;
        for (std::size_t b = 0; b < e.length; ++b) {
            if (b > 0) bytes += ' ';
            bytes += hex_byte(static_cast<unsigned char>(s.text_[e.offset + b]));
        }
        const TextPosition at = s.position_at_offset(e.offset);
        s.diagnostics_.push_back({Severity::Error, s.file_, at.line, at.column, pointer,
                                  "invalid UTF-8 (byte" + std::string(e.length > 1 ? "s " : " ") +
                                      bytes + "); save the file as UTF-8"});
    }
    if (bad.size() > kMaxUtf8Reports)
        s.diagnostics_.push_back({Severity::Error, s.file_, 0, 0, "",
                                  "and " + std::to_string(bad.size() - kMaxUtf8Reports) +
                                      " more invalid UTF-8 sequences"});

    std::stable_sort(
        s.diagnostics_.begin(), s.diagnostics_.end(), [](const auto& a, const auto& b) {
            const bool a_whole = a.line == 0, b_whole = b.line == 0; // whole-file notes go last
            if (a_whole != b_whole) return b_whole;
            return std::tie(a.line, a.column) < std::tie(b.line, b.column);
        });
    return s;
}

TextPosition JsonSource::position_at_offset(std::size_t offset) const {
    offset = std::min(offset, text_.size());
    const auto it = std::upper_bound(line_starts_.begin(), line_starts_.end(), offset);
    const std::size_t line_index = static_cast<std::size_t>(it - line_starts_.begin()) - 1;
    const std::size_t start = line_starts_[line_index];
    const auto chars = utf8_length(std::string_view(text_).substr(start, offset - start));
    return {static_cast<int>(line_index + 1), static_cast<int>(chars + 1)};
}

TextPosition JsonSource::position_of(std::string_view pointer, Anchor anchor) const {
    std::string p(pointer);
    if (anchor == Anchor::Key)
        if (auto it = key_offsets_.find(p); it != key_offsets_.end())
            return position_at_offset(it->second);
    while (true) {
        if (auto it = value_offsets_.find(p); it != value_offsets_.end())
            return position_at_offset(it->second);
        if (p.empty()) return {1, 1};
        const auto slash = p.rfind('/');
        p.erase(slash == std::string::npos ? 0 : slash);
    }
}

Diagnostic JsonSource::diagnostic(Severity severity, std::string pointer, std::string message,
                                  Anchor anchor) const {
    const TextPosition at = position_of(pointer, anchor);
    return {severity, file_, at.line, at.column, std::move(pointer), std::move(message)};
}

} // namespace trainer::content
