// [SECTION] Scoring table
// [SECTION] Scorecard content
// [SECTION] Kiosk entry: access, PIN, draft checks
// [SECTION] Coaching loop, own scores and trend, rebuild
// [SECTION] The team's QA trend and the pass mark
#include "quality_fixture.hpp"
#include "support.hpp"

#include "trainer/app/projections.hpp"
#include "trainer/cards/review_service.hpp"
#include "trainer/content/loader.hpp"
#include "trainer/quality/entry.hpp"
#include "trainer/quality/pass_mark.hpp"
#include "trainer/quality/period.hpp"
#include "trainer/quality/team_trend.hpp"

#include <catch2/catch.hpp>

using namespace trainer;
using namespace trainer::quality;
using O = Outcome;

// [SECTION] Scoring table -----------------------------------------------------------------------

TEST_CASE("the QA score is the weighted share of met criteria, N/A leaving the denominator", "[quality]") {
    struct Row {
        const char* what;
        std::vector<CriterionInput> in;
        double percent;
        bool critical_failed;
        bool scored;
    };
    const std::vector<Row> table = {
        {"all met", {{1, false, O::Met}, {2, false, O::Met}}, 100, false, true},
        {"none met", {{1, false, O::NotMet}, {2, false, O::NotMet}}, 0, false, true},
        {"weights count", {{1, false, O::NotMet}, {3, false, O::Met}}, 75, false, true},
        {"equal weights", {{1, false, O::Met}, {1, false, O::NotMet}, {1, false, O::Met}}, 66.67, false, true},
        {"N/A leaves the denominator", {{1, false, O::Met}, {3, false, O::NotApplicable}, {1, false, O::NotMet}}, 50, false, true},
        {"N/A of a failed step changes nothing else", {{2, false, O::Met}, {2, false, O::NotApplicable}}, 100, false, true},
        {"a failed critical criterion zeroes all", {{5, false, O::Met}, {1, true, O::NotMet}}, 0, true, true},
        {"a met critical criterion is an ordinary weight", {{1, false, O::NotMet}, {1, true, O::Met}}, 50, false, true},
        {"a critical criterion N/A is not a failure", {{1, false, O::Met}, {1, true, O::NotApplicable}}, 100, false, true},
        {"everything N/A is not scored", {{1, false, O::NotApplicable}, {1, true, O::NotApplicable}}, 0, false, false},
        {"fractional weights", {{0.5, false, O::Met}, {1.5, false, O::NotMet}}, 25, false, true},
        {"rounding to 2 decimals", {{1, false, O::Met}, {2, false, O::NotMet}}, 33.33, false, true},
    };
    for (const auto& r : table) {
        INFO(r.what);
        const Score s = score(r.in);
        CHECK(s.percent == Approx(r.percent).margin(1e-9));
        CHECK(s.critical_failed == r.critical_failed);
        CHECK(s.scored == r.scored);
    }
}

TEST_CASE("scoring by scorecard uses its weights and refuses a missing answer", "[quality]") {
    const auto content = qtest::make_content();
    const auto& sc = content.quality->scorecards[0];
    // greet 1 met, need 2 not met, next 3 N/A, tone 1 (critical) met: 2 of 4.
    CHECK(score(sc, {{"greet", O::Met}, {"need", O::NotMet}, {"next", O::NotApplicable}, {"tone", O::Met}})
              .percent == 50);
    CHECK(score(sc, {{"greet", O::Met}, {"need", O::Met}, {"next", O::Met}, {"tone", O::NotMet}}).percent == 0);
    CHECK_THROWS_WITH(score(sc, {{"greet", O::Met}}), Catch::Contains("criterion 'need'"));
}

TEST_CASE("periods are months or quarters as half-open date ranges", "[quality]") {
    const auto nov = parse_period("2026-11");
    REQUIRE(nov);
    CHECK(nov->from_date == "2026-11-01");
    CHECK(nov->until_date == "2026-12-01");
    CHECK(previous(*parse_period("2026-01")).label == "2025-12");
    CHECK(parse_period("2026-Q4")->until_date == "2027-01-01");
    CHECK(period_of("2026-05-31", PeriodKind::Quarter)->label == "2026-Q2");
    CHECK_FALSE(parse_period("2026-13"));
    CHECK_FALSE(parse_period("2026-Q5"));
    CHECK_FALSE(is_valid_date("2026-02-29"));
    CHECK(is_valid_date("2028-02-29"));
}

// [SECTION] Scorecard content -------------------------------------------------------------------

