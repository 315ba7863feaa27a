// [SECTION] The tools' own rubrics: partial credit, weights, critical items, adopted totals
// [SECTION] Shipped MaestroQA- and Zendesk-QA-style exports, Unicode e-mails, dates
// [SECTION] Refused exports: every bad row named, nothing imported
#include "quality_fixture.hpp"
#include "support.hpp"

#include "trainer/content/loader.hpp"
#include "trainer/core/case_fold.hpp"
#include "trainer/quality/records.hpp"
#include "trainer/quality/rubric_score.hpp"
#include "trainer/quality/scores_import.hpp"
#include "trainer/quality/xapi.hpp"
#include "trainer/store/events.hpp"

#include <catch2/catch.hpp>

using namespace trainer;
using namespace trainer::quality;

namespace {

std::string issues_text(const std::vector<csv::Issue>& issues) {
    std::string s;
    for (const auto& i : issues)
        s += csv::to_string(i) + "\n";
    return s;
}

const std::filesystem::path kMappings =
    std::filesystem::path(TRAINER_SOURCE_DIR) / "content" / "quality" / "mappings";

// The people of the shipped samples, e-mails stored as HR writes them (lowercase).
void add_sample_people(qtest::World& w) {
    identity::PeopleService people(w.db, w.events);
    const std::vector<std::pair<const char*, const char*>> who = {
        {"anna.kowalska", "anna.kowalska@example.com"}, {"emily.carter", "emily.carter@example.com"},
        {"lukasz.zak", "łukasz.żak@example.com"},        {"dmitrij.ivanov", "дмитрий.иванов@example.com"},
        {"dmitri.volkov", "dmitri.volkov@example.com"}, {"olga.smirnova", "olga.smirnova@example.com"},
        {"piotr.wisniewski", "piotr.wisniewski@example.com"}};
    for (const auto& [id, mail] : who) {
        identity::NewPerson p;
        p.id = id;
        p.display_name = id;
        p.external_id = mail;
        people.add(identity::cli_admin(), p);
    }
}

struct Loaded {
    content::LoadResult content = content::load_content(std::filesystem::path(TRAINER_SOURCE_DIR) / "content");
};

double percent_of(qtest::World& w, const std::string& event_id) {
    const auto ev = w.events.find(event_id);
    REQUIRE(ev);
    return evaluation_from_event(*ev).score.percent;
}

} // namespace

// [SECTION] The tools' own rubrics ---------------------------------------------------------------

TEST_CASE("a tool's rubric gives partial credit by weight and a failed weight-0 critical item zeroes it", "[scores-import][rubric]") {
    std::vector<RubricAnswer> a = {
        {1, "privacy", 1, 0, 1, 0, false, true}, // weight 0, critical, passed
        {2, "greeting", 3, 0, 4, 1, false, false}, // 0.75 of weight 1
        {3, "resolution", 2, 0, 4, 3, false, false}, // 0.5 of weight 3
        {4, "empathy", 0, 0, 4, 2, true, false},     // N/A: leaves both sums
    };
    Score s = score_rubric(a, 1.0);
    CHECK(s.scored);
    CHECK_FALSE(s.critical_failed);
    CHECK(s.percent == Approx(56.25)); // (0.75 + 1.5) / 4
    a[0].raw = 0;
    s = score_rubric(a, 1.0);
    CHECK(s.critical_failed);
    CHECK(s.percent == 0);
    // A 1-4 scale: 1 earns nothing, 3 two thirds.
    s = score_rubric({{1, "tone", 3, 1, 4, 1, false, false}}, 1.0);
    CHECK(s.percent == Approx(66.67));
    // Only weight-0 items answered and passed: nothing to score.
    s = score_rubric({{1, "privacy", 1, 0, 1, 0, false, true}}, 1.0);
    CHECK_FALSE(s.scored);
}

TEST_CASE("e-mails and ids match whatever their case, in any script", "[scores-import][rubric]") {
    CHECK(fold_case("Łukasz.Żak@Example.com") == fold_case("łukasz.żak@example.com"));
    CHECK(fold_case("Дмитрий.Иванов@example.com") == "дмитрий.иванов@example.com");
    CHECK(fold_case("QA-BOB-7") == "qa-bob-7");
    CHECK(fold_case("Straße") == fold_case("STRASSE"));
    CHECK(fold_case("\xff\xfe bad") == "\xff\xfe bad"); // invalid UTF-8 kept, not crashed on
}

// [SECTION] Shipped exports ------------------------------------------------------------------------

