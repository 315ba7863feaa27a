// One module: the frame (title, page/assessment switch, bottom bar) and its lesson pages. The
// assessments are drawn in module_quiz.cpp, module_scenarios.cpp and module_checklist.cpp.
#include "kiosk/screens/module_screen.hpp"
#include "trainer/i18n/format.hpp"
#include "kiosk/screens/module_text.hpp"

#include "kiosk/images.hpp"
#include "kiosk/input.hpp"
#include "kiosk/screens/track_map_screen.hpp"
#include "kiosk/theme.hpp"
#include "kiosk/screen_parts.hpp"
#include "kiosk/widgets.hpp"
#include "trainer/cards/browse.hpp"

#include <imgui.h>
#include <imgui_stdlib.h>

#include <algorithm>
#include <cmath>

namespace kiosk {

namespace {

using trainer::content::Pillar;
using trainer::onboarding::ModuleView;

std::string assessment_label(const UiContext& ui, Pillar p) {
    return ui.tr(p == Pillar::Knowledge ? "onb.quiz" : p == Pillar::Attitude ? "onb.scenarios" : "onb.checklist");
}

} // namespace

std::string percent(const UiContext& ui, double fraction) {
    return trainer::i18n::format_percent(fraction * 100.0, 0, ui.locale);
}

void feedback_line(const UiContext& ui, const std::string& s, const ImVec4& colour) {
    if (s.empty()) return;
    ImGui::Indent(ui.px(36));
    widgets::text(ui.fonts.small, s, colour);
    ImGui::Unindent(ui.px(36));
}

Intent draw_card_links(const UiContext& ui, const std::vector<std::string>& card_ids,
                       const trainer::content::ContentSet& set) {
    Intent intent;
    for (const auto& id : card_ids) {
        const auto face = trainer::cards::card_face(set, id, ui.locale);
        if (face.id.empty()) continue;
        ImGui::PushID(id.c_str());
        if (widgets::button(ui, "→  " + face.text.title)) intent = OpenCard{id};
        ImGui::PopID();
        ImGui::SameLine();
        if (ImGui::GetContentRegionAvail().x < ui.px(260)) ImGui::NewLine();
    }
    if (!card_ids.empty()) ImGui::NewLine();
    return intent;
}

void ModuleScreen::open(const std::string& id, int resume_page) {
    *this = ModuleScreen{};
    module_id = id;
    page = std::max(0, resume_page);
}

Intent ModuleScreen::draw(const UiContext& ui, const ModuleView& v, const trainer::content::ContentSet& set) {
    Intent intent;
    const int pages = static_cast<int>(v.pages.size());
    page = std::clamp(page, 0, pages);
    if (widgets::button(ui, "←  " + ui.tr("onb.back_to_map"))) intent = ShowTracks{};
    ImGui::SameLine();
    widgets::chip(ui, pillar_label(ui, v.pillar), ImVec4(1, 1, 1, 1), theme::pillar_colour(static_cast<int>(v.pillar)));
    if (v.passed) {
        ImGui::SameLine();
        widgets::chip(ui, ui.tr("onb.status.done"), theme::kGood, theme::kGoodSoft);
    }
    widgets::text(ui.fonts.title, v.title, theme::kInk);
    // One dot per lesson page (as many as "Page 1 of N" counts), the current one larger; on the
    // assessment every page is done and the label names the assessment.
    {
        ImDrawList* dl = ImGui::GetWindowDrawList();
        const ImVec2 p = ImGui::GetCursorScreenPos();
        const float r = ui.px(6), step = ui.px(22);
        for (int i = 0; i < pages; ++i) {
            const ImVec2 c(p.x + r + static_cast<float>(i) * step, p.y + r + ui.px(2));
            const ImU32 col = ImGui::GetColorU32(i <= page ? theme::kAccent : theme::kNone);
            if (i == page) dl->AddCircleFilled(c, r * 1.3f, col);
            else dl->AddCircleFilled(c, r, col);
        }
        ImGui::Dummy(ImVec2(static_cast<float>(pages) * step, 2 * r + ui.px(4)));
        ImGui::SameLine();
        ImGui::PushFont(ui.fonts.small);
        ImGui::TextColored(theme::kMuted, "%s",
                           page < pages ? ui.tr("onb.page_of", {{"n", std::to_string(page + 1)}, {"total", std::to_string(pages)}}).c_str()
                                        : assessment_label(ui, v.pillar).c_str());
        ImGui::PopFont();
    }
    ImGui::Separator();
    // The body scrolls; the navigation stays at the bottom.
    const float nav_h = ui.px(theme::kTouch) + ImGui::GetStyle().ItemSpacing.y * 2 + ui.px(8);
    ImGui::BeginChild("##module-body", ImVec2(0, -nav_h), false);
    action.reset();
    Intent body;
    if (page < pages) body = draw_page(ui, v, set);
    else if (v.pillar == Pillar::Knowledge) body = draw_quiz(ui, v);
    else if (v.pillar == Pillar::Attitude) body = draw_scenarios(ui, v);
    else body = draw_checklist(ui, v, set);
    if (!message.empty()) widgets::text(ui.fonts.body, message, theme::kWarn);
    ImGui::EndChild();
    if (!is_none(body)) intent = body;

    ImGui::Separator();
    if (page > 0) {
        if (widgets::button(ui, "←  " + ui.tr("onb.prev"), ui.px(240)) || (page < pages && input::pressed(input::Key::Left))) {
            intent = TurnPage{page - 1};
        }
        ImGui::SameLine();
    }
    if (page < pages) {
        const std::string next = page + 1 < pages ? ui.tr("onb.next") : ui.tr("onb.to_assessment", {{"what", assessment_label(ui, v.pillar)}});
        ImGui::SameLine(ImGui::GetWindowContentRegionMax().x - ui.px(360));
        // Right arrow and Enter turn the page, as the button does.
        const bool enter = input::pressed(input::Key::Enter) && !ImGui::GetIO().WantTextInput;
        if (widgets::key_button(ui, next + "  →", input::Key::Right, ui.px(360), true) || enter)
            intent = TurnPage{page + 1};
    } else if (action) {
        // The assessment's one next step, always in the same place; Enter does it too.
        ImGui::SameLine(ImGui::GetWindowContentRegionMax().x - ui.px(420));
        ImGui::BeginDisabled(!action->enabled);
        const bool typing = ImGui::GetIO().WantTextInput;
        if (widgets::key_button(ui, action->label, input::Key::Enter, ui.px(420), true, action->enabled && !typing))
            intent = action->run();
        ImGui::EndDisabled();
    }
    // Esc goes back to the track map, unless a field is being edited (Esc leaves the field first).
    if (is_none(intent) && !ImGui::IsAnyItemActive() && input::pressed(input::Key::Escape)) intent = ShowTracks{};
    if (const auto* t = intent_as<TurnPage>(intent)) {
        page = std::clamp(t->page, 0, pages);
        message.clear();
    }
    return intent;
}

Intent ModuleScreen::draw_page(const UiContext& ui, const ModuleView& v, const trainer::content::ContentSet& set) {
    const auto& pg = v.pages[static_cast<std::size_t>(page)];
    if (page == 0 && !v.summary.empty()) widgets::text(ui.fonts.body, v.summary, theme::kMuted);
    ImGui::Spacing();
    widgets::text(ui.fonts.large, pg.title, theme::kInk);
    ImGui::Spacing();
    ImGui::PushTextWrapPos(std::min(ImGui::GetContentRegionAvail().x, ui.px(900)));
    ImGui::PushFont(ui.fonts.body);
    ImGui::TextUnformatted(pg.text.c_str());
    ImGui::PopFont();
    ImGui::PopTextWrapPos();
    if (!pg.image.empty() && picture)
        if (const Picture* pic = picture(pg.image)) {
            // At most the text column wide and 320 px tall, never upscaled past 1.5x.
            const float max_w = std::min(ImGui::GetContentRegionAvail().x, ui.px(900));
            const float k = std::min({max_w / static_cast<float>(pic->width), ui.px(320) / static_cast<float>(pic->height),
                                      1.5f * ui.scale});
            ImGui::Spacing();
            ImGui::Image(pic->texture, ImVec2(static_cast<float>(pic->width) * k, static_cast<float>(pic->height) * k));
        }
    Intent intent;
    if (!pg.cards.empty()) {
        ImGui::Spacing();
        widgets::caption(ui, ui.tr("onb.standards_here"));
        intent = draw_card_links(ui, pg.cards, set);
    }
    return intent;
}


} // namespace kiosk
