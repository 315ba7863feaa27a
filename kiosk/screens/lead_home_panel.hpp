#pragma once
// A lead's home (issue 14, point 7): what waits for them — sign-offs asked for, team members locked
// out of sign-in, people in denial or resistance, check-ins overdue — each one tap from the action
// (the sign-off form, the unlock, the person's page). Data: trainer/app/lead_home.hpp.
#include "kiosk/intent.hpp"
#include "kiosk/ui_context.hpp"
#include "trainer/app/lead_home.hpp"
#include "trainer/content/model.hpp"

namespace kiosk {

Intent draw_lead_home(const UiContext& ui, const trainer::app::LeadHome& home, const trainer::content::ContentSet& set);

} // namespace kiosk
