// Building a report, and the CSV and JSON renderings of it.
#include "trainer/core/time.hpp"
#include "trainer/dashboard/report.hpp"

#include <nlohmann/json.hpp>

#include <cmath>
#include <cstdio>
#include <fstream>
#include <random>

namespace trainer::dashboard {

RolloutReport build_report(DashboardService& service, const identity::Actor& actor, const std::string& team,
                           const std::string& rollout, const DayRange& range) {
    if (range.since_day && range.until_day && *range.until_day < *range.since_day)
        throw DashboardError("the date range is backwards: --until " + format_date(*range.until_day * kMsPerDay) +
                             " is before --since " + format_date(*range.since_day * kMsPerDay));
    RolloutReport r;
    r.overview = service.team_overview(actor, team, rollout);
    const std::string ro = r.overview.rollout_id;
    r.heatmap = service.heatmap(actor, team, ro);
    r.phases = service.phase_distribution(actor, team, ro, range);
    r.maturity = service.maturity_trend(actor, team, range);
    r.signoffs = service.signoff_queue(actor, team);
    r.range = range;
    return r;
}

std::string format_percent(std::optional<double> v, char decimal) {
    if (!v) return "";
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.1f", std::round(*v * 10.0) / 10.0);
    std::string s = buf;
    if (decimal != '.')
        for (char& c : s)
            if (c == '.') c = decimal;
    return s;
}

std::string csv_cell(std::string_view text, char sep) {
    std::string s(text);
    if (!s.empty() && (s[0] == '=' || s[0] == '+' || s[0] == '-' || s[0] == '@' || s[0] == '\t' || s[0] == '\r'))
        s.insert(s.begin(), '\'');
    if (s.find_first_of(std::string("\"\r\n") + sep) == std::string::npos) return s;
    std::string q = "\"";
    for (char c : s) q += c == '"' ? std::string("\"\"") : std::string(1, c);
    return q + "\"";
}

namespace {
nlohmann::ordered_json opt_json(const std::optional<double>& v) {
    return v ? nlohmann::ordered_json(std::round(*v * 10.0) / 10.0) : nlohmann::ordered_json();
}
} // namespace

std::string render_csv(const RolloutReport& r, char sep) {
    const char decimal = sep == ';' ? ',' : '.';
    std::string out = "\xEF\xBB\xBF"; // BOM: Excel then reads the file as UTF-8
    auto line = [&](const std::vector<std::string>& cells) {
        for (std::size_t i = 0; i < cells.size(); ++i) out += (i ? std::string(1, sep) : "") + csv_cell(cells[i], sep);
        out += "\r\n";
    };
    line({"team", "rollout", "person_id", "name", "onboarding_percent", "mastery_percent", "mastered", "cards",
          "due_backlog", "phase", "phase_source", "qa_score", "motivation_index"});
    const auto& o = r.overview;
    for (const auto& row : o.rows)
        line({o.team_id, o.rollout_id, row.person_id, row.display_name, format_percent(row.onboarding_percent, decimal),
              format_percent(row.mastery_percent, decimal), std::to_string(row.mastered), std::to_string(o.cards),
              std::to_string(row.due_backlog), row.phase ? content::phase_id(*row.phase) : "", row.phase_source,
              format_percent(row.qa_score, decimal), format_percent(row.motivation_index, decimal)});
    return out;
}

std::string render_json(const RolloutReport& r) {
    using J = nlohmann::ordered_json;
    const auto& o = r.overview;
    J phase_counts = J::object();
    for (auto p : content::kPhases) phase_counts[content::phase_id(p)] = o.phase_counts[static_cast<std::size_t>(p)];
    phase_counts["none"] = o.no_phase;
    J agents = J::array();
    for (const auto& row : o.rows)
        agents.push_back({{"person_id", row.person_id},
                          {"name", row.display_name},
                          {"onboarding_percent", opt_json(row.onboarding_percent)},
                          {"mastery_percent", opt_json(row.mastery_percent)},
                          {"mastered", row.mastered},
                          {"due_backlog", row.due_backlog},
                          {"phase", row.phase ? J(content::phase_id(*row.phase)) : J()},
                          {"phase_source", row.phase_source.empty() ? J() : J(row.phase_source)},
                          {"phase_at", row.phase_at_ms ? J(format_iso_ms(*row.phase_at_ms)) : J()},
                          {"qa_score", opt_json(row.qa_score)},
                          {"motivation_index", opt_json(row.motivation_index)}});
    J cells = J::array();
    for (std::size_t i = 0; i < r.heatmap.person_ids.size(); ++i) {
        std::string s;
        for (std::size_t c = 0; c < r.heatmap.card_ids.size(); ++c) s += static_cast<char>('0' + static_cast<int>(r.heatmap.at(i, c)));
        cells.push_back({{"person_id", r.heatmap.person_ids[i]}, {"cells", s}});
    }
    J card_pct = J::array();
    for (double v : r.heatmap.card_mastery_percent) card_pct.push_back(opt_json(v));
    J weeks = J::array();
    for (const auto& w : r.phases.weeks) {
        J counts = J::object();
        for (auto p : content::kPhases) counts[content::phase_id(p)] = w.counts[static_cast<std::size_t>(p)];
        counts["none"] = w.no_phase;
        weeks.push_back({{"week", w.iso_week}, {"monday", format_date(w.monday_ms)}, {"counts", counts}});
    }
    J maturity = J::array();
    for (const auto& m : r.maturity) maturity.push_back({{"date", m.date}, {"total", m.total}, {"band", content::band_id(m.band)}});
    J signoffs = r.signoffs.available ? J::array() : J();
    for (const auto& s : r.signoffs.items)
        signoffs.push_back({{"person_id", s.person_id}, {"module", s.module_id}, {"requested", format_iso_ms(s.requested_ms)}});
    J out = {{"team", {{"id", o.team_id}, {"name", o.team_name}}},
             {"rollout", o.rollout_id.empty() ? J() : J({{"id", o.rollout_id}, {"title", o.rollout_title}})},
             {"as_of", format_iso_ms(o.as_of_ms)},
             {"range", {{"since", r.range.since_day ? J(format_date(*r.range.since_day * kMsPerDay)) : J()},
                        {"until", r.range.until_day ? J(format_date(*r.range.until_day * kMsPerDay)) : J()}}},
             {"summary", {{"agents", o.rows.size()}, {"cards", o.cards},
                          {"mean_mastery_percent", opt_json(o.mean_mastery_percent)},
                          {"mean_onboarding_percent", opt_json(o.mean_onboarding_percent)},
                          {"total_due_backlog", o.total_due_backlog}, {"phases", phase_counts}}},
             {"agents", agents},
             {"heatmap", {{"cards", r.heatmap.card_ids}, {"legend", "0 not started, 1 learning, 2 mastered"},
                          {"rows", cells}, {"card_mastery_percent", card_pct}}},
             {"phase_weeks", weeks},
             {"maturity", maturity},
             {"signoff_queue", signoffs}};
    return out.dump(2) + "\n";
}

void write_file_atomically(const std::filesystem::path& path, std::string_view data) {
    namespace fs = std::filesystem;
    std::error_code ec;
    const fs::path dir = path.has_parent_path() ? path.parent_path() : fs::path(".");
    if (!fs::is_directory(dir, ec)) throw std::runtime_error("cannot write " + path.string() + ": folder " + dir.string() + " does not exist");
    if (fs::is_directory(path, ec)) throw std::runtime_error("cannot write " + path.string() + ": it is a folder");
    std::random_device rd;
    std::string name = ".";
    name += path.filename().string();
    name += ".tmp-";
    name += std::to_string(rd());
    const fs::path tmp = dir / name;
    {
        std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
        if (!out) throw std::runtime_error("cannot write " + path.string() + ": permission denied or read-only folder");
        out.write(data.data(), static_cast<std::streamsize>(data.size()));
        out.flush();
        if (!out) {
            out.close();
            fs::remove(tmp, ec);
            throw std::runtime_error("cannot write " + path.string() + ": the disk refused the data (full?)");
        }
    }
    // A report names agents and their figures: readable by the owner only.
    fs::permissions(tmp, fs::perms::owner_read | fs::perms::owner_write, ec);
    fs::rename(tmp, path, ec);
    if (ec) {
        std::error_code ignore;
        fs::remove(tmp, ignore);
        throw std::runtime_error("cannot write " + path.string() + ": " + ec.message());
    }
}

} // namespace trainer::dashboard
