#pragma once
// Reporting periods for scores and motivation: a calendar month ("2026-11", the default) or a
// quarter ("2026-Q4"), as half-open date ranges [from, until) of YYYY-MM-DD strings, which compare
// correctly as text.
#include <optional>
#include <string>
#include <string_view>

namespace trainer::quality {

enum class PeriodKind { Month, Quarter };
const char* period_kind_name(PeriodKind k); // "month", "quarter"
std::optional<PeriodKind> parse_period_kind(std::string_view s);

struct Period {
    PeriodKind kind = PeriodKind::Month;
    std::string label;      // "2026-11" or "2026-Q4"
    std::string from_date;  // first day, inclusive
    std::string until_date; // first day of the next period, exclusive
};

// "2026-11" (month) or "2026-Q4" (quarter); nullopt for anything else or a year outside 1970-9999.
std::optional<Period> parse_period(std::string_view label);
// The period of the given kind that contains a YYYY-MM-DD date; nullopt for a malformed date.
std::optional<Period> period_of(std::string_view date, PeriodKind kind);
// The period just before.
Period previous(const Period& p);

// Strict YYYY-MM-DD with a real calendar day (2026-02-30 is refused).
bool is_valid_date(std::string_view date);

} // namespace trainer::quality
