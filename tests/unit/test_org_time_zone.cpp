// The organisation's time zone decides the day of an instant (trainer/core/org_time_zone.hpp,
// config/organisation.json): around midnight, and on the days DST starts and ends.
#include "trainer/app/organisation_config.hpp"
#include "trainer/core/org_time_zone.hpp"
#include "trainer/core/time.hpp"

#include <catch2/catch.hpp>

using namespace trainer;

namespace {
TimeMs at(const char* iso) { return *parse_iso_ms(iso); }
std::int64_t day(int y, int m, int d) { return days_from_civil({y, m, d}); }
} // namespace

TEST_CASE("an entry at 01:30 in Moscow counts on that Moscow day, not the UTC day before") {
    const auto moscow = *OrgTimeZone::from_id("Europe/Moscow");
    const TimeMs t = at("2026-12-05T22:30:00Z"); // 01:30 MSK (UTC+3) on the 6th
    CHECK(moscow.local_date(t) == "2026-12-06");
    CHECK(OrgTimeZone{}.local_date(t) == "2026-12-05");
    CHECK(moscow.local_date(at("2026-12-05T20:59:59Z")) == "2026-12-05"); // 23:59:59 MSK
    CHECK(moscow.local_date(at("2026-12-05T21:00:00Z")) == "2026-12-06"); // 00:00 MSK
    CHECK(moscow.day_start_ms(day(2026, 12, 6)) == at("2026-12-05T21:00:00Z"));
}

TEST_CASE("days keep their local midnight across DST changes in Warsaw") {
    const auto warsaw = *OrgTimeZone::from_id("Europe/Warsaw");
    // Summer time starts 2026-03-29 at 02:00 CET; ends 2026-10-25 at 03:00 CEST.
    CHECK(warsaw.day_start_ms(day(2026, 3, 29)) == at("2026-03-28T23:00:00Z"));
    CHECK(warsaw.day_start_ms(day(2026, 3, 30)) == at("2026-03-29T22:00:00Z")); // a 23-hour day before
    CHECK(warsaw.day_start_ms(day(2026, 10, 26)) == at("2026-10-25T23:00:00Z")); // a 25-hour day before
    CHECK(warsaw.local_date(at("2026-03-29T22:30:00Z")) == "2026-03-30");       // 00:30 CEST
    CHECK(warsaw.local_date(at("2026-10-25T22:30:00Z")) == "2026-10-25");       // 23:30 CET
    CHECK(warsaw.offset_ms(at("2026-07-01T12:00:00Z")) == 2 * 3'600'000);
    CHECK(warsaw.offset_ms(at("2026-01-01T12:00:00Z")) == 1 * 3'600'000);
}

TEST_CASE("a DST gap that swallows midnight starts the day when the gap ends") {
    // Santiago moves its clocks from 00:00 to 01:00 on 2026-09-06: that local day has no 00:00.
    const auto santiago = *OrgTimeZone::from_id("America/Santiago");
    const TimeMs start = santiago.day_start_ms(day(2026, 9, 6));
    CHECK(santiago.local_day(start) == day(2026, 9, 6));
    CHECK(santiago.local_day(start - 1) == day(2026, 9, 5));
}

TEST_CASE("an unknown time zone id is refused") {
    CHECK_FALSE(OrgTimeZone::from_id("Europe/Atlantis"));
    CHECK_FALSE(OrgTimeZone::from_id(""));
    CHECK(OrgTimeZone::from_id("UTC")->is_utc());
    CHECK(OrgTimeZone::from_id("Europe/Moscow")->id() == "Europe/Moscow");
}

TEST_CASE("the organisation zone is process-wide and a test can set it for its own scope") {
    const TimeMs t = at("2026-12-05T22:30:00Z");
    CHECK(org_date(t) == "2026-12-05");
    {
        ScopedOrgTimeZone zone(*OrgTimeZone::from_id("Europe/Moscow"));
        CHECK(org_date(t) == "2026-12-06");
        CHECK(org_day(t) == day(2026, 12, 6));
        FixedClock clock(t);
        CHECK(org_today(clock) == "2026-12-06");
    }
    CHECK(org_date(t) == "2026-12-05");
}

TEST_CASE("config/organisation.json: a bad zone or key is named with its line and column") {
    const auto good = app::parse_organisation_config(R"({"time_zone": "Europe/Moscow"})", "organisation.json");
    CHECK(good.time_zone.id() == "Europe/Moscow");
    CHECK(app::parse_organisation_config("{}", "organisation.json").time_zone.is_utc());
    try {
        app::parse_organisation_config("{\n  \"time_zone\": \"Europe/Atlantis\",\n  \"timezone\": 1\n}", "organisation.json");
        FAIL("a bad config was accepted");
    } catch (const app::OrganisationConfigError& e) {
        REQUIRE(e.problems.size() == 2);
        const std::string all = e.what();
        CHECK_THAT(all, Catch::Contains("organisation.json:2:16: error: /time_zone: unknown time zone 'Europe/Atlantis'"));
        CHECK_THAT(all, Catch::Contains("organisation.json:3:3: error: /timezone: unknown key 'timezone' (did you mean 'time_zone'?)"));
    }
    CHECK_THROWS_AS(app::parse_organisation_config("{\"time_zone\": 3", "organisation.json"), app::OrganisationConfigError);
    CHECK_THROWS_AS(app::parse_organisation_config("[]", "organisation.json"), app::OrganisationConfigError);
}

TEST_CASE("the shipped organisation config is valid") {
    const auto c = app::read_organisation_config(TRAINER_SOURCE_DIR "/config/organisation.json");
    CHECK(c.time_zone.id() == "Europe/Warsaw");
}
