#pragma once
// Attitude scenario rules (DESIGN §4.3), pure functions. Each response is valued on the
// touchpoint scale -2 .. +2 (0 = what the customer expects). A module is complete when every
// scenario has an answer; its score is the mean valuation of the chosen responses (-2 .. +2).
// There is no pass mark: attitude is reflected on, not examined.
#include <vector>

namespace trainer::onboarding {

// Mean of the chosen valuations; 0 when there are none.
double attitude_score(const std::vector<int>& values);

} // namespace trainer::onboarding
