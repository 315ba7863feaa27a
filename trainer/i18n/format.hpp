#pragma once
// Numbers, percentages, dates, ISO weeks and months as people of each locale write them, by the
// CLDR conventions ICU carries (docs/figures.md "How figures are written"): en "1,234.5", pl
// "1 234,5", ru "1 234,5" (non-breaking spaces); percentages "61.9%", pl "61,9%", ru "61,9 %";
// dates and months in the locale's own words. A facade so screens and reports never touch ICU.
// Dates are shown in the organisation's time zone (org_time_zone.hpp).
#include "trainer/core/org_time_zone.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace trainer::i18n {

// A number with exactly `decimals` fraction digits and the locale's grouping.
std::string format_number(double v, int decimals, std::string_view locale);
// `percent` on the 0..100 scale (61.9 → "61,9 %" in ru), `decimals` fraction digits.
std::string format_percent(double percent, int decimals, std::string_view locale);
// Optional figures: the dash a missing value prints as.
inline constexpr const char* kNoValue = "—";
std::string format_percent(std::optional<double> percent, int decimals, std::string_view locale);

enum class DateStyle {
    Numeric, // 06.12.2026 (pl, ru), 12/6/2026 (en) — tables
    Medium,  // 6 gru 2026, 6 дек. 2026 г., Dec 6, 2026
    Long,    // 6 grudnia 2026, 6 декабря 2026 г., December 6, 2026
    DayMonth // 6 gru, 6 дек., Dec 6 — labels where the year is obvious
};
// The local date of an instant in the zone.
std::string format_date(TimeMs utc, std::string_view locale, const OrgTimeZone& zone, DateStyle style = DateStyle::Medium);
// Date and hours:minutes: "6 gru 2026, 09:23".
std::string format_date_time(TimeMs utc, std::string_view locale, const OrgTimeZone& zone);
// A calendar day number (days since 1970-01-01, as in time.hpp) with no time zone involved.
std::string format_day(std::int64_t day, std::string_view locale, DateStyle style = DateStyle::Medium);
// A calendar date as records keep it ("2026-12-06") in the locale's words; the text itself when
// it is not such a date.
std::string format_iso_day(std::string_view yyyy_mm_dd, std::string_view locale, DateStyle style = DateStyle::Medium);
// "December 2026", "grudzień 2026", "декабрь 2026 г." (stand-alone month names).
std::string format_month(int year, int month, std::string_view locale);
// An ISO week by its Monday's day number: "wk. 36", "tydz. 36", "нед. 36" (CLDR's short name of
// the week field).
std::string format_iso_week(std::int64_t monday_day, std::string_view locale);
// The days of a range, inclusive: "1–7 Dec", "30 lis – 6 gru", "1–7 дек."
std::string format_day_range(std::int64_t first_day, std::int64_t last_day, std::string_view locale);
// A period label of quality/period.hpp ("2026-11" or "2026-Q4") in words: "listopad 2026",
// "IV kw. 2026" / "4-й кв. 2026 г."; the label itself when malformed.
std::string format_period_label(std::string_view label, std::string_view locale);
// The short form of a period label for a chart's axis, in two parts: the month or quarter alone
// ("Dec", "gru", "дек."; "Q4", "IV kw.", "4-й кв.") and its year ("2026"), so a chart can print
// the year only where it changes. The label itself (and no year) when malformed.
struct PeriodShort {
    std::string part;
    std::string year;
};
PeriodShort format_period_short(std::string_view label, std::string_view locale);

} // namespace trainer::i18n
