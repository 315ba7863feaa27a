#include "trainer/quality/motivation_export.hpp"

#include "trainer/quality/scoring.hpp"

#include <nlohmann/json.hpp>

#include "trainer/i18n/format.hpp"

#include <algorithm>
#include <charconv>
#include <cstdio>

namespace trainer::quality {

namespace {

std::string opt(const std::optional<double>& v, char mark) {
    return v ? csv_number(*v, mark) : "";
}

nlohmann::json opt_json(const std::optional<double>& v) {
    return v ? nlohmann::json(*v) : nlohmann::json(nullptr);
}

} // namespace

std::string csv_cell(std::string_view text, char sep, bool is_text) {
    std::string s(text);
    if (is_text && !s.empty() && (s[0] == '=' || s[0] == '+' || s[0] == '-' || s[0] == '@' || s[0] == '\t' ||
                       s[0] == '\r'))
        s.insert(s.begin(), '\'');
    if (s.find_first_of(std::string{sep, '"', '\n', '\r'}) == std::string::npos) return s;
    std::string q = "\"";
    for (char c : s) {
        if (c == '"') q += '"';
        q += c;
    }
    return q + "\"";
}

std::string csv_number(double v, char decimal_mark) {
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.2f", round2(v));
    std::string s = buf;
    // Trailing zeros are noise for payroll ("85.50" → "85.5", "90.00" → "90").
    while (s.find('.') != std::string::npos && (s.back() == '0' || s.back() == '.')) {
        const bool dot = s.back() == '.';
        s.pop_back();
        if (dot) break;
    }
    if (s == "-0") s = "0";
    for (char& c : s)
        if (c == '.') c = decimal_mark;
    return s;
}

namespace {

// A reason's value as the reader writes it: the period in words ("listopad 2026"), a percentage
// with the locale's sign and decimal mark ("85,5 %" ru, "85,5%" pl); anything else as it is.
std::string localised_arg(const std::string& name, const std::string& value, std::string_view locale) {
    if (name == "period") return i18n::format_period_label(value, locale);
    if (name != "quality" && name != "gate") return value;
    double v = 0;
    const auto [end, ec] = std::from_chars(value.data(), value.data() + value.size(), v);
    if (ec != std::errc() || end != value.data() + value.size()) return value;
    const auto dot = value.find('.');
    const int decimals = dot == std::string::npos ? 0 : static_cast<int>(value.size() - dot - 1);
    return i18n::format_percent(v, decimals, locale);
}

} // namespace

std::string reason_text(const Reason& r, const i18n::Catalog* catalog, std::string_view locale) {
    const std::string key = "motivation.reason." + r.code;
    if (!catalog || !catalog->has("en", key)) return r.text;
    std::string text = catalog->text(locale, key);
    for (const auto& [name, value] : r.args)
        text = i18n::substitute(text, {{name, localised_arg(name, value, locale)}});
    return text;
}

namespace {

// Each reason once, in the reader's language, joined for one cell.
std::string reasons_cell(const MotivationRow& r, const i18n::Catalog* catalog, std::string_view locale) {
    std::vector<std::string> seen;
    std::string out;
    for (const auto& x : r.reasons) {
        std::string t = reason_text(x, catalog, locale);
        if (std::find(seen.begin(), seen.end(), t) != seen.end()) continue;
        out += (out.empty() ? "" : "; ") + t;
        seen.push_back(std::move(t));
    }
    return out;
}

// Columns 4..11 hold numbers (evaluations .. motivation_index).
bool is_number_column(std::size_t i) { return i >= 4 && i <= 11; }

} // namespace

std::string motivation_csv(const MotivationReport& rep, char sep, const i18n::Catalog* catalog,
                           std::string_view locale) {
    const char mark = sep == ',' ? '.' : ',';
    std::string out = "\xEF\xBB\xBF";
    auto line = [&](const std::vector<std::string>& cells, bool header) {
        for (std::size_t i = 0; i < cells.size(); ++i) {
            if (i) out += sep;
            out += csv_cell(cells[i], sep, header || !is_number_column(i));
        }
        out += "\r\n";
    };
    line({"period", "person_id", "name", "teams", "evaluations", "quality_percent",
          "training_percent", "mastery_percent", "csat_percent", "nps", "ces_mean",
          "motivation_index", "eligible", "reasons"}, true);
    for (const auto& r : rep.rows) {
        std::string teams;
        for (const auto& t : r.teams)
            teams += (teams.empty() ? "" : " ") + t;
        line({r.period, r.person_id, r.display_name, teams, std::to_string(r.evaluations),
              opt(r.quality, mark), csv_number(r.training, mark), csv_number(r.mastery, mark),
              opt(r.csat_percent, mark), opt(r.nps, mark), opt(r.ces_mean, mark),
              csv_number(r.index, mark), r.eligible ? "yes" : "no", reasons_cell(r, catalog, locale)},
             false);
    }
    return out;
}

nlohmann::json motivation_json(const MotivationReport& rep, const i18n::Catalog* catalog,
                               std::string_view locale) {
    nlohmann::json rows = nlohmann::json::array(), teams = nlohmann::json::array();
    for (const auto& r : rep.rows) {
        nlohmann::json reasons = nlohmann::json::array();
        for (const auto& x : r.reasons)
            reasons.push_back({{"code", x.code}, {"text", reason_text(x, catalog, locale)}});
        rows.push_back({{"person_id", r.person_id},
                        {"name", r.display_name},
                        {"teams", r.teams},
                        {"evaluations", r.evaluations},
                        {"quality_percent", opt_json(r.quality)},
                        {"training_percent", r.training},
                        {"mastery_percent", r.mastery},
                        {"csat_percent", opt_json(r.csat_percent)},
                        {"nps", opt_json(r.nps)},
                        {"ces_mean", opt_json(r.ces_mean)},
                        {"components", r.components},
                        {"motivation_index", r.index},
                        {"eligible", r.eligible},
                        {"reasons", reasons}});
    }
    for (const auto& t : rep.teams)
        teams.push_back({{"team_id", t.team_id},
                         {"team_name", t.team_name},
                         {"agents", t.agents},
                         {"eligible", t.eligible},
                         {"evaluations", t.evaluations},
                         {"mean_index", opt_json(t.mean_index)},
                         {"mean_quality_percent", opt_json(t.mean_quality)}});
    return {{"period", rep.period.label},
            {"from", rep.period.from_date},
            {"until", rep.period.until_date},
            {"agents", rows},
            {"teams", teams}};
}

} // namespace trainer::quality
