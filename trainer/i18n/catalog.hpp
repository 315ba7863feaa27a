#pragma once
// UI string catalogs (assets/i18n/<locale>.json): a flat object of key → text, or key →
// {"one": ..., "few": ..., "many": ..., "other": ...} for counted phrases. "{n}" and "{name}"
// placeholders are replaced at use. Missing text falls back to English, then to the key.
#include <filesystem>
#include <initializer_list>
#include <map>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace trainer::i18n {

using Args = std::initializer_list<std::pair<std::string_view, std::string>>;

class Catalog {
public:
    // Loads en.json, pl.json, ru.json from dir. Problems (bad JSON, wrong types, a key missing
    // from a translation, a plural form missing) are returned as messages naming file and key;
    // what loaded is still usable.
    static Catalog load(const std::filesystem::path& dir, std::vector<std::string>* problems = nullptr);

    // Text for key in locale, with {name} placeholders replaced.
    std::string text(std::string_view locale, std::string_view key, Args args = {}) const;
    // Counted text: picks the plural form for n and replaces {n} (and other placeholders).
    std::string count(std::string_view locale, std::string_view key, long long n, Args args = {}) const;
    bool has(std::string_view locale, std::string_view key) const;
    std::vector<std::string> keys(std::string_view locale) const;

    void add(std::string locale, std::string key, std::string text);
    void add_plural(std::string locale, std::string key, std::map<std::string, std::string> forms);

private:
    struct Entry {
        std::string text;
        std::map<std::string, std::string, std::less<>> forms; // plural forms when counted
    };
    const Entry* find(std::string_view locale, std::string_view key) const;
    std::map<std::string, std::map<std::string, Entry, std::less<>>, std::less<>> by_locale_;
};

// Replaces {name} placeholders.
std::string substitute(std::string_view pattern, Args args);

// A review interval as a person reads it on a button: "10 min", "3 days", "2 months" — localised
// and plural-correct (keys interval.minutes / .hours / .days / .months / .years).
std::string format_interval(const Catalog& c, std::string_view locale, long long minutes);
// The labels of several intervals side by side (a review's grade buttons): as format_interval, but
// intervals that differ and would read the same ("2 months" twice) are given in the next finer
// unit ("59 days", "68 days"), so each button says what it changes.
std::vector<std::string> format_intervals(const Catalog& c, std::string_view locale, const std::vector<long long>& minutes);

} // namespace trainer::i18n
