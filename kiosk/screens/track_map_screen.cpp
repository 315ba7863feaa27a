#include "kiosk/screens/track_map_screen.hpp"
#include "trainer/i18n/format.hpp"

#include "kiosk/theme.hpp"
#include "kiosk/screen_parts.hpp"
#include "kiosk/widgets.hpp"

#include <imgui.h>

#include <algorithm>
#include <cmath>

namespace kiosk {

namespace {

using trainer::onboarding::ModuleStatus;
using trainer::onboarding::ModuleTile;
using trainer::onboarding::TrackMap;

std::string titles_of(const TrackMap& t, const std::vector<std::string>& ids) {
    std::string out;
    for (const auto& id : ids) {
        auto it = std::find_if(t.modules.begin(), t.modules.end(), [&](const ModuleTile& m) { return m.module_id == id; });
        if (!out.empty()) out += ", ";
        out += it != t.modules.end() ? it->title : id;
    }
    return out;
}

Intent draw_tile(const UiContext& ui, const TrackMap& t, const ModuleTile& m, float w, float h) {
    Intent intent;
    const int pillar = static_cast<int>(m.pillar);
    const bool locked = m.status == ModuleStatus::Locked;
    ImGui::PushID(m.module_id.c_str());
    ImGui::PushStyleColor(ImGuiCol_ChildBg, locked ? theme::kBackground : theme::kCard);
    ImGui::PushStyleColor(ImGuiCol_Border, theme::kLine);
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(ui.px(16), ui.px(12)));
    ImGui::BeginChild("##tile", ImVec2(w, h), true, ImGuiWindowFlags_AlwaysUseWindowPadding | ImGuiWindowFlags_NoScrollbar);
    // A band in the pillar's colour down the left edge.
    const ImVec2 p = ImGui::GetWindowPos();
    ImGui::GetWindowDrawList()->AddRectFilled(p, ImVec2(p.x + ui.px(6), p.y + h), ImGui::GetColorU32(theme::pillar_colour(pillar)));
    widgets::chip(ui, pillar_label(ui, m.pillar), ImVec4(1, 1, 1, 1), theme::pillar_colour(pillar));
    ImGui::SameLine();
    const char* status_key = m.status == ModuleStatus::Done         ? "onb.status.done"
                             : m.status == ModuleStatus::InProgress ? "onb.status.in_progress"
                             : locked                               ? "onb.status.locked"
                                                                    : "onb.status.open";
    const ImVec4 status_fg = m.status == ModuleStatus::Done ? theme::kGood : locked ? theme::kMuted : theme::kAccent;
    const ImVec4 status_bg = m.status == ModuleStatus::Done ? theme::kGoodSoft : locked ? theme::kLine : theme::kAccentSoft;
    widgets::chip(ui, ui.tr(status_key), status_fg, status_bg);
    ImGui::SameLine();
    ImGui::PushFont(ui.fonts.small);
    ImGui::SetCursorPosY(ImGui::GetCursorPosY() + ui.px(5));
    ImGui::TextColored(theme::kMuted, "%s", ui.count("onb.minutes", m.minutes).c_str());
    ImGui::PopFont();
    widgets::text(ui.fonts.large, m.title, locked ? theme::kMuted : theme::kInk);
    ImGui::ProgressBar(static_cast<float>(m.percent) / 100.0f, ImVec2(-1, ui.px(8)), "");
    std::string note;
    ImVec4 note_colour = theme::kMuted;
    if (locked) note = ui.tr("onb.needs", {{"list", titles_of(t, m.missing)}});
    else if (m.awaiting_signoff) note = ui.tr("onb.awaiting"), note_colour = theme::kAccent;
    else if (m.reopened) note = ui.tr("onb.reopened"), note_colour = theme::kWarn;
    else if (!m.unlocks.empty() && m.status != ModuleStatus::Done) note = ui.tr("onb.unlocks", {{"list", titles_of(t, m.unlocks)}});
    else note = m.summary;
    // The note gets the whole lines that fit above the button (a locked tile has none: down to its
    // edge, so every module it waits for can show), cut at a word with "…" when longer.
    const float button_y = h - ui.px(theme::kTouch) - ui.px(14);
    const float bottom = locked ? h - ui.px(12) : button_y;
    const float room = bottom - ImGui::GetCursorPosY() - ui.px(4);
    if (room >= ui.fonts.small->FontSize) {
        const int lines = static_cast<int>(std::floor((room + 1) / ui.fonts.small->FontSize));
        const float wrap = ImGui::GetContentRegionAvail().x;
        widgets::text(ui.fonts.small, widgets::ellipsize_lines(ui.fonts.small, note, wrap, lines), note_colour);
    }
    // The button sits on the tile's bottom edge.
    ImGui::SetCursorPosY(button_y);
    if (!locked) {
        const char* key = m.status == ModuleStatus::Done ? "onb.review" : m.status == ModuleStatus::InProgress ? "onb.resume" : "onb.start";
        if (widgets::button(ui, ui.tr(key), -1.0f, m.status != ModuleStatus::Done)) intent = OpenModule{m.module_id};
    }
    ImGui::EndChild();
    ImGui::PopStyleVar();
    ImGui::PopStyleColor(2);
    ImGui::PopID();
    return intent;
}

} // namespace

