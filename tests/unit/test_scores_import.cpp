// [SECTION] Per-criterion rows: scoring, coaching, idempotence
// [SECTION] Per-evaluation totals: BOM, semicolons, CRLF, decimal comma, N/A
// [SECTION] Refused files: every bad row named, the database unchanged
// [SECTION] Mappings, shipped samples, surveys, CLI
#include "quality_fixture.hpp"
#include "support.hpp"

#include "trainer/content/adopted_content.hpp"
#include "trainer/content/loader.hpp"
#include "trainer/quality/scores_import.hpp"
#include "trainer/quality/records.hpp"
#include "trainer/quality/surveys_import.hpp"
#include "trainer/quality/survey_figures.hpp"

#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

using namespace trainer;
using namespace trainer::quality;

namespace {

std::filesystem::path data(const std::string& name) {
    return std::filesystem::path(TRAINER_TEST_DATA) / "csv" / "scores" / name;
}

std::string issues_text(const std::vector<csv::Issue>& issues) {
    std::string s;
    for (const auto& i : issues)
        s += csv::to_string(i) + "\n";
    return s;
}

ScoresImportResult import(qtest::World& w, const identity::Actor& actor, const std::string& map,
                          const std::string& file) {
    const auto m = read_scores_mapping(data(map), &w.content);
    return import_scores_file(w.events, w.content, actor, m, data(file));
}

} // namespace

// [SECTION] Per-criterion rows ------------------------------------------------------------------

TEST_CASE("per-criterion rows are scored with our scorecard and feed the coaching loop", "[scores-import]") {
    qtest::World w;
    const auto r = import(w, identity::cli_admin(), "criteria_map.json", "good_comma_lf.csv");
    INFO(issues_text(r.issues));
    REQUIRE(r.ok());
    CHECK(r.rows == 8);
    CHECK(r.evaluations == 2);
    CHECK(r.imported == 2);
    CHECK(r.coaching_assigned == 5);
    const auto ann = list_evaluations(w.db, {"ann", {}, {}});
    REQUIRE(ann.size() == 1);
    CHECK(ann[0].event_id == "qa:testqa:G-1");
    CHECK(ann[0].score.percent == 50); // greet 1 + tone 1 met of 4 (next N/A)
    CHECK(ann[0].channel == "call");
    CHECK(ann[0].comment == "Skipped \"what do you need\"");
    const auto bob = list_evaluations(w.db, {"bob", {}, {}});
    REQUIRE(bob.size() == 1);
    CHECK(bob[0].score.critical_failed); // tone "No"
    CHECK(bob[0].score.percent == 0);
    CHECK(bob[0].channel == "chat");
    CHECK(w.count("SELECT COUNT(*) FROM coaching_queue WHERE person_id = 'bob' AND card_id = 'c-tone'") == 1);
}

TEST_CASE("re-importing the same file changes nothing", "[scores-import]") {
    qtest::World w;
    REQUIRE(import(w, identity::cli_admin(), "criteria_map.json", "good_comma_lf.csv").ok());
    const auto before = w.dump();
    const auto again = import(w, identity::cli_admin(), "criteria_map.json", "good_comma_lf.csv");
    REQUIRE(again.ok());
    CHECK(again.imported == 0);
    CHECK(again.already_stored == 2);
    CHECK(again.coaching_assigned == 0);
    CHECK(w.dump() == before);
}

