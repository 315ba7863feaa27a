// The dashboard's charts, drawn with ImDrawList: the mastery map, the weekly phase bars, the
// team's QA by month and the maturity trend. Each carries numbers or a legend, never colour alone.
#include "kiosk/screens/dashboard_screen.hpp"
#include "trainer/quality/pass_mark.hpp"

#include "kiosk/screen_parts.hpp"
#include "kiosk/theme.hpp"
#include "kiosk/widgets.hpp"
#include "trainer/cards/browse.hpp"
#include "trainer/content/change_model.hpp"
#include "trainer/core/org_time_zone.hpp"
#include "trainer/core/time.hpp"
#include "trainer/i18n/format.hpp"

#include <imgui.h>

#include <algorithm>
#include <cfloat>
#include <cmath>
#include <vector>

namespace kiosk {

namespace {

using trainer::dashboard::Cell;

ImU32 col(const ImVec4& c) { return ImGui::GetColorU32(c); }

void legend_item(const UiContext& ui, const ImVec4& c, const std::string& label) {
    const ImVec2 p = ImGui::GetCursorScreenPos();
    const float s = ui.px(14);
    const float y = p.y + (ImGui::GetTextLineHeight() - s) * 0.5f;
    ImGui::GetWindowDrawList()->AddRectFilled(ImVec2(p.x, y), ImVec2(p.x + s, y + s), col(c), ui.px(3));
    ImGui::Dummy(ImVec2(s, s));
    ImGui::SameLine();
    ImGui::TextUnformatted(label.c_str());
    ImGui::SameLine(0, ui.px(24));
}

} // namespace

void DashboardScreen::draw_heatmap(const UiContext& ui, const DashboardData& d, const trainer::content::ContentSet& set) {
    const auto& h = d.heatmap;
    legend_item(ui, theme::kLine, ui.tr("dash.heat.not_started"));
    legend_item(ui, theme::kOkSky, ui.tr("dash.heat.learning"));
    legend_item(ui, theme::kOkBlue, ui.tr("dash.heat.mastered"));
    ImGui::NewLine();
    if (h.card_ids.empty() || h.person_ids.empty()) {
        widgets::text(ui.fonts.body, ui.tr("dash.empty"), theme::kMuted);
        return;
    }
    ImGui::BeginChild("##heat", ImVec2(0, 0), false, ImGuiWindowFlags_HorizontalScrollbar);
    const float name_w = ui.px(210);
    const std::size_t cols = h.card_ids.size();
    const float avail = ImGui::GetContentRegionAvail().x - name_w;
    const float cell = std::clamp(avail / static_cast<float>(cols), ui.px(10), ui.px(34));
    const float row_h = std::max(cell, ui.px(26));
    ImDrawList* dl = ImGui::GetWindowDrawList();
    // Deck bands above the columns: where each stage of the journey starts, headed by the deck's
    // title read whole — wrapped over up to two lines, or, where the band is too narrow for that,
    // by its number with the title in the legend above the map. Hovering or tapping a band shows it.
    struct Band {
        std::size_t first = 0, end = 0;
        std::string title;
        bool numbered = false;
    };
    std::vector<Band> bands;
    for (std::size_t c = 1, start = 0; c <= cols; ++c) {
        if (c < cols && h.deck_ids[c] == h.deck_ids[start]) continue;
        const auto* deck = set.find_deck(h.deck_ids[start]);
        bands.push_back({start, c, deck ? trainer::content::pick(deck->title, ui.locale) : h.deck_ids[start], false});
        start = c;
    }
    const ImFont* small = ui.fonts.small;
    const float band_pad = ui.px(4);
    auto band_room = [&](const Band& b) { return static_cast<float>(b.end - b.first) * cell - 2 * band_pad; };
    std::string legend;
    for (std::size_t k = 0; k < bands.size(); ++k) {
        Band& b = bands[k];
        const float room = band_room(b);
        bool fits = small->CalcTextSizeA(small->FontSize, FLT_MAX, room, b.title.c_str()).y <= 2 * small->FontSize + 0.5f;
        for (std::size_t from = 0; fits && from < b.title.size();) { // no word broken inside
            const std::size_t to = std::min(b.title.find(' ', from), b.title.size());
            fits = small->CalcTextSizeA(small->FontSize, FLT_MAX, 0, b.title.c_str() + from, b.title.c_str() + to).x <= room;
            from = to + 1;
        }
        b.numbered = !fits;
        if (b.numbered) legend += (legend.empty() ? "" : "   ·   ") + std::to_string(k + 1) + "  " + b.title;
    }
    if (!legend.empty()) widgets::text(ui.fonts.small, legend, theme::kAccent);
    ImVec2 origin = ImGui::GetCursorScreenPos();
    const float band_h = 2 * small->FontSize + ui.px(6);
    const ImVec2 mouse = ImGui::GetIO().MousePos;
    const Band* hovered_band = nullptr;
    for (std::size_t k = 0; k < bands.size(); ++k) {
        const Band& b = bands[k];
        const float x0 = origin.x + name_w + static_cast<float>(b.first) * cell, x1 = origin.x + name_w + static_cast<float>(b.end) * cell;
        dl->AddRectFilled(ImVec2(x0 + 1, origin.y), ImVec2(x1 - 1, origin.y + band_h), col(theme::kAccentSoft), ui.px(3));
        const std::string label = b.numbered ? std::to_string(k + 1) : b.title;
        const float room = band_room(b);
        if (small->CalcTextSizeA(small->FontSize, FLT_MAX, 0, label.c_str()).x <= std::max(room, ui.px(10)) || !b.numbered)
            dl->AddText(small, small->FontSize, ImVec2(x0 + band_pad, origin.y + ui.px(3)), col(theme::kAccent), label.c_str(), nullptr,
                        room);
        if (ImGui::IsWindowHovered() && mouse.x >= x0 && mouse.x < x1 && mouse.y >= origin.y && mouse.y < origin.y + band_h)
            hovered_band = &b;
    }
    if (hovered_band) ImGui::SetTooltip("%s", hovered_band->title.c_str());
    origin.y += band_h + ui.px(4);
    int hovered_row = -1, hovered_col = -1;
    for (std::size_t r = 0; r < h.person_ids.size(); ++r) {
        const float y = origin.y + static_cast<float>(r) * row_h;
        // A long name is cut at a word with "…" before the cells (whole in each cell's tooltip).
        dl->AddText(ImVec2(origin.x, y + (row_h - ImGui::GetTextLineHeight()) * 0.5f), col(theme::kInk),
                    widgets::ellipsize(h.display_names[r], name_w - ui.px(8)).c_str());
        for (std::size_t c = 0; c < cols; ++c) {
            const float x = origin.x + name_w + static_cast<float>(c) * cell;
            const Cell v = h.at(r, c);
            const ImVec4 colour = v == Cell::Mastered ? theme::kOkBlue : v == Cell::Learning ? theme::kOkSky : theme::kLine;
            dl->AddRectFilled(ImVec2(x + 1, y + 1), ImVec2(x + cell - 1, y + row_h - 1), col(colour), ui.px(2));
            if (mouse.x >= x && mouse.x < x + cell && mouse.y >= y && mouse.y < y + row_h)
                hovered_row = static_cast<int>(r), hovered_col = static_cast<int>(c);
        }
    }
    // Share of the team that mastered each standard, as a bar under its column.
    const float yb = origin.y + static_cast<float>(h.person_ids.size()) * row_h + ui.px(6);
    const float bar_h = ui.px(60);
    dl->AddText(ui.fonts.small, ui.fonts.small->FontSize, ImVec2(origin.x, yb), col(theme::kMuted), ui.tr("dash.heat.share").c_str());
    for (std::size_t c = 0; c < cols; ++c) {
        const float x = origin.x + name_w + static_cast<float>(c) * cell;
        const float f = static_cast<float>(h.card_mastery_percent[c] / 100.0);
        dl->AddRectFilled(ImVec2(x + 1, yb + bar_h * (1 - f)), ImVec2(x + cell - 1, yb + bar_h), col(theme::kOkBlue));
        dl->AddLine(ImVec2(x, yb + bar_h), ImVec2(x + cell, yb + bar_h), col(theme::kMuted));
    }
    ImGui::Dummy(ImVec2(name_w + static_cast<float>(cols) * cell, yb + bar_h - ImGui::GetCursorScreenPos().y + ui.px(8)));
    if (hovered_row >= 0) {
        const auto face = trainer::cards::card_face(set, h.card_ids[static_cast<std::size_t>(hovered_col)], ui.locale);
        const Cell v = h.at(static_cast<std::size_t>(hovered_row), static_cast<std::size_t>(hovered_col));
        ImGui::BeginTooltip();
        ImGui::TextUnformatted(h.display_names[static_cast<std::size_t>(hovered_row)].c_str());
        ImGui::TextUnformatted(face.text.title.c_str());
        ImGui::TextColored(theme::kMuted, "%s",
                           ui.tr(v == Cell::Mastered ? "dash.heat.mastered" : v == Cell::Learning ? "dash.heat.learning" : "dash.heat.not_started").c_str());
        ImGui::EndTooltip();
    }
    ImGui::EndChild();
}

void DashboardScreen::draw_phases(const UiContext& ui, const DashboardData& d, const trainer::content::ContentSet& set) {
    for (int p = 0; p < 4; ++p) legend_item(ui, theme::phase_colour(p), phase_name(ui, set, p));
    legend_item(ui, theme::kNone, ui.tr("dash.no_phase"));
    ImGui::NewLine();
    const auto& weeks = d.phases.weeks;
    if (weeks.empty()) {
        widgets::text(ui.fonts.body, ui.tr("dash.empty"), theme::kMuted);
        return;
    }
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const ImVec2 o = ImGui::GetCursorScreenPos();
    const float chart_h = ui.px(240);
    const float avail = ImGui::GetContentRegionAvail().x;
    const float slot = std::min(ui.px(72), avail / static_cast<float>(weeks.size()));
    const float bar_w = slot * 0.7f;
    int most = 1;
    for (const auto& w : weeks) {
        int t = w.no_phase;
        for (int c : w.counts) t += c;
        most = std::max(most, t);
    }
    for (std::size_t i = 0; i < weeks.size(); ++i) {
        const auto& w = weeks[i];
        const float x = o.x + static_cast<float>(i) * slot + (slot - bar_w) * 0.5f;
        float y = o.y + chart_h;
        auto seg = [&](int count, const ImVec4& c) {
            if (count <= 0) return;
            const float hh = chart_h * static_cast<float>(count) / static_cast<float>(most);
            dl->AddRectFilled(ImVec2(x, y - hh), ImVec2(x + bar_w, y), col(c));
            dl->AddLine(ImVec2(x, y - hh), ImVec2(x + bar_w, y - hh), col(theme::kCard)); // separates segments without colour
            if (hh >= ui.fonts.small->FontSize + 2 && bar_w >= ui.px(22)) {
                const std::string s = std::to_string(count);
                dl->AddText(ui.fonts.small, ui.fonts.small->FontSize, ImVec2(x + ui.px(4), y - hh + 1), col(theme::kInk), s.c_str());
            }
            y -= hh;
        };
        for (int p = 0; p < 4; ++p) seg(w.counts[static_cast<std::size_t>(p)], theme::phase_colour(p));
        seg(w.no_phase, theme::kNone);
        const std::string label = trainer::i18n::format_iso_week(trainer::utc_day(w.monday_ms), ui.locale); // "tydz. 37"
        dl->AddText(ui.fonts.small, ui.fonts.small->FontSize, ImVec2(x, o.y + chart_h + ui.px(4)), col(theme::kMuted), label.c_str());
    }
    dl->AddLine(ImVec2(o.x, o.y + chart_h), ImVec2(o.x + slot * static_cast<float>(weeks.size()), o.y + chart_h), col(theme::kMuted));
    ImGui::Dummy(ImVec2(slot * static_cast<float>(weeks.size()), chart_h + ui.px(28)));
    // What to do now, per phase, with today's counts.
    if (!set.change) return;
    ImGui::BeginChild("##advice", ImVec2(0, 0), false);
    for (int p = 0; p < 4; ++p) {
        const auto& info = set.change->phase(static_cast<trainer::content::Phase>(p));
        const int count = d.overview.phase_counts[static_cast<std::size_t>(p)];
        legend_item(ui, theme::phase_colour(p), phase_name(ui, set, p) + ": " + std::to_string(count));
        ImGui::NewLine();
        ImGui::Indent(ui.px(24));
        widgets::text(ui.fonts.small, trainer::content::pick(info.lead_action, ui.locale), theme::kMuted);
        ImGui::Unindent(ui.px(24));
    }
    ImGui::EndChild();
}

void DashboardScreen::draw_quality(const UiContext& ui, const DashboardData& d) {
    if (d.rollup) {
        const auto& r = *d.rollup;
        widgets::caption(ui, ui.tr("dash.rollup", {{"period", trainer::i18n::format_period_label(r.period, ui.locale)}}));
        widgets::text(ui.fonts.large,
                      ui.tr("dash.rollup_line", {{"index", figure(ui.locale, r.mean_index, "")},
                                                 {"eligible", std::to_string(r.eligible)},
                                                 {"agents", std::to_string(r.agents)},
                                                 {"quality", figure(ui.locale, r.mean_quality)},
                                                 {"evaluations", std::to_string(r.evaluations)}}),
                      theme::kInk);
        widgets::text(ui.fonts.small, ui.tr("dash.rollup_hint"), theme::kMuted);
        ImGui::Spacing();
    }
    widgets::caption(ui, ui.tr("dash.qa_trend"));
    if (d.qa_months.empty()) {
        widgets::text(ui.fonts.body, ui.tr("dash.empty"), theme::kMuted);
        return;
    }
    // The team's mean QA score per month (0..100), with the 85 % line most bonus rules use.
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const ImVec2 o = ImGui::GetCursorScreenPos();
    const float h = ui.px(220), slot = ui.px(120), bar = ui.px(64);
    const float width = slot * static_cast<float>(d.qa_months.size());
    const auto y_of = [&](double v) { return o.y + h - h * static_cast<float>(v / 100.0); };
    for (std::size_t i = 0; i < d.qa_months.size(); ++i) {
        const auto& m = d.qa_months[i];
        const float x = o.x + static_cast<float>(i) * slot + (slot - bar) * 0.5f;
        if (m.mean) {
            dl->AddRectFilled(ImVec2(x, y_of(*m.mean)), ImVec2(x + bar, o.y + h), col(trainer::quality::meets_qa_pass_mark(*m.mean, d.qa_pass_mark) ? theme::kOkBlue : theme::kOkOrange));
            dl->AddText(ImVec2(x, y_of(*m.mean) - ImGui::GetTextLineHeight() - 2), col(theme::kInk), figure(ui.locale, m.mean).c_str());
        } else {
            dl->AddText(ImVec2(x + bar * 0.4f, o.y + h - ImGui::GetTextLineHeight()), col(theme::kMuted), "—");
        }
        dl->AddText(ui.fonts.small, ui.fonts.small->FontSize, ImVec2(x, o.y + h + ui.px(4)), col(theme::kMuted),
                    widgets::period_axis_label(ui, m.period, i ? std::string_view(d.qa_months[i - 1].period) : std::string_view()).c_str());
        const std::string n = ui.count("dash.evaluations", m.evaluations);
        dl->AddText(ui.fonts.small, ui.fonts.small->FontSize, ImVec2(x, o.y + h + ui.px(8) + 2 * ui.fonts.small->FontSize),
                    col(theme::kMuted), n.c_str());
    }
    const float mark_y = y_of(d.qa_pass_mark);
    dl->AddLine(ImVec2(o.x, mark_y), ImVec2(o.x + width, mark_y), col(theme::kMuted), 1.0f);
    dl->AddText(ui.fonts.small, ui.fonts.small->FontSize, ImVec2(o.x + width + ui.px(6), mark_y - ui.px(9)), col(theme::kMuted),
                trainer::i18n::format_percent(d.qa_pass_mark, 0, ui.locale).c_str());
    dl->AddLine(ImVec2(o.x, o.y + h), ImVec2(o.x + width, o.y + h), col(theme::kMuted));
    ImGui::Dummy(ImVec2(width + ui.px(60), h + ui.px(32) + 3 * ui.fonts.small->FontSize));
}

Intent DashboardScreen::draw_maturity(const UiContext& ui, const DashboardData& d, const trainer::content::ContentSet& set) {
    Intent intent;
    widgets::text(ui.fonts.body, ui.tr("dash.maturity_intro"), theme::kMuted);
    if (widgets::button(ui, ui.tr("dash.maturity_take"), ui.px(360), true)) intent = ShowMaturity{};
    ImGui::Spacing();
    if (d.maturity.empty()) {
        widgets::text(ui.fonts.body, ui.tr("dash.maturity_none"), theme::kMuted);
        return intent;
    }
    // Bars of the total (0..30) by date, with the 20 and 25 band lines.
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const ImVec2 o = ImGui::GetCursorScreenPos();
    const float h = ui.px(200), slot = ui.px(96), bar = ui.px(56);
    const auto y_of = [&](int v) { return o.y + h - h * static_cast<float>(v) / 30.0f; };
    const float width = slot * static_cast<float>(d.maturity.size());
    for (int line : {20, 25}) {
        dl->AddLine(ImVec2(o.x, y_of(line)), ImVec2(o.x + width, y_of(line)), col(theme::kMuted), 1.0f);
        dl->AddText(ui.fonts.small, ui.fonts.small->FontSize, ImVec2(o.x + width + ui.px(6), y_of(line) - ui.px(9)), col(theme::kMuted),
                    std::to_string(line).c_str());
    }
    for (std::size_t i = 0; i < d.maturity.size(); ++i) {
        const auto& m = d.maturity[i];
        const float x = o.x + static_cast<float>(i) * slot + (slot - bar) * 0.5f;
        const ImVec4 c = m.band == trainer::content::MaturityBand::Alarm ? theme::kOkVermillion
                         : m.band == trainer::content::MaturityBand::WorkToDo ? theme::kOkOrange
                                                                              : theme::kOkGreen;
        dl->AddRectFilled(ImVec2(x, y_of(m.total)), ImVec2(x + bar, o.y + h), col(c));
        dl->AddText(ImVec2(x + ui.px(8), y_of(m.total) - ImGui::GetTextLineHeight() - 2), col(theme::kInk), std::to_string(m.total).c_str());
        dl->AddText(ui.fonts.small, ui.fonts.small->FontSize, ImVec2(x - ui.px(12), o.y + h + ui.px(4)), col(theme::kMuted),
                    trainer::i18n::format_iso_day(m.date, ui.locale, trainer::i18n::DateStyle::DayMonth).c_str());
    }
    ImGui::Dummy(ImVec2(width + ui.px(40), h + ui.px(30)));
    const auto& last = d.maturity.back();
    if (set.change)
        widgets::text(ui.fonts.body,
                      ui.tr("dash.maturity_last", {{"total", std::to_string(last.total)}, {"date", trainer::i18n::format_iso_day(last.date, ui.locale)}}) + "  " +
                          trainer::content::pick(set.change->maturity_bands[static_cast<std::size_t>(last.band)], ui.locale),
                      theme::kInk);
    return intent;
}

} // namespace kiosk
