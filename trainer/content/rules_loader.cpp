// [SECTION] Complaint deadline: one rule, every field checked
// [SECTION] Loader entry point (content/rules/*.json)
// [SECTION] Model lookups and the due date
//
// Local rules (format: content/README.md "Local rules"; schema: content/schema/rules.schema.json).
// Every problem of every file is reported with file:line:column; a missing Polish or Russian text
// is a warning (English is shown), everything else an error.
#include "trainer/content/json_folder.hpp"
#include "trainer/content/rules_model.hpp"

#include "trainer/content/field_reader.hpp"
#include "trainer/content/kinds.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <map>
#include <tuple>

namespace trainer::content {

namespace {

namespace fs = std::filesystem;
using nlohmann::json;

const char* const kFileKeys[] = {"complaint_deadlines"};
const char* const kRuleKeys[] = {
    "id", "country", "sector", "days", "extended_days", "silence_accepts", "title", "note", "basis"};
constexpr int kMaxDays = 365;

bool is_country(const std::string& s) {
    return s.size() == 2 && s[0] >= 'A' && s[0] <= 'Z' && s[1] >= 'A' && s[1] <= 'Z';
}

std::optional<int> day_count(FieldReader& c, const json& v, const std::string& ptr) {
    if (!v.is_number_integer() || v.get<long long>() < 1 || v.get<long long>() > kMaxDays) {
        c.error(ptr, "expected a whole number of days from 1 to " + std::to_string(kMaxDays) +
                         ", found " + FieldReader::found(v));
        return std::nullopt;
    }
    return v.get<int>();
}

// [SECTION] Complaint deadline ------------------------------------------------------------

std::optional<ComplaintDeadline> read_rule(FieldReader& c, const json& v, const std::string& ptr,
                                           bool& complete) {
    if (!c.object(v, ptr, kRuleKeys)) return std::nullopt;
    ComplaintDeadline d;
    bool ok = true;
    if (const json* j = c.required(v, ptr, "id")) {
        if (auto id = c.id(*j, ptr + "/id")) d.id = *id; else ok = false;
    } else ok = false;
    if (const json* j = c.required(v, ptr, "country")) {
        auto s = c.text(*j, ptr + "/country");
        if (s && !is_country(*s))
            c.error(ptr + "/country", "expected a two-letter upper-case country code (ISO 3166-1, "
                                      "e.g. \"PL\"), found " + FieldReader::found(*j));
        else if (s) d.country = *s;
    }
    if (const json* j = c.required(v, ptr, "sector"))
        if (auto s = c.id(*j, ptr + "/sector")) d.sector = *s;
    if (const json* j = c.required(v, ptr, "days"))
        if (auto n = day_count(c, *j, ptr + "/days")) d.days = *n;
    if (auto it = v.find("extended_days"); it != v.end()) {
        if (auto n = day_count(c, *it, ptr + "/extended_days")) {
            if (d.days > 0 && *n <= d.days)
                c.error(ptr + "/extended_days", "expected more days than 'days' (" +
                                                    std::to_string(d.days) + "), found " + FieldReader::found(*it));
            else
                d.extended_days = *n;
        }
    }
    if (auto it = v.find("silence_accepts"); it != v.end())
        if (auto b = c.boolean(*it, ptr + "/silence_accepts")) d.silence_accepts = *b;
    if (const json* j = c.required(v, ptr, "title"))
        d.title = c.local_text(*j, ptr + "/title", "rule title", complete);
    if (const json* j = c.required(v, ptr, "note"))
        d.note = c.local_text(*j, ptr + "/note", "rule note", complete);
    if (const json* j = c.required(v, ptr, "basis"))
        if (auto s = c.text(*j, ptr + "/basis")) d.basis = *s;
    if (!ok) return std::nullopt;
    return d;
}

void read_file(const JsonSource& src, LocalRules& rules, std::map<std::string, std::string>& seen,
               LoadResult& r) {
    FieldReader c{src, r.diagnostics};
    const json& v = src.value();
    if (!c.object(v, "", kFileKeys)) return;
    const json* list = c.required(v, "", "complaint_deadlines");
    if (!list) return;
    if (!list->is_array()) {
        c.error("/complaint_deadlines", "expected an array of rules, found " + FieldReader::found(*list));
        return;
    }
    for (std::size_t i = 0; i < list->size(); ++i) {
        const std::string p = pointer_append("/complaint_deadlines", i);
        bool complete = true;
        auto rule = read_rule(c, (*list)[i], p, complete);
        if (!rule) continue;
        const TextPosition at = src.position_of(p + "/id");
        const std::string where = src.file() + ":" + std::to_string(at.line) + ":" + std::to_string(at.column);
        if (auto [it, fresh] = seen.emplace(rule->id, where); !fresh) {
            c.error(p + "/id", "duplicate rule id '" + rule->id + "', already used at " + it->second);
            continue;
        }
        ++r.counts["local_rules"];
        for (std::string_view loc : kLocales)
            if (rule->title.count(loc) && rule->note.count(loc))
                ++r.complete_text["local_rules"][std::string(loc)];
        rules.complaint_deadlines.push_back(std::move(*rule));
    }
}

} // namespace

// [SECTION] Loader entry point ------------------------------------------------------------

void load_rules(const fs::path& dir, ContentSet& set, LoadResult& r) {
    const fs::path folder = dir / "rules";
    const auto listed = json_files(folder, "local rules", r.diagnostics);
    if (!listed) return;
    const std::vector<fs::path>& files = *listed;
    r.counts["local_rules"] += 0;
    for (std::string_view loc : kLocales)
        r.complete_text["local_rules"][std::string(loc)] += 0;
    auto rules = std::make_shared<LocalRules>();
    std::map<std::string, std::string> seen; // rule id → where first defined
    for (const fs::path& path : files) {
        ++r.files;
        const JsonSource src = JsonSource::from_file(path, path.string());
        const auto first = r.diagnostics.size();
        r.diagnostics.insert(r.diagnostics.end(), src.diagnostics().begin(), src.diagnostics().end());
        if (src.parsed()) read_file(src, *rules, seen, r);
        std::stable_sort(r.diagnostics.begin() + static_cast<std::ptrdiff_t>(first),
                         r.diagnostics.end(), [](const Diagnostic& a, const Diagnostic& b) {
                             return std::tie(a.line, a.column) < std::tie(b.line, b.column);
                         });
    }
    set.rules = std::move(rules);
}

// [SECTION] Model lookups and the due date ------------------------------------------------

const ComplaintDeadline* LocalRules::find(std::string_view id) const {
    for (const auto& d : complaint_deadlines)
        if (d.id == id) return &d;
    return nullptr;
}

std::vector<const ComplaintDeadline*> LocalRules::of_country(std::string_view country) const {
    std::vector<const ComplaintDeadline*> out;
    for (const auto& d : complaint_deadlines)
        if (d.country == country) out.push_back(&d);
    return out;
}

std::optional<std::string> answer_due(const ComplaintDeadline& rule, std::string_view received,
                                      bool extended) {
    using namespace std::chrono;
    int y = 0;
    unsigned m = 0, d = 0;
    if (received.size() != 10 || received[4] != '-' || received[7] != '-') return std::nullopt;
    for (std::size_t i : {0u, 1u, 2u, 3u, 5u, 6u, 8u, 9u})
        if (received[i] < '0' || received[i] > '9') return std::nullopt;
    y = std::stoi(std::string(received.substr(0, 4)));
    m = static_cast<unsigned>(std::stoi(std::string(received.substr(5, 2))));
    d = static_cast<unsigned>(std::stoi(std::string(received.substr(8, 2))));
    const year_month_day start{year{y}, month{m}, day{d}};
    if (!start.ok()) return std::nullopt;
    const int n = extended && rule.extended_days ? *rule.extended_days : rule.days;
    const year_month_day due{sys_days{start} + days{n}};
    char buf[16]; // room for any int year GCC cannot rule out; the date is checked above
    std::snprintf(buf, sizeof buf, "%04d-%02u-%02u", static_cast<int>(due.year()),
                  static_cast<unsigned>(due.month()), static_cast<unsigned>(due.day()));
    return std::string(buf);
}

} // namespace trainer::content
