#include "trainer/content/json_source.hpp"

// [SECTION] UTF-8
// [SECTION] Pointer scanner: JSON pointer -> byte offset, duplicate keys
// [SECTION] JsonSource

#include <algorithm>
#include <cstdio>
#include <fstream>
#include <iterator>
#include <tuple>

namespace trainer::content {

namespace {
constexpr std::size_t kMaxFileBytes = 16u << 20; // a deck is a few KB; refuse anything absurd
constexpr int kMaxDepth = 128;                   // deck files nest 5 levels deep
constexpr std::size_t kMaxUtf8Reports = 10;      // then one "and N more" line

std::string hex_byte(unsigned char b) {
    char buf[8];
    std::snprintf(buf, sizeof buf, "0x%02X", b);
    return buf;
}
} // namespace

// [SECTION] UTF-8 -------------------------------------------------------------------------

std::vector<Utf8Error> find_invalid_utf8(std::string_view text) {
    std::vector<Utf8Error> out;
    const std::size_t n = text.size();
    std::size_t i = 0;
    while (i < n) {
        const auto c = static_cast<unsigned char>(text[i]);
        if (c < 0x80) {
            ++i;
            continue;
        }
        std::size_t len = 0;
        unsigned char lo = 0x80, hi = 0xBF; // allowed range of the second byte
        if (c >= 0xC2 && c <= 0xDF)
            len = 2;
        else if (c >= 0xE0 && c <= 0xEF)
            len = 3, lo = c == 0xE0 ? 0xA0 : 0x80, hi = c == 0xED ? 0x9F : 0xBF;
        else if (c >= 0xF0 && c <= 0xF4)
            len = 4, lo = c == 0xF0 ? 0x90 : 0x80, hi = c == 0xF4 ? 0x8F : 0xBF;
        if (len == 0) { // stray continuation byte, C0/C1 (overlong) or F5..FF
            out.push_back({i, 1});
            ++i;
            continue;
        }
        std::size_t k = 1;
        for (; k < len && i + k < n; ++k) {
            const auto b = static_cast<unsigned char>(text[i + k]);
            if (b < (k == 1 ? lo : 0x80) || b > (k == 1 ? hi : 0xBF)) break;
        }
        if (k == len) {
            i += len;
        } else { // the longest valid prefix is one error (Unicode's "maximal subpart" practice)
            out.push_back({i, k});
            i += k;
        }
    }
    return out;
}

std::size_t utf8_length(std::string_view text) {
    return static_cast<std::size_t>(std::count_if(text.begin(), text.end(), [](char ch) {
        return (static_cast<unsigned char>(ch) & 0xC0) != 0x80;
    }));
}

std::string pointer_append(const std::string& parent, std::string_view key) {
    std::string out = parent + '/';
    for (char ch : key) {
        if (ch == '~')
            out += "~0";
        else if (ch == '/')
            out += "~1";
        else
            out += ch;
    }
    return out;
}

std::string pointer_append(const std::string& parent, std::size_t index) {
    return parent + '/' + std::to_string(index);
}

// [SECTION] Pointer scanner ---------------------------------------------------------------
// Runs only over text nlohmann has already accepted, so it can be a plain recursive descent;
// it still checks bounds so that it can never read past the end.

namespace {

struct DepthExceeded {};

class PointerScanner {
  public:
    PointerScanner(const std::string& text, const JsonSource& source,
                   std::unordered_map<std::string, std::size_t>& values,
                   std::unordered_map<std::string, std::size_t>& keys,
                   std::vector<std::pair<std::size_t, std::size_t>>& string_spans,
                   std::vector<std::string>& span_pointers, std::vector<Diagnostic>& out)
        : t_(text), source_(source), values_(values), keys_(keys), spans_(string_spans),
          span_pointers_(span_pointers), out_(out) {}

    void run() {
        if (t_.compare(0, 3, "\xEF\xBB\xBF") == 0) p_ = 3; // nlohmann skips a BOM too
        try {
            skip_ws();
            value("", 0);
        } catch (const DepthExceeded&) {
            out_.push_back(source_.diagnostic(Severity::Error, "",
                                              "values nested deeper than " +
                                                  std::to_string(kMaxDepth) + " levels"));
        }
    }

  private:
    char peek() const { return p_ < t_.size() ? t_[p_] : '\0'; }
    void skip_ws() {
        while (p_ < t_.size() &&
               (t_[p_] == ' ' || t_[p_] == '\t' || t_[p_] == '\n' || t_[p_] == '\r'))
            ++p_;
    }

    // Returns the decoded key of the string token starting at p_ and moves past it.
    std::string string_token(const std::string& pointer) {
        const std::size_t begin = p_;
        ++p_; // opening quote
        while (p_ < t_.size() && t_[p_] != '"')
            p_ += t_[p_] == '\\' ? 2 : 1;
        p_ = std::min(p_ + 1, t_.size());
        spans_.emplace_back(begin, p_);
        span_pointers_.push_back(pointer);
        // Most tokens are plain text: their bytes between the quotes are the string. Only a
        // token with escapes (\u00e9, \") or raw control bytes needs nlohmann to decode it.
        const bool closed = p_ - begin >= 2 && t_[p_ - 1] == '"';
        if (closed && std::none_of(t_.begin() + static_cast<std::ptrdiff_t>(begin + 1),
                                   t_.begin() + static_cast<std::ptrdiff_t>(p_ - 1), [](char c) {
                                       return c == '\\' || static_cast<unsigned char>(c) < 0x20;
                                   }))
            return t_.substr(begin + 1, p_ - begin - 2);
        try {
            return nlohmann::json::parse(t_.substr(begin, p_ - begin)).get<std::string>();
        } catch (const nlohmann::json::exception&) {
            return t_.substr(begin + 1, p_ - begin - 2);
        }
    }

