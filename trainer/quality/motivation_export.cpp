#include "trainer/quality/motivation_export.hpp"

#include "trainer/quality/scoring.hpp"

#include <nlohmann/json.hpp>

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

std::string csv_cell(std::string_view text, char sep) {
    std::string s(text);
    if (!s.empty() && (s[0] == '=' || s[0] == '+' || s[0] == '-' || s[0] == '@' || s[0] == '\t' ||
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

std::string motivation_csv(const MotivationReport& rep, char sep) {
    const char mark = sep == ',' ? '.' : ',';
    std::string out = "\xEF\xBB\xBF";
    auto line = [&](const std::vector<std::string>& cells) {
        for (std::size_t i = 0; i < cells.size(); ++i) {
            if (i) out += sep;
            out += csv_cell(cells[i], sep);
        }
        out += "\r\n";
    };
    line({"period", "person_id", "name", "teams", "evaluations", "quality_percent",
          "training_percent", "mastery_percent", "csat_percent", "nps", "ces_mean",
          "motivation_index", "eligible", "reasons"});
    for (const auto& r : rep.rows) {
        std::string teams, reasons;
        for (const auto& t : r.teams)
            teams += (teams.empty() ? "" : " ") + t;
        for (const auto& x : r.reasons)
            reasons += (reasons.empty() ? "" : "; ") + x.text;
        line({r.period, r.person_id, r.display_name, teams, std::to_string(r.evaluations),
              opt(r.quality, mark), csv_number(r.training, mark), csv_number(r.mastery, mark),
              opt(r.csat_percent, mark), opt(r.nps, mark), opt(r.ces_mean, mark),
              csv_number(r.index, mark), r.eligible ? "yes" : "no", reasons});
    }
    return out;
}

nlohmann::json motivation_json(const MotivationReport& rep) {
    nlohmann::json rows = nlohmann::json::array(), teams = nlohmann::json::array();
    for (const auto& r : rep.rows) {
        nlohmann::json reasons = nlohmann::json::array();
        for (const auto& x : r.reasons)
            reasons.push_back({{"code", x.code}, {"text", x.text}});
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
