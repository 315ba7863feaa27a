#include "trainer/onboarding/pass_mark.hpp"

namespace trainer::onboarding {

bool reaches_pass_mark(double score, double pass_mark) { return score + 1e-9 >= pass_mark; }

ChecklistScore score_checklist(std::size_t shown, std::size_t steps, double pass_mark) {
    ChecklistScore s;
    if (steps == 0) return s; // nothing to observe cannot pass
    s.score = static_cast<double>(shown) / static_cast<double>(steps);
    s.passed = reaches_pass_mark(s.score, pass_mark);
    return s;
}

} // namespace trainer::onboarding
