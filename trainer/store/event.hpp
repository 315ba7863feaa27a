#pragma once
// One event of the log (DESIGN §3): who, where, when, and its payload (trainer/store/payload.hpp:
// built and read without nlohmann/json.hpp). Headers that only pass events along include
// "trainer/store/event_store.hpp".
#include "trainer/core/clock.hpp"
#include "trainer/store/payload.hpp"

#include <cstdint>
#include <optional>
#include <string>

namespace trainer::store {

struct Event {
    std::int64_t seq = 0;  // local order of arrival
    std::string id;        // UUID (or the stable id of an imported record)
    std::string type;      // e.g. "card.reviewed", "auth.login"
    std::string person_id; // empty for anonymous or system events
    std::string kiosk_id;
    TimeMs at_ms = 0;      // UTC
    Payload payload;
};

struct NewEvent {
    std::string type;
    std::string person_id;
    Payload payload;
    std::string id;              // empty: a new UUID is generated
    std::optional<TimeMs> at_ms; // empty: the clock's now
};

} // namespace trainer::store
