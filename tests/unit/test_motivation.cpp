// [SECTION] Fixture: evaluations, modules, surveys and one mastered card on fixed dates
// [SECTION] Figures, gates and reasons
// [SECTION] Access and team roll-up
// [SECTION] Config and payroll CSV
#include "quality_fixture.hpp"
#include "support.hpp"

#include "trainer/cards/review_service.hpp"
#include "trainer/quality/motivation_export.hpp"
#include "trainer/quality/records.hpp"
#include "trainer/store/events.hpp"

#include <catch2/catch.hpp>
#include <algorithm>
#include <set>
#include <nlohmann/json.hpp>

using namespace trainer;
using namespace trainer::quality;

namespace {

// [SECTION] Fixture -----------------------------------------------------------------------------

MotivationConfig config() {
    return motivation_config_from_json(nlohmann::json::parse(R"({
        "period": "month",
        "weights": {"quality": 50, "training": 20, "mastery": 20, "csat": 10},
        "training": {"modules": ["basics", "attitude"]},
        "gates": {"min_quality": 85, "min_evaluations": 2, "required_modules": ["basics"]}
    })"));
}

void evaluation(qtest::World& w, const std::string& person, const std::string& date, double percent) {
    Evaluation e;
    e.event_id = "qa:fixture:" + person + date;
    e.person_id = person;
    e.date = date;
    e.source = "import:fixture";
    e.score.percent = percent;
    e.score.scored = true;
    store_evaluation(w.events, e, "");
}

void survey(qtest::World& w, const std::string& id, const std::string& person, int csat) {
    SurveyAnswer a;
    a.event_id = "survey:fixture:" + id;
    a.person_id = person;
    a.date = "2026-11-10";
    a.csat = csat;
    a.source = "import:fixture";
    store_survey_answer(w.events, a, "");
}

void module_done(qtest::World& w, const std::string& person, const std::string& module, bool passed,
                 const std::string& day) {
    store::NewEvent e{"module.completed", person, {{"module", module}, {"passed", passed}}, {}, {}};
    e.at_ms = *parse_date(day) + 3'600'000;
    w.events.append(e);
}

void fill(qtest::World& w) {
    evaluation(w, "ann", "2026-11-03", 90);
    evaluation(w, "ann", "2026-11-17", 80);
    evaluation(w, "ann", "2026-10-30", 40); // another month
    evaluation(w, "bob", "2026-11-05", 95);
    survey(w, "1", "ann", 5);
    survey(w, "2", "ann", 4);
    survey(w, "3", "ann", 2);
    module_done(w, "ann", "basics", true, "2026-09-01");
    module_done(w, "ann", "attitude", false, "2026-11-02"); // failed: not a completion
    module_done(w, "bob", "basics", true, "2026-12-02");    // after the period
    cards::ReviewService reviews(w.db, w.events, w.clock, w.content, cards::ReviewConfig{});
    reviews.grade("ann", "c-greet", fsrs::Rating::Good); // 1 of 4 standards mastered now
}

const MotivationRow& row(const MotivationReport& r, const std::string& id) {
    for (const auto& x : r.rows)
        if (x.person_id == id) return x;
    FAIL("no row for " << id);
    throw std::logic_error("unreachable");
}

bool has_reason(const MotivationRow& r, const std::string& code) {
    for (const auto& x : r.reasons)
        if (x.code == code) return true;
    return false;
}

} // namespace

// [SECTION] Figures, gates and reasons -----------------------------------------------------------

TEST_CASE("the motivation index mixes quality, training, mastery and CSAT by the config weights", "[motivation]") {
    qtest::World w;
    fill(w);
    const auto rep = motivation_report(w.db, w.events, w.clock, w.content, config(), identity::cli_admin(),
                                       *parse_period("2026-11"));
    REQUIRE(rep.rows.size() == 3);
    const auto& ann = row(rep, "ann");
    CHECK(ann.evaluations == 2);
    CHECK(*ann.quality == 85);
    CHECK(ann.training == 50);
    CHECK(ann.mastery == 25);
    CHECK(*ann.csat_percent == 66.67);
    // (50×85 + 20×50 + 20×25 + 10×66.67) / 100
    CHECK(ann.index == 64.17);
    CHECK(ann.eligible);
    CHECK(ann.components.size() == 4);

    const auto& bob = row(rep, "bob");
    CHECK(bob.index == 47.5); // 50×95 / 100: no training, mastery or CSAT data
    CHECK_FALSE(bob.eligible);
    CHECK(has_reason(bob, "too_few_evaluations"));
    CHECK(has_reason(bob, "required_modules_missing"));
    CHECK(has_reason(bob, "csat_no_data"));
    CHECK_FALSE(has_reason(bob, "quality_below_gate"));

    const auto& carl = row(rep, "carl");
    CHECK(carl.index == 0);
    CHECK(has_reason(carl, "quality_missing"));
    CHECK_FALSE(has_reason(carl, "quality_no_data")); // said once, by the gate
}

