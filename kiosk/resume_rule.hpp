#pragma once
// The router's one rule for figures on screen (docs/architecture.md, "The screen on top"): after an
// intent, the screen on top reads its figures again when it has come back on top — the stack
// shrank to it (Back, Home, a signature done) — or when another flow acted while it stayed on top
// (a lead unlocking someone from the home). A screen just pushed was read by the flow that opened
// it, so it is not read twice.
#include "kiosk/screen_id.hpp"

#include <vector>

namespace kiosk {

inline bool resumes(const std::vector<ScreenId>& before, const std::vector<ScreenId>& after, FlowId acted) {
    if (before.empty() || after.empty()) return false;
    const bool uncovered = after.size() < before.size() && before[after.size() - 1] == after.back();
    const bool acted_under = after == before && acted != screen_info(after.back()).flow;
    return uncovered || acted_under;
}

} // namespace kiosk
