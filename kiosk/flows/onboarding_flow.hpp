#pragma once
// The onboarding job (DESIGN §4.3) for the person signed in: the track map and a module's pages
// and assessment (quiz, scenarios, skills checklist up to "ask my lead"). It owns the track map
// and module screens' view state, applies their intents through trainer::onboarding (where a
// module resumes is trainer/onboarding/module_resume.hpp) and draws them. The lead's side of a
// sign-off is the lead flow's. Tested without a window (tests/ui/test_onboarding_flow.cpp).
#include "kiosk/intent.hpp"
#include "kiosk/screen_id.hpp"
#include "kiosk/screens/module_screen.hpp"
#include "kiosk/screens/track_map_screen.hpp"
#include "kiosk/ui_context.hpp"
#include "trainer/onboarding/service.hpp"

#include <string>
#include <vector>

namespace kiosk {

class OnboardingFlow {
public:
    // What the flow works with, lent by the app for one call.
    struct Env {
        trainer::onboarding::OnboardingService* onboarding; // null: the content has no onboarding
        const trainer::identity::Actor& actor;              // who is signed in
        std::string person_id;
        const UiContext& ui;
        std::vector<ScreenId>& stack;
    };

    // ShowTracks, OpenModule, TurnPage, StartQuiz, AnswerQuestion, AnswerScenario, RequestSignoff.
    // A refusal is shown on the module screen, never thrown.
    void apply(const OnboardingIntent& intent, Env& env);
    // Draws ScreenId::Tracks or ScreenId::Module.
    Intent draw(ScreenId screen, Env& env, const trainer::content::ContentSet& set);
    // `screen` is on top again (Back from above): show what changed while it was covered.
    void on_resume(ScreenId screen, Env& env);
    // The person's tracks as last read (home shows the first one's progress and next module).
    const std::vector<trainer::onboarding::TrackMap>& refresh_tracks(Env& env);
    // Lesson pictures: the app's texture cache (the flow draws, the window owns textures).
    void set_pictures(std::function<const struct Picture*(const std::string&)> picture) {
        module_.picture = std::move(picture);
    }
    const ModuleScreen& module() const { return module_; }
    const trainer::onboarding::ModuleView& module_view() const { return view_; }
    // After a language switch: the tracks and the open module in the new language, down to a
    // question's feedback already on screen (issue 14, point 6).
    void relocalise(Env& env, const trainer::content::ContentSet& set);
    // Sign-out: nothing of the person's onboarding stays on screen.
    void reset();

private:
    void refresh_module(Env& env);

    std::vector<trainer::onboarding::TrackMap> tracks_;
    trainer::onboarding::ModuleView view_;
    TrackMapScreen track_map_;
    ModuleScreen module_;
};

} // namespace kiosk