std::string pillar_label(const UiContext& ui, trainer::content::Pillar p) {
    using trainer::content::Pillar;
    return ui.tr(p == Pillar::Knowledge ? "onb.pillar.knowledge" : p == Pillar::Attitude ? "onb.pillar.attitude" : "onb.pillar.skills");
}

Intent TrackMapScreen::draw(const UiContext& ui, const std::vector<TrackMap>& tracks) {
    Intent intent;
    if (widgets::back_button(ui)) intent = Back{};
    if (tracks.empty()) {
        widgets::text(ui.fonts.title, ui.tr("onb.heading"), theme::kInk);
        widgets::text(ui.fonts.body, ui.tr("onb.none"), theme::kMuted);
        return intent;
    }
    ImGui::BeginChild("##tracks", ImVec2(0, 0), false);
    for (const auto& t : tracks) {
        ImGui::PushID(t.track_id.c_str());
        widgets::text(ui.fonts.title, t.title, theme::kInk);
        widgets::text(ui.fonts.body, ui.tr("onb.done_of", {{"done", std::to_string(t.done)},
                                                            {"n", std::to_string(t.modules.size())},
                                                            {"percent", trainer::i18n::format_percent(t.percent, 0, ui.locale)}}),
                      theme::kMuted);
        ImGui::ProgressBar(static_cast<float>(t.percent) / 100.0f, ImVec2(ui.px(480), ui.px(10)), "");
        if (t.resume) {
            auto it = std::find_if(t.modules.begin(), t.modules.end(),
                                   [&](const ModuleTile& m) { return m.module_id == t.resume->module_id; });
            if (it != t.modules.end() &&
                widgets::button(ui, ui.tr("onb.continue", {{"module", it->title}}), 0.0f, true))
                intent = OpenModule{it->module_id};
        }
        ImGui::Spacing();
        const float gap = ImGui::GetStyle().ItemSpacing.x;
        const float avail = ImGui::GetContentRegionAvail().x;
        const int cols = std::max(1, static_cast<int>((avail + gap) / (ui.px(340) + gap)));
        const float w = (avail - gap * static_cast<float>(cols - 1)) / static_cast<float>(cols);
        for (std::size_t i = 0; i < t.modules.size(); ++i) {
            if (i % static_cast<std::size_t>(cols) != 0) ImGui::SameLine();
            Intent tile = draw_tile(ui, t, t.modules[i], w, ui.px(228));
            if (!is_none(tile)) intent = tile;
        }
        ImGui::PopID();
        ImGui::Spacing();
    }
    ImGui::EndChild();
    return intent;
}

} // namespace kiosk
