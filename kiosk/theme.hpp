#pragma once
// The kiosk's look: calm colours, large touch targets (>= 48 px at scale 1).
#include <imgui.h>

namespace kiosk {

namespace theme {
inline constexpr float kTouch = 48.0f; // minimum touch target height, in px at scale 1
inline const ImVec4 kBackground{0.96f, 0.96f, 0.94f, 1.0f};
inline const ImVec4 kCard{1.0f, 1.0f, 1.0f, 1.0f};
inline const ImVec4 kInk{0.13f, 0.15f, 0.18f, 1.0f};
inline const ImVec4 kMuted{0.38f, 0.41f, 0.45f, 1.0f};
inline const ImVec4 kAccent{0.0f, 0.35f, 0.62f, 1.0f};     // blue (colour-blind safe with orange)
inline const ImVec4 kAccentSoft{0.85f, 0.91f, 0.97f, 1.0f};
inline const ImVec4 kWarn{0.80f, 0.40f, 0.0f, 1.0f};       // orange
inline const ImVec4 kWarnSoft{1.0f, 0.94f, 0.85f, 1.0f};
inline const ImVec4 kGood{0.0f, 0.45f, 0.35f, 1.0f};
inline const ImVec4 kGoodSoft{0.86f, 0.95f, 0.91f, 1.0f};
inline const ImVec4 kLine{0.85f, 0.86f, 0.88f, 1.0f};

// Okabe-Ito colours: told apart with every common colour-vision deficiency.
inline const ImVec4 kOkBlue{0.0f, 0.447f, 0.698f, 1.0f};
inline const ImVec4 kOkOrange{0.902f, 0.624f, 0.0f, 1.0f};
inline const ImVec4 kOkGreen{0.0f, 0.620f, 0.451f, 1.0f};
inline const ImVec4 kOkSky{0.337f, 0.706f, 0.914f, 1.0f};
inline const ImVec4 kOkVermillion{0.835f, 0.369f, 0.0f, 1.0f};
inline const ImVec4 kNone{0.78f, 0.79f, 0.80f, 1.0f};

// Pillars of onboarding: knowledge, attitude, skills.
inline ImVec4 pillar_colour(int pillar) {
    return pillar == 0 ? kOkBlue : pillar == 1 ? kOkOrange : kOkGreen;
}
// Phases of change: denial, resistance, exploration, commitment.
inline ImVec4 phase_colour(int phase) {
    switch (phase) {
    case 0: return kOkVermillion;
    case 1: return kOkOrange;
    case 2: return kOkSky;
    default: return kOkGreen;
    }
}
} // namespace theme

void apply_theme(float scale);

} // namespace kiosk
