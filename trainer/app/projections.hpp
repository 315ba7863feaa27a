#pragma once
// The list of every derived-state projection the app keeps; `trainer rebuild` replays them all.
#include "trainer/store/projection.hpp"

#include <vector>

namespace trainer::app {

std::vector<store::Projection> all_projections();

} // namespace trainer::app
