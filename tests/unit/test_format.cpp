// Localised numbers, percentages, dates, weeks and months (trainer/i18n/format.hpp), checked
// against the CLDR conventions of each locale (docs/figures.md "How figures are written").
#include "trainer/core/time.hpp"
#include "trainer/i18n/format.hpp"

#include <catch2/catch.hpp>

using namespace trainer;
using namespace trainer::i18n;

namespace {
const std::string nbsp = "\u00a0";   // grouping in pl and ru, before % in ru
const std::string nnbsp = "\u202f";  // before "г." in ru dates
std::int64_t day(int y, int m, int d) { return days_from_civil({y, m, d}); }
TimeMs at(const char* iso) { return *parse_iso_ms(iso); }
} // namespace

TEST_CASE("numbers use the decimal comma and non-breaking space grouping in Polish and Russian") {
    CHECK(format_number(81.2, 1, "en") == "81.2");
    CHECK(format_number(81.2, 1, "pl") == "81,2");
    CHECK(format_number(81.2, 1, "ru") == "81,2");
    CHECK(format_number(12345.5, 1, "en") == "12,345.5");
    CHECK(format_number(12345.5, 1, "pl") == std::string("12") + nbsp + "345,5");
    CHECK(format_number(12345.5, 1, "ru") == std::string("12") + nbsp + "345,5");
    CHECK(format_number(85, 1, "pl") == "85,0"); // fixed decimals: a column of scores aligns
    CHECK(format_number(5.5, 1, "ru") == "5,5");
}

TEST_CASE("percentages follow each locale: 61.9% in English and Polish, 61,9 % in Russian") {
    CHECK(format_percent(61.9, 1, "en") == "61.9%");
    CHECK(format_percent(61.9, 1, "pl") == "61,9%"); // CLDR pl: no space before the sign
    CHECK(format_percent(61.9, 1, "ru") == std::string("61,9") + nbsp + "%");
    CHECK(format_percent(100.0, 0, "ru") == std::string("100") + nbsp + "%");
    CHECK(format_percent(std::optional<double>{}, 1, "pl") == "—");
}

TEST_CASE("dates are written in the locale's words and in the organisation's time zone") {
    const auto moscow = *OrgTimeZone::from_id("Europe/Moscow");
    const TimeMs t = at("2026-12-05T22:30:00Z"); // 01:30 on 6 December in Moscow
    CHECK(format_date(t, "en", moscow) == "Dec 6, 2026");
    CHECK(format_date(t, "pl", moscow) == "6 gru 2026");
    CHECK(format_date(t, "ru", moscow) == std::string("6 дек. 2026") + nnbsp + "г.");
    CHECK(format_date(t, "pl", OrgTimeZone{}) == "5 gru 2026"); // the same instant is the 5th in UTC
    CHECK(format_date(t, "pl", moscow, DateStyle::Numeric) == "06.12.2026");
    CHECK(format_date(t, "ru", moscow, DateStyle::Long) == std::string("6 декабря 2026") + nnbsp + "г.");
    CHECK(format_date(t, "pl", moscow, DateStyle::Long) == "6 grudnia 2026");
    CHECK(format_date_time(t, "pl", moscow) == "6 gru 2026, 01:30");
}

TEST_CASE("months stand alone in the nominative; weeks are named, not W36") {
    CHECK(format_month(2026, 12, "en") == "December 2026");
    CHECK(format_month(2026, 12, "pl") == "grudzień 2026");
    CHECK(format_month(2026, 12, "ru") == std::string("декабрь 2026") + nnbsp + "г.");
    CHECK(format_period_label("2026-11", "pl") == "listopad 2026");
    CHECK(format_period_label("2026-Q4", "pl") == "IV kw. 2026");
    CHECK(format_period_label("2026-Q4", "en") == "Q4 2026");
    CHECK(format_period_label("2026-13", "en") == "2026-13"); // malformed: shown as it is
    // 2026-08-31 is the Monday of ISO week 36.
    CHECK(format_iso_week(day(2026, 8, 31), "pl") == std::string("tydz.") + nbsp + "36");
    CHECK(format_iso_week(day(2026, 8, 31), "ru") == std::string("нед.") + nbsp + "36");
    CHECK(format_iso_week(day(2026, 8, 31), "en") == std::string("wk.") + nbsp + "36");
    // 2026-12-28 is in week 53 of 2026; 2027-01-04 starts week 1 of 2027.
    CHECK(format_iso_week(day(2026, 12, 28), "en") == std::string("wk.") + nbsp + "53");
    CHECK(format_iso_week(day(2027, 1, 4), "en") == std::string("wk.") + nbsp + "1");
}

TEST_CASE("a chart labels a period by its short month or quarter, with the year apart") {
    CHECK(format_period_short("2026-12", "en").part == "Dec");
    CHECK(format_period_short("2026-12", "pl").part == "gru");
    CHECK(format_period_short("2026-12", "ru").part == "дек.");
    CHECK(format_period_short("2026-05", "ru").part == "май"); // stand-alone: not "мая"
    CHECK(format_period_short("2026-12", "ru").year == "2026");
    CHECK(format_period_short("2026-Q4", "pl").part == "IV kw.");
    CHECK(format_period_short("2026-Q4", "en").part == "Q4");
    // Malformed: the label as it is, with no year to print.
    CHECK(format_period_short("2026-13", "pl").part == "2026-13");
    CHECK(format_period_short("2026-13", "pl").year.empty());
    CHECK(format_period_short("2026-12x", "pl").part == "2026-12x");
}

TEST_CASE("a date as records keep it is shown in the locale's words") {
    CHECK(format_iso_day("2026-12-06", "pl", DateStyle::Long) == "6 grudnia 2026");
    CHECK(format_iso_day("2026-12-06", "en") == "Dec 6, 2026");
    CHECK(format_iso_day("2026-12-06", "ru", DateStyle::Numeric) == "06.12.2026");
    CHECK(format_iso_day("2026-02-30", "pl") == "2026-02-30"); // not a date: shown as it is
    CHECK(format_iso_day("", "pl").empty());
}

TEST_CASE("a week can be shown as its days, across a month boundary") {
    CHECK(format_day_range(day(2026, 11, 30), day(2026, 12, 6), "pl") == "30 lis–6 gru");
    CHECK(format_day_range(day(2026, 12, 7), day(2026, 12, 13), "pl") == "7–13 gru");
    CHECK(format_day_range(day(2026, 12, 7), day(2026, 12, 13), "ru") == "7–13 дек.");
}
