#include "kiosk/screens/search_screen.hpp"

#include "kiosk/input.hpp"
#include "kiosk/theme.hpp"
#include "kiosk/widgets.hpp"

#include <imgui.h>
#include <imgui_stdlib.h>

namespace kiosk {

Intent draw_search_field(const UiContext& ui, std::string& query, float width, bool focus,
                         const std::vector<trainer::cards::SearchRow>& rows) {
    Intent intent;
    if (focus) ImGui::SetKeyboardFocusHere();
    ImGui::SetNextItemWidth(width);
    ImGui::PushFont(ui.fonts.body);
    const bool enter = ImGui::InputTextWithHint("##search", ui.tr("search.hint").c_str(), &query,
                                                ImGuiInputTextFlags_EnterReturnsTrue);
    const bool active = ImGui::IsItemActive();
    ImGui::PopFont();
    if (enter && !rows.empty()) intent = OpenCard{rows.front().card_id};
    if ((active || !query.empty()) && ImGui::IsKeyPressed(input::code(input::Key::Escape)))
        intent = ClearSearch{};
    return intent;
}

Intent SearchScreen::draw(const UiContext& ui, const std::vector<trainer::cards::SearchRow>& rows, bool compact) {
    Intent intent;
    if (rows.empty()) {
        widgets::text(ui.fonts.body, ui.tr("search.none"), theme::kMuted);
        return intent;
    }
    widgets::text(ui.fonts.small, ui.count("search.count", static_cast<long long>(rows.size())), theme::kMuted);
    ImGui::BeginChild("##results");
    const float row_h = compact ? ui.px(78) : ui.px(70); // desk: title + two lines of the situation
    const float wrap = ImGui::GetContentRegionAvail().x - ui.px(32);
    for (const auto& r : rows) {
        ImGui::PushID(r.card_id.c_str());
        const ImVec2 p = ImGui::GetCursorScreenPos();
        if (ImGui::InvisibleButton("##row", ImVec2(ImGui::GetContentRegionAvail().x, row_h)))
            intent = OpenCard{r.card_id};
        ImDrawList* dl = ImGui::GetWindowDrawList();
        const ImVec2 q(p.x + ImGui::GetItemRectSize().x, p.y + row_h);
        dl->AddRectFilled(p, q, ImGui::GetColorU32(ImGui::IsItemHovered() ? theme::kAccentSoft : theme::kCard),
                          ui.px(8));
        dl->PushClipRect(p, q, true);
        float y = p.y + ui.px(10);
        ImFont* title_font = compact ? ui.fonts.body : ui.fonts.large; // desk mode is narrow
        dl->AddText(title_font, title_font->FontSize, ImVec2(p.x + ui.px(16), y),
                    ImGui::GetColorU32(theme::kInk), r.title.c_str());
        y += title_font->FontSize + ui.px(4);
        const std::string line = r.deck_title + "  ·  " + r.snippet;
        // At most two whole lines of the situation (one in the wide layout).
        const float lines = compact ? 2.0f : 1.0f;
        dl->PushClipRect(ImVec2(p.x, y), ImVec2(q.x, y + lines * ui.fonts.small->FontSize + 1), true);
        dl->AddText(ui.fonts.small, ui.fonts.small->FontSize, ImVec2(p.x + ui.px(16), y),
                    ImGui::GetColorU32(theme::kMuted), line.c_str(), nullptr, compact ? wrap : 0.0f);
        dl->PopClipRect();
        dl->PopClipRect();
        ImGui::PopID();
    }
    ImGui::EndChild();
    return intent;
}

} // namespace kiosk
