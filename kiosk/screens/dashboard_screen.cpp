#include "kiosk/screens/dashboard_screen.hpp"
#include "trainer/quality/pass_mark.hpp"

#include "kiosk/input.hpp"

#include "kiosk/theme.hpp"
#include "kiosk/screen_parts.hpp"
#include "kiosk/widgets.hpp"
#include "trainer/content/change_model.hpp"
#include "trainer/content/onboarding_model.hpp"
#include "trainer/core/org_time_zone.hpp"
#include "trainer/core/time.hpp"
#include "trainer/i18n/format.hpp"
#include "trainer/search/fold.hpp"

#include <imgui.h>
#include <imgui_stdlib.h>

#include <algorithm>
#include <cmath>

namespace kiosk {

namespace {

using trainer::dashboard::TeamRow;

// A row of large toggle buttons; returns the index clicked or -1.
int segmented(const UiContext& ui, const std::vector<std::string>& labels, int active) {
    int clicked = -1;
    const float right = ImGui::GetWindowContentRegionMax().x;
    for (std::size_t i = 0; i < labels.size(); ++i) {
        // A tab that would not fit (ru at 1024 px) starts a second row instead of being cut off.
        if (i) {
            const float w = ImGui::CalcTextSize(labels[i].c_str()).x + ImGui::GetStyle().FramePadding.x * 2;
            const float x = ImGui::GetItemRectMax().x - ImGui::GetWindowPos().x + ImGui::GetStyle().ItemSpacing.x;
            if (x + w <= right) ImGui::SameLine();
        }
        ImGui::PushID(static_cast<int>(i));
        if (widgets::button(ui, labels[i], 0.0f, static_cast<int>(i) == active)) clicked = static_cast<int>(i);
        ImGui::PopID();
    }
    return clicked;
}

} // namespace

std::string phase_name(const UiContext& ui, const trainer::content::ContentSet& set, int phase) {
    if (set.change) return trainer::content::pick(set.change->phase(static_cast<trainer::content::Phase>(phase)).name, ui.locale);
    return trainer::content::phase_id(static_cast<trainer::content::Phase>(phase));
}

std::string figure(std::string_view locale, const std::optional<double>& v, const char* unit) {
    if (!v) return trainer::i18n::kNoValue;
    if (*unit == '\0') return trainer::i18n::format_number(*v, 1, locale);
    return trainer::i18n::format_percent(*v, 0, locale);
}

Intent DashboardScreen::draw(const UiContext& ui, const DashboardData& d, const trainer::content::ContentSet& set) {
    Intent intent;
    if (widgets::header(ui, ui.tr("dash.heading", {{"team", d.overview.team_name}}))) intent = Back{};
    if (d.teams.size() > 1) {
        for (const auto& [id, name] : d.teams) {
            ImGui::SameLine();
            ImGui::PushID(id.c_str());
            if (widgets::button(ui, name, 0.0f, id == d.team_id) && id != d.team_id) intent = ShowDashboard{id};
            ImGui::PopID();
        }
    }
    if (!d.problem.empty()) {
        widgets::text(ui.fonts.body, d.problem, theme::kWarn);
        return intent;
    }
    const auto& o = d.overview;
    const std::string rollout = o.rollout_id.empty() ? ui.tr("dash.all_standards") : trainer::content::pick(o.rollout_title, ui.locale);
    widgets::text(ui.fonts.body,
                  ui.tr("dash.summary", {{"rollout", rollout},
                                         {"agents", std::to_string(o.rows.size())},
                                         {"mastery", figure(ui.locale, o.mean_mastery_percent)},
                                         {"onboarding", figure(ui.locale, o.mean_onboarding_percent)},
                                         {"backlog", std::to_string(o.total_due_backlog)}}),
                  theme::kMuted);
    const std::vector<std::string> tabs = {
        ui.tr("dash.tab.team"), ui.tr("dash.tab.heatmap"), ui.tr("dash.tab.phases"), ui.tr("dash.tab.quality"),
        ui.tr("dash.tab.signoffs") + (d.signoffs.items.empty() ? "" : "  (" + std::to_string(d.signoffs.items.size()) + ")"),
        ui.tr("dash.tab.maturity")};
    if (int t = segmented(ui, tabs, static_cast<int>(tab)); t >= 0) tab = static_cast<Tab>(t);
    ImGui::Separator();
    Intent body;
    switch (tab) {
    case Tab::Team: body = draw_table(ui, d, set); break;
    case Tab::Heatmap: draw_heatmap(ui, d, set); break;
    case Tab::Phases: draw_phases(ui, d, set); break;
    case Tab::Quality: // charts taller than a small window: the tab scrolls
        ImGui::BeginChild("##quality-tab", ImVec2(0, 0), false);
        draw_quality(ui, d);
        ImGui::EndChild();
        break;
    case Tab::Signoffs: body = draw_signoffs(ui, d, set); break;
    case Tab::Maturity:
        ImGui::BeginChild("##maturity-tab", ImVec2(0, 0), false, ImGuiWindowFlags_HorizontalScrollbar);
        body = draw_maturity(ui, d, set);
        ImGui::EndChild();
        break;
    }
    if (!is_none(body)) intent = body;
    if (is_none(intent) && !ImGui::IsAnyItemActive() && input::pressed(input::Key::Escape)) intent = Back{};
    return intent;
}

Intent DashboardScreen::draw_table(const UiContext& ui, const DashboardData& d, const trainer::content::ContentSet& set) {
    Intent intent;
    ImGui::SetNextItemWidth(ui.px(360));
    ImGui::PushStyleVar(ImGuiStyleVar_FramePadding, ImVec2(ui.px(12), ui.px(12)));
    ImGui::InputTextWithHint("##filter", ui.tr("dash.filter").c_str(), &filter);
    ImGui::PopStyleVar();
    ImGui::SameLine(0, ui.px(16));
    ImGui::PushFont(ui.fonts.small);
    ImGui::PushStyleColor(ImGuiCol_Text, theme::kMuted);
    ImGui::TextWrapped("%s", ui.tr("dash.tap_row").c_str()); // wraps beside the filter when long
    if (!d.overview.qa_period.empty()) // the QA column's period (docs/figures.md "QA score")
        ImGui::TextWrapped("%s", ui.tr("dash.qa_period", {{"period", trainer::i18n::format_period_label(d.overview.qa_period, ui.locale)}}).c_str());
    ImGui::PopStyleColor();
    ImGui::PopFont();

    std::vector<const TeamRow*> rows;
    const std::string needle = trainer::search::fold(filter);
    for (const auto& r : d.overview.rows) {
        const std::string phase = r.phase ? phase_name(ui, set, static_cast<int>(*r.phase)) : "";
        if (needle.empty() || trainer::search::fold(r.display_name + " " + phase).find(needle) != std::string::npos)
            rows.push_back(&r);
    }
    const float row_h = ui.px(theme::kTouch);
    const ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_Sortable |
                                  ImGuiTableFlags_ScrollY | ImGuiTableFlags_SizingStretchProp;
    if (ImGui::BeginTable("##team-table", 7, flags, ImVec2(0, 0))) {
        ImGui::TableSetupScrollFreeze(0, 1);
        // The figure columns are as wide as their header's longest word (beside the sort arrow) or
        // their widest figure, so a header wraps between words and is never cut; the name and the
        // phase share the rest.
        const float arrow = std::floor(ImGui::GetFontSize() * 0.65f + ImGui::GetStyle().FramePadding.x);
        auto figure_column = [&](const char* key) {
            const std::string label = ui.tr(key);
            float w = ImGui::CalcTextSize("100,0 %").x;
            for (std::size_t from = 0; from < label.size();) {
                const std::size_t to = std::min(label.find(' ', from), label.size());
                w = std::max(w, ImGui::CalcTextSize(label.c_str() + from, label.c_str() + to).x);
                from = to + 1;
            }
            ImGui::TableSetupColumn(label.c_str(), ImGuiTableColumnFlags_PreferSortDescending | ImGuiTableColumnFlags_WidthFixed,
                                    std::ceil(w + arrow + ui.px(4)));
        };
        ImGui::TableSetupColumn(ui.tr("dash.col.agent").c_str(), ImGuiTableColumnFlags_DefaultSort | ImGuiTableColumnFlags_WidthStretch, 1.2f);
        for (const char* key : {"dash.col.onboarding", "dash.col.mastery", "dash.col.backlog"}) figure_column(key);
        // The phase column fits its widest chip ("Сопротивление ●") in the small font, padded.
        float phase_w = ImGui::CalcTextSize(ui.tr("dash.col.phase").c_str()).x + arrow;
        ImGui::PushFont(ui.fonts.small);
        for (int p = 0; p < 4; ++p) phase_w = std::max(phase_w, ImGui::CalcTextSize((phase_name(ui, set, p) + " ●").c_str()).x + ui.px(24));
        ImGui::PopFont();
        ImGui::TableSetupColumn(ui.tr("dash.col.phase").c_str(), ImGuiTableColumnFlags_WidthFixed, std::ceil(phase_w));
        for (const char* key : {"dash.col.qa", "dash.col.motivation"}) figure_column(key);
        // Sortable headers a finger can hit, read whole: the header row is a touch target tall and
        // has room for two lines, so "К повторению" wraps in a narrow window instead of being cut.
        const float header_h = std::max(ui.px(theme::kTouch), 2 * ImGui::GetTextLineHeight() + 2 * ImGui::GetStyle().CellPadding.y);
        ImGui::TableNextRow(ImGuiTableRowFlags_Headers, header_h);
        for (int c = 0; c < 7; ++c) {
            ImGui::TableSetColumnIndex(c);
            widgets::table_header(ImGui::TableGetColumnName(c), header_h);
        }
        if (ImGuiTableSortSpecs* specs = ImGui::TableGetSortSpecs(); specs && specs->SpecsCount > 0) {
            sort_column = specs->Specs[0].ColumnIndex;
            sort_descending = specs->Specs[0].SortDirection == ImGuiSortDirection_Descending;
        }
        auto key = [&](const TeamRow* r) -> double {
            switch (sort_column) {
            case 1: return r->onboarding_percent.value_or(-1);
            case 2: return r->mastery_percent;
            case 3: return r->due_backlog;
            case 4: return r->phase ? static_cast<double>(*r->phase) : -1;
            case 5: return r->qa_score.value_or(-1);
            case 6: return r->motivation_index.value_or(-1);
            default: return 0;
            }
        };
        std::stable_sort(rows.begin(), rows.end(), [&](const TeamRow* a, const TeamRow* b) {
            if (sort_column == 0) return sort_descending ? a->display_name > b->display_name : a->display_name < b->display_name;
            return sort_descending ? key(a) > key(b) : key(a) < key(b);
        });
        for (const TeamRow* r : rows) {
            ImGui::PushID(r->person_id.c_str());
            ImGui::TableNextRow(0, row_h);
            ImGui::TableNextColumn();
            ImGui::AlignTextToFramePadding();
            // A name longer than its column is cut at a word with "…" (whole on the person's page).
            const std::string name = widgets::ellipsize(r->display_name, ImGui::GetContentRegionAvail().x);
            if (ImGui::Selectable(name.c_str(), false,
                                  ImGuiSelectableFlags_SpanAllColumns | ImGuiSelectableFlags_AllowItemOverlap,
                                  ImVec2(0, row_h - ImGui::GetStyle().CellPadding.y * 2)))
                intent = ShowPerson{r->person_id};
            auto cell = [&](const std::string& s, const ImVec4& c = theme::kInk) {
                ImGui::TableNextColumn();
                ImGui::AlignTextToFramePadding();
                ImGui::TextColored(c, "%s", s.c_str());
            };
            cell(figure(ui.locale, r->onboarding_percent));
            cell(figure(ui.locale, r->mastery_percent));
            cell(std::to_string(r->due_backlog), r->due_backlog > 20 ? theme::kWarn : theme::kInk);
            ImGui::TableNextColumn();
            if (r->phase) {
                const int p = static_cast<int>(*r->phase);
                ImGui::SetCursorPosY(ImGui::GetCursorPosY() + ui.px(8));
                widgets::chip(ui, phase_name(ui, set, p) + (r->phase_source == "lead" ? " ●" : ""), theme::kInk,
                              ImVec4(theme::phase_colour(p).x, theme::phase_colour(p).y, theme::phase_colour(p).z, 0.35f));
            } else {
                ImGui::AlignTextToFramePadding();
                ImGui::TextColored(theme::kMuted, "—");
            }
            cell(figure(ui.locale, r->qa_score), r->qa_score && !trainer::quality::meets_qa_pass_mark(*r->qa_score, d.qa_pass_mark) ? theme::kWarn : theme::kInk);
            cell(figure(ui.locale, r->motivation_index, ""));
            ImGui::PopID();
        }
        ImGui::EndTable();
    }
    return intent;
}

Intent DashboardScreen::draw_signoffs(const UiContext& ui, const DashboardData& d, const trainer::content::ContentSet& set) {
    Intent intent;
    if (!d.signoffs.available || d.signoffs.items.empty()) {
        widgets::text(ui.fonts.body, ui.tr("dash.no_signoffs"), theme::kMuted);
        return intent;
    }
    // Someone who may sign none of them (an admin watching a team) is told who does, not asked to.
    const bool any_yours = std::any_of(d.signoffs.items.begin(), d.signoffs.items.end(), [](const auto& s) { return s.yours; });
    widgets::text(ui.fonts.body, ui.tr(any_yours ? "dash.signoff_hint" : "dash.signoff_hint_watch"), theme::kMuted);
    for (const auto& s : d.signoffs.items) {
        ImGui::PushID((s.person_id + "/" + s.module_id).c_str());
        ImGui::AlignTextToFramePadding();
        ImGui::TextUnformatted(s.display_name.c_str());
        ImGui::SameLine(ui.px(300));
        // The module by its title in the lead's language (never the raw id), cut to its place.
        const trainer::content::Module* m = set.onboarding ? set.onboarding->find_module(s.module_id) : nullptr;
        const std::string what = (m ? trainer::content::pick(m->title, ui.locale) : s.module_id) + "  ·  " +
                                 trainer::i18n::format_date(s.requested_ms, ui.locale, trainer::organisation_zone());
        const float room = ImGui::GetWindowContentRegionMax().x - ui.px(260) - ImGui::GetCursorPosX() - ui.px(16);
        ImGui::TextColored(theme::kMuted, "%s", widgets::ellipsize(what, room).c_str());
        ImGui::SameLine(ImGui::GetWindowContentRegionMax().x - ui.px(260));
        if (!s.yours) { // an admin watching a team: the person's own lead signs (onboarding::may_sign)
            ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + ui.px(260)); // whole, over two lines if need be
            ImGui::TextColored(theme::kMuted, "%s", ui.tr("dash.signed_by_lead").c_str());
            ImGui::PopTextWrapPos();
        } else if (widgets::button(ui, ui.tr("dash.sign_off"), ui.px(260), true)) {
            intent = OpenSignoff{s.person_id, s.module_id};
        }
        ImGui::PopID();
    }
    return intent;
}

} // namespace kiosk