TEST_CASE("the bundled call scorecard loads and links only to bundled standards", "[quality]") {
    const auto r = content::load_content(std::filesystem::path(TRAINER_SOURCE_DIR) / "content");
    for (const auto& d : r.diagnostics)
        UNSCOPED_INFO(d.to_string());
    REQUIRE(r.ok());
    REQUIRE(r.content->quality);
    const auto* sc = r.content->quality->find("call-quality");
    REQUIRE(sc);
    CHECK(r.counts.at("scorecards") >= 1);
    CHECK(r.complete_text.at("scorecards").at("pl") >= 1);
    CHECK(r.complete_text.at("scorecards").at("ru") >= 1);
    bool has_critical = false;
    for (const auto* c : sc->criteria()) {
        CHECK_FALSE(c->cards.empty());
        for (const auto& id : c->cards)
            CHECK(r.content->find_card(id));
        for (const char* loc : {"en", "pl", "ru"})
            CHECK(c->title.count(loc));
        has_critical = has_critical || c->critical;
    }
    CHECK(has_critical);
}

TEST_CASE("a bad scorecard is refused with file, line, column and every problem", "[quality]") {
    test::TempDir dir;
    std::filesystem::create_directories(dir / "decks");
    std::filesystem::create_directories(dir / "quality");
    std::filesystem::copy_file(std::string(TRAINER_TEST_DATA) + "/content_good/decks/01-first-contact.json",
                               dir / "decks/01-first-contact.json");
    std::filesystem::copy_file(std::string(TRAINER_TEST_DATA) + "/quality/bad-scorecard.json",
                               dir / "quality/bad-scorecard.json");
    const auto r = content::load_content(dir.path());
    CHECK_FALSE(r.ok());
    std::string all;
    for (const auto& d : r.diagnostics)
        all += d.to_string() + "\n";
    INFO(all);
    CHECK_THAT(all, Catch::Contains("bad-scorecard.json:12:"));
    CHECK_THAT(all, Catch::Contains("unknown standard card id 'no-such-card'"));
    CHECK_THAT(all, Catch::Contains("/sections/0/criteria/0/weight: expected a number above 0"));
    CHECK_THAT(all, Catch::Contains("missing English (en) criterion title"));
    CHECK_THAT(all, Catch::Contains("duplicate criterion id 'same'"));
    CHECK_THAT(all, Catch::Contains("unknown key 'critcal'"));
    CHECK_THAT(all, Catch::Contains("warning: /sections/0/title: no Russian (ru) section title"));
    CHECK(r.warning_count() >= 1);
}

// [SECTION] Kiosk entry -------------------------------------------------------------------------

namespace {

EvaluationDraft draft(const std::string& person) {
    EvaluationDraft d;
    d.person_id = person;
    d.scorecard_id = "test-card";
    d.channel = "call";
    d.date = "2026-11-18";
    d.outcomes = {{"greet", O::Met}, {"need", O::NotMet}, {"next", O::Met}, {"tone", O::Met}};
    d.comment = "Good call; confirm the need next time.";
    return d;
}

identity::AuthOptions fast_auth() {
    identity::AuthOptions o;
    o.cost = identity::minimum_pin_cost();
    return o;
}

} // namespace

TEST_CASE("a lead enters a signed evaluation for a member of their team", "[quality]") {
    qtest::World w;
    EvaluationService svc(w.db, w.events, w.clock, w.content, fast_auth());
    const auto lena = w.actor("lena");
    const EvaluationForm form = svc.form(lena, "test-card", "pl");
    CHECK(form.title == "Karta testowa");
    REQUIRE(form.sections.size() == 2);
    CHECK(form.sections[1].criteria[1].critical);
    CHECK_FALSE(form.sections[0].criteria[0].allow_na);
    CHECK(form.sections[0].criteria[1].card_titles.size() == 2);
    REQUIRE(form.agents.size() == 2); // ann and bob, not lena herself
    CHECK(form.today == "2026-11-20");

    CHECK(svc.preview(draft("ann")).percent == Approx(100.0 * 5 / 7).margin(0.01));
    const Submitted s = svc.submit(lena, draft("ann"), "2468");
    CHECK(s.evaluation.score.percent == 71.43);
    CHECK(s.evaluation.evaluator == "lena");
    CHECK(w.count("SELECT COUNT(*) FROM qa_evaluations WHERE person_id = 'ann' AND score = 71.43") == 1);
    CHECK(w.count("SELECT COUNT(*) FROM qa_criterion_results") == 4);
}

