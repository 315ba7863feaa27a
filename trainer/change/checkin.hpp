#pragma once
// Change check-ins and lead assessments (DESIGN §4.4): when a pulse is due, scoring it by the
// phase rule, a lead's own assessment with a note, and the kept history. Each write is one event
// plus its derived rows, in the caller's transaction when there is one (bulk seeding), else in
// its own durable one.
#include "trainer/change/phase_rule.hpp"
#include "trainer/identity/access.hpp"
#include "trainer/store/event_store.hpp"

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace trainer::change {

struct CheckinConfig {
    int interval_days = 7; // a check-in is offered again this many days after the last one
};

// A request refused before anything was written (not on the rollout's teams, not started, ...).
class CheckinError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

struct PhaseRecord {
    std::string event_id;
    std::string person_id;
    std::string rollout_id;
    TimeMs at_ms = 0;
    Phase phase = Phase::Exploration;
    std::string source;               // "self" (check-in) or "lead" (assessment)
    std::vector<std::string> reasons; // self: why the rule chose the phase
    std::string note;                 // lead: their note
    std::string author_id;            // lead: who assessed
};

struct CheckinResult {
    std::string event_id;
    PhaseResult result;
};

class CheckinService {
public:
    CheckinService(store::EventStore& events, const Clock& clock, const content::ContentSet& content,
                   CheckinConfig config = {});
    CheckinService(store::EventStore&, const Clock&&, const content::ContentSet&, CheckinConfig = {}) = delete;

    // Rollouts the person is offered a check-in for now: started, one of their teams is on it, and
    // no check-in of theirs in the last interval_days. Empty without change content.
    std::vector<content::Rollout> due(const std::string& person_id);
    // The person's own check-in (the actor must be that person, or an admin entering it for them).
    CheckinResult check_in(const identity::Actor& actor, const std::string& person_id,
                           const std::string& rollout_id, const std::map<std::string, int>& answers);
    // A lead of one of the person's teams (or an admin) records their own view, with a note.
    PhaseRecord assess(const identity::Actor& actor, const std::string& person_id, const std::string& rollout_id,
                       Phase phase, const std::string& note);
    // Every record for the person and rollout, oldest first (AccessDenied unless the actor may see).
    std::vector<PhaseRecord> history(const identity::Actor& actor, const std::string& person_id,
                                     const std::string& rollout_id);
    std::optional<PhaseRecord> latest(const identity::Actor& actor, const std::string& person_id,
                                      const std::string& rollout_id);

private:
    content::Rollout rollout_for(const std::string& person_id, const std::string& rollout_id);

    store::EventStore& events_;
    const Clock& clock_;
    const content::ContentSet& content_;
    CheckinConfig config_;
};

} // namespace trainer::change
