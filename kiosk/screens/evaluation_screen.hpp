#pragma once
// A lead's QA evaluation at the kiosk (DESIGN §4.5): the scorecard's criteria by section, each
// met / not met / N/A with one tap, the channel, the date of the contact and a comment, with the
// score it will get shown live (a failed critical criterion reads 0 %). Signed with the lead's PIN.
#include "kiosk/intent.hpp"
#include "kiosk/ui_context.hpp"
#include "trainer/quality/entry.hpp"

#include <string>
#include <vector>

namespace kiosk {

struct EvaluationScreen {
    trainer::quality::EvaluationForm form;
    trainer::quality::EvaluationDraft draft;
    std::string agent_name;
    trainer::quality::Score preview;   // set by the app each frame from the draft
    std::vector<std::string> problems; // why the last try was refused
    std::string wanted_scorecard;      // tapped in the scorecard row; the flow opens its form

    void open(trainer::quality::EvaluationForm f, const std::string& person_id, const std::string& name);
    Intent draw(const UiContext& ui);
};

} // namespace kiosk
