#include "trainer/app/projections.hpp"

#include "trainer/cards/review_service.hpp"
#include "trainer/change/projection.hpp"
#include "trainer/identity/auth.hpp"
#include "trainer/identity/people_projection.hpp"
#include "trainer/onboarding/projection.hpp"
#include "trainer/quality/records.hpp"

namespace trainer::app {

std::vector<store::Projection> all_projections() {
    // Each feature adds its projection here as it gains derived state.
    // People first: the other projections may read who someone is while replaying.
    return {identity::people_projection(), identity::auth_throttle_projection(), cards::review_projection(), change::change_projection(),
            onboarding::onboarding_projection(), quality::quality_projection()};
}

} // namespace trainer::app
