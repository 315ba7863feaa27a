#pragma once
// Erasure tombstones (issue 12 §5): what stays of an erased person is a keyed hash of their old id,
// never the id itself, so that their events still held by another device can be recognised and
// dropped on a later merge without keeping anything that names them.
#include "trainer/store/database.hpp"

#include <string>
#include <unordered_set>

namespace trainer::store {

// Hex BLAKE2b-128 of the person id keyed by the organisation id (same on every device of it).
std::string person_key(const std::string& organisation_id, const std::string& person_id);

// Every tombstone of this database.
std::unordered_set<std::string> erased_keys(store::Database& db);
// Records one (idempotent).
void add_tombstone(store::Database& db, const std::string& key, const std::string& event_id, std::int64_t at_ms);

// Hex BLAKE2b-128 of "event " + id keyed by the organisation id: how an event an erasure removed
// or scrubbed is remembered (migrations/0019_erased_events.sql).
std::string erased_event_key(const std::string& organisation_id, const std::string& event_id);
// Records one (idempotent).
void add_erased_event(store::Database& db, const std::string& key);

// The events erasures here removed or scrubbed, for an import to drop their copies on arrival.
class ErasedEvents {
public:
    ErasedEvents(store::Database& db, const std::string& organisation_id);
    // Whether this id is one of them (false at once when no erasure removed anything).
    bool contains(const std::string& event_id) const;

private:
    std::string organisation_id_;
    std::unordered_set<std::string> keys_;
};

} // namespace trainer::store
