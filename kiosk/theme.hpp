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
} // namespace theme

void apply_theme(float scale);

} // namespace kiosk
