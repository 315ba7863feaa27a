#include "kiosk/screens/lead_home_panel.hpp"

#include "kiosk/screens/dashboard_screen.hpp"
#include "kiosk/theme.hpp"
#include "kiosk/widgets.hpp"

#include <imgui.h>

#include <string>

namespace kiosk {

namespace {

constexpr std::size_t kRowsPerKind = 4; // the rest: "and N more", a tap away on the dashboard

// One row: the line of what waits (ellipsized to the room left) and its action button at the right.
bool row(const UiContext& ui, const std::string& id, const std::string& line, const std::string& action) {
    ImGui::PushID(id.c_str());
    const float button_w = std::min(ui.px(260), ImGui::GetContentRegionAvail().x * 0.35f);
    const float text_w = ImGui::GetContentRegionAvail().x - button_w - ImGui::GetStyle().ItemSpacing.x;
    ImGui::AlignTextToFramePadding();
    ImGui::SetCursorPosY(ImGui::GetCursorPosY() + (ui.px(theme::kTouch) - ImGui::GetFrameHeight()) * 0.5f);
    ImGui::TextUnformatted(widgets::ellipsize(line, text_w).c_str());
    ImGui::SameLine(ImGui::GetWindowContentRegionMax().x - button_w);
    ImGui::SetCursorPosY(ImGui::GetCursorPosY() - (ui.px(theme::kTouch) - ImGui::GetFrameHeight()) * 0.5f);
    const bool tapped = widgets::button(ui, widgets::ellipsize(action, button_w - ui.px(24)), button_w);
    ImGui::PopID();
    return tapped;
}

void more(const UiContext& ui, std::size_t total, Intent& intent) {
    if (total <= kRowsPerKind) return;
    ImGui::PushID(static_cast<int>(total));
    // A touch target like every other button (issue 14 point 11), not a small link.
    if (widgets::button(ui, ui.count("home.coaching_more", static_cast<long long>(total - kRowsPerKind))))
        intent = ShowDashboard{};
    ImGui::PopID();
}

} // namespace

Intent draw_lead_home(const UiContext& ui, const trainer::app::LeadHome& h, const trainer::content::ContentSet& set) {
    Intent intent;
    widgets::caption(ui, ui.tr("lead.waiting"));
    if (h.empty()) {
        widgets::text(ui.fonts.body, ui.tr("lead.nothing"), theme::kMuted);
        return intent;
    }
    for (std::size_t i = 0; i < h.signoffs.size() && i < kRowsPerKind; ++i) {
        const auto& s = h.signoffs[i];
        if (row(ui, "s" + s.person_id + s.module_id,
                ui.tr("lead.signoff", {{"person", s.display_name}, {"module", s.module_title}}), ui.tr("lead.do_signoff")))
            intent = OpenSignoff{s.person_id, s.module_id};
    }
    more(ui, h.signoffs.size(), intent);
    for (std::size_t i = 0; i < h.locked.size() && i < kRowsPerKind; ++i) {
        const auto& l = h.locked[i];
        if (row(ui, "l" + l.person_id, ui.count("lead.locked", l.failures, {{"person", l.display_name}}),
                ui.tr("team.unlock")))
            intent = UnlockPerson{l.person_id};
    }
    more(ui, h.locked.size(), intent);
    for (std::size_t i = 0; i < h.phases.size() && i < kRowsPerKind; ++i) {
        const auto& p = h.phases[i];
        if (row(ui, "p" + p.person_id + p.rollout_id,
                ui.tr("lead.phase", {{"person", p.display_name},
                                     {"phase", phase_name(ui, set, static_cast<int>(p.phase))},
                                     {"rollout", p.rollout_title}}),
                ui.tr("lead.open_person")))
            intent = ShowPerson{p.person_id};
    }
    more(ui, h.phases.size(), intent);
    for (std::size_t i = 0; i < h.overdue.size() && i < kRowsPerKind; ++i) {
        const auto& o = h.overdue[i];
        if (row(ui, "o" + o.person_id + o.rollout_id,
                ui.count("lead.overdue", o.days_overdue, {{"person", o.display_name}, {"rollout", o.rollout_title}}),
                ui.tr("lead.open_person")))
            intent = ShowPerson{o.person_id};
    }
    more(ui, h.overdue.size(), intent);
    return intent;
}

} // namespace kiosk
