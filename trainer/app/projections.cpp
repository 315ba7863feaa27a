#include "trainer/app/projections.hpp"

#include "trainer/cards/review_service.hpp"
#include "trainer/change/projection.hpp"
#include "trainer/content/adoption.hpp"
#include "trainer/content/onboarding_events.hpp"
#include "trainer/identity/auth.hpp"
#include "trainer/identity/people_projection.hpp"
#include "trainer/onboarding/projection.hpp"
#include "trainer/quality/records.hpp"

namespace trainer::app {

std::vector<store::Projection> all_projections() {
    // Each feature adds its projection here as it gains derived state.
    // People first: the other projections may read who someone is while replaying.
    // Each says which rows are one person's and which are shared, so that events arriving out of
    // order recompute only the people they are about (trainer/sync/recompute.hpp).
    auto people = identity::people_projection();
    people.shared = {{{"team_members", "team_leads", "people", "teams"},
                      {"person.", "people.", "pin.", "auth.login"}}};
    // auth_throttle rows go with their people row (ON DELETE CASCADE): whenever people are
    // recomputed, so are they.
    auto throttle = identity::auth_throttle_projection();
    throttle.shared = {{{"auth_throttle"}, {"auth.", "pin.", "person.", "people."}}};
    // Each also names the event types its apply() reads: a recompute reads and replays only those
    // (trainer/sync/recompute.hpp), so a late review does not replay its person's check-ins.
    people.types = people.shared.front().types;
    throttle.types = throttle.shared.front().types;
    auto reviews = cards::review_projection();
    reviews.person_tables = {"card_state", "coaching_queue"};
    reviews.types = {cards::kCardReviewed, cards::kCoachingAssigned, cards::kCoachingCleared};
    // What the grading desk showed: recorded, never read back (the schedule is recomputed).
    reviews.unread_keys = {"before", "after", "due", "elapsed_days"};
    auto change = change::change_projection();
    change.person_tables = {"change_phase_log", "change_phase_latest", "change_module_done"};
    change.shared = {{{"change_rollouts"}, {change::kRolloutDefined}},
                     {{"change_maturity"}, {change::kMaturityAssessed}}};
    change.types = {change::kCheckedIn,        change::kLeadAssessed,        change::kRolloutDefined,
                    change::kMaturityAssessed, change::kModuleCompleted,     onboarding::kAttemptFinished,
                    onboarding::kSignedOff};
    auto onboarding = onboarding::onboarding_projection();
    onboarding.person_tables = {"onboarding_progress", "onboarding_completions", "onboarding_assignments"};
    onboarding.types = {"onboarding.", "skills."};
    onboarding.applies_on_stored_rows = false;
    auto quality = quality::quality_projection();
    quality.person_tables = {"qa_evaluations", "survey_responses"}; // qa_criterion_results: ON DELETE CASCADE
    quality.types = {quality::kQaEvaluated, quality::kSurveyAnswered};
    // Which card versions the organisation adopted (shared rows, declared by the projection).
    auto adoption = content::adoption_projection();
    return {std::move(people), std::move(throttle), std::move(reviews), std::move(change), std::move(onboarding),
            std::move(quality), std::move(adoption)};
}

} // namespace trainer::app
