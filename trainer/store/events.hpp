#pragma once
// The append-only event log (DESIGN §3): the store and the event with its JSON payload.
// Headers include the light "trainer/store/event_store.hpp" instead; .cpp files that read or
// write events' fields include this one (or "trainer/store/event.hpp").
#include "trainer/store/event.hpp"
#include "trainer/store/event_store.hpp"