TEST_CASE("scores are imported only on the scorecard version the organisation adopted", "[scores-import][adoption]") {
    // Another desk adopted test-card v3; this desk's folder has v2 (docs/merging.md "Content
    // adoption"). Stored under the folder's v2, the evaluations would not compare with the others.
    qtest::World w;
    content::apply_item_adoption(w.db, w.events.append({"content.adopted", "root", {{"scorecards", {{"test-card", 3}}}}}));
    const auto before = w.dump();
    const auto r = import(w, identity::cli_admin(), "criteria_map.json", "good_comma_lf.csv");
    REQUIRE_FALSE(r.ok());
    CHECK(r.imported == 0);
    CHECK(issues_text(r.issues).find("version 2 of scorecard 'test-card'") != std::string::npos);
    CHECK(issues_text(r.issues).find("adopted version 3") != std::string::npos);
    CHECK(w.dump() == before);
    // The adopted version in the folder: imported, and stored with that version.
    std::const_pointer_cast<content::QualityContent>(w.content.quality)->scorecards.at(0).version = 3;
    const auto again = import(w, identity::cli_admin(), "criteria_map.json", "good_comma_lf.csv");
    INFO(issues_text(again.issues));
    REQUIRE(again.ok());
    CHECK(again.imported == 2);
    const auto ann = list_evaluations(w.db, {"ann", {}, {}});
    REQUIRE(ann.size() == 1);
    CHECK(ann[0].scorecard_version == 3);
}

// [SECTION] Per-evaluation totals ---------------------------------------------------------------

TEST_CASE("totals with a BOM, semicolons, CRLF, a quoted line break and a decimal comma import", "[scores-import]") {
    qtest::World w;
    const auto r = import(w, identity::cli_admin(), "totals_map.json", "good_bom_semicolon_crlf.csv");
    INFO(issues_text(r.issues));
    REQUIRE(r.ok());
    CHECK(r.imported == 3);
    const auto all = list_evaluations(w.db, {});
    REQUIRE(all.size() == 3);
    CHECK(all[0].person_id == "ann");
    CHECK(all[0].score.percent == 87.5);
    CHECK(all[0].date == "2026-11-04");
    CHECK(all[0].comment == "Good; clear\r\nnext step");
    CHECK(all[0].criteria.empty());
    CHECK(all[1].person_id == "carl");
    CHECK(all[2].person_id == "bob");
    CHECK_FALSE(all[2].score.scored); // N/A total: stored, counted in no average
    CHECK(w.count("SELECT COUNT(*) FROM coaching_queue") == 0);
}

// [SECTION] Refused files -----------------------------------------------------------------------

TEST_CASE("a file with bad rows is refused whole, naming each row and column", "[scores-import]") {
    qtest::World w;
    const auto before = w.dump();
    const auto r = import(w, identity::cli_admin(), "criteria_map.json", "broken_rows.csv");
    const std::string text = issues_text(r.issues);
    INFO(text);
    CHECK_FALSE(r.ok());
    CHECK(r.issues.size() == 7);
    CHECK_THAT(text, Catch::Contains("row 2 (line 2), column 3 (Graded): date '2026-11-31' does not parse"));
    CHECK_THAT(text, Catch::Contains("row 3 (line 3), column 7 (Score): score 3 is outside its range 0-2"));
    CHECK_THAT(text, Catch::Contains("row 4 (line 4), column 2 (Agent): unknown person 'nobody@example.com'"));
    CHECK_THAT(text, Catch::Contains("row 5 (line 5), column 6 (Question): criterion 'Small talk'"));
    CHECK_THAT(text, Catch::Contains("row 6 (line 6), column 7 (Score): score 'maybe' is not a number"));
    CHECK_THAT(text, Catch::Contains("row 7 (line 7), column 7 (Score): criterion 'greet' cannot be N/A"));
    CHECK_THAT(text, Catch::Contains("row 8"));
    CHECK(w.dump() == before);
}

