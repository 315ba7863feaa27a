#pragma once
// UTC calendar arithmetic and ISO-8601 text, without the C library's time zone state.
#include "trainer/core/clock.hpp"

#include <optional>
#include <string>
#include <string_view>

namespace trainer {

constexpr TimeMs kMsPerMinute = 60'000;
constexpr TimeMs kMsPerDay = 86'400'000;

struct CivilDate {
    int year = 1970;
    int month = 1; // 1..12
    int day = 1;   // 1..31
};

// Days since 1970-01-01 for a proleptic Gregorian date (Howard Hinnant's algorithm).
std::int64_t days_from_civil(CivilDate d);
CivilDate civil_from_days(std::int64_t days);
// The UTC calendar day number of an instant (floor division, correct before 1970 too).
std::int64_t utc_day(TimeMs t);

// "2024-01-01T12:00:00.000Z"
std::string format_iso_ms(TimeMs t);
// "2024-01-01"
std::string format_date(TimeMs t);
// Accepts "YYYY-MM-DDTHH:MM:SS[.fff]Z" (also "+00:00"); nullopt if malformed or out of range.
std::optional<TimeMs> parse_iso_ms(std::string_view s);
// Accepts "YYYY-MM-DD" as 00:00 UTC that day.
std::optional<TimeMs> parse_date(std::string_view s);

} // namespace trainer
