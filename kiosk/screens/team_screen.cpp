#include "kiosk/screens/team_screen.hpp"

#include "kiosk/theme.hpp"
#include "kiosk/screen_parts.hpp"
#include "kiosk/widgets.hpp"

#include <imgui.h>

namespace kiosk {

Intent TeamScreen::draw(const UiContext& ui, const std::vector<trainer::identity::TeamMemberRow>& rows,
                        trainer::TimeMs now_ms) {
    Intent intent;
    if (widgets::header_stacked(ui, ui.tr("team.heading"))) intent = Back{};
    if (rows.empty()) {
        widgets::text(ui.fonts.body, ui.tr("team.empty"), theme::kMuted);
        return intent;
    }
    const float row_h = ui.px(theme::kTouch);
    if (ImGui::BeginTable("##team", 3, ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH)) {
        ImGui::TableSetupColumn(ui.tr("team.name").c_str(), ImGuiTableColumnFlags_WidthStretch, 2.0f);
        ImGui::TableSetupColumn(ui.tr("team.sign_in").c_str(), ImGuiTableColumnFlags_WidthStretch, 2.0f);
        ImGui::TableSetupColumn("", ImGuiTableColumnFlags_WidthFixed, ui.px(220));
        ImGui::TableHeadersRow();
        for (const auto& r : rows) {
            ImGui::PushID(r.person_id.c_str());
            ImGui::TableNextRow(0, row_h);
            ImGui::TableNextColumn();
            ImGui::AlignTextToFramePadding();
            ImGui::TextUnformatted(widgets::ellipsize(r.display_name, ImGui::GetContentRegionAvail().x).c_str());
            ImGui::TableNextColumn();
            ImGui::AlignTextToFramePadding();
            if (r.locked)
                ImGui::TextColored(theme::kWarn, "%s",
                                   ui.count("team.locked", (r.locked_until_ms - now_ms + 59'999) / 60'000).c_str());
            else if (r.failures > 0)
                ImGui::TextColored(theme::kMuted, "%s", ui.count("team.failures", r.failures).c_str());
            else
                ImGui::TextColored(theme::kGood, "%s", ui.tr("team.ok").c_str());
            ImGui::TableNextColumn();
            if (r.failures > 0 && widgets::button(ui, ui.tr("team.unlock"), -1.0f, r.locked))
                intent = UnlockPerson{r.person_id};
            ImGui::PopID();
        }
        ImGui::EndTable();
    }
    return intent;
}

} // namespace kiosk
