// `trainer track signoffs` (trainer/cli/cmd_track.cpp) writes when each sign-off was asked for the
// way the other CLI tables do (issue 14): in the caller's --lang, in the organisation's time zone
// (config/organisation.json), never as an ISO timestamp; --json keeps ISO 8601 for machines.
#include "support.hpp"

#include "trainer/core/org_time_zone.hpp"
#include "trainer/core/time.hpp"
#include "trainer/i18n/format.hpp"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <regex>

using namespace trainer;

TEST_CASE("trainer track signoffs writes request times in the caller's language and the organisation's zone",
          "[onboarding][cli]") {
    test::TempDir dir;
    const std::string db = (dir / "demo.db").string();
    const std::string bin = std::string(TRAINER_BIN_DIR) + "/trainer --db " + db + " ";
    std::string out;
    REQUIRE(test::run_command(bin + "demo create", &out) == 0);
    // Tokyo is 8 hours from Warsaw in December: the hour (and maybe the day) printed must follow.
    test::write_file(dir / "org.json", R"({"time_zone": "Asia/Tokyo"})");
    const std::string tokyo = "TRAINER_ORGANISATION_CONFIG=" + (dir / "org.json").string() + " ";
    REQUIRE(test::run_command(tokyo + bin + "track signoffs marek.nowak --json", &out) == 0);
    const auto queue = nlohmann::json::parse(out);
    REQUIRE_FALSE(queue.empty());
    const auto requested = parse_iso_ms(queue[0]["requested"].get<std::string>()); // JSON: still ISO 8601
    REQUIRE(requested);
    const auto zone = OrgTimeZone::from_id("Asia/Tokyo");
    REQUIRE(zone);
    for (const char* lang : {"en", "pl", "ru"}) {
        INFO(lang);
        REQUIRE(test::run_command(tokyo + bin + "track signoffs marek.nowak --lang " + lang, &out) == 0);
        CHECK_FALSE(std::regex_search(out, std::regex("[0-9]{4}-[0-9]{2}-[0-9]{2}T")));
        const std::string when = i18n::format_date_time(*requested, lang, *zone);
        CHECK(out.rfind(when + "\t", 0) == 0); // the first row starts with the local time in words
        CHECK(out.find("\tanna.kowalska\tAnna Kowalska\t") != std::string::npos);
    }
    // The same request in Warsaw's zone reads 8 hours earlier.
    test::write_file(dir / "org.json", R"({"time_zone": "Europe/Warsaw"})");
    REQUIRE(test::run_command(tokyo + bin + "track signoffs marek.nowak --lang pl", &out) == 0);
    CHECK(out.rfind(i18n::format_date_time(*requested, "pl", *OrgTimeZone::from_id("Europe/Warsaw")) + "\t", 0) == 0);
    CHECK(test::run_command(bin + "track signoffs marek.nowak --lang de", &out) == 2);
}
