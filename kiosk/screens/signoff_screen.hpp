#pragma once
// The lead's skills sign-off (DESIGN §4.3): while watching a call or role-play, tick the steps the
// new hire showed, add a note, then sign with your own PIN. Steps not shown become coaching.
#include "kiosk/intent.hpp"
#include "kiosk/ui_context.hpp"
#include "trainer/content/model.hpp"
#include "trainer/onboarding/signoff.hpp"

#include <set>
#include <string>

namespace kiosk {

struct SignoffScreen {
    trainer::onboarding::SignoffRequest request;
    std::set<std::string> shown; // step ids ticked
    std::string note;
    std::string message;         // why signing failed (translated), or the result

    void open(trainer::onboarding::SignoffRequest r);
    Intent draw(const UiContext& ui, const trainer::content::ContentSet& set);
};

} // namespace kiosk
