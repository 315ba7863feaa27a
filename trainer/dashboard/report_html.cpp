// The HTML rollout report: one self-contained file (inline CSS, inline SVG, no scripts, no links)
// that a lead can e-mail. One <svg> per figure: mastery per agent, heatmap, phases per week,
// maturity trend. Colours: the Okabe-Ito palette, safe for colour-blind readers.
#include "trainer/core/time.hpp"
#include "trainer/dashboard/report.hpp"

#include <algorithm>
#include <cstdio>

namespace trainer::dashboard {

namespace {

// Okabe-Ito: denial vermillion, resistance orange, exploration sky blue, commitment bluish green.
constexpr const char* kPhaseColour[] = {"#D55E00", "#E69F00", "#56B4E9", "#009E73"};
constexpr const char* kNoPhaseColour = "#BBBBBB";
constexpr const char* kCellColour[] = {"#EEEEEE", "#F0E442", "#0072B2"};

enum Label { kTitle, kTeam, kAsOf, kAgent, kOnboarding, kMastery, kBacklog, kPhase, kQa, kMotivation,
             kMasteryFig, kHeatmapFig, kPhasesFig, kMaturityFig, kNone, kNotStarted, kLearning, kMastered,
             kSignoffs, kNoData, kLabelCount };

// Headings per locale; phase names come from the content.
constexpr const char* kLabels[3][kLabelCount] = {
    {"Rollout report", "Team", "As of", "Agent", "Onboarding %", "Mastery %", "Due backlog", "Phase",
     "QA score", "Motivation index", "Mastery per agent", "Mastery heatmap (agents × standards)",
     "Phase of change per week", "Service maturity self-check", "no check-in yet", "not started", "learning",
     "mastered", "Skill sign-offs waiting", "No data yet"},
    {"Raport z wdrożenia", "Zespół", "Stan na", "Konsultant", "Wdrożenie %", "Opanowanie %", "Zaległe powtórki",
     "Faza", "Ocena QA", "Wskaźnik motywacyjny", "Opanowanie standardów według osób",
     "Mapa opanowania (osoby × standardy)", "Faza zmiany w kolejnych tygodniach", "Samoocena dojrzałości obsługi",
     "brak check-inu", "nierozpoczęte", "w nauce", "opanowane", "Oczekujące zatwierdzenia umiejętności",
     "Brak danych"},
    {"Отчёт о внедрении", "Команда", "По состоянию на", "Сотрудник", "Адаптация %", "Освоение %",
     "Долг повторений", "Фаза", "Оценка QA", "Мотивационный индекс", "Освоение стандартов по сотрудникам",
     "Карта освоения (сотрудники × стандарты)", "Фаза изменений по неделям", "Самооценка зрелости сервиса",
     "ещё не отмечался", "не начато", "в изучении", "освоено", "Ожидают подтверждения навыков", "Данных пока нет"},
};

std::string esc(std::string_view s) {
    std::string out;
    for (char c : s) {
        switch (c) {
        case '&': out += "&amp;"; break;
        case '<': out += "&lt;"; break;
        case '>': out += "&gt;"; break;
        case '"': out += "&quot;"; break;
        case '\'': out += "&#39;"; break;
        default: out += c;
        }
    }
    return out;
}

std::string num(double v) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.1f", v);
    return buf;
}

std::string dash_or(const std::optional<double>& v) { return v ? format_percent(v) : "—"; }

struct Html {
    std::string s;
    const char* const* L;
    const content::ContentSet& content;
    std::string_view locale;

    std::string phase_name(Phase p) const {
        if (content.change) return content::pick(content.change->phase(p).name, locale);
        return content::phase_id(p);
    }
    void legend_item(const char* colour, const std::string& text, int x, int y) {
        s += "<rect x=\"" + std::to_string(x) + "\" y=\"" + std::to_string(y) + "\" width=\"12\" height=\"12\" fill=\"" +
             colour + "\"/><text x=\"" + std::to_string(x + 16) + "\" y=\"" + std::to_string(y + 10) + "\">" + esc(text) +
             "</text>";
    }

