#pragma once
// Knowledge quiz rules (DESIGN §4.3), pure functions.
//
// Scoring of one question, from 0 to 1:
// - single choice: 1 when the one chosen option is the correct one, else 0;
// - multiple choice: partial credit = max(0, (correct chosen - wrong chosen) / correct count),
//   so ticking every box scores no better than ticking none, and a wrong tick cancels a right one.
// The attempt score is the mean of the question scores; it passes when score >= pass mark.
//
// Options are shown in an order shuffled per attempt; the order follows from the attempt's seed
// (stored in its event) and the question id, so a resumed attempt shows the same order.
#include "trainer/content/onboarding_model.hpp"

#include <cstdint>
#include <string>
#include <vector>

namespace trainer::onboarding {

// Score of the chosen option ids (already validated: they exist, no duplicates).
double score_question(const content::QuizQuestion& q, const std::vector<std::string>& chosen);

// Mean of the question scores (0 when there are none) and whether it reaches the pass mark.
struct QuizScore {
    double score = 0;
    bool passed = false;
};
QuizScore score_attempt(const std::vector<double>& question_scores, double pass_mark);

// Indexes into q.options in the order to show them for this attempt (a permutation).
std::vector<std::size_t> option_order(std::uint64_t seed, const content::QuizQuestion& q);

// A fresh seed for an attempt (53 bits, so it survives JSON number handling everywhere).
std::uint64_t new_attempt_seed();

} // namespace trainer::onboarding
