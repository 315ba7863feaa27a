#pragma once
// The append-only event log (DESIGN §3), without the event's JSON payload: a header that only
// passes an EventStore& or an Event& along includes this one, so it does not pull nlohmann/json
// into every unit (docs/architecture.md, "Light headers"). Code that builds or reads an event's
// fields includes "trainer/store/event.hpp" (or "trainer/store/events.hpp", which has both).
#include "trainer/core/clock.hpp"
#include "trainer/store/database.hpp"

#include <cstdint>
#include <functional>
#include <optional>
#include <string>

namespace trainer::store {

struct Event;    // trainer/store/event.hpp
struct NewEvent; // trainer/store/event.hpp

struct EventFilter {
    std::optional<std::string> type;      // exact type, or a prefix ending in '.' ("auth.")
    std::optional<std::string> person_id;
    std::optional<TimeMs> since_ms;
    std::optional<TimeMs> until_ms;       // exclusive
    std::optional<std::int64_t> after_seq; // only events that arrived after this one (a cursor)
    std::optional<std::int64_t> limit;     // at most this many, in arrival order
};

class EventStore {
public:
    EventStore(Database& db, const Clock& clock, std::string kiosk_id);
    // The store keeps a reference to the clock: a temporary would dangle.
    EventStore(Database& db, const Clock&& clock, std::string kiosk_id) = delete;

    // Appends within the caller's transaction (or autocommits when there is none).
    // Throws StoreError when the id already exists.
    Event append(const NewEvent& e);
    // Appends unless an event with the same id exists; returns whether it was written.
    bool append_if_absent(const NewEvent& e);
    // Appends in its own transaction; when it returns the event is durably on disk.
    Event record(const NewEvent& e);

    std::optional<Event> find(const std::string& id);
    // Calls fn for matching events in arrival order.
    void for_each(const EventFilter& filter, const std::function<void(const Event&)>& fn);
    std::int64_t count(const EventFilter& filter = {});

    Database& db() { return db_; }
    const Clock& clock() const { return clock_; }
    const std::string& kiosk_id() const { return kiosk_id_; }

private:
    Database& db_;
    const Clock& clock_;
    std::string kiosk_id_;
    std::optional<Statement> insert_; // prepared once: append() is on the durable-commit hot path
};

// The kiosk id stored in meta at init ("kiosk_id"); created on first use.
std::string kiosk_id_of(Database& db);
// Read/write the small key-value meta table.
std::optional<std::string> meta_get(Database& db, const std::string& key);
void meta_set(Database& db, const std::string& key, const std::string& value);

} // namespace trainer::store
