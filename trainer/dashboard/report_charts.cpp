#include "trainer/dashboard/report_charts.hpp"

#include "trainer/core/time.hpp"
#include "trainer/i18n/format.hpp"
#include "trainer/i18n/plural.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>

// [SECTION] text helpers
// [SECTION] mastery bars, heatmap
// [SECTION] phases per week, maturity, QA by period

namespace trainer::dashboard::report_svg {

// ---- [SECTION] text helpers ---------------------------------------------------------------

std::string escape(std::string_view s) {
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

std::string shorten(std::string_view text, std::size_t max_chars) {
    // Counted in code points; a cut falls on the last space before the limit when there is one.
    std::size_t chars = 0, cut = 0, last_space = 0;
    for (std::size_t i = 0; i < text.size(); ++i) {
        if ((static_cast<unsigned char>(text[i]) & 0xC0) == 0x80) continue;
        if (chars == max_chars) {
            cut = i;
            break;
        }
        if (text[i] == ' ') last_space = i;
        ++chars;
    }
    if (cut == 0) return std::string(text);
    const std::size_t end = last_space > 0 ? last_space : cut;
    std::string out(text.substr(0, end));
    while (!out.empty() && (out.back() == ' ' || out.back() == ',' || out.back() == ':')) out.pop_back();
    return out + "…";
}

namespace {

std::string n1(double v) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.1f", v);
    return buf;
}
std::string i(int v) { return std::to_string(v); }

std::string svg_open(int width, int height, const std::string& label) {
    return "<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" viewBox=\"0 0 " + i(width) + " " + i(height) +
           "\" style=\"width:100%;max-width:" + i(width) + "px\" aria-label=\"" + escape(label) + "\">";
}

std::string text_at(double x, double y, const std::string& text, const char* extra = "") {
    return "<text x=\"" + n1(x) + "\" y=\"" + n1(y) + "\"" + extra + ">" + escape(text) + "</text>";
}

// 0 one, 1 few, 2 many/other (ChartTexts::evaluations).
int plural_index(std::string_view locale, int n) {
    switch (i18n::plural_category(locale, n)) {
    case i18n::PluralCategory::One: return 0;
    case i18n::PluralCategory::Few: return 1;
    default: return 2;
    }
}

constexpr const char* kPhaseColour[] = {"#D55E00", "#E69F00", "#56B4E9", "#009E73"};
constexpr const char* kNoPhaseColour = "#BBBBBB";
constexpr const char* kCellColour[] = {"#EEEEEE", "#F0E442", "#0072B2"};

} // namespace

std::string legend(const std::vector<std::pair<std::string, std::string>>& items) {
    std::string s = "<ul class=\"legend\">";
    for (const auto& [colour, text] : items)
        s += "<li><span class=\"swatch\" style=\"background:" + colour + "\"></span>" + escape(text) + "</li>";
    return s + "</ul>\n";
}

// ---- [SECTION] mastery bars, heatmap ------------------------------------------------------

std::string mastery_bars(const TeamOverview& o, std::string_view locale, const ChartTexts& t) {
    const int row_h = 24, left = 200, width = 420, total = left + width + 70;
    const int h = 16 + row_h * static_cast<int>(std::max<std::size_t>(o.rows.size(), 1));
    std::string s = svg_open(total, h, "mastery");
    int y = 8;
    for (const auto& r : o.rows) {
        const double w = width * r.mastery_percent / 100.0;
        s += text_at(left - 8, y + 15, shorten(r.display_name, 28), " text-anchor=\"end\"");
        s += "<rect x=\"" + i(left) + "\" y=\"" + i(y) + "\" width=\"" + i(width) + "\" height=\"18\" fill=\"#EEEEEE\"/>";
        s += "<rect x=\"" + i(left) + "\" y=\"" + i(y) + "\" width=\"" + n1(w) + "\" height=\"18\" fill=\"#0072B2\"/>";
        s += text_at(left + w + 6, y + 15, i18n::format_percent(r.mastery_percent, 1, locale));
        y += row_h;
    }
    if (o.rows.empty()) s += text_at(10, 26, t.no_data);
    return s + "</svg>\n";
}

std::string heatmap(const Heatmap& h, const content::ContentSet& content, std::string_view locale, const ChartTexts& t) {
    const std::size_t cols = h.card_ids.size(), rows = h.person_ids.size();
    const int cell = cols > 60 ? 8 : 14, left = 170, header = 200;
    const int width = left + cell * static_cast<int>(cols) + 10;
    const int height = header + cell * static_cast<int>(std::max<std::size_t>(rows, 1)) + 10;
    std::string s = svg_open(std::max(width, 420), height, "heatmap");
    // Standards' titles above their columns, written upwards; a line marks where a deck starts.
    for (std::size_t c = 0; c < cols; ++c) {
        const int x = left + cell * static_cast<int>(c);
        const content::Card* card = content.find_card(h.card_ids[c]);
        const std::string title = card ? card->text_for(locale).title : h.card_ids[c];
        if (cell >= 12)
            s += "<text transform=\"translate(" + i(x + cell - 3) + "," + i(header - 6) + ") rotate(-90)\" font-size=\"10\">" +
                 escape(shorten(title, 30)) + "</text>";
        if (c > 0 && h.deck_ids[c] != h.deck_ids[c - 1])
            s += "<line x1=\"" + i(x) + "\" y1=\"" + i(header - 4) + "\" x2=\"" + i(x) + "\" y2=\"" +
                 i(header + cell * static_cast<int>(rows)) + "\" stroke=\"#555\" stroke-width=\"1\"/>";
    }
    for (std::size_t r = 0; r < rows; ++r) {
        const int y = header + cell * static_cast<int>(r);
        s += text_at(left - 6, y + cell - 3, shorten(h.display_names[r], 24), " text-anchor=\"end\" font-size=\"11\"");
        for (std::size_t c = 0; c < cols; ++c)
            s += "<rect x=\"" + i(left + cell * static_cast<int>(c)) + "\" y=\"" + i(y) + "\" width=\"" + i(cell - 1) +
                 "\" height=\"" + i(cell - 1) + "\" fill=\"" + kCellColour[static_cast<int>(h.at(r, c))] + "\"/>";
    }
    if (rows == 0) s += text_at(left, header + 12, t.no_data);
    return s + "</svg>\n" +
           legend({{kCellColour[0], t.not_started}, {kCellColour[1], t.learning}, {kCellColour[2], t.mastered}});
}

// ---- [SECTION] phases per week, maturity, QA by period ------------------------------------

std::string phase_bars(const PhaseDistribution& d, std::string_view locale, const ChartTexts& t) {
    const int left = 36, plot_h = 200, top = 10;
    const int n = static_cast<int>(d.weeks.size());
    const int slot = n > 0 ? std::clamp(640 / std::max(n, 1), 12, 48) : 48;
    const int bar = std::max(slot - 4, 8);
    int max_total = 1;
    for (const auto& w : d.weeks) {
        int total = w.no_phase;
        for (int c : w.counts) total += c;
        max_total = std::max(max_total, total);
    }
    const int width = std::max(520, left + slot * n + 20);
    std::string s = svg_open(width, top + plot_h + 44, "phases");
    for (int k : {0, max_total}) { // people on the axis
        const double y = top + plot_h - static_cast<double>(plot_h) * k / max_total;
        s += text_at(left - 6, y + 4, std::to_string(k), " text-anchor=\"end\" font-size=\"10\"");
    }
    // A label every few weeks so they never overlap: the week's number and its Monday.
    const int every = std::max(1, 56 / slot + (56 % slot ? 1 : 0));
    for (int k = 0; k < n; ++k) {
        const auto& w = d.weeks[static_cast<std::size_t>(k)];
        const int x = left + k * slot;
        double y = top + plot_h;
        auto seg = [&](int count, const char* colour) {
            if (count == 0) return;
            const double hgt = static_cast<double>(plot_h) * count / max_total;
            y -= hgt;
            s += "<rect x=\"" + i(x) + "\" y=\"" + n1(y) + "\" width=\"" + i(bar) + "\" height=\"" + n1(hgt) + "\" fill=\"" +
                 colour + "\"/>";
        };
        for (int p = 0; p < 4; ++p) seg(w.counts[static_cast<std::size_t>(p)], kPhaseColour[p]);
        seg(w.no_phase, kNoPhaseColour);
        if (k % every == 0) {
            const std::int64_t monday = utc_day(w.monday_ms);
            s += text_at(x, top + plot_h + 16, i18n::format_iso_week(monday, locale), " font-size=\"10\"");
            s += text_at(x, top + plot_h + 30, i18n::format_day(monday, locale, i18n::DateStyle::DayMonth),
                         " font-size=\"9\" fill=\"#666\"");
        }
    }
    if (d.weeks.empty()) s += text_at(10, 60, t.no_data);
    s += "</svg>\n";
    return s + legend({{kPhaseColour[0], t.phase[0]}, {kPhaseColour[1], t.phase[1]}, {kPhaseColour[2], t.phase[2]},
                       {kPhaseColour[3], t.phase[3]}, {kNoPhaseColour, t.no_phase}});
}

std::string maturity_line(const std::vector<MaturityPoint>& m, std::string_view locale, const ChartTexts& t) {
    const int left = 40, top = 14, plot_h = 180, step = 90, right = 150;
    const int width = std::max(560, left + step * static_cast<int>(m.size()) + right);
    std::string s = svg_open(width, top + plot_h + 34, "maturity");
    auto y_of = [&](double total) { return top + plot_h - plot_h * total / 30.0; };
    // The bands behind the line, named at the right: alarm < 20, work to do 20-24, satisfactory 25-30.
    const double bands[3][2] = {{0, 20}, {20, 25}, {25, 30}};
    const char* colours[3] = {"#D55E00", "#E69F00", "#009E73"};
    for (int b = 0; b < 3; ++b) {
        s += "<rect x=\"" + i(left) + "\" y=\"" + n1(y_of(bands[b][1])) + "\" width=\"" + i(width - left - right) +
             "\" height=\"" + n1(y_of(bands[b][0]) - y_of(bands[b][1])) + "\" fill=\"" + colours[b] + "\" opacity=\"0.15\"/>";
        s += text_at(width - right + 8, (y_of(bands[b][0]) + y_of(bands[b][1])) / 2 + 4, t.band[b], " font-size=\"11\"");
    }
    for (int v : {0, 20, 25, 30}) s += text_at(left - 6, y_of(v) + 4, std::to_string(v), " text-anchor=\"end\" font-size=\"10\"");
    std::string points;
    for (std::size_t k = 0; k < m.size(); ++k) {
        const int x = left + step / 2 + step * static_cast<int>(k);
        if (k) points += ' ';
        points += i(x);
        points += ',';
        points += n1(y_of(m[k].total));
        s += "<circle cx=\"" + i(x) + "\" cy=\"" + n1(y_of(m[k].total)) + "\" r=\"5\" fill=\"#0072B2\"/>";
        s += text_at(x, y_of(m[k].total) - 9, std::to_string(m[k].total) + " / 30", " text-anchor=\"middle\" font-weight=\"bold\"");
        const auto day = parse_date(m[k].date);
        s += text_at(x, top + plot_h + 18, day ? i18n::format_day(utc_day(*day), locale, i18n::DateStyle::Medium) : m[k].date,
                     " text-anchor=\"middle\" font-size=\"10\"");
    }
    if (m.size() > 1) s += "<polyline fill=\"none\" stroke=\"#0072B2\" stroke-width=\"2\" points=\"" + points + "\"/>";
    if (m.empty()) s += text_at(left + 20, top + plot_h / 2, t.no_data);
    return s + "</svg>\n";
}

std::string qa_bars(const std::vector<QaPeriod>& periods, double pass_mark, std::string_view locale, const ChartTexts& t) {
    const int left = 40, top = 24, plot_h = 160, slot = 110, bar = 60;
    const int width = std::max(560, left + slot * static_cast<int>(periods.size()) + 20);
    std::string s = svg_open(width, top + plot_h + 40, "qa");
    auto y_of = [&](double v) { return top + plot_h - plot_h * v / 100.0; };
    for (int v : {0, 50, 100}) s += text_at(left - 6, y_of(v) + 4, i18n::format_percent(v, 0, locale), " text-anchor=\"end\" font-size=\"10\"");
    // The pass mark's tick, unless it would sit on top of the 50 % or 100 % one.
    if (std::abs(pass_mark - 50) > 6 && std::abs(pass_mark - 100) > 6)
        s += text_at(left - 6, y_of(pass_mark) + 4, i18n::format_percent(pass_mark, pass_mark == std::floor(pass_mark) ? 0 : 1, locale),
                     " text-anchor=\"end\" font-size=\"10\"");
    for (std::size_t k = 0; k < periods.size(); ++k) {
        const auto& p = periods[k];
        const int x = left + 10 + slot * static_cast<int>(k);
        if (p.team_percent) {
            s += "<rect x=\"" + i(x) + "\" y=\"" + n1(y_of(*p.team_percent)) + "\" width=\"" + i(bar) + "\" height=\"" +
                 n1(y_of(0) - y_of(*p.team_percent)) + "\" fill=\"" + (p.passes ? "#0072B2" : "#E69F00") + "\"/>";
            s += text_at(x + bar / 2.0, y_of(*p.team_percent) - 5, i18n::format_percent(*p.team_percent, 1, locale),
                         " text-anchor=\"middle\" font-weight=\"bold\"");
        } else {
            s += text_at(x + bar / 2.0, y_of(0) - 5, "—", " text-anchor=\"middle\"");
        }
        s += text_at(x + bar / 2.0, top + plot_h + 16, i18n::format_period_label(p.period, locale),
                     " text-anchor=\"middle\" font-size=\"10\"");
        s += text_at(x + bar / 2.0, top + plot_h + 30,
                     std::to_string(p.evaluations) + " " + t.evaluations[plural_index(locale, p.evaluations)],
                     " text-anchor=\"middle\" font-size=\"9\" fill=\"#666\"");
    }
    s += "<line x1=\"" + i(left) + "\" y1=\"" + n1(y_of(pass_mark)) + "\" x2=\"" + i(width - 10) + "\" y2=\"" + n1(y_of(pass_mark)) +
         "\" stroke=\"#555\" stroke-dasharray=\"4 3\"/>";
    if (periods.empty()) s += text_at(left + 20, top + plot_h / 2, t.no_data);
    return s + "</svg>\n";
}

} // namespace trainer::dashboard::report_svg
