#pragma once
// One agent, seen by their lead (DESIGN §4.4-4.6): the figures of the team table, the phase of
// change with why the person landed there and what to do now, the history, the lead's own
// assessment with a note, and the QA evaluations with their trend and the motivation index.
#include "kiosk/intent.hpp"
#include "kiosk/ui_context.hpp"
#include "trainer/change/checkin.hpp"
#include "trainer/dashboard/view_models.hpp"
#include "trainer/quality/entry.hpp"
#include "trainer/quality/motivation.hpp"

#include <optional>
#include <string>
#include <vector>

namespace kiosk {

// Why the latest check-in landed in its phase: each condition of the phase rule that held, with
// the statements behind it as the person answered them.
struct WhyLine {
    int dimension = 0;      // content::Dimension
    double score = 0;       // 1..5
    bool below = true;      // the condition was "below threshold" (else "at least")
    double threshold = 0;
    std::vector<std::pair<std::string, int>> answers; // statement text, the answer given (1..5)
};

struct PersonData {
    trainer::dashboard::TeamRow row;
    std::string rollout_id;
    std::vector<trainer::change::PhaseRecord> history; // oldest first
    std::vector<WhyLine> why;                          // of the latest check-in
    std::optional<trainer::quality::AgentScores> scores;
    std::optional<trainer::quality::MotivationRow> motivation;
    bool can_evaluate = false;
    std::vector<trainer::dashboard::SignoffItem> signoffs; // their sign-off requests waiting for the lead
};

struct PersonScreen {
    int phase = -1;   // the lead's own assessment being entered
    std::string note;
    std::string message;
    std::string open_evaluation; // event id of the past evaluation shown with its criteria

    Intent draw(const UiContext& ui, const PersonData& d, const trainer::quality::MotivationConfig& config,
                const trainer::content::ContentSet& set);
};

// The QA part, shared with the agent's own "My scores" screen: evaluations, the monthly trend
// (quality and customer feedback) and the motivation index with its reasons. With `open_id`, a tap
// on an evaluation opens it in place (each criterion met / not met / N/A) and closes it again.
void draw_scores(const UiContext& ui, const trainer::quality::AgentScores& s,
                 const std::optional<trainer::quality::MotivationRow>& motivation,
                 const trainer::quality::MotivationConfig& config, const trainer::content::ContentSet& set,
                 std::string* open_id = nullptr);

} // namespace kiosk