TEST_CASE("duplicate rows and conflicting evaluations are refused", "[scores-import]") {
    qtest::World w;
    const auto before = w.dump();
    const auto r = import(w, identity::cli_admin(), "criteria_map.json", "duplicates.csv");
    const std::string text = issues_text(r.issues);
    INFO(text);
    REQUIRE(r.issues.size() == 2);
    CHECK_THAT(text, Catch::Contains("row 3 (line 3), column 6 (Question): criterion 'greet' of evaluation 'D-1' already appears in row 2"));
    CHECK_THAT(text, Catch::Contains("row 4 (line 4), column 2 (Agent): evaluation 'D-1' is for ann in row 2, not bob"));
    CHECK(w.dump() == before);

    const auto t = import(w, identity::cli_admin(), "totals_map.json", "totals_bad.csv");
    const std::string ttext = issues_text(t.issues);
    INFO(ttext);
    REQUIRE(t.issues.size() == 4);
    CHECK_THAT(ttext, Catch::Contains("row 3 (line 3), column 1 (Review): evaluation 'T-1' already appears in row 2"));
    CHECK_THAT(ttext, Catch::Contains("row 4 (line 4), column 3 (Date): date '2026-11-02' does not parse as DD.MM.YYYY"));
    // "1.234,5" groups thousands with a full stop: named as such since session 7 (issue 16)
    CHECK_THAT(ttext, Catch::Contains("row 5 (line 5), column 4 (Score %): score '1.234,5' has a thousands separator"));
    CHECK_THAT(ttext, Catch::Contains("row 6 (line 6), column 4 (Score %): score 101 is outside its range 0-100"));
    CHECK(w.dump() == before);
}

TEST_CASE("a mapping naming a column the file lacks refuses the file", "[scores-import]") {
    qtest::World w;
    const auto before = w.dump();
    const auto r = import(w, identity::cli_admin(), "criteria_map.json", "missing_column.csv");
    REQUIRE(r.issues.size() == 1);
    CHECK_THAT(issues_text(r.issues), Catch::Contains("'Question'"));
    CHECK_THAT(issues_text(r.issues), Catch::Contains("row 1"));
    CHECK(w.dump() == before);
}

TEST_CASE("a lead may import only for their own teams; an agent may not import", "[scores-import]") {
    qtest::World w;
    const auto before = w.dump();
    const auto r = import(w, w.actor("lena"), "criteria_map.json", "outside_team.csv");
    const std::string text = issues_text(r.issues);
    INFO(text);
    REQUIRE(r.issues.size() == 2);
    CHECK_THAT(text, Catch::Contains("row 4 (line 4), column 2 (Agent): 'carl@example.com' (carl) is outside the teams lena leads"));
    CHECK(w.dump() == before);
    CHECK_THROWS_AS(import(w, w.actor("ann"), "criteria_map.json", "good_comma_lf.csv"), identity::AccessDenied);
    CHECK(w.dump() == before);
    CHECK(import(w, w.actor("lars"), "totals_map.json", "good_bom_semicolon_crlf.csv").issues.size() == 2);
}

// [SECTION] Mappings, shipped samples, surveys, CLI ---------------------------------------------

TEST_CASE("a bad mapping lists every problem with line and column", "[scores-import]") {
    qtest::World w;
    try {
        read_scores_mapping(data("bad_mapping.json"), &w.content);
        FAIL("a bad mapping was accepted");
    } catch (const MappingError& e) {
        const std::string m = e.what();
        CHECK_THAT(m, Catch::Contains("bad_mapping.json:2:"));
        CHECK_THAT(m, Catch::Contains("not a valid tool id"));
        CHECK_THAT(m, Catch::Contains("per_row"));
        CHECK_THAT(m, Catch::Contains("/columns/agent"));
        CHECK_THAT(m, Catch::Contains("unknown field 'colour'"));
        CHECK_THAT(m, Catch::Contains("missing required field 'date'"));
        CHECK_THAT(m, Catch::Contains("min < max"));
    }
}

TEST_CASE("parsing decimals and tool dates accepts a point or a comma and the documented formats", "[scores-import]") {
    CHECK(*parse_decimal("87,5") == 87.5);
    CHECK(*parse_decimal(" 92.25 % ") == 92.25);
    CHECK_FALSE(parse_decimal("1.234,5"));
    CHECK_FALSE(parse_decimal("abc"));
    CHECK_FALSE(parse_decimal(""));
    CHECK(*parse_tool_date("2026-11-03T23:59:59Z", DateFormat::Iso) == "2026-11-03");
    CHECK(*parse_tool_date("3.11.2026", DateFormat::DayMonthYearDots) == "2026-11-03");
    CHECK(*parse_tool_date("11/03/2026", DateFormat::MonthDayYearSlashes) == "2026-11-03");
    CHECK_FALSE(parse_tool_date("31.02.2026", DateFormat::DayMonthYearDots));
    CHECK_FALSE(parse_tool_date("2026/11/03", DateFormat::Iso));
}