TEST_CASE("quality below the gate makes an agent ineligible whatever the index", "[motivation]") {
    qtest::World w;
    fill(w);
    evaluation(w, "ann", "2026-11-19", 70); // mean now 80
    const auto r = motivation_for(w.db, w.events, w.clock, w.content, config(), identity::cli_admin(), "ann",
                                  *parse_period("2026-11"));
    CHECK(*r.quality == 80);
    CHECK_FALSE(r.eligible);
    REQUIRE_FALSE(r.reasons.empty());
    CHECK(r.reasons[0].code == "quality_below_gate");
    CHECK_THAT(r.reasons[0].text, Catch::Contains("quality 80 % is below 85 %"));
    // Fractions print as before (shortest of 6 significant digits, a point whatever the locale).
    auto fine = config();
    fine.min_quality = 85.125;
    const auto f = motivation_for(w.db, w.events, w.clock, w.content, fine, identity::cli_admin(), "ann",
                                  *parse_period("2026-11"));
    REQUIRE_FALSE(f.reasons.empty());
    CHECK(f.reasons[0].text == "quality 80 % is below 85.13 %");
    CHECK(std::find(f.reasons[0].args.begin(), f.reasons[0].args.end(),
                    std::pair<std::string, std::string>{"gate", "85.13"}) != f.reasons[0].args.end());
}

// [SECTION] Access and team roll-up ---------------------------------------------------------------

TEST_CASE("a lead gets their team and its roll-up; an agent only their own row", "[motivation]") {
    qtest::World w;
    fill(w);
    const auto nov = *parse_period("2026-11");
    const auto lead = motivation_report(w.db, w.events, w.clock, w.content, config(), w.actor("lena"), nov);
    REQUIRE(lead.rows.size() == 2);
    REQUIRE(lead.teams.size() == 1);
    CHECK(lead.teams[0].team_id == "team-north");
    CHECK(lead.teams[0].agents == 2);
    CHECK(lead.teams[0].eligible == 1);
    CHECK(lead.teams[0].evaluations == 3);
    CHECK(*lead.teams[0].mean_index == Approx(55.835).margin(0.006));
    CHECK(*lead.teams[0].mean_quality == 90);

    const auto own = motivation_report(w.db, w.events, w.clock, w.content, config(), w.actor("ann"), nov);
    REQUIRE(own.rows.size() == 1);
    CHECK(own.rows[0].person_id == "ann");
    CHECK(own.teams.empty());
    CHECK_THROWS_AS(motivation_for(w.db, w.events, w.clock, w.content, config(), w.actor("ann"), "bob", nov),
                    identity::AccessDenied);
    CHECK(motivation_report(w.db, w.events, w.clock, w.content, config(), identity::cli_admin(), nov)
              .teams.size() == 2);
}

// [SECTION] Config and payroll CSV ----------------------------------------------------------------

TEST_CASE("a bad motivation config lists every problem", "[motivation]") {
    try {
        motivation_config_from_json(nlohmann::json::parse(R"({"period": "week", "weights": {"quality": -1,
            "speed": 3}, "gates": {"min_quality": 120, "min_evaluations": "two"}, "bonus": 1})"));
        FAIL("accepted");
    } catch (const ConfigError& e) {
        const std::string m = e.what();
        CHECK_THAT(m, Catch::Contains("/period"));
        CHECK_THAT(m, Catch::Contains("/weights/quality"));
        CHECK_THAT(m, Catch::Contains("/weights/speed"));
        CHECK_THAT(m, Catch::Contains("/gates/min_quality"));
        CHECK_THAT(m, Catch::Contains("/gates/min_evaluations"));
        CHECK_THAT(m, Catch::Contains("/bonus"));
    }
    const auto shipped = read_motivation_config(std::filesystem::path(TRAINER_SOURCE_DIR) / "config/motivation.json");
    CHECK(shipped.period == PeriodKind::Month);
    CHECK(*shipped.min_quality == 85);
}

