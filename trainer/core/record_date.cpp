#include "trainer/core/record_date.hpp"

#include "trainer/core/time.hpp"

namespace trainer {

std::optional<std::string> record_date_problem(std::string_view ymd, TimeMs now_ms) {
    const auto t = parse_date(ymd);
    if (!t || format_date(*t) != ymd)
        return "date '" + std::string(ymd) + "' is not a calendar date (YYYY-MM-DD)";
    if (ymd < std::string_view("2000-01-01"))
        return "date " + std::string(ymd) + " is before 2000-01-01; check the year";
    const std::string latest = format_date(now_ms + kMsPerDay);
    if (ymd > latest)
        return "date " + std::string(ymd) + " is in the future (the latest accepted is " + latest +
               ", one day after today)";
    return std::nullopt;
}

} // namespace trainer
