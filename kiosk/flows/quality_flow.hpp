#pragma once
// The quality job at the kiosk (DESIGN §4.5), as a flow: an agent's own scores (nobody else's:
// the services check who asks) and a lead's QA evaluation up to its signature. It owns the
// scores and evaluation screens' state, applies ShowScores and StartEvaluation through
// trainer::quality and draws its screens. The PIN pad is the app's; the flow finishes the
// signature with the checked PIN. Tested without a window (tests/ui/test_quality_flow.cpp).
#include "kiosk/intent.hpp"
#include "kiosk/screen_id.hpp"
#include "kiosk/screens/evaluation_screen.hpp"
#include "kiosk/ui_context.hpp"
#include "trainer/identity/auth.hpp"
#include "trainer/quality/motivation.hpp"
#include "trainer/quality/motivation_config.hpp"

#include <optional>
#include <string>
#include <vector>

namespace kiosk {

class QualityFlow {
public:
    // What the flow works with, lent by the app for one call.
    struct Env {
        trainer::quality::EvaluationService& evaluations;
        trainer::store::Database& db;
        trainer::store::EventStore& events;
        const trainer::Clock& clock;
        const trainer::content::ContentSet& content;
        const trainer::quality::MotivationConfig& motivation;
        const trainer::identity::Actor& actor; // who is signed in
        std::string person_id;
        const UiContext& ui;
        std::vector<ScreenId>& stack;
        std::string& notice; // a calm line after an action (or why it was refused)
    };

    // ShowScores and StartEvaluation. A refusal is shown (the notice), never thrown.
    void apply(const QualityIntent& intent, Env& env);
    // Draws ScreenId::Scores or ScreenId::Evaluation.
    Intent draw(ScreenId screen, Env& env);

    // The lead's PIN was checked: sign the evaluation with it. Saved: the notice says so and the
    // form and PIN pad are gone; otherwise `pad_message` says why (or the form lists problems).
    enum class Signed { Saved, Rejected, DraftProblems };
    Signed finish_signature(const trainer::identity::LoginAttempt& attempt, const trainer::identity::PinCheck& check,
                            std::string& pad_message, Env& env);
    // The person the evaluation on screen is about.
    const std::string& evaluated_person() const { return evaluation_.draft.person_id; }
    // The evaluation on screen (what its signature restates on the PIN pad).
    const EvaluationScreen& evaluation() const { return evaluation_; }
    // What the evaluation's signature records, restated on the PIN pad.
    std::string signing_what(const UiContext& ui) const;

private:
    EvaluationScreen evaluation_;
    trainer::quality::AgentScores scores_;
    std::optional<trainer::quality::MotivationRow> motivation_;
};

} // namespace kiosk
