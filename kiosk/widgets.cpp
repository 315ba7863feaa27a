#include "kiosk/widgets.hpp"

#include "kiosk/theme.hpp"

namespace kiosk::widgets {

bool button(const UiContext& ui, const std::string& label, float width, bool primary) {
    if (primary) {
        ImGui::PushStyleColor(ImGuiCol_Button, theme::kAccent);
        ImGui::PushStyleColor(ImGuiCol_ButtonHovered, ImVec4(0.0f, 0.42f, 0.72f, 1.0f));
        ImGui::PushStyleColor(ImGuiCol_ButtonActive, ImVec4(0.0f, 0.30f, 0.52f, 1.0f));
        ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(1, 1, 1, 1));
    }
    const bool clicked = ImGui::Button(label.c_str(), ImVec2(width, ui.px(theme::kTouch)));
    if (primary) ImGui::PopStyleColor(4);
    return clicked;
}

void text(ImFont* font, const std::string& s, const ImVec4& colour) {
    ImGui::PushFont(font);
    ImGui::PushStyleColor(ImGuiCol_Text, colour);
    ImGui::PushTextWrapPos(0.0f);
    ImGui::TextUnformatted(s.c_str(), s.c_str() + s.size());
    ImGui::PopTextWrapPos();
    ImGui::PopStyleColor();
    ImGui::PopFont();
}

void caption(const UiContext& ui, const std::string& s) { text(ui.fonts.small, s, theme::kAccent); }

void banner(const UiContext& ui, const std::string& s, bool warning) {
    const ImVec4 bg = warning ? theme::kWarnSoft : theme::kAccentSoft;
    ImGui::PushStyleColor(ImGuiCol_ChildBg, bg);
    ImGui::PushFont(ui.fonts.body);
    const float wrap = ImGui::GetContentRegionAvail().x - ui.px(32);
    const float h = ImGui::CalcTextSize(s.c_str(), nullptr, false, wrap).y + ui.px(24);
    ImGui::PushID(s.c_str()); // several banners may show at once
    ImGui::BeginChild("##banner", ImVec2(0, h), false, ImGuiWindowFlags_NoScrollbar);
    ImGui::SetCursorPos(ImVec2(ui.px(16), ui.px(12)));
    ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + wrap);
    ImGui::TextUnformatted(s.c_str());
    ImGui::PopTextWrapPos();
    ImGui::EndChild();
    ImGui::PopID();
    ImGui::PopFont();
    ImGui::PopStyleColor();
}

void chip(const UiContext& ui, const std::string& s, const ImVec4& fg, const ImVec4& bg) {
    ImGui::PushFont(ui.fonts.small);
    const ImVec2 size = ImGui::CalcTextSize(s.c_str());
    const ImVec2 pad(ui.px(10), ui.px(5));
    const ImVec2 p = ImGui::GetCursorScreenPos();
    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->AddRectFilled(p, ImVec2(p.x + size.x + 2 * pad.x, p.y + size.y + 2 * pad.y),
                      ImGui::GetColorU32(bg), ui.px(12));
    dl->AddText(ImVec2(p.x + pad.x, p.y + pad.y), ImGui::GetColorU32(fg), s.c_str());
    ImGui::Dummy(ImVec2(size.x + 2 * pad.x, size.y + 2 * pad.y));
    ImGui::PopFont();
}

} // namespace kiosk::widgets
