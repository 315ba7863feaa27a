#pragma once
// The coaching loop (DESIGN §4.5): every criterion NOT met in a QA evaluation puts the standard
// cards it links to at the front of that agent's review queue (one "coaching.assigned" event per
// card, source "qa"), and the agent's home screen says which standard and why.
#include "trainer/content/quality_model.hpp"
#include "trainer/identity/access.hpp"
#include "trainer/quality/records.hpp"
#include "trainer/store/event_store.hpp"

#include <string>
#include <string_view>
#include <vector>

namespace trainer::quality {

inline constexpr const char* kCoachingSourceQa = "qa";

// Appends coaching.assigned for each card linked to a not-met criterion (a card linked by two
// failed criteria is assigned once), in the caller's transaction. Returns the cards assigned.
std::vector<std::string> assign_coaching_for(store::EventStore& events,
                                             const content::Scorecard& card,
                                             const Evaluation& e, const std::string& actor_id);

// One line of the agent's home screen: practise this standard, because of that evaluation.
struct CoachingReason {
    std::string card_id;
    std::string card_title;      // in the requested locale
    std::string criterion_id;
    std::string criterion_title; // in the requested locale
    std::string scorecard_id;
    std::string evaluation_date; // YYYY-MM-DD
    std::string evaluator;
    std::string comment;         // the evaluator's comment on that evaluation
};

// Open QA coaching items of a person (oldest first), each with the latest not-met criterion that
// links to its card. identity::AccessDenied unless the actor may view the person.
std::vector<CoachingReason> coaching_reasons(store::Database& db,
                                             const content::ContentSet& content,
                                             const identity::Actor& actor,
                                             const std::string& person_id,
                                             std::string_view locale = "en");

} // namespace trainer::quality
