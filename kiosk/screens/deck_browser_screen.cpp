#include "kiosk/screens/deck_browser_screen.hpp"

#include "kiosk/theme.hpp"
#include "kiosk/widgets.hpp"

#include <algorithm>
#include <string>

namespace kiosk {

Intent DeckBrowserScreen::draw(const UiContext& ui,
                               const std::vector<trainer::cards::DeckSummary>& decks) {
    Intent intent;
    widgets::text(ui.fonts.title, ui.tr("decks.heading"), theme::kInk);
    widgets::text(ui.fonts.body, ui.tr("decks.subtitle"), theme::kMuted);
    ImGui::Spacing();
    if (decks.empty()) {
        widgets::banner(ui, ui.tr("decks.empty"), true);
        return intent;
    }
    const float avail = ImGui::GetContentRegionAvail().x;
    const float gap = ImGui::GetStyle().ItemSpacing.x;
    const int columns = std::clamp(static_cast<int>(avail / ui.px(380)), 1, 3);
    const float tile_w = (avail - gap * static_cast<float>(columns - 1)) / static_cast<float>(columns);
    const float tile_h = ui.px(190);
    ImGui::BeginChild("##decks", ImVec2(0, 0), false);
    for (std::size_t i = 0; i < decks.size(); ++i) {
        const auto& d = decks[i];
        if (i % static_cast<std::size_t>(columns) != 0) ImGui::SameLine();
        ImGui::PushID(d.id.c_str());
        const ImVec2 p = ImGui::GetCursorScreenPos();
        if (ImGui::InvisibleButton("##tile", ImVec2(tile_w, tile_h))) intent = OpenDeck{d.id};
        const bool hovered = ImGui::IsItemHovered();
        ImDrawList* dl = ImGui::GetWindowDrawList();
        const ImVec2 q(p.x + tile_w, p.y + tile_h);
        dl->AddRectFilled(p, q, ImGui::GetColorU32(hovered ? theme::kAccentSoft : theme::kCard),
                          ui.px(12));
        dl->AddRect(p, q, ImGui::GetColorU32(ImGuiCol_Border), ui.px(12));
        dl->AddRectFilled(p, ImVec2(p.x + ui.px(8), q.y), ImGui::GetColorU32(theme::kAccent),
                          ui.px(12), ImDrawFlags_RoundCornersLeft);
        const float pad = ui.px(24);
        const float wrap = tile_w - 2 * pad;
        dl->PushClipRect(p, q, true);
        float y = p.y + ui.px(18);
        const std::string step = std::to_string(i + 1);
        dl->AddText(ui.fonts.small, ui.fonts.small->FontSize, ImVec2(p.x + pad, y),
                    ImGui::GetColorU32(theme::kAccent), step.c_str());
        y += ui.fonts.small->FontSize + ui.px(6);
        dl->AddText(ui.fonts.large, ui.fonts.large->FontSize, ImVec2(p.x + pad, y),
                    ImGui::GetColorU32(theme::kInk), d.title.c_str(), nullptr, wrap);
        y += ui.fonts.large->CalcTextSizeA(ui.fonts.large->FontSize, FLT_MAX, wrap, d.title.c_str()).y +
             ui.px(8);
        // The description takes the lines left above the count; a longer one ends in "…".
        const float count_top = q.y - ui.px(14) - ui.fonts.small->FontSize - ui.px(6);
        const int lines = static_cast<int>((count_top - y) / ui.fonts.small->FontSize);
        const std::string description = widgets::ellipsize_lines(ui.fonts.small, d.description, wrap, lines);
        dl->AddText(ui.fonts.small, ui.fonts.small->FontSize, ImVec2(p.x + pad, y),
                    ImGui::GetColorU32(theme::kMuted), description.c_str(), nullptr, wrap);
        const std::string count = ui.count("deck.cards", d.card_count);
        dl->AddText(ui.fonts.small, ui.fonts.small->FontSize,
                    ImVec2(p.x + pad, q.y - ui.px(14) - ui.fonts.small->FontSize),
                    ImGui::GetColorU32(theme::kAccent), count.c_str());
        dl->PopClipRect();
        ImGui::PopID();
    }
    ImGui::EndChild();
    return intent;
}

} // namespace kiosk