TEST_CASE("the payroll CSV has a BOM, the chosen separator and no live formulas", "[motivation]") {
    qtest::World w;
    fill(w);
    identity::PeopleService people(w.db, w.events);
    identity::NewPerson eve;
    eve.id = "eve";
    eve.display_name = "=HYPERLINK(\"http://x\";\"pay\")";
    eve.teams = {"Team North"};
    people.add(identity::cli_admin(), eve);
    const auto rep = motivation_report(w.db, w.events, w.clock, w.content, config(), identity::cli_admin(),
                                       *parse_period("2026-11"));
    const std::string semi = motivation_csv(rep, ';');
    REQUIRE(semi.rfind("\xEF\xBB\xBF" "period;person_id;name;", 0) == 0);
    CHECK_THAT(semi, Catch::Contains("\r\n2026-11;ann;Name of ann;team-north;2;85;50;25;66,67;;;64,17;yes;"));
    CHECK_THAT(semi, Catch::Contains(";\"'=HYPERLINK(\"\"http://x\"\";\"\"pay\"\")\";"));
    const std::string comma = motivation_csv(rep, ',');
    CHECK_THAT(comma, Catch::Contains("2026-11,ann,Name of ann,team-north,2,85,50,25,66.67,,,64.17,yes,"));
    CHECK(csv_cell("-2+3", ',') == "'-2+3");
    CHECK(csv_cell("@SUM(A1)", ',') == "'@SUM(A1)");
    CHECK(csv_cell("plain", ',') == "plain");
    const auto j = motivation_json(rep);
    CHECK(j["period"] == "2026-11");
    CHECK(j["agents"].size() == 4);
}

TEST_CASE("trainer motivation writes the payroll file", "[motivation][cli]") {
    test::TempDir dir;
    const std::string bin = std::string(TRAINER_BIN_DIR) + "/trainer --db " + (dir / "t.db").string() + " ";
    std::string out;
    REQUIRE(test::run_command(bin + "init", &out) == 0);
    REQUIRE(test::run_command(bin + "people add anna --name Anna --role agent --team North", &out) == 0);
    CHECK(test::run_command(bin + "motivation --period 2026-11 --format csv --sep ';' --out " +
                                (dir / "pay.csv").string(), &out) == 0);
    const std::string csv = test::read_file(dir / "pay.csv");
    CHECK(csv.rfind("\xEF\xBB\xBFperiod;", 0) == 0);
    CHECK_THAT(csv, Catch::Contains("2026-11;anna;Anna;north;0;"));
    CHECK(test::run_command(bin + "motivation --period 2026-13", &out) == 2);
    CHECK(test::run_command(bin + "motivation --period 2026-11 --format json", &out) == 0);
    CHECK(nlohmann::json::parse(out)["agents"].size() == 1);
}

// [SECTION] Payroll as a spreadsheet reads it -----------------------------------------------------

