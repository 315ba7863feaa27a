#include "trainer/i18n/catalog.hpp"

#include "trainer/i18n/plural.hpp"
#include "trainer/core/json_parse.hpp"
#include "trainer/core/read_all.hpp"

#include <nlohmann/json.hpp>

#include <cmath>
#include <fstream>
#include <set>

namespace trainer::i18n {

namespace {

constexpr std::string_view kLocales[] = {"en", "pl", "ru"};

} // namespace

Catalog Catalog::load(const std::filesystem::path& dir, std::vector<std::string>* problems) {
    Catalog c;
    auto report = [&](std::string msg) {
        if (problems) problems->push_back(std::move(msg));
    };
    for (std::string_view loc : kLocales) {
        const auto path = dir / (std::string(loc) + ".json");
        std::ifstream in(path, std::ios::binary);
        if (!in) {
            report(path.string() + ": cannot read the catalog");
            continue;
        }
        nlohmann::json j;
        // A key given twice keeps only its last text, silently (two screens once shared one
        // "sign.heading"): name it instead.
        std::set<std::string> seen;
        const auto note_key = [&](const std::string& key) {
            if (!seen.insert(key).second)
                report(path.string() + ": /" + key + ": the key is given twice; only its last text would be shown");
        };
        if (const auto problem = parse_json(read_all(in), j, note_key)) {
            if (problem->kind == JsonProblem::Kind::Syntax)
                report(path.string() + ": byte " + std::to_string(problem->byte) + ": not valid JSON: " + problem->what);
            else
                report(path.string() + ": a number is out of range: " + problem->what);
            continue;
        }
        if (!j.is_object()) {
            report(path.string() + ": expected an object of key → text");
            continue;
        }
        for (auto& [key, v] : j.items()) {
            if (v.is_string()) {
                c.add(std::string(loc), key, v.get<std::string>());
            } else if (v.is_object()) {
                std::map<std::string, std::string> forms;
                for (auto& [form, text] : v.items()) {
                    if (!text.is_string() ||
                        (form != "one" && form != "few" && form != "many" && form != "other")) {
                        report(path.string() + ": /" + key + "/" + form +
                               ": expected one of one/few/many/other with a string");
                        continue;
                    }
                    forms[form] = text.get<std::string>();
                }
                const bool slavic = loc == "pl" || loc == "ru";
                for (std::string_view need : slavic ? std::vector<std::string_view>{"one", "few", "many"}
                                                    : std::vector<std::string_view>{"one", "other"})
                    if (!forms.count(std::string(need)))
                        report(path.string() + ": /" + key + ": plural form '" + std::string(need) +
                               "' is missing");
                c.add_plural(std::string(loc), key, std::move(forms));
            } else {
                report(path.string() + ": /" + key + ": expected a string or plural forms, found " +
                       v.type_name());
            }
        }
    }
    for (const auto& key : c.keys("en"))
        for (std::string_view loc : kLocales)
            if (loc != "en" && !c.has(loc, key))
                report((dir / (std::string(loc) + ".json")).string() + ": /" + key +
                       ": missing translation (English is shown)");
    return c;
}

void Catalog::add(std::string locale, std::string key, std::string text) {
    by_locale_[std::move(locale)][std::move(key)] = Entry{std::move(text), {}};
}

void Catalog::add_plural(std::string locale, std::string key, std::map<std::string, std::string> forms) {
    Entry e;
    e.forms.insert(forms.begin(), forms.end());
    by_locale_[std::move(locale)][std::move(key)] = std::move(e);
}

const Catalog::Entry* Catalog::find(std::string_view locale, std::string_view key) const {
    for (std::string_view loc : {locale, std::string_view("en")}) {
        auto l = by_locale_.find(loc);
        if (l == by_locale_.end()) continue;
        if (auto it = l->second.find(key); it != l->second.end()) return &it->second;
    }
    return nullptr;
}

bool Catalog::has(std::string_view locale, std::string_view key) const {
    auto l = by_locale_.find(locale);
    return l != by_locale_.end() && l->second.find(key) != l->second.end();
}

std::vector<std::string> Catalog::keys(std::string_view locale) const {
    std::vector<std::string> out;
    if (auto l = by_locale_.find(locale); l != by_locale_.end())
        for (const auto& [k, _] : l->second) out.push_back(k);
    return out;
}

std::string Catalog::text(std::string_view locale, std::string_view key, Args args) const {
    const Entry* e = find(locale, key);
    if (!e) return std::string(key);
    if (e->text.empty() && !e->forms.empty()) return substitute(e->forms.begin()->second, args);
    return substitute(e->text, args);
}

std::string Catalog::count(std::string_view locale, std::string_view key, long long n, Args args) const {
    // The entry may come from the English fallback: pick the form by the entry's own language.
    std::string_view form_locale = has(locale, key) ? locale : std::string_view("en");
    const Entry* e = find(locale, key);
    if (!e) return std::string(key) + " " + std::to_string(n);
    std::string pattern = e->text;
    if (!e->forms.empty()) {
        const auto cat = category_name(plural_category(form_locale, n));
        auto it = e->forms.find(cat);
        if (it == e->forms.end()) it = e->forms.find(std::string_view("other"));
        if (it == e->forms.end()) it = e->forms.find(std::string_view("many"));
        pattern = it != e->forms.end() ? it->second : e->forms.begin()->second;
    }
    std::string out = substitute(pattern, args);
    return substitute(out, {{"n", std::to_string(n)}});
}

std::string substitute(std::string_view pattern, Args args) {
    std::string out;
    out.reserve(pattern.size() + 16);
    for (std::size_t i = 0; i < pattern.size();) {
        if (pattern[i] == '{') {
            const auto close = pattern.find('}', i);
            if (close != std::string_view::npos) {
                const auto name = pattern.substr(i + 1, close - i - 1);
                bool replaced = false;
                for (const auto& [k, v] : args)
                    if (k == name) {
                        out += v;
                        replaced = true;
                        break;
                    }
                if (replaced) {
                    i = close + 1;
                    continue;
                }
            }
        }
        out += pattern[i++];
    }
    return out;
}

std::string format_interval(const Catalog& c, std::string_view locale, long long minutes) {
    if (minutes < 60) return c.count(locale, "interval.minutes", std::max(1LL, minutes));
    if (minutes < 1440) return c.count(locale, "interval.hours", (minutes + 30) / 60);
    const long long days = minutes / 1440;
    if (days < 31) return c.count(locale, "interval.days", days);
    if (days < 365) return c.count(locale, "interval.months", std::llround(static_cast<double>(days) / 30.4));
    return c.count(locale, "interval.years", std::llround(static_cast<double>(days) / 365.25));
}

namespace {

// One unit finer than format_interval would choose.
std::string finer_interval(const Catalog& c, std::string_view locale, long long minutes) {
    const long long days = minutes / 1440;
    if (days >= 365) return c.count(locale, "interval.months", std::llround(static_cast<double>(days) / 30.4));
    if (days >= 31) return c.count(locale, "interval.days", days);
    if (minutes >= 1440) return c.count(locale, "interval.hours", (minutes + 30) / 60);
    return c.count(locale, "interval.minutes", std::max(1LL, minutes));
}

} // namespace

std::vector<std::string> format_intervals(const Catalog& c, std::string_view locale, const std::vector<long long>& minutes) {
    std::vector<std::string> out;
    for (long long m : minutes) out.push_back(format_interval(c, locale, m));
    std::vector<bool> finer(minutes.size(), false);
    for (std::size_t i = 0; i < minutes.size(); ++i)
        for (std::size_t j = i + 1; j < minutes.size(); ++j)
            if (out[i] == out[j] && minutes[i] != minutes[j]) finer[i] = finer[j] = true;
    for (std::size_t i = 0; i < minutes.size(); ++i)
        if (finer[i]) out[i] = finer_interval(c, locale, minutes[i]);
    return out;
}

} // namespace trainer::i18n