    void mastery_bars(const TeamOverview& o) {
        const int row_h = 18, left = 180, width = 360;
        const int h = 30 + row_h * static_cast<int>(std::max<std::size_t>(o.rows.size(), 1));
        s += "<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" width=\"600\" height=\"" + std::to_string(h) +
             "\" aria-label=\"" + esc(L[kMasteryFig]) + "\">";
        int y = 20;
        for (const auto& r : o.rows) {
            const double w = width * r.mastery_percent / 100.0;
            s += "<text x=\"" + std::to_string(left - 6) + "\" y=\"" + std::to_string(y + 12) + "\" text-anchor=\"end\">" +
                 esc(r.display_name) + "</text><rect x=\"" + std::to_string(left) + "\" y=\"" + std::to_string(y) +
                 "\" width=\"" + num(w) + "\" height=\"14\" fill=\"#0072B2\"><title>" + esc(r.display_name) + ": " +
                 format_percent(r.mastery_percent) + "%</title></rect><text x=\"" + num(left + w + 4) + "\" y=\"" +
                 std::to_string(y + 12) + "\">" + format_percent(r.mastery_percent) + "%</text>";
            y += row_h;
        }
        if (o.rows.empty()) s += "<text x=\"10\" y=\"30\">" + esc(L[kNoData]) + "</text>";
        s += "</svg>\n";
    }

    void heatmap(const Heatmap& h) {
        const std::size_t cols = h.card_ids.size(), rows = h.person_ids.size();
        const int cell = cols > 100 ? 4 : 10, left = 180, top = 24;
        const int width = left + cell * static_cast<int>(cols) + 10;
        const int height = top + cell * static_cast<int>(std::max<std::size_t>(rows, 1)) + 30;
        s += "<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" width=\"" + std::to_string(std::max(width, 420)) +
             "\" height=\"" + std::to_string(height) + "\" aria-label=\"" + esc(L[kHeatmapFig]) + "\">";
        legend_item(kCellColour[0], L[kNotStarted], left, 4);
        legend_item(kCellColour[1], L[kLearning], left + 110, 4);
        legend_item(kCellColour[2], L[kMastered], left + 220, 4);
        for (std::size_t r = 0; r < rows; ++r) {
            const int y = top + cell * static_cast<int>(r);
            if (cell >= 10) s += "<text x=\"" + std::to_string(left - 6) + "\" y=\"" + std::to_string(y + 9) +
                                 "\" text-anchor=\"end\" font-size=\"9\">" + esc(h.display_names[r]) + "</text>";
            for (std::size_t c = 0; c < cols; ++c)
                s += "<rect x=\"" + std::to_string(left + cell * static_cast<int>(c)) + "\" y=\"" + std::to_string(y) +
                     "\" width=\"" + std::to_string(cell - 1) + "\" height=\"" + std::to_string(cell - 1) + "\" fill=\"" +
                     kCellColour[static_cast<int>(h.at(r, c))] + "\"/>";
        }
        s += "</svg>\n";
    }

