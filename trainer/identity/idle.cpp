#include "trainer/identity/idle.hpp"

#include <algorithm>

namespace trainer::identity {

IdleState idle_state(const IdlePolicy& p, TimeMs last_input_ms, TimeMs now_ms) {
    const TimeMs remaining = std::max<TimeMs>(0, last_input_ms + p.timeout_ms - now_ms);
    if (remaining == 0) return {IdlePhase::Expired, 0};
    if (remaining <= p.warning_ms) return {IdlePhase::Warning, remaining};
    return {IdlePhase::Active, remaining};
}

} // namespace trainer::identity
