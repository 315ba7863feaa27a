#pragma once
// The lead's job (DESIGN §4.4, §4.6): the team dashboard, one person's page (phase and why, the
// lead's own assessment, QA and motivation), the service-maturity self-check, the team's sign-in
// lockouts, and the skills sign-off form. It owns those screens' view state and the figures they
// show, read through trainer services with the lead's actor (a lead sees only their team; the
// services check). The PIN pad of a signature is the signature flow's (shared with QA
// evaluations); what the signature records is this flow's (sign_off).
// Tested without a window (tests/ui/test_lead_flow.cpp).
#include "kiosk/intent.hpp"
#include "kiosk/screen_id.hpp"
#include "kiosk/screens/dashboard_screen.hpp"
#include "kiosk/screens/person_screen.hpp"
#include "kiosk/screens/signoff_screen.hpp"
#include "kiosk/screens/survey_screen.hpp"
#include "kiosk/screens/team_screen.hpp"
#include "kiosk/ui_context.hpp"
#include "trainer/identity/auth.hpp"
#include "trainer/quality/motivation_config.hpp"

#include <string>
#include <vector>

namespace kiosk {

class LeadFlow {
public:
    // What the flow works with, lent by the app for one call. A null service: the content has
    // none of that part (no change rollouts, no QA scorecards, no onboarding).
    struct Env {
        trainer::store::Database& db;
        trainer::store::EventStore& events;
        const trainer::Clock& clock;
        const trainer::content::ContentSet& content;
        const trainer::quality::MotivationConfig& motivation;
        trainer::identity::AuthService& auth;
        trainer::change::CheckinService* checkin;
        trainer::quality::EvaluationService* evaluations;
        trainer::onboarding::SignoffService* signoff;
        const trainer::identity::Actor& actor; // the lead (or admin) signed in
        const UiContext& ui;
        std::vector<ScreenId>& stack;
        std::string& notice; // a calm line after an action
    };

    // ShowTeam, UnlockPerson, ShowDashboard, ShowPerson, AssessPhase, ShowMaturity, SubmitMaturity,
    // OpenSignoff. A refusal is shown, never thrown.
    void apply(const LeadIntent& intent, Env& env);
    // Draws ScreenId::Team, Dashboard, Person, Maturity or Signoff.
    Intent draw(ScreenId screen, Env& env);
    // Reads the dashboard's figures again (after a signature, an assessment); `team_id` empty:
    // the team already shown, else the first the lead may see.
    void refresh_dashboard(Env& env, const std::string& team_id = "");
    // Reads one person's page again.
    void refresh_person(Env& env, const std::string& person_id);
    // After a language switch: the dashboard, the person and the sign-off form on the stack in the
    // new language; what the lead ticked on the form stays.
    void relocalise(Env& env);
    // `screen` is on top again (the router's rule, docs/architecture.md): its figures read again.
    void on_resume(ScreenId screen, Env& env);
    // The lead's PIN was checked on the signature flow's pad: sign the sign-off form with it
    // (kiosk/flows/lead_signoff.cpp). True when signed (the notice says so, the form and the pad
    // are gone); otherwise `pad_message` says why.
    bool sign_off(const trainer::identity::LoginAttempt& attempt, const trainer::identity::PinCheck& check,
                  std::string& pad_message, Env& env);
    // What the sign-off form's signature records, restated on the PIN pad.
    std::string signing_what(const UiContext& ui) const;

    DashboardScreen& dashboard_screen() { return dashboard_screen_; }
    const DashboardData& dashboard() const { return dash_; }
    const PersonData& person() const { return person_; }
    const PersonScreen& person_screen() const { return person_screen_; }
    const std::vector<trainer::identity::TeamMemberRow>& team() const { return team_rows_; }
    // The sign-off form on screen (what its signature restates and submits).
    SignoffScreen& signoff_form() { return signoff_screen_; }
    const SignoffScreen& signoff_form() const { return signoff_screen_; }
    // Sign-out: nothing of the lead's view stays.
    void reset() { *this = LeadFlow{}; }

private:
    void refresh_team(Env& env);
    void fill_team_quality(Env& env);
    Intent draw_maturity(Env& env);

    std::vector<trainer::identity::TeamMemberRow> team_rows_;
    TeamScreen team_screen_;
    DashboardData dash_;
    DashboardScreen dashboard_screen_;
    PersonData person_;
    PersonScreen person_screen_;
    SurveyScreen maturity_screen_;
    SignoffScreen signoff_screen_;
};

} // namespace kiosk
