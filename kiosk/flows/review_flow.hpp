#pragma once
// The review job at the kiosk (DESIGN §4.2), as a flow: it owns the review and summary screens'
// view state and the session, applies the review's intents through trainer (the session's rules
// live in trainer/cards/review_session.hpp) and draws its screens. Tested without a window
// (tests/ui/test_review_flow.cpp) against an in-memory database.
#include "kiosk/intent.hpp"
#include "kiosk/screen_id.hpp"
#include "kiosk/screens/review_screen.hpp"
#include "kiosk/ui_context.hpp"
#include "trainer/cards/review_session.hpp"

#include <optional>
#include <string>
#include <vector>

namespace kiosk {

class ReviewFlow {
public:
    // What the flow works with, lent by the app for one call.
    struct Env {
        trainer::cards::ReviewService& reviews;
        const trainer::content::ContentSet& content; // what `reviews` was built on
        const trainer::Clock& clock;
        const UiContext& ui;
        std::string person_id;
        std::vector<ScreenId>& stack;
    };

    // StartReview, GradeCard.
    void apply(const ReviewIntent& intent, Env& env);
    // FlipCard while a review is on top; false for anything else.
    bool apply(const ScreenIntent& intent, Env& env);
    // Draws ScreenId::Review or ScreenId::ReviewSummary (retrying an unsaved grade when due).
    Intent draw(ScreenId screen, Env& env);
    // An unsaved grade is waiting to be tried again (the window must wake for it).
    bool retry_pending() const { return session_ && session_->pending_rating(); }
    // Ends the session (sign-out): nothing of it stays on screen; a grade still being written gets
    // GradeWriter's grace to commit, and one that cannot is named in the log.
    void reset();
    ReviewFlow() = default;
    ReviewFlow(const ReviewFlow&) = delete;
    ReviewFlow& operator=(const ReviewFlow&) = delete;
    ~ReviewFlow() { reset(); } // the window closing: the same

private:
    void start(Env& env);
    void after_grade(trainer::cards::ReviewSession::Outcome outcome, Env& env);
    ReviewView view(Env& env);
    ReviewSummaryView summary(Env& env);

    ReviewScreen screen_;
    std::optional<trainer::cards::ReviewSession> session_;
    std::string save_problem_;   // translated: the last grade is not saved yet
    std::string save_notice_;    // translated: a grade that waited is saved now (until the next grade)
    ReviewSummaryView summary_;  // computed once when the session ends
};

} // namespace kiosk
