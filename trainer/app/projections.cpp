#include "trainer/app/projections.hpp"

namespace trainer::app {

std::vector<store::Projection> all_projections() {
    // Each feature adds its projection here as it gains derived state.
    return {};
}

} // namespace trainer::app
