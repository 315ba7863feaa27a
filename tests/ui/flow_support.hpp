#pragma once
// What the flow tests share: a Monday-morning clock and the count of events of one type.
#include "trainer/core/time.hpp"
#include "trainer/store/database.hpp"

#include <cstdint>

namespace test {

// Monday 4 March 2024, 09:00 UTC.
inline const trainer::TimeMs kMonday9 = trainer::days_from_civil({2024, 3, 4}) * trainer::kMsPerDay + 9 * 3'600'000;

// How many events of `type` the database holds.
inline std::int64_t count_events(trainer::store::Database& db, const char* type) {
    auto st = db.prepare("SELECT count(*) FROM events WHERE type = ?");
    st.bind(1, type);
    st.step();
    return st.int64(0);
}

} // namespace test
