#pragma once
// For leads (and admins): the people they look after, with a way to lift a sign-in lockout.
#include "kiosk/intent.hpp"
#include "kiosk/ui_context.hpp"
#include "trainer/identity/team_roster.hpp"

#include <vector>

namespace kiosk {

struct TeamScreen {
    Intent draw(const UiContext& ui, const std::vector<trainer::identity::TeamMemberRow>& rows,
                trainer::TimeMs now_ms);
};

} // namespace kiosk
