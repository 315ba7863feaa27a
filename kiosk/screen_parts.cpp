#include "kiosk/screen_parts.hpp"

#include "kiosk/theme.hpp"
#include "kiosk/widgets.hpp"
#include "trainer/i18n/format.hpp"

#include <imgui.h>

#include <cfloat>

namespace kiosk::widgets {

bool back_button(const UiContext& ui, const std::string& label) {
    return button(ui, "←  " + (label.empty() ? ui.tr("nav.back") : label));
}

std::string period_axis_label(const UiContext& ui, std::string_view period, std::string_view previous) {
    const auto now = trainer::i18n::format_period_short(period, ui.locale);
    const bool year_changed = previous.empty() || trainer::i18n::format_period_short(previous, ui.locale).year != now.year;
    return year_changed && !now.year.empty() ? now.part + "\n" + now.year : now.part;
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

bool hinted_button(const UiContext& ui, const std::string& label, const char* hint, float width, bool primary) {
    const bool tapped = button(ui, label, width, primary);
    // The key that does the same, small at the button's right end, where the centred label leaves
    // room for it (keyboard users learn it; a touch user can ignore it).
    if (hint && *hint) {
        const ImVec2 a = ImGui::GetItemRectMin(), b = ImGui::GetItemRectMax();
        ImFont* f = ui.fonts.small;
        const float hw = f->CalcTextSizeA(f->FontSize, FLT_MAX, 0.0f, hint).x;
        const float lw = ImGui::CalcTextSize(label.c_str(), nullptr, true).x;
        const float pad = ui.px(12);
        if ((a.x + b.x) * 0.5f + lw * 0.5f + pad < b.x - pad - hw) {
            const ImVec4 c = primary ? ImVec4(1, 1, 1, 0.75f) : theme::kMuted;
            ImGui::GetWindowDrawList()->AddText(f, f->FontSize, ImVec2(b.x - pad - hw, (a.y + b.y - f->FontSize) * 0.5f),
                                                ImGui::GetColorU32(c), hint);
        }
    }
    return tapped;
}

bool key_button(const UiContext& ui, const std::string& label, input::Key key, float width, bool primary,
                bool key_enabled) {
    const char* hint = key == input::Key::Enter && key_enabled ? "Enter" : nullptr; // arrows are in their labels
    const bool tapped = hinted_button(ui, label, hint, width, primary);
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
        for (const auto& p : t.phrasings) widgets::bullet(ui.fonts.body, p, theme::kInk);
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
