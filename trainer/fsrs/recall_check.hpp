#pragma once
// "Is this card's retrievability now at least R?" for many cards at once (the mastery rule of
// cards/review_service.hpp, R = 0.9, over a whole team's schedules). Same answer as comparing
// Scheduler::retrievability(card, now) >= R, without the power law for a card well inside or well
// outside its stability: R(t, S) falls as t / S grows, so below a ratio a little under the one
// where R is reached the answer is yes, above one a little over it no, and only cards in between
// are computed exactly. The band is checked against the model when the check is made; when the
// parameters leave no safe margin every card is computed exactly.
#include "trainer/core/clock.hpp"
#include "trainer/fsrs/scheduler.hpp"

namespace trainer::fsrs {

class RecallCheck {
public:
    RecallCheck(const Scheduler& scheduler, double threshold);

    // scheduler.retrievability(card, now) >= threshold.
    bool operator()(const Card& card, TimeMs now) const;
    // Whether the shortcut is in use (false: every card is computed exactly).
    bool has_band() const { return band_; }

private:
    const Scheduler& scheduler_;
    double threshold_;
    bool band_ = false;
    double surely_above_ = 0; // elapsed days / stability at or below this: retrievability >= threshold
    double surely_below_ = 0; // at or above this: retrievability < threshold
};

} // namespace trainer::fsrs
