// [SECTION] SHA-1 and name-based UUIDs against published vectors
// [SECTION] Statements: every required field and value range
#include "quality_fixture.hpp"
#include "support.hpp"

#include "trainer/core/uuid.hpp"
#include "trainer/quality/name_uuid.hpp"
#include "trainer/quality/records.hpp"
#include "trainer/quality/xapi.hpp"
#include "trainer/store/events.hpp"

#include <catch2/catch.hpp>

#include <regex>
#include <set>

using namespace trainer;
using namespace trainer::quality;
using nlohmann::json;

// [SECTION] SHA-1 and UUID v5 -------------------------------------------------------------------

TEST_CASE("SHA-1 and UUID v5 match the published vectors", "[xapi]") {
    CHECK(sha1_hex("abc") == "a9993e364706816aba3e25717850c26c9cd0d89d");
    CHECK(sha1_hex("") == "da39a3ee5e6b4b0d3255bfef95601890afd80709");
    CHECK(sha1_hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq") ==
          "84983e441c3bd26ebaae4aa1f95129e5e54670f1");
    // Python: uuid.uuid5(uuid.NAMESPACE_DNS, "python.org")
    CHECK(uuid_v5("6ba7b810-9dad-11d1-80b4-00c04fd430c8", "python.org") ==
          "886313e1-3b8a-5372-9b90-0c9aee199e5d");
    CHECK_THROWS(uuid_v5("not-a-uuid", "x"));
    CHECK(statement_id("qa:maestroqa:42") == statement_id("qa:maestroqa:42"));
    CHECK(statement_id("qa:maestroqa:42") != statement_id("qa:maestroqa:43"));
    CHECK(statement_id("0F8FAD5B-D9CB-469F-A165-70867728950E") == "0f8fad5b-d9cb-469f-a165-70867728950e");
}

// [SECTION] Statements --------------------------------------------------------------------------

namespace {

void fill(qtest::World& w) {
    w.events.append({"card.reviewed", "ann", {{"card", "c-greet"}, {"rating", 3}}, new_uuid(), {}});
    w.events.append({"card.reviewed", "ann", {{"card", "c-need"}, {"rating", 1}}, new_uuid(), {}});
    w.events.append({"card.looked_up", "bob", {{"card", "c-next"}, {"source", "search"}}, new_uuid(), {}});
    w.events.append({"module.completed", "ann", {{"module", "basics"}, {"passed", true}, {"score", 90}}, {}, {}});
    w.events.append({"onboarding.attempt_finished", "ann",
                     {{"person", "ann"}, {"module", "quiz-1"}, {"score", 0.75}, {"passed", false}}, {}, {}});
    w.events.append({"onboarding.scenario_answered", "ann",
                     {{"person", "ann"}, {"module", "att-1"}, {"scenario", "s1"}, {"value", -1}}, {}, {}});
    w.events.append({"onboarding.quiz_answered", "ann",
                     {{"person", "ann"}, {"module", "quiz-1"}, {"question", "q1"}, {"score", 1}}, {}, {}});
    w.events.append({"skills.signed_off", "lena",
                     {{"person", "bob"}, {"module", "obs"}, {"score", 0.9}, {"passed", true}}, {}, {}});
    Evaluation e;
    e.event_id = "qa:maestroqa:MQA-1";
    e.person_id = "ann";
    e.scorecard_id = "test-card";
    e.date = "2026-11-18";
    e.source = "import:maestroqa";
    e.score = score({{1, false, Outcome::Met}, {1, false, Outcome::NotMet}});
    store_evaluation(w.events, e, "");
    Evaluation crit = e;
    crit.event_id = "";
    crit.person_id = "bob";
    crit.score = score({{5, false, Outcome::Met}, {1, true, Outcome::NotMet}});
    store_evaluation(w.events, crit, "lena");
    w.events.append({"auth.login", "ann", {{"method", "id"}}, {}, {}}); // not a learning record
}

const std::set<std::string> kVerbs = {kVerbAnswered, kVerbCompleted, kVerbPassed, kVerbFailed, kVerbExperienced};

} // namespace

