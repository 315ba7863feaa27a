#pragma once
// The one pass rule of onboarding assessments (DESIGN §4.3): a score in 0..1 passes when it
// reaches the module's pass mark. Quizzes and skills checklists both use it, and so does the
// lead's sign-off form when it shows "would pass" before anything is signed.
#include <cstddef>

namespace trainer::onboarding {

// True when `score` (0..1) reaches `pass_mark` (0..1); a tiny tolerance so that 4 of 5 (0.8)
// passes a pass mark of 0.8 despite floating-point rounding.
bool reaches_pass_mark(double score, double pass_mark);

struct ChecklistScore {
    double score = 0; // steps shown / steps; 0 for a checklist without steps
    bool passed = false;
};

// A skills checklist signed with `shown` of its `steps` steps observed.
ChecklistScore score_checklist(std::size_t shown, std::size_t steps, double pass_mark);

} // namespace trainer::onboarding