    void phase_bars(const PhaseDistribution& d) {
        const int bar = 14, gap = 4, left = 40, plot_h = 160, top = 30;
        int max_total = 1;
        for (const auto& w : d.weeks) {
            int t = w.no_phase;
            for (int c : w.counts) t += c;
            max_total = std::max(max_total, t);
        }
        const int width = std::max(520, left + (bar + gap) * static_cast<int>(d.weeks.size()) + 20);
        s += "<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" width=\"" + std::to_string(width) + "\" height=\"" +
             std::to_string(top + plot_h + 40) + "\" aria-label=\"" + esc(L[kPhasesFig]) + "\">";
        int lx = left;
        for (auto p : content::kPhases) {
            legend_item(kPhaseColour[static_cast<int>(p)], phase_name(p), lx, 6);
            lx += 110;
        }
        legend_item(kNoPhaseColour, L[kNone], lx, 6);
        for (std::size_t i = 0; i < d.weeks.size(); ++i) {
            const auto& w = d.weeks[i];
            const int x = left + static_cast<int>(i) * (bar + gap);
            double y = top + plot_h;
            auto seg = [&](int n, const char* colour, const std::string& what) {
                if (n == 0) return;
                const double hgt = static_cast<double>(plot_h) * n / max_total;
                y -= hgt;
                s += "<rect x=\"" + std::to_string(x) + "\" y=\"" + num(y) + "\" width=\"" + std::to_string(bar) +
                     "\" height=\"" + num(hgt) + "\" fill=\"" + colour + "\"><title>" + esc(w.iso_week) + " " + esc(what) +
                     ": " + std::to_string(n) + "</title></rect>";
            };
            for (auto p : content::kPhases) seg(w.counts[static_cast<std::size_t>(p)], kPhaseColour[static_cast<int>(p)], phase_name(p));
            seg(w.no_phase, kNoPhaseColour, L[kNone]);
            if (i % 4 == 0)
                s += "<text x=\"" + std::to_string(x) + "\" y=\"" + std::to_string(top + plot_h + 14) +
                     "\" font-size=\"9\">" + esc(w.iso_week.substr(5)) + "</text>";
        }
        if (d.weeks.empty()) s += "<text x=\"10\" y=\"60\">" + esc(L[kNoData]) + "</text>";
        s += "</svg>\n";
    }

    void maturity_line(const std::vector<MaturityPoint>& m) {
        const int left = 40, top = 20, plot_h = 150, step = 60;
        const int width = std::max(420, left + step * static_cast<int>(m.size()) + 40);
        s += "<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" width=\"" + std::to_string(width) + "\" height=\"" +
             std::to_string(top + plot_h + 40) + "\" aria-label=\"" + esc(L[kMaturityFig]) + "\">";
        auto y_of = [&](double total) { return top + plot_h - plot_h * total / 30.0; };
        // The bands behind the line: alarm below 20, work to do 20-24, satisfactory 25-30.
        s += "<rect x=\"" + std::to_string(left) + "\" y=\"" + num(y_of(20)) + "\" width=\"" + std::to_string(width - left - 10) +
             "\" height=\"" + num(y_of(0) - y_of(20)) + "\" fill=\"#D55E00\" opacity=\"0.12\"/>";
        s += "<rect x=\"" + std::to_string(left) + "\" y=\"" + num(y_of(25)) + "\" width=\"" + std::to_string(width - left - 10) +
             "\" height=\"" + num(y_of(20) - y_of(25)) + "\" fill=\"#E69F00\" opacity=\"0.12\"/>";
        s += "<rect x=\"" + std::to_string(left) + "\" y=\"" + num(y_of(30)) + "\" width=\"" + std::to_string(width - left - 10) +
             "\" height=\"" + num(y_of(25) - y_of(30)) + "\" fill=\"#009E73\" opacity=\"0.12\"/>";
        for (int t : {0, 20, 25, 30})
            s += "<text x=\"" + std::to_string(left - 6) + "\" y=\"" + num(y_of(t) + 4) + "\" text-anchor=\"end\" font-size=\"9\">" +
                 std::to_string(t) + "</text>";
        std::string points;
        for (std::size_t i = 0; i < m.size(); ++i) {
            const int x = left + 20 + step * static_cast<int>(i);
            if (i) points += ' ';
            points += std::to_string(x);
            points += ',';
            points += num(y_of(m[i].total));
            s += "<circle cx=\"" + std::to_string(x) + "\" cy=\"" + num(y_of(m[i].total)) + "\" r=\"4\" fill=\"#0072B2\"><title>" +
                 esc(m[i].date) + ": " + std::to_string(m[i].total) + "</title></circle><text x=\"" + std::to_string(x - 20) +
                 "\" y=\"" + std::to_string(top + plot_h + 16) + "\" font-size=\"9\">" + esc(m[i].date) + "</text>";
        }
        if (m.size() > 1) s += "<polyline fill=\"none\" stroke=\"#0072B2\" stroke-width=\"2\" points=\"" + points + "\"/>";
        if (m.empty()) s += "<text x=\"60\" y=\"90\">" + esc(L[kNoData]) + "</text>";
        s += "</svg>\n";
    }
};

} // namespace