TEST_CASE("the shipped MaestroQA and Zendesk QA samples import with their mappings", "[scores-import]") {
    qtest::World w;
    const auto content = content::load_content(std::filesystem::path(TRAINER_SOURCE_DIR) / "content");
    REQUIRE(content.ok());
    identity::PeopleService people(w.db, w.events);
    for (const char* who : {"anna.kowalska", "emily.carter", "dmitri.volkov", "olga.smirnova", "piotr.wisniewski"}) {
        identity::NewPerson p;
        p.id = who;
        p.display_name = who;
        p.external_id = std::string(who) + "@example.com";
        people.add(identity::cli_admin(), p);
    }
    for (const auto& [id, mail] : {std::pair{"lukasz.zak", "łukasz.żak@example.com"},
                                   std::pair{"dmitrij.ivanov", "дмитрий.иванов@example.com"}})
        people.add(identity::cli_admin(), {id, id, identity::Role::Agent, "en", {}, {}, std::string(mail), {}});
    const auto mappings = std::filesystem::path(TRAINER_SOURCE_DIR) / "content" / "quality" / "mappings";
    const auto mq = read_scores_mapping(mappings / "maestroqa.json", content.content.get());
    const auto r1 = import_scores_file(w.events, *content.content, identity::cli_admin(), mq,
                                       mappings / "maestroqa-sample.csv");
    INFO(issues_text(r1.issues));
    REQUIRE(r1.ok());
    CHECK(r1.imported == 4);
    CHECK(r1.coaching_assigned >= 2);
    const auto zd = read_scores_mapping(mappings / "zendesk-qa.json", content.content.get());
    const auto r2 = import_scores_file(w.events, *content.content, identity::cli_admin(), zd,
                                       mappings / "zendesk-qa-sample.csv");
    INFO(issues_text(r2.issues));
    REQUIRE(r2.ok());
    CHECK(r2.imported == 4);
    const auto sm = read_survey_mapping(mappings / "survey-sample.json");
    const auto r3 = import_surveys_file(w.events, identity::cli_admin(), sm, mappings / "survey-sample.csv");
    INFO(issues_text(r3.issues));
    REQUIRE(r3.ok());
    CHECK(r3.imported == 4);
    CHECK(r3.without_answer == 1);
}

TEST_CASE("survey answers give CSAT, NPS and CES per agent and re-import changes nothing", "[scores-import]") {
    qtest::World w;
    test::TempDir dir;
    test::write_file(dir / "map.json", R"({"tool": "pulse", "columns": {"response_id": "Id", "agent": "Agent",
        "date": "Date", "csat": "CSAT", "nps": "NPS", "ces": "CES"}})");
    test::write_file(dir / "good.csv", "Id,Agent,Date,CSAT,NPS,CES\n1,ann@example.com,2026-11-02,5,10,7\n"
                                       "2,ann@example.com,2026-11-03,4,9,6\n3,ann@example.com,2026-11-04,3,7,4\n"
                                       "4,ann@example.com,2026-11-05,1,0,1\n5,ann@example.com,2026-11-06,N/A,6,\n");
    const auto m = read_survey_mapping(dir / "map.json");
    const auto r = import_surveys_file(w.events, identity::cli_admin(), m, dir / "good.csv");
    INFO(issues_text(r.issues));
    REQUIRE(r.ok());
    CHECK(r.imported == 5);
    const auto f = survey_figures(list_survey_answers(w.db, {"ann", {}, {}}));
    CHECK(*f.csat_percent == 50);  // 5, 4 of 5, 4, 3, 1
    CHECK(*f.nps == 0);            // promoters 10, 9; detractors 0, 6; passive 7
    CHECK(*f.ces_mean == 4.5);     // 7, 6, 4, 1
    const auto before = w.dump();
    CHECK(import_surveys_file(w.events, identity::cli_admin(), m, dir / "good.csv").already_stored == 5);
    CHECK(w.dump() == before);

    test::write_file(dir / "bad.csv", "Id,Agent,Date,CSAT,NPS,CES\n9,ann@example.com,2026-11-02,6,10,7\n"
                                      "10,ghost@example.com,2026-13-01,4,11,0\n9,carl@example.com,2026-11-02,4,4.5,3\n");
    const auto bad = import_surveys_file(w.events, w.actor("lena"), m, dir / "bad.csv");
    const std::string text = issues_text(bad.issues);
    INFO(text);
    CHECK(bad.issues.size() == 8);
    CHECK_THAT(text, Catch::Contains("row 2 (line 2), column 4 (CSAT): csat '6' is not a whole number from 1 to 5"));
    CHECK_THAT(text, Catch::Contains("row 4 (line 4), column 1 (Id): response '9' already appears in row 2"));
    CHECK_THAT(text, Catch::Contains("outside the teams lena leads"));
    CHECK(w.dump() == before);
}

