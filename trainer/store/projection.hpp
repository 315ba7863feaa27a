#pragma once
// Derived state (a card's schedule per person, module status, latest phase) is a cache over
// the events. A projection says how to clear its tables and how one event changes them.
#include "trainer/store/event_store.hpp"

#include <functional>
#include <string>
#include <vector>

namespace trainer::store {

struct Projection {
    std::string name;
    std::function<void(Database&)> clear;
    std::function<void(Database&, const Event&)> apply;
};

struct RebuildStats {
    std::int64_t events = 0;
    std::size_t projections = 0;
};

// Calls fn for every event (or those of one type prefix, see EventFilter) in the one total order
// every device agrees on: occurred-at, then kiosk (device) id, then event id (issue 12).
void for_each_in_order(Database& db, const EventFilter& filter, const std::function<void(const Event&)>& fn);

// Clears every projection and replays all events in the one total order (occurred-at, kiosk id,
// event id: the same on every device whatever order events arrived in), in one transaction:
// either the whole derived state is recomputed or nothing changes.
RebuildStats rebuild(Database& db, const std::vector<Projection>& projections);
// The same inside the caller's transaction.
RebuildStats replay_all(Database& db, const std::vector<Projection>& projections);

} // namespace trainer::store
