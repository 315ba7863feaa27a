// A module's skills checklist (DESIGN §4.3): where the lead's sign-off stands, and asking for one.
#include "kiosk/screens/module_screen.hpp"
#include "kiosk/screens/module_text.hpp"

#include "kiosk/input.hpp"
#include "kiosk/theme.hpp"
#include "kiosk/widgets.hpp"

#include <imgui.h>
#include <imgui_stdlib.h>

#include <algorithm>

namespace kiosk {

using trainer::onboarding::ModuleView;

Intent ModuleScreen::draw_checklist(const UiContext& ui, const ModuleView& v, const trainer::content::ContentSet& set) {
    Intent intent;
    // Where the sign-off stands comes first: that is what the new hire opens this page to see.
    if (v.passed) {
        widgets::text(ui.fonts.large, ui.tr("onb.signed", {{"score", percent(ui, v.passed->score)}}), theme::kGood);
    } else if (v.signoff_pending) {
        widgets::text(ui.fonts.large, ui.tr("onb.awaiting"), theme::kAccent);
        widgets::text(ui.fonts.body, ui.tr("onb.awaiting_hint"), theme::kMuted);
    }
    widgets::text(ui.fonts.body, ui.tr("onb.checklist_intro", {{"mark", percent(ui, v.checklist_pass_mark)}}), theme::kInk);
    ImGui::Spacing();
    int n = 0;
    for (const auto& s : v.steps) {
        ImGui::PushID(s.id.c_str());
        widgets::text(ui.fonts.large, std::to_string(++n) + ".  " + s.text, theme::kInk);
        ImGui::Indent(ui.px(32));
        Intent link = draw_card_links(ui, s.cards, set);
        if (!is_none(link)) intent = link;
        ImGui::Unindent(ui.px(32));
        ImGui::PopID();
    }
    if (!v.passed && !v.signoff_pending)
        action = Action{ui.tr("onb.ask_signoff"), true, [] { return Intent{RequestSignoff{}}; }};
    return intent;
}

} // namespace kiosk