TEST_CASE("only a lead of the agent's team may enter an evaluation; nothing is written otherwise", "[quality]") {
    qtest::World w;
    EvaluationService svc(w.db, w.events, w.clock, w.content, fast_auth());
    const auto before = w.dump();
    CHECK_THROWS_AS(svc.submit(w.actor("lars"), draft("ann"), "1357"), identity::AccessDenied);
    CHECK_THROWS_AS(svc.submit(w.actor("bob"), draft("ann"), "1357"), identity::AccessDenied);
    CHECK_THROWS_AS(svc.submit(w.actor("lena"), draft("lena"), "2468"), identity::AccessDenied);
    CHECK_THROWS_AS(svc.submit(identity::cli_admin(), draft("ann"), "2468"), identity::AccessDenied);
    CHECK_THROWS_AS(svc.form(w.actor("ann"), "test-card"), identity::AccessDenied);
    CHECK(w.dump() == before);
}

TEST_CASE("a wrong PIN does not sign and stores no evaluation", "[quality]") {
    qtest::World w;
    EvaluationService svc(w.db, w.events, w.clock, w.content, fast_auth());
    try {
        svc.submit(w.actor("lena"), draft("ann"), "0000");
        FAIL("a wrong PIN signed");
    } catch (const SignatureRejected& e) {
        CHECK(e.status() == identity::LoginStatus::Rejected);
    }
    CHECK(w.count("SELECT COUNT(*) FROM qa_evaluations") == 0);
    CHECK(w.count("SELECT COUNT(*) FROM events WHERE type = 'qa.evaluated'") == 0);
    CHECK(w.count("SELECT COUNT(*) FROM coaching_queue") == 0);
}

TEST_CASE("a draft with a missing answer, a forbidden N/A or a future date lists every problem", "[quality]") {
    qtest::World w;
    EvaluationService svc(w.db, w.events, w.clock, w.content, fast_auth());
    auto d = draft("ann");
    d.outcomes.erase("next");
    d.outcomes["greet"] = O::NotApplicable;
    d.outcomes["extra"] = O::Met;
    d.date = "2026-12-25"; // more than the one day of slack the shared date rule allows
    d.channel = "fax";
    const auto p = svc.problems(d);
    REQUIRE(p.size() == 5);
    try {
        svc.submit(w.actor("lena"), d, "2468");
        FAIL("an invalid draft was stored");
    } catch (const DraftError& e) {
        CHECK(e.problems().size() == 5);
        CHECK_THAT(e.what(), Catch::Contains("criterion 'greet' cannot be N/A"));
        CHECK_THAT(e.what(), Catch::Contains("in the future"));
    }
    CHECK(w.count("SELECT COUNT(*) FROM events WHERE type LIKE 'qa.%' OR type LIKE 'auth.%'") == 0);
}

// [SECTION] Coaching loop, own scores, rebuild ----------------------------------------------------

TEST_CASE("a criterion not met puts its cards first in the agent's queue and says why", "[quality]") {
    qtest::World w;
    EvaluationService svc(w.db, w.events, w.clock, w.content, fast_auth());
    const Submitted s = svc.submit(w.actor("lena"), draft("ann"), "2468");
    // "need" (not met) links c-need and c-greet.
    CHECK(s.coached_cards == std::vector<std::string>{"c-need", "c-greet"});
    CHECK(w.count("SELECT COUNT(*) FROM events WHERE type = 'coaching.assigned'") == 2);

    cards::ReviewService reviews(w.db, w.events, w.clock, w.content, cards::ReviewConfig{});
    const auto queue = reviews.due_queue("ann");
    REQUIRE(queue.size() >= 2);
    CHECK(queue[0].kind == cards::QueueKind::Coaching);
    CHECK(queue[0].card_id == "c-need");
    CHECK(queue[0].source == "qa");
    CHECK_THAT(queue[0].reason, Catch::Contains("Need confirmed"));
    CHECK(queue[1].card_id == "c-greet");
    CHECK(reviews.due_queue("bob")[0].kind != cards::QueueKind::Coaching);

    const auto reasons = svc.coaching_reasons(w.actor("ann"), "ann", "pl");
    REQUIRE(reasons.size() == 2);
    CHECK(reasons[0].card_title == "Standard PL c-need");
    CHECK(reasons[0].criterion_title == "Potrzeba");
    CHECK(reasons[0].evaluation_date == "2026-11-18");
    CHECK(reasons[0].comment == "Good call; confirm the need next time.");
    CHECK_THROWS_AS(svc.coaching_reasons(w.actor("bob"), "ann"), identity::AccessDenied);

    // A successful review closes the item: the home screen no longer lists it.
    reviews.grade("ann", "c-need", fsrs::Rating::Good);
    CHECK(svc.coaching_reasons(w.actor("ann"), "ann").size() == 1);
}

