// Intents belong to flows (kiosk/intent.hpp): a flow takes its own intents and no other flow's —
// checked when this file compiles — and the router's rule for when the screen on top reads its
// figures again (kiosk/resume_rule.hpp).
#include "kiosk/flows/home_flow.hpp"
#include "kiosk/flows/lead_flow.hpp"
#include "kiosk/flows/lookup_flow.hpp"
#include "kiosk/flows/onboarding_flow.hpp"
#include "kiosk/flows/quality_flow.hpp"
#include "kiosk/flows/review_flow.hpp"
#include "kiosk/flows/sign_in_flow.hpp"
#include "kiosk/flows/signature_flow.hpp"
#include "kiosk/resume_rule.hpp"

#include <catch2/catch.hpp>

using namespace kiosk;

namespace {
template <class Flow, class I>
concept takes = requires(Flow f, typename Flow::Env& env, I intent) { f.apply(intent, env); };
} // namespace

// Each flow takes its own intents...
static_assert(takes<SignInFlow, PickPerson> && takes<SignInFlow, SubmitPin>);
static_assert(takes<LookupFlow, OpenDeck> && takes<LookupFlow, FlipCard>);
static_assert(takes<HomeFlow, SubmitCheckin>);
static_assert(takes<ReviewFlow, GradeCard> && takes<ReviewFlow, FlipCard>);
static_assert(takes<OnboardingFlow, OpenModule>);
static_assert(takes<LeadFlow, ShowPerson> && takes<LeadFlow, OpenSignoff>);
static_assert(takes<QualityFlow, StartEvaluation>);
static_assert(takes<SignatureFlow, BeginSignature> && takes<SignatureFlow, SubmitPin>);
// ...and no other flow's, nor the router's.
static_assert(!takes<LookupFlow, GradeCard> && !takes<LookupFlow, GoHome>);
static_assert(!takes<ReviewFlow, OpenDeck> && !takes<ReviewFlow, Logout>);
static_assert(!takes<LeadFlow, BeginSignature> && !takes<LeadFlow, ShowScores> && !takes<LeadFlow, GoHome>);
static_assert(!takes<QualityFlow, ShowPerson> && !takes<OnboardingFlow, SetLanguage>);
static_assert(!takes<HomeFlow, StartReview> && !takes<SignInFlow, SubmitCheckin>);

TEST_CASE("an intent from a screen is read back as the flow's own intent it is", "[registry]") {
    const Intent grade = GradeCard{4};
    REQUIRE(intent_is<GradeCard>(grade));
    CHECK(intent_as<GradeCard>(grade)->rating == 4);
    CHECK(std::holds_alternative<ReviewIntent>(grade));
    CHECK_FALSE(intent_is<OpenDeck>(grade));
    const Intent back = Back{};
    CHECK(std::holds_alternative<ScreenIntent>(back));
    CHECK(intent_is<Back>(back));
    CHECK_FALSE(intent_is<GoHome>(back));
    CHECK(intent_is<GoHome>(Intent{GoHome{}}));
}

TEST_CASE("the home, the check-in and the PIN pad of a signature have flows of their own", "[registry]") {
    CHECK(screen_info(ScreenId::Home).flow == FlowId::Home);
    CHECK(screen_info(ScreenId::Checkin).flow == FlowId::Home);
    CHECK(screen_info(ScreenId::Sign).flow == FlowId::Signature);
    CHECK(screen_info(ScreenId::Login).flow == FlowId::SignIn);
}

TEST_CASE("the screen on top reads its figures again when it comes back on top, not when just opened",
          "[registry]") {
    using S = ScreenId;
    // Back from a person to the dashboard; a signature done, back to the person; Home.
    CHECK(resumes({S::Home, S::Dashboard, S::Person}, {S::Home, S::Dashboard}, FlowId::Lead));
    CHECK(resumes({S::Home, S::Dashboard, S::Person, S::Signoff, S::Sign}, {S::Home, S::Dashboard, S::Person},
                  FlowId::Signature));
    CHECK(resumes({S::Home, S::Review, S::ReviewSummary}, {S::Home}, FlowId::Review));
    // Another flow acted while the home stayed on top (a lead lifting a lockout from it).
    CHECK(resumes({S::Home}, {S::Home}, FlowId::Lead));
    // Just opened: the flow that opened it has read it.
    CHECK_FALSE(resumes({S::Home}, {S::Home, S::Dashboard}, FlowId::Lead));
    CHECK_FALSE(resumes({S::Home, S::Tracks}, {S::Home, S::Tracks, S::Module}, FlowId::Onboarding));
    // Its own flow acted on it (it read what it changed itself).
    CHECK_FALSE(resumes({S::Home, S::Team}, {S::Home, S::Team}, FlowId::Lead));
    // A different screen after sign-out is no return.
    CHECK_FALSE(resumes({S::Home, S::Dashboard}, {S::Decks}, FlowId::SignIn));
}
