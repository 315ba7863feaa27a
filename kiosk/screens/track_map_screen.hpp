#pragma once
// The new hire's onboarding map (DESIGN §4.3): each track's modules as tiles — pillar, status,
// progress, what it needs and what it unlocks — and one button to resume where they left off.
#include "kiosk/intent.hpp"
#include "kiosk/ui_context.hpp"
#include "trainer/onboarding/track_map.hpp"

#include <vector>

namespace kiosk {

struct TrackMapScreen {
    Intent draw(const UiContext& ui, const std::vector<trainer::onboarding::TrackMap>& tracks);
};

// "knowledge" / "attitude" / "skills" in the UI language.
std::string pillar_label(const UiContext& ui, trainer::content::Pillar p);

} // namespace kiosk
