#pragma once
// Why a person is in the phase their latest check-in gave them (DESIGN §4.4): the phase rule
// (phase_rule.hpp) applied again to that check-in's own recorded answers, with each statement in
// the reader's language. The lead's dashboard and `trainer change history` show the same reasons.
#include "trainer/change/checkin.hpp"
#include "trainer/content/model.hpp"
#include "trainer/store/event_store.hpp"

#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace trainer::change {

struct PhaseExplanation {
    Dimension dimension = Dimension::Awareness;
    double score = 0;   // the dimension's score, 1..5
    bool below = true;  // the condition was "below threshold" (else "at least")
    double threshold = 0;
    std::vector<std::pair<std::string, int>> answers; // statement text, the answer given (1..5)
};

// The reasons behind the latest self check-in in `history` (as CheckinService::history returned
// it, which checked who may see it). Empty when there is no self check-in or no change content.
// A check-in event whose answers cannot be read throws std::runtime_error
// naming the event.
std::vector<PhaseExplanation> explain_latest_phase(store::EventStore& events, const content::ContentSet& content,
                                                   const std::vector<PhaseRecord>& history, std::string_view locale);

} // namespace trainer::change