TEST_CASE("xAPI statements carry every required field within range", "[xapi]") {
    qtest::World w;
    fill(w);
    const json out = export_statements(w.events, &w.content, 0, {});
    REQUIRE(out.is_array());
    REQUIRE(out.size() == 10);
    const std::regex iso(R"(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z)");
    std::set<std::string> ids;
    for (const auto& st : out) {
        INFO(st.dump());
        REQUIRE(st.contains("id"));
        CHECK(is_uuid(st["id"].get<std::string>()));
        ids.insert(st["id"].get<std::string>());
        CHECK_FALSE(st.contains("version")); // the LRS sets it
        if (st["object"]["definition"]["type"] == "http://adlnet.gov/expapi/activities/cmi.interaction")
            CHECK(st["object"]["definition"]["interactionType"].is_string());
        CHECK(st["actor"]["objectType"] == "Agent");
        const auto& account = st["actor"]["account"];
        CHECK(account["homePage"].get<std::string>().rfind("https://", 0) == 0);
        const std::string name = account["name"].get<std::string>();
        CHECK(is_uuid(name));
        for (const char* who : {"ann", "bob", "lena", "ann@example.com"})
            CHECK(name.find(who) == std::string::npos);
        CHECK(kVerbs.count(st["verb"]["id"].get<std::string>()) == 1);
        CHECK(st["verb"]["display"]["en-US"].is_string());
        CHECK(st["object"]["objectType"] == "Activity");
        CHECK(st["object"]["id"].get<std::string>().rfind("https://", 0) == 0);
        CHECK(st["object"]["definition"]["type"].get<std::string>().rfind("http://adlnet.gov/expapi/activities/", 0) == 0);
        CHECK(std::regex_match(st["timestamp"].get<std::string>(), iso));
        if (st.contains("result") && st["result"].contains("score")) {
            const auto& s = st["result"]["score"];
            const double scaled = s["scaled"], raw = s["raw"], min = s["min"], max = s["max"];
            CHECK(scaled >= -1);
            CHECK(scaled <= 1);
            CHECK(min < max);
            CHECK(raw >= min);
            CHECK(raw <= max);
        }
    }
    CHECK(ids.size() == out.size());

    // Spot checks of the mapping.
    CHECK(out[0]["verb"]["id"] == kVerbAnswered);
    CHECK(out[0]["result"]["score"]["raw"] == 3);
    CHECK(out[0]["result"]["score"]["scaled"].get<double>() == Approx(2.0 / 3).margin(1e-4));
    CHECK(out[0]["result"]["success"] == true);
    CHECK(out[0]["object"]["definition"]["name"]["en-US"] == "Standard c-greet");
    CHECK(out[1]["result"]["success"] == false);
    CHECK(out[2]["verb"]["id"] == kVerbExperienced);
    CHECK(out[3]["verb"]["id"] == kVerbPassed);
    CHECK(out[3]["result"]["score"]["scaled"] == 0.9);
    CHECK(out[4]["verb"]["id"] == kVerbFailed);
    CHECK(out[4]["result"]["score"]["max"] == 1);
    CHECK(out[5]["result"]["score"]["scaled"] == -0.5);
    CHECK(out[7]["actor"] == out[2]["actor"]); // the sign-off is bob's record, not lena's
    CHECK(out[8]["id"] == statement_id("qa:maestroqa:MQA-1"));
    CHECK(out[8]["verb"]["id"] == kVerbFailed); // 50 % < 85 %
    CHECK(out[8]["result"]["score"]["raw"] == 50);
    CHECK(out[9]["verb"]["id"] == kVerbFailed); // critical criterion failed
    CHECK(out[9]["actor"] == out[2]["actor"]);
    CHECK(out[0]["actor"] != out[2]["actor"]);
}

TEST_CASE("exporting twice gives the same statements; --since limits them", "[xapi]") {
    qtest::World w;
    fill(w);
    const json a = export_statements(w.events, &w.content, 0, {});
    const json b = export_statements(w.events, &w.content, 0, {});
    CHECK(a == b);
    w.clock.advance_ms(kMsPerDay);
    w.events.append({"card.reviewed", "ann", {{"card", "c-tone"}, {"rating", 4}}, new_uuid(), {}});
    const json later = export_statements(w.events, &w.content, qtest::kNow + 1, {});
    REQUIRE(later.size() == 1);
    CHECK(later[0]["result"]["score"]["scaled"] == 1);
    // Another salt: other opaque ids (ids are per installation, not guessable across them).
    XapiOptions other;
    other.salt = "another-installation";
    CHECK(export_statements(w.events, &w.content, 0, other)[0]["actor"] != a[0]["actor"]);
}

