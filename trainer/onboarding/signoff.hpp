#pragma once
// Skills sign-off (DESIGN §4.3): a new hire asks for it; the request appears in the queue of
// the leads of their teams; a lead observes a call or role-play, ticks the steps shown, adds a
// note and signs with their OWN PIN. Only a lead of one of the person's teams may sign (never the
// person themselves; an admin only when the person is a lead: a lead's manager signs the team-lead
// track): anyone else gets identity::AccessDenied and nothing is recorded. Steps not shown put their cards at the front of the person's review queue
// ("coaching.assigned", source "skills").
#include "trainer/content/onboarding_model.hpp"
#include "trainer/identity/auth.hpp"
#include "trainer/onboarding/module_view.hpp"
#include "trainer/onboarding/record.hpp"

#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace trainer::onboarding {

// A checklist passes when the share of steps shown reaches the module's pass mark (0..1).
bool signoff_passed(std::size_t shown, std::size_t steps, double pass_mark);

// Who may sign a person's skills (content/README.md "Team-lead track"): a lead of one of the
// person's teams, never the person themselves. A lead's own modules are signed by their manager:
// whoever leads a team the lead is a member of (the same rule), or an admin. The kiosk offers a
// "Sign off" button only where this holds (an admin sees agents' requests but their lead signs).
bool may_sign(store::Database& db, const identity::Actor& signer, const std::string& person);

struct SignoffRequest {
    std::string person_id;
    std::string display_name;
    std::string module_id;
    std::string module_title;
    int version = 1;
    int attempt = 1;
    TimeMs requested_ms = 0;
    double pass_mark = 0;
    std::vector<StepView> steps; // what the lead ticks
};

struct SignoffInput {
    std::string person;
    std::string module;
    std::vector<std::string> steps_shown; // step ids the lead saw done
    std::string note;                     // free text; blanked by person erase
};

struct SignoffResult {
    Completion completion;                 // score = shown / steps, passed = score >= pass mark
    std::vector<std::string> steps_missed;
    std::vector<std::string> coached_cards; // pushed to the front of the review queue
};

class SignoffService {
  public:
    SignoffService(store::EventStore& events, const content::OnboardingContent& content,
                   identity::AuthService& auth);

    // Pending requests of the members of the teams `lead` leads, oldest first.
    std::vector<SignoffRequest> queue(const identity::Actor& lead, std::string_view locale);
    // Checks, in this order: module, authority, pending request, steps, PIN (a wrong PIN counts
    // as a failed login of the lead, for throttling). Then one transaction: skills.signed_off and
    // the coaching events.
    SignoffResult sign(const identity::Actor& lead, const SignoffInput& input, std::string_view pin);
    // For a GUI that ran the slow PIN check on a worker thread:
    //   attempt = auth.begin_by_id(lead); check = auth.check(attempt, pin) (worker); then this.
    SignoffResult sign_checked(const identity::Actor& lead, const SignoffInput& input,
                               const identity::LoginAttempt& attempt, const identity::PinCheck& check);

  private:
    // Module, authority, pending request, steps (throws; writes nothing). Fills `shown`.
    ModuleRecord validate(const identity::Actor& lead, const SignoffInput& in, std::set<std::string>& shown);

    store::EventStore& events_;
    const content::OnboardingContent& content_;
    identity::AuthService& auth_;
};

} // namespace trainer::onboarding
