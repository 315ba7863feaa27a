#pragma once
// One event row of the log read into an Event: the single place a SELECT over `events` becomes an
// Event (the log's lookups, the projections' replay, a sync recompute, onboarding records, a
// person's data export). Select kEventColumns first, in this order.
#include "trainer/store/database.hpp"
#include "trainer/store/event.hpp"

#include <functional>

namespace trainer::store {

// "SELECT " + kEventColumns + " FROM events ..." gives the columns read_event() reads.
inline constexpr const char* kEventColumns = "seq, id, type, person_id, kiosk_id, at_ms, payload";

// The event in st's current row; a NULL person_id reads as "". Throws nlohmann::json::exception
// when the stored payload is not JSON.
Event read_event(const Statement& st);

// Runs a projection's apply for one event row. A malformed payload (nlohmann::json::exception) or
// a rule the event breaks (std::invalid_argument) comes out as a std::runtime_error naming the
// event: "<type> event <id> (seq N): malformed payload: ..." or "<type> event <id> (seq N): ...".
void apply_naming_event(const Event& e, const std::function<void()>& apply);

} // namespace trainer::store