TEST_CASE("payroll numbers stay numbers, only text is guarded, and people outside the period are not listed", "[motivation]") {
    qtest::World w;
    fill(w);
    identity::PeopleService people(w.db, w.events);
    // NPS of -12.5: a number a spreadsheet must be able to sum.
    for (int i = 0; i < 8; ++i) {
        SurveyAnswer a;
        a.event_id = "survey:nps:" + std::to_string(i);
        a.person_id = "bob";
        a.date = "2026-11-11";
        a.nps = i < 3 ? 10 : i < 7 ? 0 : 8; // 3 promoters, 4 detractors of 8: -12.5
        a.source = "import:fixture";
        store_survey_answer(w.events, a, "");
    }
    people.add(identity::cli_admin(), {"dora", "Dora Late", identity::Role::Agent, "en", {"Team North"}, {}, {}, std::string("2026-12-01")});
    people.add(identity::cli_admin(), {"gus", "Gus Gone", identity::Role::Agent, "en", {"Team North"}, {}, {}, std::string("2025-01-01")});
    people.add(identity::cli_admin(), {"liv", "Liv Left", identity::Role::Agent, "en", {"Team North"}, {}, {}, std::string("2025-01-01")});
    {
        // gus left in October, liv on 15 November: only liv worked in November.
        FixedClock october{*parse_iso_ms("2026-10-20T12:00:00Z")};
        store::EventStore past(w.db, october, "test-kiosk");
        identity::PeopleService(w.db, past).deactivate(identity::cli_admin(), "gus");
        FixedClock mid{*parse_iso_ms("2026-11-15T12:00:00Z")};
        store::EventStore mid_store(w.db, mid, "test-kiosk");
        identity::PeopleService(w.db, mid_store).deactivate(identity::cli_admin(), "liv");
    }
    const auto rep = motivation_report(w.db, w.events, w.clock, w.content, config(), identity::cli_admin(),
                                       *parse_period("2026-11"));
    std::vector<std::string> ids;
    for (const auto& r : rep.rows)
        ids.push_back(r.person_id);
    CHECK(ids == std::vector<std::string>{"ann", "bob", "carl", "liv"});
    const std::string csv = motivation_csv(rep, ';');
    CHECK_THAT(csv, Catch::Contains(";-12,5;"));
    CHECK_THAT(csv, !Catch::Contains("'-12"));
    CHECK(csv_cell("-12.5", ',', false) == "-12.5");
    CHECK(csv_cell("-12.5", ',') == "'-12.5"); // as text it is still guarded
}

TEST_CASE("payroll reasons are in the reader's language, each fact once", "[motivation]") {
    qtest::World w;
    fill(w);
    std::vector<std::string> problems;
    const auto catalog = i18n::Catalog::load(std::filesystem::path(TRAINER_SOURCE_DIR) / "assets" / "i18n", &problems);
    INFO(problems.size());
    const auto rep = motivation_report(w.db, w.events, w.clock, w.content, config(), identity::cli_admin(),
                                       *parse_period("2026-11"));
    const auto& carl = row(rep, "carl");
    std::set<std::string> codes;
    for (const auto& r : carl.reasons)
        CHECK(codes.insert(r.code).second);
    const std::string pl = motivation_csv(rep, ';', &catalog, "pl");
    // The period in words and the percentage as each locale writes it (pl "85%", ru "85 %").
    CHECK_THAT(pl, Catch::Contains("listopad 2026: ocen QA 0, a potrzeba co najmniej 2; listopad 2026: brak wyniku jakości; potrzeba co najmniej 85%"));
    const std::string ru = motivation_csv(rep, ';', &catalog, "ru");
    CHECK_THAT(ru, Catch::Contains("оценок QA за ноябрь 2026\u202fг.: 0; нужно не меньше 2"));
    CHECK_THAT(ru, Catch::Contains("нужно не меньше 85\u00a0%"));
    const auto j = motivation_json(rep, &catalog, "ru");
    for (const auto& a : j["agents"])
        if (a["person_id"] == "carl") {
            REQUIRE_FALSE(a["reasons"].empty());
            CHECK(a["reasons"][0]["code"] == "too_few_evaluations");
            CHECK(a["reasons"][0]["text"] == "оценок QA за ноябрь 2026\u202fг.: 0; нужно не меньше 2");
        }
    // Every reason the report can give has a text in all three languages.
    for (const char* loc : {"en", "pl", "ru"})
        for (const char* code : {"training_not_configured", "mastery_no_cards", "mastery_unavailable", "quality_no_data",
                                 "csat_no_data", "nps_no_data", "ces_no_data", "too_few_evaluations",
                                 "quality_below_gate", "quality_missing", "required_modules_missing"})
            CHECK(catalog.has(loc, std::string("motivation.reason.") + code));
}

