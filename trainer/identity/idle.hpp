#pragma once
// Idle logout on shared kiosks (DESIGN §4.7): after a period without input the session ends,
// with a warning shown for the last seconds so a person who is still there can stay.
#include "trainer/core/clock.hpp"

namespace trainer::identity {

struct IdlePolicy {
    TimeMs timeout_ms = 90'000; // kiosk default; desk mode uses a longer one
    TimeMs warning_ms = 10'000; // the overlay shows this long before the logout
};

enum class IdlePhase { Active, Warning, Expired };

struct IdleState {
    IdlePhase phase = IdlePhase::Active;
    TimeMs remaining_ms = 0; // until logout
};

IdleState idle_state(const IdlePolicy& p, TimeMs last_input_ms, TimeMs now_ms);

} // namespace trainer::identity
