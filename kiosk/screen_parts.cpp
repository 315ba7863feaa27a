#include "kiosk/screen_parts.hpp"

#include "kiosk/theme.hpp"
#include "kiosk/widgets.hpp"

#include <imgui.h>

namespace kiosk::widgets {

bool back_button(const UiContext& ui, const std::string& label) {
    return button(ui, "←  " + (label.empty() ? ui.tr("nav.back") : label));
}

bool header(const UiContext& ui, const std::string& title) {
    const bool back = back_button(ui);
    ImGui::SameLine();
    ImGui::PushFont(ui.fonts.title);
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted(title.c_str());
    ImGui::PopFont();
    return back;
}

bool header_stacked(const UiContext& ui, const std::string& title) {
    const bool back = back_button(ui);
    text(ui.fonts.title, title, theme::kInk);
    return back;
}

bool key_button(const UiContext& ui, const std::string& label, input::Key key, float width, bool primary,
                bool key_enabled) {
    const bool tapped = button(ui, label, width, primary);
    return tapped || (key_enabled && input::pressed(key));
}

void card_back(const UiContext& ui, const trainer::content::CardText& t, bool full) {
    widgets::caption(ui, ui.tr("card.standard"));
    widgets::text(ui.fonts.body, t.back, theme::kInk);
    if (full) ImGui::Spacing();
    widgets::caption(ui, ui.tr("card.why"));
    widgets::text(ui.fonts.body, t.why, theme::kInk);
    if (!t.phrasings.empty()) {
        if (full) ImGui::Spacing();
        widgets::caption(ui, ui.tr("card.phrasings"));
        for (const auto& p : t.phrasings) {
            ImGui::TextUnformatted("•");
            ImGui::SameLine();
            ImGui::BeginGroup(); // wrapped lines stay indented under the first
            widgets::text(ui.fonts.body, p, theme::kInk);
            ImGui::EndGroup();
        }
    }
    if (full && !t.avoid.empty()) {
        ImGui::Spacing();
        ImGui::PushFont(ui.fonts.small);
        ImGui::PushStyleColor(ImGuiCol_Text, theme::kWarn);
        ImGui::TextUnformatted(ui.tr("card.avoid").c_str());
        ImGui::PopStyleColor();
        ImGui::PopFont();
        widgets::text(ui.fonts.body, t.avoid, theme::kInk);
    }
}

} // namespace kiosk::widgets
