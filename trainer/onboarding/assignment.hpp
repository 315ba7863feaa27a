#pragma once
// Which tracks a person walks (DESIGN §4.3): assigned by an admin or by a lead of their team
// (`trainer track assign`), or automatically to recent hires: a track with
// "auto_assign_within_days": N goes to every active person whose hire date is at most N days
// before today (UTC). The app calls auto_assign_recent_hires at start and at each login.
#include "trainer/content/onboarding_model.hpp"
#include "trainer/identity/access.hpp"
#include "trainer/store/event_store.hpp"

#include <optional>
#include <string>

namespace trainer::onboarding {

// An "onboarding.track_assigned" event (and its row). False when the track was already
// assigned. Throws OnboardingError for an unknown track or person, AccessDenied for anyone but
// an admin or a lead of the person's team.
bool assign_track(store::EventStore& events, const content::OnboardingContent& content,
                  const identity::Actor& actor, const std::string& track, const std::string& person);

// Assigns auto tracks to recent hires (all of them, or only `person`); returns how many
// assignments were made. Idempotent: the event id is derived from track and person, so two
// kiosks doing it at once cannot assign twice.
int auto_assign_recent_hires(store::EventStore& events, const content::OnboardingContent& content,
                             const std::optional<std::string>& person = std::nullopt);

} // namespace trainer::onboarding
