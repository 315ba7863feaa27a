#pragma once
// The demo people that `scripts/run` puts in a new demo database, so a newcomer can try every
// role at once. The list (names, roles, PINs, badges) is at the top of demo_people.cpp.
#include "trainer/identity/pin.hpp"
#include "trainer/store/event_store.hpp"

#include <vector>

namespace trainer::identity {

struct DemoPerson {
    const char* id;
    const char* name;
    const char* role;
    const char* team; // "" for the admin
    const char* locale;
    const char* pin;
    const char* badge;
};

// The immutable demo list, in the order they are created.
const std::vector<DemoPerson>& demo_people();

// Creates the demo teams and people with their PINs and badges; people already present are
// left alone, so running it twice changes nothing. Audited like any admin change.
void seed_demo_people(store::Database& db, store::EventStore& events,
                      PinCost cost = default_pin_cost());

} // namespace trainer::identity
