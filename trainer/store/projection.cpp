#include "trainer/store/projection.hpp"

#include "trainer/core/clock.hpp"

namespace trainer::store {

RebuildStats rebuild(Database& db, const std::vector<Projection>& projections) {
    RebuildStats stats;
    stats.projections = projections.size();
    Transaction tx(db);
    for (const auto& p : projections) p.clear(db);
    SystemClock clock; // unused by reads; EventStore needs one
    EventStore events(db, clock, "");
    events.for_each({}, [&](const Event& e) {
        ++stats.events;
        for (const auto& p : projections) p.apply(db, e);
    });
    tx.commit();
    return stats;
}

} // namespace trainer::store
