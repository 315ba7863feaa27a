#pragma once
// QA evaluations and survey answers as events and their derived tables (DESIGN §3, §4.5).
// An evaluation is one "qa.evaluated" event; a survey answer one "survey.answered" event. The
// derived tables (migration 0007) are written in the same transaction as the event and rebuilt by
// quality_projection().
#include "trainer/quality/scoring.hpp"
#include "trainer/store/event_store.hpp"
#include "trainer/store/payload.hpp"
#include "trainer/store/projection.hpp"

#include <optional>
#include <string>
#include <vector>

namespace trainer::quality {

inline constexpr const char* kQaEvaluated = "qa.evaluated";
inline constexpr const char* kSurveyAnswered = "survey.answered";

struct CriterionOutcome {
    std::string criterion_id;
    Outcome outcome = Outcome::Met;
};

struct Evaluation {
    std::string event_id;     // set once stored
    std::string person_id;    // the evaluated agent
    std::string scorecard_id; // "" for a QA tool's per-evaluation total
    int scorecard_version = 0;
    std::string channel;      // "call", "chat", "email", ...
    std::string date;         // YYYY-MM-DD, the day of the evaluated contact (or of grading)
    std::string evaluated_at; // ISO 8601 UTC when the tool gave a time of day, else ""
    std::string evaluator;    // person id of the lead, or the tool's grader name
    std::string source;       // "kiosk" or "import:<tool>"
    std::string external_id;  // the tool's evaluation id ("" at the kiosk)
    std::string comment;
    std::vector<CriterionOutcome> criteria; // empty for a per-evaluation total
    Score score;
    TimeMs recorded_ms = 0;
};

struct SurveyAnswer {
    std::string event_id;
    std::string person_id;
    std::string date; // YYYY-MM-DD
    std::optional<int> csat; // 1..5
    std::optional<int> nps;  // 0..10
    std::optional<int> ces;  // 1..7
    std::string source;      // "import:<tool>"
    std::string external_id; // the tool's response id
};

// Appends the evaluation event (id = e.event_id, or a new UUID when empty) and its rows, in the
// caller's transaction. Returns false, writing nothing, when an event with that id exists
// (idempotent import). `actor_id` is who recorded it ("" for the CLI).
bool store_evaluation(store::EventStore& events, const Evaluation& e, const std::string& actor_id);
bool store_survey_answer(store::EventStore& events, const SurveyAnswer& a,
                         const std::string& actor_id);

// The event payload of an evaluation, and back (std::invalid_argument on a malformed payload).
store::Payload evaluation_payload(const Evaluation& e);
Evaluation evaluation_from_event(const store::Event& e);

struct EvaluationFilter {
    std::optional<std::string> person_id;
    std::optional<std::string> from_date;  // inclusive, YYYY-MM-DD
    std::optional<std::string> until_date; // exclusive
};
// Stored evaluations, by date then recording time (no access check: callers check).
std::vector<Evaluation> list_evaluations(store::Database& db, const EvaluationFilter& f);
std::vector<SurveyAnswer> list_survey_answers(store::Database& db, const EvaluationFilter& f);

// Clears qa_evaluations, qa_criterion_results, survey_responses; replays the two event types.
store::Projection quality_projection();

} // namespace trainer::quality
