#pragma once
// After sign-in: what is waiting today and the way into a review, or to the standards.
#include "kiosk/intent.hpp"
#include "kiosk/ui_context.hpp"
#include "trainer/app/lead_home.hpp"
#include "trainer/content/model.hpp"

#include <optional>

#include <string>
#include <vector>

namespace kiosk {

struct HomeView {
    std::string name;
    int due = 0;        // reviews due now (including coaching items)
    int fresh = 0;      // new or refreshed standards available today
    int coaching = 0;   // cards pushed by coaching
    std::vector<std::string> coaching_reasons; // "Say what happens next — QA call 12 Nov"
    bool leads = false; // a lead or admin: show the team button
    int mastered = 0;
    int total = 0;
    bool has_tracks = false;   // an onboarding track is assigned
    int onboarding_percent = 0;
    std::string next_module;   // title of what to do next in onboarding
    bool has_scores = false;   // QA content exists: show "My scores"
    std::optional<trainer::app::LeadHome> lead; // a lead's or admin's: what waits for them
};

struct HomeScreen {
    bool all_reasons = false; // "and N more" tapped: every coaching reason shown
    Intent draw(const UiContext& ui, const HomeView& view, const trainer::content::ContentSet& set);
};

} // namespace kiosk