TEST_CASE("a cell the CSV reader refuses is reported once, not again by the import's own rules", "[scores-import]") {
    qtest::World w;
    test::TempDir dir;
    test::write_file(dir / "map.json", R"({"tool": "pulse", "columns": {"response_id": "Id", "agent": "Agent",
        "date": "Date", "csat": "CSAT"}})");
    test::write_file(dir / "esc.csv", "Id,Agent,Date,CSAT\nR-1\x1b[31m,ann@example.com,2026-11-02,5\n");
    const auto m = read_survey_mapping(dir / "map.json");
    const auto r = import_surveys_file(w.events, identity::cli_admin(), m, dir / "esc.csv");
    const std::string text = issues_text(r.issues);
    INFO(text);
    REQUIRE(r.issues.size() == 1);
    CHECK_THAT(text, Catch::Contains("row 2 (line 2), column 1 (Id)") && Catch::Contains("U+001B"));
    CHECK(r.imported == 0);
}

TEST_CASE("trainer scores import and scores list work from the command line", "[scores-import][cli]") {
    test::TempDir dir;
    const std::string bin = std::string(TRAINER_BIN_DIR) + "/trainer --db " + (dir / "t.db").string() + " ";
    std::string out;
    REQUIRE(test::run_command(bin + "init", &out) == 0);
    REQUIRE(test::run_command(bin + "people add anna --name Anna --role agent --team North "
                                    "--external-id anna.kowalska@example.com", &out) == 0);
    REQUIRE(test::run_command(bin + "people add emily --name Emily --role agent --team North "
                                    "--external-id emily.carter@example.com", &out) == 0);
    REQUIRE(test::run_command(bin + "people add lukasz --name Łukasz --role agent --team North "
                                    "--external-id łukasz.żak@example.com", &out) == 0);
    REQUIRE(test::run_command(bin + "people add dmitrij --name Дмитрий --role agent --team North "
                                    "--external-id дмитрий.иванов@example.com", &out) == 0);
    const std::string maps = std::string(TRAINER_SOURCE_DIR) + "/content/quality/mappings/";
    const std::string cmd = bin + "scores import " + maps + "maestroqa-sample.csv --mapping " + maps + "maestroqa.json";
    CHECK(test::run_command(cmd, &out) == 0);
    CHECK_THAT(out, Catch::Contains("4 imported"));
    CHECK(test::run_command(cmd, &out) == 0);
    CHECK_THAT(out, Catch::Contains("0 imported, 4 already stored"));
    CHECK(test::run_command(bin + "scores list --person anna --period 2026-11 --json", &out) == 0);
    const auto j = nlohmann::json::parse(out);
    REQUIRE(j.size() == 1);
    CHECK(j[0]["event_id"] == "qa:maestroqa:MQA-20731");
    CHECK(test::run_command(bin + "scores import " + (std::string(TRAINER_TEST_DATA) + "/csv/scores/broken_rows.csv") +
                                " --mapping " + maps + "maestroqa.json", &out) == 1);
    CHECK_THAT(out, Catch::Contains("nothing imported"));
}
