#include "kiosk/screens/review_screen.hpp"

#include "kiosk/input.hpp"
#include "kiosk/theme.hpp"
#include "kiosk/screen_parts.hpp"
#include "kiosk/widgets.hpp"

#include <imgui.h>

#include <algorithm>

namespace kiosk {

namespace {

const char* rating_key(int r) {
    switch (r) {
    case 1: return "review.again";
    case 2: return "review.hard";
    case 4: return "review.easy";
    default: return "review.good";
    }
}

} // namespace

Intent ReviewScreen::draw(const UiContext& ui, const ReviewView& v) {
    Intent intent;
    if (widgets::back_button(ui, ui.tr("review.finish"))) intent = GoHome{};
    ImGui::SameLine();
    ImGui::AlignTextToFramePadding();
    ImGui::TextColored(theme::kMuted, "%s", ui.tr("review.progress", {{"i", std::to_string(v.position + 1)},
                                                                      {"n", std::to_string(v.total)}})
                                                .c_str());
    ImGui::PushStyleColor(ImGuiCol_PlotHistogram, theme::kAccent);
    ImGui::ProgressBar(v.total ? static_cast<float>(v.position) / static_cast<float>(v.total) : 0.0f,
                       ImVec2(-1, ui.px(8)), "");
    ImGui::PopStyleColor();
    if (!v.save_problem.empty()) widgets::banner(ui, v.save_problem, true);
    else if (!v.save_notice.empty()) widgets::banner(ui, v.save_notice, false);

    const float avail_w = ImGui::GetContentRegionAvail().x;
    const float card_w = std::min(avail_w, ui.px(980));
    const float footer_h = ui.px(theme::kTouch + 30) + ImGui::GetStyle().ItemSpacing.y * 2;
    ImGui::SetCursorPosX(ImGui::GetCursorPosX() + (avail_w - card_w) * 0.5f);
    ImGui::PushStyleColor(ImGuiCol_ChildBg, theme::kCard);
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(ui.px(32), ui.px(22)));
    ImGui::BeginChild("##review-card", ImVec2(card_w, ImGui::GetContentRegionAvail().y - footer_h), true,
                      ImGuiWindowFlags_AlwaysUseWindowPadding);
    if (!v.badge.empty()) widgets::chip(ui, v.badge, theme::kAccent, theme::kAccentSoft);
    widgets::text(ui.fonts.small, v.card.deck_title, theme::kMuted);
    widgets::text(ui.fonts.title, v.card.text.title, theme::kInk);
    ImGui::Separator();
    widgets::caption(ui, ui.tr("card.situation"));
    widgets::text(flipped ? ui.fonts.body : ui.fonts.large, v.card.text.front, theme::kInk);
    if (flipped) {
        ImGui::Spacing();
        widgets::card_back(ui, v.card.text, false);
    } else {
        ImGui::Dummy(ImVec2(0, ui.px(8)));
        widgets::text(ui.fonts.small, ui.tr("review.recall_hint"), theme::kMuted);
    }
    const bool clicked = !flipped && ImGui::IsWindowHovered() && ImGui::IsMouseReleased(ImGuiMouseButton_Left);
    ImGui::EndChild();
    ImGui::PopStyleVar();
    ImGui::PopStyleColor();
    if (clicked) intent = FlipCard{};

    // Footer: "show the standard", or one button per grade with its next interval.
    const float gap = ImGui::GetStyle().ItemSpacing.x;
    if (!flipped) {
        const float bw = std::min(card_w, ui.px(420));
        ImGui::SetCursorPosX(ImGui::GetCursorPosX() + (avail_w - bw) * 0.5f);
        if (widgets::key_button(ui, ui.tr("card.show_back"), input::Key::Enter, bw, true) ||
            input::pressed(input::Key::Space))
            intent = FlipCard{};
    } else {
        const int n = static_cast<int>(v.buttons.size());
        const float bw = (card_w - gap * static_cast<float>(n - 1)) / static_cast<float>(std::max(1, n));
        ImGui::SetCursorPosX(ImGui::GetCursorPosX() + (avail_w - card_w) * 0.5f);
        ImGui::BeginGroup();
        for (int k = 0; k < n; ++k) {
            const auto& b = v.buttons[static_cast<std::size_t>(k)];
            if (k) ImGui::SameLine();
            ImGui::BeginGroup();
            const std::string label = ui.tr(rating_key(b.rating)) + "##" + std::to_string(b.rating);
            const char key[2] = {static_cast<char>('1' + k), '\0'}; // keys 1-4 (1-2 in pass/fail mode)
            if (widgets::hinted_button(ui, label, key, bw, b.rating == 3)) intent = GradeCard{b.rating};
            ImGui::PushFont(ui.fonts.small);
            const float tw = ImGui::CalcTextSize(b.interval.c_str()).x;
            ImGui::SetCursorPosX(ImGui::GetCursorPosX() + (bw - tw) * 0.5f);
            ImGui::TextColored(theme::kMuted, "%s", b.interval.c_str());
            ImGui::PopFont();
            ImGui::EndGroup();
        }
        ImGui::EndGroup();
        // Keys 1-4 (in pass/fail mode 1 = Again and 2 = Good); Space means Good.
        for (char d : input::digits_pressed()) {
            const int k = d - '1';
            if (k >= 0 && k < n) intent = GradeCard{v.buttons[static_cast<std::size_t>(k)].rating};
        }
        if (input::pressed(input::Key::Space)) intent = GradeCard{3};
    }
    if (input::pressed(input::Key::Escape)) intent = GoHome{};
    return intent;
}

Intent ReviewScreen::draw_summary(const UiContext& ui, const ReviewSummaryView& v) {
    Intent intent;
    widgets::text(ui.fonts.title, ui.tr("review.done_heading"), theme::kInk);
    widgets::text(ui.fonts.large, ui.count("review.done_count", v.reviewed), theme::kInk);
    if (v.new_cards > 0) widgets::text(ui.fonts.body, ui.count("review.done_new", v.new_cards), theme::kMuted);
    if (v.again > 0) widgets::text(ui.fonts.body, ui.count("review.done_again", v.again), theme::kMuted);
    if (!v.next_due.empty())
        widgets::text(ui.fonts.body, ui.tr("review.next_due", {{"when", v.next_due}}), theme::kMuted);
    ImGui::Spacing();
    if (widgets::button(ui, ui.tr("review.back_home"), ui.px(320), true)) intent = GoHome{};
    if (input::pressed(input::Key::Enter) || input::pressed(input::Key::Escape)) intent = GoHome{};
    return intent;
}

} // namespace kiosk
