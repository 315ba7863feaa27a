#include "kiosk/screens/card_screen.hpp"

#include "kiosk/input.hpp"
#include "kiosk/theme.hpp"
#include "kiosk/screen_parts.hpp"
#include "kiosk/widgets.hpp"

#include <algorithm>

namespace kiosk {

namespace {

void draw_front(const UiContext& ui, const trainer::cards::CardFace& c) {
    widgets::caption(ui, ui.tr("card.situation"));
    widgets::text(ui.fonts.large, c.text.front, theme::kInk);
    ImGui::Dummy(ImVec2(0, ui.px(12)));
    widgets::text(ui.fonts.small, ui.tr("card.flip_hint"), theme::kMuted);
}

void draw_back(const UiContext& ui, const trainer::cards::CardFace& c) { widgets::card_back(ui, c.text, true); }

} // namespace

Intent CardScreen::draw(const UiContext& ui, const trainer::cards::CardFace& c) {
    Intent intent;
    if (c.id.empty()) {
        widgets::banner(ui, ui.tr("card.missing"), true);
        if (widgets::button(ui, ui.tr("nav.back"))) intent = Back{};
        return intent;
    }
    if (compact) {
        widgets::text(ui.fonts.small, c.deck_title, theme::kMuted);
        widgets::text(ui.fonts.large, c.text.title, theme::kInk);
        ImGui::Separator();
        draw_back(ui, c);
        if (input::pressed(input::Key::Escape)) intent = Back{};
        return intent;
    }
    // Header: back, deck, position.
    if (widgets::back_button(ui)) intent = Back{};
    ImGui::SameLine();
    ImGui::AlignTextToFramePadding();
    ImGui::TextColored(theme::kMuted, "%s  ·  %s", c.deck_title.c_str(),
                       ui.tr("card.position", {{"i", std::to_string(c.index + 1)},
                                               {"n", std::to_string(c.deck_size)}})
                           .c_str());

    // The card itself, centred, clickable as a whole.
    const float avail_w = ImGui::GetContentRegionAvail().x;
    const float card_w = std::min(avail_w, ui.px(980));
    const float footer_h = ui.px(theme::kTouch) + ImGui::GetStyle().ItemSpacing.y * 2;
    const float card_h = ImGui::GetContentRegionAvail().y - footer_h;
    ImGui::SetCursorPosX(ImGui::GetCursorPosX() + (avail_w - card_w) * 0.5f);
    ImGui::PushStyleColor(ImGuiCol_ChildBg, theme::kCard);
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(ui.px(32), ui.px(22)));
    ImGui::BeginChild("##card", ImVec2(card_w, card_h), true, ImGuiWindowFlags_AlwaysUseWindowPadding);
    if (c.moment_of_truth) {
        widgets::chip(ui, ui.tr("card.moment_of_truth"), theme::kWarn, theme::kWarnSoft);
        ImGui::SameLine();
    }
    if (c.customer_effort) widgets::chip(ui, ui.tr("card.customer_effort"), theme::kGood, theme::kAccentSoft);
    else if (c.moment_of_truth) ImGui::NewLine();
    widgets::text(ui.fonts.title, c.text.title, theme::kInk);
    if (!c.translated) widgets::text(ui.fonts.small, ui.tr("card.untranslated"), theme::kMuted);
    ImGui::Separator();
    ImGui::Spacing();
    if (flipped)
        draw_back(ui, c);
    else
        draw_front(ui, c);
    const bool card_clicked = ImGui::IsWindowHovered() && ImGui::IsMouseReleased(ImGuiMouseButton_Left) &&
                              !ImGui::IsAnyItemActive() &&
                              ImGui::GetIO().MouseDragMaxDistanceSqr[0] < ui.px(12) * ui.px(12);
    ImGui::EndChild();
    ImGui::PopStyleVar();
    ImGui::PopStyleColor();
    if (card_clicked) intent = FlipCard{};

    // Footer: previous, turn, next.
    const float gap = ImGui::GetStyle().ItemSpacing.x;
    const float bw = std::min(ui.px(260), (card_w - 2 * gap) / 3.0f);
    ImGui::SetCursorPosX(ImGui::GetCursorPosX() + (avail_w - (3 * bw + 2 * gap)) * 0.5f);
    ImGui::BeginDisabled(c.index <= 0);
    if (widgets::button(ui, "‹  " + ui.tr("card.prev"), bw)) intent = PrevCard{};
    ImGui::EndDisabled();
    ImGui::SameLine();
    if (widgets::button(ui, ui.tr(flipped ? "card.show_front" : "card.show_back"), bw, true))
        intent = FlipCard{};
    ImGui::SameLine();
    ImGui::BeginDisabled(c.index + 1 >= c.deck_size);
    if (widgets::button(ui, ui.tr("card.next") + "  ›", bw)) intent = NextCard{};
    ImGui::EndDisabled();

    if (input::pressed(input::Key::Space)) intent = FlipCard{};
    if (input::pressed(input::Key::Right) && c.index + 1 < c.deck_size) intent = NextCard{};
    if (input::pressed(input::Key::Left) && c.index > 0) intent = PrevCard{};
    if (input::pressed(input::Key::Escape) || input::pressed(input::Key::Backspace)) intent = Back{};
    return intent;
}

} // namespace kiosk
