#pragma once
// Derived state (a card's schedule per person, module status, latest phase) is a cache over
// the events. A projection says how to clear its tables and how one event changes them.
#include "trainer/store/events.hpp"

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

// Clears every projection and replays all events in arrival order, in one transaction:
// either the whole derived state is recomputed or nothing changes.
RebuildStats rebuild(Database& db, const std::vector<Projection>& projections);

} // namespace trainer::store
