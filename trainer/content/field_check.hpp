#pragma once
// Typed reads of one JSON content file that report expected vs found at file:line:column (the
// format rules in content/README.md). Shared by the loaders of scorecards and local rules; kept out
// of widely included headers because it pulls in nlohmann/json.
#include "trainer/content/deck_parser.hpp"
#include "trainer/content/json_source.hpp"
#include "trainer/content/model.hpp"

#include <nlohmann/json.hpp>

#include <optional>
#include <set>
#include <string>
#include <vector>

namespace trainer::content::field_check {

using nlohmann::json;

inline std::string found(const json& v) {
    return v.is_string() ? "a string " + quoted_input(v.get<std::string>()) : describe_found(v);
}

struct Check {
    const JsonSource& src;
    std::vector<Diagnostic>& out;

    void error(const std::string& ptr, std::string msg, Anchor a = Anchor::Value) {
        out.push_back(src.diagnostic(Severity::Error, ptr, std::move(msg), a));
    }
    void warning(const std::string& ptr, std::string msg) {
        out.push_back(src.diagnostic(Severity::Warning, ptr, std::move(msg)));
    }
    bool object(const json& v, const std::string& ptr,
                const std::set<std::string, std::less<>>& allowed) {
        if (!v.is_object()) {
            error(ptr, "expected an object, found " + found(v));
            return false;
        }
        for (const auto& [key, value] : v.items())
            if (!allowed.count(key)) {
                std::string list;
                for (const auto& k : allowed)
                    list += (list.empty() ? "" : ", ") + k;
                error(pointer_append(ptr, key),
                      "unknown key " + quoted_input(key) + "; allowed keys: " + list, Anchor::Key);
            }
        return true;
    }
    const json* required(const json& obj, const std::string& ptr, const char* key) {
        if (auto it = obj.find(key); it != obj.end()) return &*it;
        error(ptr, std::string("missing required key '") + key + "'");
        return nullptr;
    }
    std::optional<std::string> text(const json& v, const std::string& ptr) {
        if (!v.is_string() || v.get_ref<const std::string&>().find_first_not_of(" \t\r\n") ==
                                  std::string::npos) {
            error(ptr, "expected a non-empty string, found " + found(v));
            return std::nullopt;
        }
        return v.get<std::string>();
    }
    std::optional<std::string> id(const json& v, const std::string& ptr) {
        auto s = text(v, ptr);
        if (s && !is_valid_id(*s)) {
            error(ptr, quoted_input(*s) + " is not a valid id: use only a-z, 0-9 and '-'");
            return std::nullopt;
        }
        return s;
    }
    std::optional<bool> boolean(const json& v, const std::string& ptr) {
        if (v.is_boolean()) return v.get<bool>();
        error(ptr, "expected true or false, found " + found(v));
        return std::nullopt;
    }
    // English required; Polish and Russian missing → warning; unknown locales → error.
    LocalText local(const json& v, const std::string& ptr, const std::string& what,
                    bool& complete) {
        LocalText t;
        if (!v.is_object()) {
            error(ptr, "expected an object of texts per locale (en, pl, ru), found " + found(v));
            complete = false;
            return t;
        }
        for (const auto& [key, value] : v.items()) {
            if (!is_supported_locale(key)) {
                error(pointer_append(ptr, key),
                      "unknown locale " + quoted_input(key) + "; supported: en, pl, ru",
                      Anchor::Key);
                continue;
            }
            if (auto s = text(value, pointer_append(ptr, key))) t.emplace(key, *s);
        }
        for (std::string_view loc : kLocales) {
            if (v.contains(loc)) continue;
            complete = false;
            if (loc == kFallbackLocale)
                error(ptr, "missing English (en) " + what + "; English is required");
            else
                warning(ptr, "no " + std::string(loc) + " " + what + "; English is shown instead");
        }
        return t;
    }
};

} // namespace trainer::content::field_check