TEST_CASE("trainer motivation writes an xlsx with typed cells and a private, audited file", "[motivation][cli]") {
    test::TempDir dir;
    const std::string bin = std::string(TRAINER_BIN_DIR) + "/trainer --db " + (dir / "t.db").string() + " ";
    std::string out;
    REQUIRE(test::run_command(bin + "init", &out) == 0);
    REQUIRE(test::run_command(bin + "people add anna --name '=Anna' --role agent --team North", &out) == 0);
    REQUIRE(test::run_command(bin + "motivation --period 2026-11 --format xlsx --lang pl --out " +
                                  (dir / "pay.xlsx").string(), &out) == 0);
    CHECK((std::filesystem::status(dir / "pay.xlsx").permissions() & std::filesystem::perms::all) ==
          (std::filesystem::perms::owner_read | std::filesystem::perms::owner_write));
    // The sheet: the name is a string cell (never a formula), the evaluation count a number.
    REQUIRE(test::run_command("python3 -c \"import zipfile,sys; print(zipfile.ZipFile(sys.argv[1]).read("
                              "'xl/worksheets/sheet1.xml').decode())\" " + (dir / "pay.xlsx").string(), &out) == 0);
    CHECK_THAT(out, Catch::Contains("<c r=\"E2\" s=\"0\"><v>0</v></c>") || Catch::Contains("<c r=\"E2\"><v>0</v></c>"));
    CHECK_THAT(out, Catch::Contains("<c r=\"C2\" t=\"s\""));
    CHECK_THAT(out, !Catch::Contains("<f>"));
    REQUIRE(test::run_command(bin + "motivation --period 2026-11 --out " + (dir / "pay.csv").string(), &out) == 0);
    CHECK((std::filesystem::status(dir / "pay.csv").permissions() & std::filesystem::perms::all) ==
          (std::filesystem::perms::owner_read | std::filesystem::perms::owner_write));
    CHECK(test::run_command(bin + "motivation --period 2026-11 --out -", &out) == 0);
    CHECK_THAT(out, Catch::Contains("period,person_id"));
    CHECK_FALSE(std::filesystem::exists("-"));
    CHECK(test::run_command(bin + "audit", &out) == 0);
    CHECK_THAT(out, Catch::Contains("export.motivation"));
}

TEST_CASE("a team's motivation rows, read at once, equal each agent's own row", "[motivation]") {
    // The dashboard asks for a whole team in one call (one query per figure); an agent's own
    // screen asks for one person. Both must show the same figures, gates and reasons.
    qtest::World w;
    fill(w);
    survey(w, "4", "bob", 5);
    evaluation(w, "carl", "2026-11-11", 60);
    identity::PeopleService(w.db, w.events).deactivate(identity::cli_admin(), "carl"); // left in November
    const Period nov = *parse_period("2026-11");
    const auto admin = identity::cli_admin();
    const auto team = motivation_rows(w.db, w.events, w.clock, w.content, config(), admin, {"ann", "bob", "carl"}, nov);
    REQUIRE(team.size() == 3);
    // The dashboard's column asks for the index alone (no reasons built): the same numbers.
    const auto indexes =
        motivation_indexes(w.db, w.events, w.clock, w.content, config(), admin, {"ann", "bob", "carl"}, nov);
    REQUIRE(indexes.size() == 3);
    for (const auto& r : team) CHECK(indexes.at(r.person_id) == r.index);
    for (const auto& r : team) {
        INFO(r.person_id);
        const auto own = motivation_for(w.db, w.events, w.clock, w.content, config(), admin, r.person_id, nov);
        CHECK(r.teams == own.teams);
        CHECK(r.evaluations == own.evaluations);
        CHECK(r.quality == own.quality);
        CHECK(r.training == own.training);
        CHECK(r.mastery == own.mastery);
        CHECK(r.csat_percent == own.csat_percent);
        CHECK(r.components == own.components);
        CHECK(r.index == own.index);
        CHECK(r.eligible == own.eligible);
        REQUIRE(r.reasons.size() == own.reasons.size());
        for (std::size_t i = 0; i < r.reasons.size(); ++i) CHECK(r.reasons[i].code == own.reasons[i].code);
    }
    CHECK(team[0].evaluations == 2); // ann: the two November evaluations, not October's
    CHECK(*team[0].quality == 85);
    CHECK(team[0].mastery == 25);
    CHECK(*team[1].csat_percent == 100);
    CHECK(team[2].teams == std::vector<std::string>{"team-south"});
    CHECK(has_reason(team[2], "mastery_unavailable")); // deactivated: the service says why, in both
}
