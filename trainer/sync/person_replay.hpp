#pragma once
// Replaying some people's events, person by person (issue 12 §2, §8; docs/merging.md "How fast").
// When events arrive out of order and no shared rows (people, teams, rollouts) need recomputing,
// the rows to recompute are all one person's (store::Projection::person_tables), and one person's
// rows depend only on the events about that person in the one total order. So each person's events
// are read once, through the indexes that make them a range (events_by_person for what they did,
// events_by_subject for what others recorded about them), only of the types the projections being
// recomputed read, sorted in memory into the total order and replayed. The global replay in
// recompute.cpp (every event in one order, read twice: keys, then rows) stays for the case where
// shared rows are recomputed too, since those interleave with everyone's events.
#include "trainer/store/projection.hpp"

#include <cstdint>
#include <set>
#include <string>
#include <vector>

namespace trainer::sync {

// Whether p's apply() reads events of this type (Projection::types; empty: every type).
bool projection_reads(const store::Projection& p, const std::string& type);
// Whether events of this type write one of p's shared parts (Projection::shared).
bool writes_shared(const store::Projection& p, const std::string& type);

// people[i]: whose rows of projections[i] to recompute (their rows already cleared). Replays, in
// the caller's transaction, every event about each of them that projections[i] reads and that is
// not of a type one of its shared parts writes. Returns the number of events replayed.
std::int64_t replay_people(store::Database& db, const std::vector<store::Projection>& projections,
                           const std::vector<std::set<std::string>>& people);

} // namespace trainer::sync
