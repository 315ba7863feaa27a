#pragma once
// The home job: what waits for the person signed in (reviews due, coaching and why, onboarding,
// scores; for a lead what waits for them — trainer/app/lead_home.hpp) and the change check-in
// offered after a sign-in (DESIGN §4.4). It owns the home and check-in screens' view state and
// reads the figures through trainer services; the router asks it to read them again whenever the
// home comes back on top (on_resume). Tested without a window (tests/ui/test_home_flow.cpp).
#include "kiosk/intent.hpp"
#include "kiosk/screen_id.hpp"
#include "kiosk/screens/home_screen.hpp"
#include "kiosk/screens/survey_screen.hpp"
#include "kiosk/ui_context.hpp"
#include "trainer/identity/access.hpp"
#include "trainer/identity/people.hpp"
#include "trainer/onboarding/track_map.hpp"

#include <functional>
#include <string>
#include <vector>

namespace trainer::cards {
class ReviewService;
}
namespace trainer::change {
class CheckinService;
}
namespace trainer::quality {
class EvaluationService;
}

namespace kiosk {

class HomeFlow {
public:
    // What the flow works with, lent by the app for one call. A null service: that part is not
    // there (no database, no change rollouts, no QA scorecards).
    struct Env {
        trainer::cards::ReviewService* reviews;
        const trainer::content::ContentSet& content;
        trainer::change::CheckinService* checkin;
        trainer::quality::EvaluationService* evaluations;
        trainer::store::EventStore& events;
        const trainer::Clock& clock;
        const trainer::identity::Person& person;
        const trainer::identity::Actor& actor;
        // The person's onboarding tracks (read by the onboarding flow, which keeps its map).
        std::function<std::vector<trainer::onboarding::TrackMap>()> tracks;
        const UiContext& ui;
        std::vector<ScreenId>& stack;
        std::string& notice; // a calm line after an action
    };

    // Just signed in: the home, then the check-in on top of it when one is due.
    void open(Env& env);
    // SubmitCheckin, SkipCheckin. A refusal is shown on the check-in, never thrown.
    void apply(const HomeIntent& intent, Env& env);
    // Draws ScreenId::Home or ScreenId::Checkin.
    Intent draw(ScreenId screen, Env& env);
    // The home is on top again (or the language changed): its figures read again.
    void on_resume(ScreenId screen, Env& env);

    const HomeView& view() const { return view_; }
    const std::string& checkin_rollout() const { return checkin_rollout_; }
    // Sign-out: nothing of the person's home stays.
    void reset() { *this = HomeFlow{}; }

private:
    void refresh(Env& env);
    void offer_checkin(Env& env);

    HomeScreen home_screen_;
    HomeView view_;
    SurveyScreen checkin_screen_;
    std::string checkin_rollout_;
};

} // namespace kiosk
