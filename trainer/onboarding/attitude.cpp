#include "trainer/onboarding/attitude.hpp"

#include <numeric>

namespace trainer::onboarding {

double attitude_score(const std::vector<int>& values) {
    if (values.empty()) return 0.0;
    return static_cast<double>(std::accumulate(values.begin(), values.end(), 0)) /
           static_cast<double>(values.size());
}

} // namespace trainer::onboarding
