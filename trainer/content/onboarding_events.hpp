#pragma once
// Event types of onboarding (DESIGN §3, §4.3). They sit beside the onboarding content model, below
// both onboarding and change: the change dashboard counts finished modules from these events, and
// onboarding keeps that count current as it records them (docs/architecture.md, layers). Every payload carries "person" (whose progress it
// is), "module" and "version" (the module's content version at the time); the event's person_id
// is who acted (the person themselves, or the signing lead).
namespace trainer::onboarding {

inline constexpr const char* kTrackAssigned = "onboarding.track_assigned";   // {person, track, auto}
inline constexpr const char* kPageViewed = "onboarding.page_viewed";         // {.., page}
inline constexpr const char* kAttemptStarted = "onboarding.attempt_started"; // {.., attempt, seed}
inline constexpr const char* kQuizAnswered = "onboarding.quiz_answered";     // {.., question, chosen, score}
// {.., scenario, option, value, reflection}; "reflection" is private to the person and blanked
// by person erase (a free-text key).
inline constexpr const char* kScenarioAnswered = "onboarding.scenario_answered";
// Quiz and attitude completion records: {.., attempt, started_ms, ended_ms, score, passed}.
inline constexpr const char* kAttemptFinished = "onboarding.attempt_finished";
inline constexpr const char* kSignoffRequested = "skills.signoff_requested"; // {.., attempt}
// {.., attempt, steps_shown, steps_missed, score, passed, signer, note, started_ms, ended_ms}
inline constexpr const char* kSignedOff = "skills.signed_off";

} // namespace trainer::onboarding