std::string render_html(const RolloutReport& r, const content::ContentSet& content, std::string_view locale) {
    const int li = locale == "pl" ? 1 : locale == "ru" ? 2 : 0;
    Html h{"", kLabels[li], content, locale};
    const auto& o = r.overview;
    const auto* L = h.L;
    const std::string rollout = o.rollout_id.empty() ? "—" : content::pick(o.rollout_title, locale);
    h.s = "<!DOCTYPE html>\n<html lang=\"" + esc(std::string(locale)) + "\">\n<head>\n<meta charset=\"utf-8\">\n<title>" +
          esc(L[kTitle]) + " — " + esc(o.team_name) + "</title>\n<style>body{font-family:sans-serif;margin:24px;color:#222}"
          "table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:3px 8px;text-align:right}"
          "td:first-child,th:first-child{text-align:left}svg text{font-family:sans-serif;font-size:11px}</style>\n"
          "</head>\n<body>\n";
    h.s += "<h1>" + esc(L[kTitle]) + ": " + esc(rollout) + "</h1>\n<p>" + esc(L[kTeam]) + ": " + esc(o.team_name) + " · " +
           esc(L[kAsOf]) + " " + esc(format_iso_ms(o.as_of_ms)) + "</p>\n";
    h.s += "<table>\n<tr><th>" + esc(L[kAgent]) + "</th><th>" + esc(L[kOnboarding]) + "</th><th>" + esc(L[kMastery]) +
           "</th><th>" + esc(L[kBacklog]) + "</th><th>" + esc(L[kPhase]) + "</th><th>" + esc(L[kQa]) + "</th><th>" +
           esc(L[kMotivation]) + "</th></tr>\n";
    for (const auto& row : o.rows)
        h.s += "<tr><td>" + esc(row.display_name) + "</td><td>" + dash_or(row.onboarding_percent) + "</td><td>" +
               format_percent(row.mastery_percent) + "</td><td>" + std::to_string(row.due_backlog) + "</td><td>" +
               (row.phase ? esc(h.phase_name(*row.phase)) : "—") + "</td><td>" + dash_or(row.qa_score) + "</td><td>" +
               dash_or(row.motivation_index) + "</td></tr>\n";
    h.s += "</table>\n";
    h.s += "<h2>" + esc(L[kMasteryFig]) + "</h2>\n";
    h.mastery_bars(o);
    h.s += "<h2>" + esc(L[kHeatmapFig]) + "</h2>\n";
    h.heatmap(r.heatmap);
    h.s += "<h2>" + esc(L[kPhasesFig]) + "</h2>\n";
    h.phase_bars(r.phases);
    h.s += "<h2>" + esc(L[kMaturityFig]) + "</h2>\n";
    h.maturity_line(r.maturity);
    h.s += "<h2>" + esc(L[kSignoffs]) + "</h2>\n<p>";
    if (!r.signoffs.available) h.s += "—";
    else if (r.signoffs.items.empty()) h.s += "0";
    else
        for (const auto& it : r.signoffs.items)
            h.s += esc(it.display_name) + " — " + esc(it.module_id) + " (" + esc(format_date(it.requested_ms)) + ")<br>";
    h.s += "</p>\n</body>\n</html>\n";
    return h.s;
}

} // namespace trainer::dashboard
