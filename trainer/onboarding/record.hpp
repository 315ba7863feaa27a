#pragma once
// What a person has done in one module, folded from their onboarding events (the only source of
// truth): so resuming after logout, restart or a crash shows exactly where they were.
#include "trainer/core/clock.hpp"
#include "trainer/store/database.hpp"
#include "trainer/store/event_store.hpp"

#include <cstdint>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace trainer::onboarding {

// A finished attempt: the completion record of DESIGN §4.3.
struct Completion {
    std::string event_id;
    int version = 1;
    int attempt = 1;
    TimeMs started_ms = 0;
    TimeMs ended_ms = 0;
    double score = 0; // quiz, skills: 0..1; attitude: mean valuation -2..2
    bool passed = false;
    std::string signer; // skills: the lead who signed; empty otherwise
};

struct QuizAnswer {
    std::vector<std::string> chosen;
    double score = 0;
};

struct ScenarioAnswer {
    std::string option;
    int value = 0;
    std::string reflection; // private to the person
};

struct ModuleRecord {
    std::string person;
    std::string module;
    int version = 0;     // content version of the latest activity (0: never touched)
    int attempts = 0;    // attempts started so far, all versions
    int attempt = 0;     // the current (or last) attempt number
    bool attempt_open = false;
    std::uint64_t seed = 0;
    TimeMs started_ms = 0;
    int page = -1;       // last page viewed in `version`; -1 none
    int pages_seen = 0;  // highest page viewed + 1, in `version`
    std::map<std::string, QuizAnswer> answers;        // current attempt, by question id
    std::map<std::string, ScenarioAnswer> scenarios;  // current attempt, by scenario id
    std::optional<TimeMs> signoff_requested_ms;       // pending request of the current attempt
    std::vector<Completion> completions;              // every finished attempt, oldest first
    TimeMs updated_ms = 0;

    // The passed completion of exactly this content version, if any (the latest one).
    const Completion* passed_in(int content_version) const;
    // Current-attempt state belongs to this content version (older work re-opens).
    bool current_for(int content_version) const { return version == content_version; }
};

// True for event types this fold reads.
bool is_onboarding_event(const std::string& type);
// Applies one event of the record's person and module (others are ignored). Throws
// std::invalid_argument on a malformed payload.
void apply(ModuleRecord& r, const store::Event& e);

// Every module record of a person, by module id, folded from the event log in arrival order.
std::map<std::string, ModuleRecord> load_records(store::Database& db, const std::string& person);
// One module's record (empty record when never touched).
ModuleRecord load_record(store::Database& db, const std::string& person, const std::string& module);
// Track ids assigned to a person, in assignment order.
std::vector<std::string> assigned_tracks(store::Database& db, const std::string& person);
// Everyone with at least one track assignment: whoever is not here has no assigned_tracks(), so a
// team's figures fold only their events (one query over the assignments, not one per person).
std::set<std::string> people_with_tracks(store::Database& db);

} // namespace trainer::onboarding
