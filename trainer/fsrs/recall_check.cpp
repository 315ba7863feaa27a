#include "trainer/fsrs/recall_check.hpp"

#include <cmath>

namespace trainer::fsrs {

namespace {

// The least stability the shortcut takes: ts-fsrs never gives less (S_MIN, params.cpp clips to it),
// and retrievability rounds the stability to 8 decimals first, which moves t / S by at most
// 5e-9 / 0.01 = 5e-7 of itself here.
constexpr double kMinStability = 0.01;
// Half-width of the band of ratios computed exactly, and the margin R must keep at its edges
// (far beyond the 8-decimal rounding of R and the rounding of the stability above).
constexpr double kBand = 0.03;
constexpr double kMargin = 1e-6;

} // namespace

RecallCheck::RecallCheck(const Scheduler& scheduler, double threshold)
    : scheduler_(scheduler), threshold_(threshold) {
    const Model& m = scheduler.model();
    const double decay = m.decay(), factor = m.factor();
    if (!(decay < 0) || !(factor > 0) || !(threshold > 0 && threshold < 1)) return;
    // R(t, S) = (1 + factor * t / S)^decay reaches `threshold` at t / S = q.
    const double q = (std::pow(threshold, 1.0 / decay) - 1.0) / factor;
    if (!std::isfinite(q) || !(q > 0)) return;
    surely_above_ = q * (1 - kBand);
    surely_below_ = q * (1 + kBand);
    // The curve just past each edge (by more than the stability's rounding) keeps a clear margin.
    const auto r = [&](double ratio) { return std::pow(1.0 + factor * ratio, decay); };
    band_ = r(surely_above_ * (1 + 1e-4)) >= threshold + kMargin && r(surely_below_ * (1 - 1e-4)) <= threshold - kMargin;
}

bool RecallCheck::operator()(const Card& card, TimeMs now) const {
    if (band_ && card.state != State::New && card.last_review && card.stability >= kMinStability &&
        std::isfinite(card.stability)) {
        const double ratio = static_cast<double>(Scheduler::whole_days_since_review(card, now)) / card.stability;
        if (ratio <= surely_above_) return true;
        if (ratio >= surely_below_) return false;
    }
    return scheduler_.retrievability(card, now) >= threshold_;
}

} // namespace trainer::fsrs
