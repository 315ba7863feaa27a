#include "kiosk/theme.hpp"

namespace kiosk {

void apply_theme(float scale) {
    ImGuiStyle& s = ImGui::GetStyle();
    s = ImGuiStyle();
    ImGui::StyleColorsLight(&s);
    s.WindowPadding = {20, 16};
    s.FramePadding = {16, 12};
    s.ItemSpacing = {12, 12};
    s.ItemInnerSpacing = {10, 8};
    s.ScrollbarSize = 22;
    s.GrabMinSize = 24;
    s.WindowRounding = 0;
    s.ChildRounding = 10;
    s.FrameRounding = 8;
    s.ScrollbarRounding = 8;
    s.WindowBorderSize = 0;
    s.ChildBorderSize = 1;
    s.TouchExtraPadding = {4, 4};
    s.Colors[ImGuiCol_WindowBg] = theme::kBackground;
    s.Colors[ImGuiCol_ChildBg] = {0, 0, 0, 0};
    s.Colors[ImGuiCol_Text] = theme::kInk;
    s.Colors[ImGuiCol_TextDisabled] = theme::kMuted;
    s.Colors[ImGuiCol_Button] = {0.88f, 0.89f, 0.90f, 1.0f};
    s.Colors[ImGuiCol_ButtonHovered] = theme::kAccentSoft;
    s.Colors[ImGuiCol_ButtonActive] = {0.72f, 0.82f, 0.93f, 1.0f};
    s.Colors[ImGuiCol_FrameBg] = {1, 1, 1, 1};
    s.Colors[ImGuiCol_Border] = {0.80f, 0.81f, 0.82f, 1.0f};
    s.Colors[ImGuiCol_PlotHistogram] = theme::kAccent;
    s.ScaleAllSizes(scale);
}

} // namespace kiosk