TEST_CASE("trainer export xapi writes a JSON array to a file", "[xapi][cli]") {
    test::TempDir dir;
    const std::string bin = std::string(TRAINER_BIN_DIR) + "/trainer --db " + (dir / "t.db").string() + " ";
    std::string out;
    REQUIRE(test::run_command(bin + "init", &out) == 0);
    CHECK(test::run_command(bin + "export xapi --since 2020-01-01 --out " + (dir / "x.json").string(), &out) == 0);
    CHECK(json::parse(test::read_file(dir / "x.json")).is_array());
    CHECK(test::run_command(bin + "export xapi --since yesterday", &out) == 2);
}

TEST_CASE("xAPI statements carry registration, context activities, language maps and a chosen actor", "[xapi]") {
    qtest::World w;
    fill(w);
    const json out = export_statements(w.events, &w.content, 0, {});
    // Card reviews: grouped by their deck, names in every language the card has.
    CHECK(out[0]["object"]["definition"]["interactionType"] == "likert");
    CHECK(out[0]["object"]["definition"]["name"]["pl-PL"] == "Standard PL c-greet");
    CHECK(out[0]["verb"]["display"]["pl-PL"] == "udzielono odpowiedzi");
    CHECK(out[0]["verb"]["display"]["ru-RU"] == "дан ответ");
    REQUIRE(out[0]["context"]["contextActivities"]["grouping"].size() == 1);
    CHECK(out[0]["context"]["contextActivities"]["grouping"][0]["id"] ==
          "https://standards-trainer.local/xapi/activities/decks/first-contact");
    CHECK(out[2]["object"]["definition"]["interactionType"] == "other");
    // Imported QA: timestamped when it happened.
    for (const auto& st : out)
        if (st["id"] == statement_id("qa:maestroqa:MQA-1")) CHECK(st["timestamp"].get<std::string>().rfind("2026-11-", 0) == 0);
    // Onboarding answers of one attempt share a registration; another attempt gets another.
    w.events.append({"onboarding.quiz_answered", "ann", {{"module", "basics"}, {"attempt", 1}, {"question", "q1"}, {"score", 1}}, new_uuid(), {}});
    w.events.append({"onboarding.quiz_answered", "ann", {{"module", "basics"}, {"attempt", 1}, {"question", "q2"}, {"score", 0}}, new_uuid(), {}});
    w.events.append({"onboarding.quiz_answered", "ann", {{"module", "basics"}, {"attempt", 2}, {"question", "q1"}, {"score", 1}}, new_uuid(), {}});
    const json more = export_statements(w.events, &w.content, 0, {});
    const auto n = more.size();
    const json& a1 = more[n - 3];
    CHECK(a1["object"]["definition"]["interactionType"] == "choice");
    CHECK(a1["context"]["contextActivities"]["parent"][0]["id"] == "https://standards-trainer.local/xapi/activities/modules/basics");
    CHECK(is_uuid(a1["context"]["registration"].get<std::string>()));
    CHECK(a1["context"]["registration"] == more[n - 2]["context"]["registration"]);
    CHECK(a1["context"]["registration"] != more[n - 1]["context"]["registration"]);
    // The actor as the organisation chooses: the external id on its home page, or the e-mail.
    XapiOptions by_id;
    by_id.actor = "external_id";
    by_id.home_page = "https://hr.example.com";
    const json ids = export_statements(w.events, &w.content, 0, by_id);
    CHECK(ids[0]["actor"]["account"]["name"] == "ann@example.com");
    CHECK(ids[0]["actor"]["account"]["homePage"] == "https://hr.example.com");
    XapiOptions by_mail;
    by_mail.actor = "email";
    const json mails = export_statements(w.events, &w.content, 0, by_mail);
    CHECK(mails[0]["actor"]["mbox"] == "mailto:ann@example.com");
    CHECK(mails[2]["actor"].contains("account")); // bob's external id is not an e-mail: opaque
    XapiOptions bad;
    bad.actor = "name";
    CHECK_THROWS_AS(export_statements(w.events, &w.content, 0, bad), std::invalid_argument);
}
