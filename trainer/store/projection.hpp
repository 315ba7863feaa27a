#pragma once
// Derived state (a card's schedule per person, module status, latest phase) is a cache over
// the events. A projection says how to clear its tables and how one event changes them.
#include "trainer/store/event_store.hpp"

#include <functional>
#include <string>
#include <vector>

namespace trainer::store {

// Rows of a projection that are not one person's (a team, a rollout), and the event types that
// write them: exact types, or prefixes ending in '.' ("auth.").
struct SharedRows {
    std::vector<std::string> tables; // cleared in this order
    std::vector<std::string> types;
};

struct Projection {
    std::string name;
    std::function<void(Database&)> clear;
    std::function<void(Database&, const Event&)> apply;
    // What an import recomputes when events arrive out of order (trainer/sync/recompute.hpp).
    // person_tables: rows keyed by person_id, written only by events about that person (their
    // subject, event_subject()). shared: every other row. A projection that declares neither is
    // recomputed whole whenever events arrive out of order.
    std::vector<std::string> person_tables;
    std::vector<SharedRows> shared;
    // The event types apply() reads (exact or prefix); empty: it looks at every event.
    std::vector<std::string> types;
    // false: apply() keeps state between events in memory (onboarding's module records), so new
    // events of a person cannot be applied on top of rows written earlier; their person is
    // recomputed instead.
    bool applies_on_stored_rows = true;
    // Top-level payload keys apply() never reads (a review's "before"/"after": what the desk showed,
    // never copied). A replay leaves a key out of the parsed payload when no projection that
    // takes the event reads it (trainer/store/replay_payload.hpp).
    std::vector<std::string> unread_keys;
    // Optional: a replay of many events (rebuild, an import's recompute) brackets its apply() calls
    // with Begin and then Finish (or Abandon when it fails). In between, apply() may keep the rows
    // it writes in memory and write each once at Finish instead of once per event: nothing reads
    // a projection's own tables during a replay but the projection itself.
    enum class Batch { Begin, Finish, Abandon };
    std::function<void(Database&, Batch)> batch;
};

// Brackets a replay's apply() calls (Projection::batch): Begin now, Finish at finish(), Abandon if
// destroyed before (an exception: the caller's transaction is rolled back anyway).
class ReplayBatch {
public:
    ReplayBatch(Database& db, const std::vector<Projection>& projections);
    ~ReplayBatch();
    ReplayBatch(const ReplayBatch&) = delete;
    ReplayBatch& operator=(const ReplayBatch&) = delete;
    void finish();

private:
    Database& db_;
    const std::vector<Projection>& projections_;
    bool open_ = true;
};

// Whose rows an event changes: the payload's "person" when it names one (a lead's assessment, a
// sign-off, a QA evaluation), else who did it; "" for neither.
std::string event_subject(const Event& e);
// Whether type is one of types (exact, or a prefix ending in '.').
bool type_matches(const std::vector<std::string>& types, const std::string& type);

struct RebuildStats {
    std::int64_t events = 0;
    std::size_t projections = 0;
};

// Calls fn for every event (or those of one type prefix, see EventFilter) in the one total order
// every device agrees on: occurred-at, then kiosk (device) id, then the recording device's own
// order (events.origin_seq, or seq for an event recorded here), then event id (issue 12).
void for_each_in_order(Database& db, const EventFilter& filter, const std::function<void(const Event&)>& fn);

// Clears every projection and replays all events in the one total order (occurred-at, kiosk id,
// event id: the same on every device whatever order events arrived in), in one transaction:
// either the whole derived state is recomputed or nothing changes.
RebuildStats rebuild(Database& db, const std::vector<Projection>& projections);
// The same inside the caller's transaction.
RebuildStats replay_all(Database& db, const std::vector<Projection>& projections);

} // namespace trainer::store
