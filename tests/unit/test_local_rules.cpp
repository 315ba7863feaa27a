// [SECTION] Bundled rules: loaded complete, figures as cited in content/README.md "Local rules"
// [SECTION] Bad rule files: refused with file:line:column and what was expected
// [SECTION] Due date and the CLI
#include "support.hpp"

#include "trainer/content/loader.hpp"
#include "trainer/content/rules_model.hpp"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

using namespace trainer;

namespace {

// A copy of the bundled content with one rules file replaced.
content::LoadResult load_with_rules(const test::TempDir& dir, const std::string& rules_json) {
    std::filesystem::copy(TRAINER_SOURCE_DIR "/content", dir / "content",
                          std::filesystem::copy_options::recursive);
    test::write_file(dir / "content/rules/complaint-deadlines.json", rules_json);
    return content::load_content(dir / "content");
}

std::string all_of(const content::LoadResult& r) {
    std::string s;
    for (const auto& d : r.diagnostics)
        s += d.to_string() + "\n";
    return s;
}

const char* kTitle = R"("title": {"en": "T", "pl": "T", "ru": "T"}, "note": {"en": "N", "pl": "N", "ru": "N"})";

} // namespace

// [SECTION] Bundled rules -------------------------------------------------------------------

TEST_CASE("the bundled complaint deadlines load in three languages with the figures the guide cites",
          "[rules][content]") {
    const auto r = content::load_content(TRAINER_SOURCE_DIR "/content");
    INFO(all_of(r));
    REQUIRE(r.ok());
    CHECK(r.warning_count() == 0);
    REQUIRE(r.content->rules);
    const auto& rules = *r.content->rules;
    for (const char* loc : {"en", "pl", "ru"})
        CHECK(r.complete_text.at("local_rules").at(loc) == r.counts.at("local_rules"));
    struct Want {
        const char* id;
        const char* country;
        int days;
        int extended;
        bool silence_accepts;
    };
    for (const Want& w : {Want{"pl-consumer-complaint", "PL", 14, 0, true},
                          Want{"pl-financial-complaint", "PL", 30, 60, true},
                          Want{"pl-telecom-complaint", "PL", 30, 0, true},
                          Want{"ru-goods-money-claim", "RU", 10, 0, false},
                          Want{"ru-service-money-claim", "RU", 10, 0, false}}) {
        INFO(w.id);
        const auto* d = rules.find(w.id);
        REQUIRE(d);
        CHECK(d->country == w.country);
        CHECK(d->days == w.days);
        CHECK(d->extended_days.value_or(0) == w.extended);
        CHECK(d->silence_accepts == w.silence_accepts);
        CHECK_FALSE(d->basis.empty());
    }
    CHECK(rules.of_country("PL").size() == 3);
    CHECK(rules.of_country("RU").size() == 2);
    CHECK(rules.of_country("DE").empty());
}

// [SECTION] Bad rule files ------------------------------------------------------------------

TEST_CASE("a damaged rules file is refused with every problem located, and nothing loads",
          "[rules][content]") {
    test::TempDir dir;
    const std::string bad = std::string(R"({"complaint_deadlines": [
  {"id": "pl-a", "country": "pl", "sector": "consumer", "days": 0, )") + kTitle + R"(, "basis": "x"},
  {"id": "pl-b", "country": "PL", "sector": "consumer", "days": 30, "extended_days": 20, )" + kTitle + R"(, "basis": "x"},
  {"id": "pl-b", "country": "PL", "sector": "Telecom", "days": 30, "dayz": 1, )" + kTitle + R"(, "basis": ""}
]}
)";
    const auto r = load_with_rules(dir, bad);
    const std::string all = all_of(r);
    INFO(all);
    CHECK_FALSE(r.ok());
    CHECK_FALSE(r.content);
    CHECK(all.find("complaint-deadlines.json:2:29: error: /complaint_deadlines/0/country: expected a "
                   "two-letter upper-case country code") != std::string::npos);
    CHECK(all.find("/complaint_deadlines/0/days: expected a whole number of days from 1 to 365, found "
                   "a number (0)") != std::string::npos);
    CHECK(all.find("/complaint_deadlines/1/extended_days: expected more days than 'days' (30)") !=
          std::string::npos);
    CHECK(all.find("/complaint_deadlines/2/dayz: unknown key 'dayz'") != std::string::npos);
    CHECK(all.find("/complaint_deadlines/2/sector: 'Telecom' is not a valid id") != std::string::npos);
    CHECK(all.find("/complaint_deadlines/2/basis: expected a non-empty string") != std::string::npos);
    CHECK(all.find("duplicate rule id 'pl-b', already used at") != std::string::npos);
}

TEST_CASE("a rule without Polish text is a warning and English is shown", "[rules][content]") {
    test::TempDir dir;
    const auto r = load_with_rules(dir, R"({"complaint_deadlines": [
  {"id": "x", "country": "PL", "sector": "consumer", "days": 14,
   "title": {"en": "Consumer", "ru": "Потребитель"}, "note": {"en": "N", "pl": "N", "ru": "N"}, "basis": "art. 1"}
]})");
    INFO(all_of(r));
    REQUIRE(r.ok());
    int rule_warnings = 0; // the copy has no assets/, so a lesson picture is missing too
    for (const auto& d : r.diagnostics)
        if (d.file.find("/rules/") != std::string::npos) ++rule_warnings;
    CHECK(rule_warnings == 1);
    CHECK(all_of(r).find("no Polish (pl) rule title; English is shown instead") != std::string::npos);
    CHECK(content::pick(r.content->rules->find("x")->title, "pl") == "Consumer");
    CHECK(r.complete_text.at("local_rules").at("pl") == 0);
}

// [SECTION] Due date and the CLI ------------------------------------------------------------

TEST_CASE("the last day to answer counts calendar days from receipt, across months and leap years",
          "[rules]") {
    content::ComplaintDeadline d;
    d.days = 14;
    d.extended_days = 60;
    CHECK(content::answer_due(d, "2026-03-06") == "2026-03-20");
    CHECK(content::answer_due(d, "2026-12-25") == "2027-01-08");
    CHECK(content::answer_due(d, "2028-02-20") == "2028-03-05"); // 2028 is a leap year
    CHECK(content::answer_due(d, "2026-03-06", true) == "2026-05-05");
    CHECK_FALSE(content::answer_due(d, "2026-02-30"));
    CHECK_FALSE(content::answer_due(d, "6.3.2026"));
    CHECK_FALSE(content::answer_due(d, ""));
}

TEST_CASE("trainer rules complaints lists a country's deadlines with the due date", "[rules][cli]") {
    const std::string bin = TRAINER_BIN_DIR "/trainer --content " TRAINER_SOURCE_DIR "/content rules complaints";
    std::string out;
    REQUIRE(test::run_command(bin + " --country RU --received 2026-03-06 --lang ru --json", &out) == 0);
    const auto j = nlohmann::json::parse(out);
    REQUIRE(j.size() == 2);
    CHECK(j[0]["id"] == "ru-goods-money-claim");
    CHECK(j[0]["answer_due"] == "2026-03-16");
    CHECK(j[0]["title"].get<std::string>().find("Требование") == 0);
    CHECK(test::run_command(bin + " --received 2026-13-01", &out) == 2);
    CHECK(out.find("--received expects a date YYYY-MM-DD") != std::string::npos);
}