TEST_CASE("a MaestroQA-style export adopts the tool's totals, dated by the grade, Unicode e-mails matched", "[scores-import][rubric]") {
    qtest::World w;
    Loaded c;
    REQUIRE(c.content.ok());
    add_sample_people(w);
    const auto m = read_scores_mapping(kMappings / "maestroqa.json", c.content.content.get());
    const auto r = import_scores_file(w.events, *c.content.content, identity::cli_admin(), m,
                                      kMappings / "maestroqa-sample.csv");
    INFO(issues_text(r.issues));
    REQUIRE(r.ok());
    CHECK(r.rows == 32);
    CHECK(r.imported == 4);
    CHECK(percent_of(w, "qa:maestroqa:MQA-20731") == 72.5);
    CHECK(percent_of(w, "qa:maestroqa:MQA-20744") == 97.73);
    CHECK(percent_of(w, "qa:maestroqa:MQA-20758") == 0); // auto-fail question missed
    CHECK(percent_of(w, "qa:maestroqa:MQA-20790") == 93.18);
    const auto lukasz = list_evaluations(w.db, {"lukasz.zak", {}, {}});
    REQUIRE(lukasz.size() == 1);
    CHECK(lukasz[0].score.critical_failed);
    CHECK(lukasz[0].date == "2026-11-12"); // the grade's day, not the import's (2026-11-20)
    CHECK(lukasz[0].evaluated_at == "2026-11-12T16:40:00.000Z");
    // Linked questions feed our scorecard's outcomes; unlinked criteria are N/A.
    const auto anna = list_evaluations(w.db, {"anna.kowalska", {}, {}});
    REQUIRE(anna.size() == 1);
    std::map<std::string, Outcome> o;
    for (const auto& k : anna[0].criteria)
        o[k.criterion_id] = k.outcome;
    CHECK(o.at("confirm-need") == Outcome::NotMet);
    CHECK(o.at("greet-introduce") == Outcome::Met);
    CHECK(o.at("acknowledge-emotion") == Outcome::NotApplicable);
    CHECK(o.at("plain-language") == Outcome::NotApplicable);
    CHECK(r.coaching_assigned > 0);
    // xAPI: the statement is timestamped when the grade happened.
    const auto ev = w.events.find("qa:maestroqa:MQA-20758");
    const auto st = to_statement(*ev, c.content.content.get(), XapiOptions{.salt = "s"});
    REQUIRE(st);
    CHECK((*st)["timestamp"] == "2026-11-12T16:40:00.000Z");
    // Re-import: nothing new.
    const auto before = w.dump();
    CHECK(import_scores_file(w.events, *c.content.content, identity::cli_admin(), m,
                             kMappings / "maestroqa-sample.csv").already_stored == 4);
    CHECK(w.dump() == before);
}

TEST_CASE("a Zendesk-QA-style export recomputed from ratings gives the tool's own review scores", "[scores-import][rubric]") {
    qtest::World w;
    Loaded c;
    REQUIRE(c.content.ok());
    add_sample_people(w);
    const auto m = read_scores_mapping(kMappings / "zendesk-qa.json", c.content.content.get());
    const auto table = csv::read_file(kMappings / "zendesk-qa-sample.csv");
    const auto r = import_scores(w.events, *c.content.content, identity::cli_admin(), m, table);
    INFO(issues_text(r.issues));
    REQUIRE(r.ok());
    CHECK(r.imported == 4);
    // Every review's recomputed score equals the "Review score" the tool exported.
    const csv::Columns cols(table.header);
    for (const auto& row : table.rows) {
        const auto ev = w.events.find("qa:zendesk-qa:" + cols.get(row, "Review ID"));
        REQUIRE(ev);
        const Evaluation e = evaluation_from_event(*ev);
        if (cols.get(row, "Review score") == "N/A")
            CHECK_FALSE(e.score.scored);
        else
            CHECK(e.score.percent == Approx(*parse_decimal(cols.get(row, "Review score"))));
    }
    const auto olga = list_evaluations(w.db, {"olga.smirnova", {}, {}});
    REQUIRE(olga.size() == 1);
    CHECK(olga[0].score.critical_failed);
    CHECK(list_evaluations(w.db, {"emily.carter", {}, {}}).at(0).channel == "chat");
}

// [SECTION] Refused exports ----------------------------------------------------------------------