TEST_CASE("an agent sees their own evaluations and trend, nobody else's", "[quality]") {
    qtest::World w;
    EvaluationService svc(w.db, w.events, w.clock, w.content, fast_auth());
    svc.submit(w.actor("lena"), draft("ann"), "2468");
    auto october = draft("ann");
    october.date = "2026-10-07";
    october.outcomes["need"] = O::Met;
    svc.submit(w.actor("lena"), october, "2468");
    svc.submit(w.actor("lena"), draft("bob"), "2468");

    const AgentScores mine = svc.scores(w.actor("ann"), "ann", 3);
    REQUIRE(mine.evaluations.size() == 2);
    CHECK(mine.evaluations[0].date == "2026-11-18"); // newest first
    REQUIRE(mine.trend.size() == 3);
    CHECK(mine.trend[0].period == "2026-09");
    CHECK_FALSE(mine.trend[0].quality);
    CHECK(*mine.trend[1].quality == 100);
    CHECK(*mine.trend[2].quality == 71.43);
    CHECK_THROWS_AS(svc.scores(w.actor("ann"), "bob"), identity::AccessDenied);
    CHECK_THROWS_AS(svc.scores(w.actor("lars"), "ann"), identity::AccessDenied);
    CHECK(svc.scores(w.actor("lena"), "bob").evaluations.size() == 1);
}

TEST_CASE("rebuilding from events reproduces the quality tables", "[quality]") {
    qtest::World w;
    EvaluationService svc(w.db, w.events, w.clock, w.content, fast_auth());
    svc.submit(w.actor("lena"), draft("ann"), "2468");
    svc.submit(w.actor("lena"), draft("bob"), "2468");
    const auto before = w.dump();
    w.db.exec("DELETE FROM qa_criterion_results; DELETE FROM qa_evaluations;");
    store::rebuild(w.db, app::all_projections());
    CHECK(w.dump() == before);
}

// [SECTION] The team's QA trend and the pass mark ------------------------------------------------

TEST_CASE("the team's QA trend is the mean of its members' scored evaluations per month, oldest first", "[quality]") {
    qtest::World w;
    EvaluationService svc(w.db, w.events, w.clock, w.content, fast_auth());
    const auto on = [](const char* person, const char* date, Outcome need) {
        auto d = draft(person);
        d.date = date;
        d.outcomes["need"] = need;
        return d;
    };
    svc.submit(w.actor("lena"), on("ann", "2026-11-18", O::NotMet), "2468"); // 71.43
    svc.submit(w.actor("lena"), on("bob", "2026-11-02", O::Met), "2468");    // 100
    svc.submit(w.actor("lena"), on("ann", "2026-09-30", O::Met), "2468");    // 100
    svc.submit(w.actor("lars"), on("carl", "2026-11-10", O::NotMet), "1357"); // another team

    const auto months = team_qa_by_month(w.db, w.actor("lena"), {"ann", "bob"}, "2026-11-20");
    REQUIRE(months.size() == 6);
    CHECK(months.front().period == "2026-06");
    CHECK(months.back().period == "2026-11");
    CHECK(months[5].evaluations == 2);
    CHECK(*months[5].mean == Approx((71.43 + 100) / 2));
    CHECK(months[4].evaluations == 0); // October: nothing
    CHECK_FALSE(months[4].mean);
    CHECK(months[3].evaluations == 1);
    CHECK(*months[3].mean == 100);

    // A lead asking about people outside their team gets no figure from them.
    const auto foreign = team_qa_by_month(w.db, w.actor("lena"), {"ann", "bob", "carl"}, "2026-11-20", 1);
    REQUIRE(foreign.size() == 1);
    CHECK(foreign[0].evaluations == 2);
    CHECK(team_qa_by_month(w.db, w.actor("lars"), {"ann"}, "2026-11-20", 1)[0].evaluations == 0);
    CHECK(team_qa_by_month(w.db, w.actor("lena"), {"ann"}, "not a date").empty());
}

TEST_CASE("a QA score passes at the configured pass mark, never with a failed critical criterion", "[quality]") {
    CHECK(meets_qa_pass_mark(85.0, 85.0));
    CHECK_FALSE(meets_qa_pass_mark(84.99, 85.0));
    CHECK(meets_qa_pass_mark(80.0, 75.0));
    Score s;
    s.scored = true;
    s.percent = 90;
    CHECK(evaluation_passes(s, 85));
    CHECK_FALSE(evaluation_passes(s, 95));
    s.critical_failed = true;
    CHECK_FALSE(evaluation_passes(s, 85));
    s.critical_failed = false;
    s.scored = false; // every criterion N/A
    CHECK_FALSE(evaluation_passes(s, 0));
}
