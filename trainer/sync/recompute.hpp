#pragma once
// Bringing the derived tables up to date after new events were stored (issue 12 §2;
// docs/merging.md "Recomputed, not patched"). Events that arrive out of order are never patched
// in: the rows they change are cleared and recomputed from the log in the one total order. What
// is recomputed is as narrow as the projections allow (store::Projection::person_tables, shared):
// - one person's rows (card schedules, phases, onboarding, QA) are recomputed for the people the
//   new events are about, from those people's events only (person by person when no shared rows
//   are recomputed: trainer/sync/person_replay.hpp);
// - shared rows (people and teams, rollouts, maturity checks) are recomputed whole, from the
//   events of the types that write them, when a new event of such a type arrived.
// A full rebuild and this give the same tables (tests/unit/test_sync_recompute.cpp).
#include "trainer/store/projection.hpp"

#include <cstdint>
#include <string>
#include <vector>

namespace trainer::sync {

struct RecomputeStats {
    std::size_t people = 0;                // people whose rows were recomputed
    std::vector<std::string> shared;       // shared tables recomputed whole
    std::int64_t replayed = 0;             // events read from the log and replayed
    bool whole = false;                    // a projection said nothing of its rows: all recomputed
};

// Recomputes, in the caller's transaction, every row the new events (already in the log) may
// change. only: which projections to recompute (empty = all); the others are left alone.
RecomputeStats recompute_affected(store::Database& db, const std::vector<store::Projection>& projections,
                                  const std::vector<store::Event>& added, const std::vector<bool>& only = {});

} // namespace trainer::sync