    void value(const std::string& pointer, int depth) {
        if (depth > kMaxDepth) throw DepthExceeded{};
        values_[pointer] = p_; // a duplicate key overwrites: nlohmann keeps the last one too
        switch (peek()) {
        case '{':
            object(pointer, depth);
            break;
        case '[':
            array(pointer, depth);
            break;
        case '"':
            string_token(pointer);
            break;
        default:
            while (p_ < t_.size() && std::string_view("+-.0123456789eEtruefalsn").find(t_[p_]) !=
                                         std::string_view::npos)
                ++p_;
        }
    }

    void object(const std::string& pointer, int depth) {
        std::unordered_map<std::string, std::size_t> seen; // key -> offset of its first use
        ++p_;
        skip_ws();
        while (p_ < t_.size() && peek() == '"') {
            const std::size_t key_at = p_;
            std::string key = string_token(pointer); // bad bytes in a key belong to the object
            const std::string member = pointer_append(pointer, key);
            if (auto [it, fresh] = seen.emplace(key, key_at); !fresh) {
                const TextPosition first = source_.position_at_offset(it->second);
                Diagnostic d = source_.diagnostic(
                    Severity::Error, member,
                    "duplicate key " + quoted_input(key) + " (also at line " +
                        std::to_string(first.line) + ", column " + std::to_string(first.column) +
                        "); only one may be given");
                const TextPosition here = source_.position_at_offset(key_at);
                d.line = here.line, d.column = here.column;
                out_.push_back(std::move(d));
            }
            keys_[member] = key_at;
            skip_ws();
            if (peek() == ':') ++p_;
            skip_ws();
            value(member, depth + 1);
            skip_ws();
            if (peek() == ',') ++p_;
            skip_ws();
        }
        if (peek() == '}') ++p_;
    }

    void array(const std::string& pointer, int depth) {
        ++p_;
        skip_ws();
        for (std::size_t i = 0; p_ < t_.size() && peek() != ']'; ++i) {
            const std::size_t before = p_;
            value(pointer_append(pointer, i), depth + 1);
            skip_ws();
            if (peek() == ',') ++p_;
            skip_ws();
            if (p_ == before) break; // cannot happen on valid JSON; never loop forever
        }
        if (peek() == ']') ++p_;
    }

    const std::string& t_;
    const JsonSource& source_;
    std::unordered_map<std::string, std::size_t>& values_;
    std::unordered_map<std::string, std::size_t>& keys_;
    std::vector<std::pair<std::size_t, std::size_t>>& spans_;
    std::vector<std::string>& span_pointers_;
    std::vector<Diagnostic>& out_;
    std::size_t p_ = 0;
};

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

// [SECTION] JsonSource --------------------------------------------------------------------

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
    std::string text{std::istreambuf_iterator<char>(in), {}};
    if (in.bad()) return unreadable("read error");
    return from_text(std::move(text), std::move(display_name));
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

    try {
        s.value_ = nlohmann::json::parse(clean);
        s.parsed_ = true;
    } catch (const nlohmann::json::parse_error& e) {
        std::size_t offset = e.byte > 0 ? std::min<std::size_t>(e.byte - 1, s.text_.size()) : 0;
        const std::string reason = parse_error_reason(e.what());
        // Inside a string (a control character, a bad escape) the exact byte is the better spot.
        if (reason.find("invalid string") == std::string::npos &&
            reason.find("end of input") == std::string::npos)
            offset = token_start(clean, offset);
        const TextPosition at = s.position_at_offset(offset);
        s.diagnostics_.push_back(
            {Severity::Error, s.file_, at.line, at.column, "", "invalid JSON: " + reason});
    } catch (const nlohmann::json::out_of_range& e) {
        // A number beyond a double ("1e999"): nlohmann names the literal but not where it is.
        std::string reason = e.what();
        if (auto close = reason.find("] "); close != std::string::npos)
            reason = reason.substr(close + 2);
        std::size_t offset = 0;
        if (auto open = reason.find('\''); open != std::string::npos && reason.back() == '\'')
            offset = std::min(clean.find(reason.substr(open + 1, reason.size() - open - 2)),
                              clean.size());
        const TextPosition at = s.position_at_offset(offset);
        s.diagnostics_.push_back(
            {Severity::Error, s.file_, at.line, at.column, "", "invalid JSON: " + reason});
    }

    std::vector<std::pair<std::size_t, std::size_t>> spans;
    std::vector<std::string> span_pointers;
    if (s.parsed_) {
        PointerScanner scanner(clean, s, s.value_offsets_, s.key_offsets_, spans, span_pointers,
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