TEST_CASE("a rubric export with bad rows is refused whole, each problem named by row", "[scores-import][rubric]") {
    qtest::World w;
    test::TempDir dir;
    test::write_file(dir / "map.json", R"({"tool": "rq", "layout": "per_criterion", "total": "adopt",
        "weights": "percent", "criteria": {"Greeting": {}, "Privacy": {"critical": true}, "Solution": {}}, "columns": {"evaluation_id": "Id", "agent": "Agent", "date": "Date",
        "criterion": "Question", "score": "Score", "max_score": "Max", "weight": "Weight",
        "critical": "Critical", "na": "NA", "total": "Total"}})");
    test::write_file(dir / "bad.csv",
                     "Id,Agent,Date,Question,Score,Max,Weight,Critical,NA,Total\n"
                     "E1,ann@example.com,2026-11-02,Greeting,3,4,40,false,false,80\n"
                     "E1,ann@example.com,2026-11-02,Privacy,1,1,0,true,false,85\n"      // total disagrees
                     "E2,ANN@EXAMPLE.COM,2026-11-03,Greeting,2,0,50,false,false,50\n"   // max 0
                     "E3,ann@example.com,2026-11-03,Greeting,5,4,50,false,false,100\n"  // above max
                     "E4,carl@example.com,2026-11-04,Greeting,4,4,60,false,false,100\n"
                     "E4,carl@example.com,2026-11-04,Solution,4,4,55,false,false,100\n" // weights 115
                     "E5,ghost@example.com,2026-11-04,Greeting,4,4,10,false,maybe,100\n"); // unknown, bad flag
    const auto m = read_scores_mapping(dir / "map.json", &w.content);
    const auto before = w.dump();
    const auto r = import_scores_file(w.events, w.content, identity::cli_admin(), m, dir / "bad.csv");
    const std::string text = issues_text(r.issues);
    INFO(text);
    CHECK(r.imported == 0);
    CHECK_THAT(text, Catch::Contains("row 3 (line 3), column 10 (Total): evaluation 'E1' has total '85' here but '80' in row 2"));
    CHECK_THAT(text, Catch::Contains("row 4 (line 4), column 6 (Max): criterion 'Greeting' has max score 0"));
    CHECK_THAT(text, Catch::Contains("row 5 (line 5), column 5 (Score): score 5 is above its max 4"));
    CHECK_THAT(text, Catch::Contains("the weights of evaluation 'E4' (rows 6-7) add up to 115"));
    CHECK_THAT(text, Catch::Contains("row 8 (line 8), column 2 (Agent): unknown person 'ghost@example.com'"));
    CHECK_THAT(text, Catch::Contains("row 8 (line 8), column 9 (NA): na 'maybe' is not true/false"));
    CHECK(r.issues.size() == 6);
    // A question the mapping does not list (a misspelt name) is refused too.
    test::write_file(dir / "typo.csv", "Id,Agent,Date,Question,Score,Max,Weight,Critical,NA,Total\n"
                                       "E9,ann@example.com,2026-11-02,Greting,3,4,40,false,false,75\n");
    const auto typo = import_scores_file(w.events, w.content, identity::cli_admin(), m, dir / "typo.csv");
    REQUIRE(typo.issues.size() == 1);
    CHECK_THAT(csv::to_string(typo.issues[0]), Catch::Contains("column 4 (Question): criterion 'Greting' is not in the mapping's 'criteria'"));
    CHECK(w.dump() == before);
}

TEST_CASE("a rubric mapping is checked: total policy, weights and links need a scorecard", "[scores-import][rubric]") {
    test::TempDir dir;
    test::write_file(dir / "map.json", R"({"tool": "rq", "total": "average", "weights": "points",
        "critical_fail_below": 2, "columns": {"evaluation_id": "Id", "agent": "Agent", "date": "Date",
        "criterion": "Question", "score": "Score"}})");
    try {
        read_scores_mapping(dir / "map.json", nullptr);
        FAIL("mapping accepted");
    } catch (const MappingError& e) {
        const std::string msg = e.what();
        CHECK_THAT(msg, Catch::Contains("expected \"adopt\" (the tool's total) or \"recompute\""));
        CHECK_THAT(msg, Catch::Contains("expected \"relative\" or \"percent\", found 'points'"));
        CHECK_THAT(msg, Catch::Contains("critical_fail_below"));
    }
    test::write_file(dir / "map2.json", R"({"tool": "rq", "total": "adopt", "criteria": {"Greeting": "greet"},
        "columns": {"evaluation_id": "Id", "agent": "Agent", "date": "Date", "criterion": "Question", "score": "Score"}})");
    try {
        read_scores_mapping(dir / "map2.json", nullptr);
        FAIL("mapping accepted");
    } catch (const MappingError& e) {
        const std::string msg = e.what();
        CHECK_THAT(msg, Catch::Contains("missing required field 'total'"));
        CHECK_THAT(msg, Catch::Contains("linking a question to criterion 'greet' needs 'scorecard'"));
    }
}
