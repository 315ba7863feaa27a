#pragma once
// One rule for the day a record happened (a QA evaluation, a survey answer), shared by the CSV
// imports and the kiosk's forms (issue #16): a calendar date, not before 2000-01-01 and not more
// than one day after today (UTC) — a day of slack for a tool that exports in a time zone ahead.
#include "trainer/core/clock.hpp"

#include <optional>
#include <string>
#include <string_view>

namespace trainer {

// Why `ymd` (YYYY-MM-DD) cannot be the day of a record made now, or nullopt.
std::optional<std::string> record_date_problem(std::string_view ymd, TimeMs now_ms);

} // namespace trainer
