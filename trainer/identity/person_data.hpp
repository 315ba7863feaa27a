#pragma once
// One person's data, for a subject-access request (export) or the right to erasure (erase).
// Both are audited; neither audit event contains the person's name.
#include "trainer/identity/access.hpp"
#include "trainer/store/event_store.hpp"
#include "trainer/store/projection.hpp"

#include <nlohmann/json_fwd.hpp>

#include <optional>
#include <string>

namespace trainer::identity {

// {"person": profile (no PIN hash), "teams": ..., "events": every event by or about them}.
// Needs can_view_person; audited as person.exported. PeopleError when the id is unknown.
nlohmann::json export_person(const Actor& actor, store::EventStore& events,
                             const std::string& person_id);

struct ErasureResult {
    std::string pseudonym; // the opaque id the tombstone (person.erased) names them by
    std::int64_t events_rewritten = 0; // their events removed plus others' events scrubbed
    bool wal_truncated = false; // false when another connection kept the WAL from being emptied
};

// Admin only. In one transaction: the profile, every event by or about the person, and every
// derived row are removed; other people's events that mention their name, badge or external id
// are scrubbed (free text blanked); a tombstone (person.erased with a keyed hash of the id,
// store/tombstone.hpp) is recorded so no later merge brings them back (issue 12 §5). Then the WAL
// is checkpointed and truncated so the old text is in neither the database nor the -wal file
// (secure_delete is on).
// `derived` is every projection of the app (app::all_projections()), recomputed afterwards;
// identity sits below the app, so the caller hands the list down.
ErasureResult erase_person(const Actor& actor, store::EventStore& events,
                           const std::string& person_id, const std::vector<store::Projection>& derived);

// A person.erased event from another device (issue 12 §5): erases here whoever the keyed hash
// `person_key` names, with the same pseudonym, and records the tombstone so that their old events
// are dropped from every later merge. Inside the caller's transaction; returns the local id erased
// (nullopt when nobody here matched; the tombstone is recorded all the same).
std::optional<std::string> apply_tombstone(store::Database& db, const std::string& person_key,
                                           const std::string& pseudonym, const std::string& event_id,
                                           TimeMs at_ms);

} // namespace trainer::identity
