#pragma once
// Internal to json_source.cpp: JSON pointer -> byte offset of its value and key, and duplicate
// keys (split from json_source.cpp: one idea per file).
// Runs only over text nlohmann has already accepted, so it can be a plain recursive descent;
// it still checks bounds so that it can never read past the end.
#include "trainer/content/json_source.hpp"

#include <nlohmann/json.hpp>

#include <cstddef>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

namespace trainer::content::json_scan {

inline constexpr int kMaxScanDepth = 128; // deck files nest 5 levels deep

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
                                                  std::to_string(kMaxScanDepth) + " levels"));
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
        if (depth > kMaxScanDepth) throw DepthExceeded{};
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

} // namespace trainer::content::json_scan
