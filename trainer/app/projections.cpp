#include "trainer/app/projections.hpp"

#include "trainer/identity/auth.hpp"

namespace trainer::app {

std::vector<store::Projection> all_projections() {
    // Each feature adds its projection here as it gains derived state.
    return {identity::auth_throttle_projection()};
}

} // namespace trainer::app
