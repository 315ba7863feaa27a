#include "trainer/content/field_reader.hpp"

#include "trainer/content/deck_parser.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <climits>

namespace trainer::content {

using nlohmann::json;

namespace {


bool is_blank(std::string_view s) {
    return std::all_of(s.begin(), s.end(),
                       [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; });
}


} // namespace


void FieldReader::error(const std::string& pointer, std::string message, Anchor anchor) {
    out_.push_back(source_.diagnostic(Severity::Error, pointer, std::move(message), anchor));
}

void FieldReader::warning(const std::string& pointer, std::string message) {
    out_.push_back(source_.diagnostic(Severity::Warning, pointer, std::move(message)));
}

bool FieldReader::object(const json& v, const std::string& pointer,
                         std::span<const char* const> allowed) {
    if (!v.is_object()) {
        error(pointer, "expected an object, found " + describe_found(v));
        return false;
    }
    for (const auto& [key, value] : v.items())
        if (auto problem = unknown_key_problem(key, allowed))
            error(pointer_append(pointer, key), std::move(*problem), Anchor::Key);
    return true;
}

const json* FieldReader::required(const json& obj, const std::string& pointer,
                                       const char* key) {
    if (auto it = obj.find(key); it != obj.end()) return &*it;
    error(pointer, std::string("missing required key '") + key + "'");
    return nullptr;
}

const json* FieldReader::array(const json& v, const std::string& pointer,
                                    const std::string& of_what, std::size_t min_size,
                                    std::size_t max_size) {
    const std::string range = max_size == static_cast<std::size_t>(-1)
                                  ? (min_size == 1 ? "one or more" : "at least " + std::to_string(min_size))
                                  : min_size == max_size ? std::to_string(min_size)
                                  : std::to_string(min_size) + " to " + std::to_string(max_size);
    if (!v.is_array()) {
        error(pointer, "expected an array of " + range + " " + of_what + ", found " + describe_found(v));
        return nullptr;
    }
    if (v.size() < min_size || v.size() > max_size)
        error(pointer, "expected " + range + " " + of_what + ", found " + std::to_string(v.size()));
    return &v;
}

std::optional<std::string> FieldReader::text(const json& v, const std::string& pointer) {
    if (!v.is_string()) {
        error(pointer, "expected a string, found " + describe_found(v));
        return std::nullopt;
    }
    const auto& s = v.get_ref<const std::string&>();
    if (is_blank(s)) {
        error(pointer, "expected a non-empty string, found an empty one");
        return std::nullopt;
    }
    return s;
}

std::optional<std::string> FieldReader::id(const json& v, const std::string& pointer) {
    auto s = text(v, pointer);
    if (s && !is_valid_id(*s)) {
        error(pointer, quoted_input(*s) + " is not a valid id: use only a-z, 0-9 and '-'");
        return std::nullopt;
    }
    return s;
}

std::optional<int> FieldReader::integer(const json& v, const std::string& pointer,
                                             int minimum, int maximum) {
    long long n = LLONG_MIN; // stays out of range for non-integers and huge values
    if (v.is_number_unsigned())
        n = v.get<unsigned long long>() <= INT_MAX ? v.get<long long>() : LLONG_MIN;
    else if (v.is_number_integer())
        n = v.get<long long>();
    if (n < minimum || n > maximum) {
        const std::string range = maximum == INT_MAX
                                      ? ">= " + std::to_string(minimum)
                                      : std::to_string(minimum) + ".." + std::to_string(maximum);
        error(pointer, "expected an integer " + range + ", found " + describe_found(v));
        return std::nullopt;
    }
    return static_cast<int>(n);
}

std::optional<double> FieldReader::fraction(const json& v, const std::string& pointer) {
    if (!v.is_number() || v.get<double>() < 0.0 || v.get<double>() > 1.0) {
        error(pointer, "expected a number from 0 to 1, found " + describe_found(v));
        return std::nullopt;
    }
    return v.get<double>();
}

std::optional<bool> FieldReader::boolean(const json& v, const std::string& pointer) {
    if (!v.is_boolean()) {
        error(pointer, "expected true or false, found " + describe_found(v));
        return std::nullopt;
    }
    return v.get<bool>();
}

bool FieldReader::locales(const json& v, const std::string& pointer, const std::string& what) {
    if (!v.is_object()) {
        error(pointer, "expected an object of texts per locale (en, pl, ru), found " + describe_found(v));
        return false;
    }
    for (const auto& [key, value] : v.items())
        if (!is_supported_locale(key))
            error(pointer_append(pointer, key),
                  "unknown locale " + quoted_input(key) + "; supported: en, pl, ru", Anchor::Key);
    for (std::string_view locale : kLocales) {
        if (v.contains(locale)) continue;
        if (locale == kFallbackLocale)
            error(pointer, "missing English (en) " + what + "; English is required");
        else
            warning(pointer, "no " + locale_name(locale) + " " + what + "; English is shown instead");
    }
    return true;
}

LocalText FieldReader::local_text(const json& v, const std::string& pointer,
                                  const std::string& what, std::vector<std::string>& complete) {
    LocalText out;
    if (!locales(v, pointer, what)) {
        complete.clear();
        return out;
    }
    for (std::string_view locale : kLocales) {
        auto it = v.find(locale);
        std::optional<std::string> s;
        if (it != v.end()) s = text(*it, pointer_append(pointer, locale));
        if (s)
            out.emplace(locale, *s);
        else
            complete.erase(std::remove(complete.begin(), complete.end(), locale), complete.end());
    }
    return out;
}

LocalText FieldReader::local_text(const json& v, const std::string& pointer,
                                  const std::string& what, bool& complete) {
    std::vector<std::string> locales(std::begin(kLocales), std::end(kLocales));
    LocalText out = local_text(v, pointer, what, locales);
    if (locales.size() != std::size(kLocales)) complete = false;
    return out;
}

std::string FieldReader::found(const json& v) {
    return v.is_string() ? "a string " + quoted_input(v.get<std::string>()) : describe_found(v);
}

LocalText FieldReader::local_member(const json& obj, const std::string& pointer,
                                         const char* key, const std::string& what,
                                         std::vector<std::string>& complete) {
    if (const json* j = required(obj, pointer, key))
        return local_text(*j, pointer_append(pointer, key), what, complete);
    complete.clear();
    return {};
}

std::vector<std::pair<std::string, std::string>>
FieldReader::id_list(const json& v, const std::string& pointer, const std::string& of_what) {
    std::vector<std::pair<std::string, std::string>> out;
    if (!v.is_array()) {
        error(pointer, "expected an array of " + of_what + ", found " + describe_found(v));
        return out;
    }
    for (std::size_t i = 0; i < v.size(); ++i) {
        const std::string p = pointer_append(pointer, i);
        auto s = id(v[i], p);
        if (!s) continue;
        if (std::any_of(out.begin(), out.end(), [&](const auto& x) { return x.first == *s; }))
            error(p, "'" + *s + "' is listed twice");
        else
            out.emplace_back(*s, p);
    }
    return out;
}

} // namespace trainer::content
