// One definition per figure (docs/figures.md): the team table's "reviews due" equals the home
// screen's for every agent, coaching included; the QA column, the agent's own trend, the Quality
// tab and the motivation index give the same period score.
#include "change_fixture.hpp"
#include "quality_fixture.hpp"

#include "trainer/app/dashboard_hooks.hpp"
#include "trainer/cards/review_service.hpp"
#include "trainer/cards/todays_cards.hpp"
#include "trainer/dashboard/dashboard.hpp"
#include "trainer/dashboard/demo_seed.hpp"
#include "trainer/quality/entry.hpp"
#include "trainer/quality/motivation.hpp"
#include "trainer/quality/qa_figures.hpp"
#include "trainer/store/events.hpp"

#include <catch2/catch.hpp>

using namespace trainer;

TEST_CASE("the team table's reviews due equal the home screen's, with coaching cards counted once") {
    store::Database db = store::Database::open_memory();
    FixedClock clock{change_test::kNow};
    store::EventStore events{db, clock, "kiosk-test"};
    const auto content = change_test::bundled();
    dashboard::DemoOptions o;
    o.agents = 5;
    o.days = 40;
    o.modules = {"basics-1", "basics-2"};
    const auto seeded = dashboard::seed_demo_history(db, events, clock, *content, o);
    cards::ReviewService reviews(db, events, clock, *content, {});
    dashboard::DashboardService dash(db, clock, *content);
    auto overview = dash.team_overview(identity::cli_admin(), seeded.team_id, seeded.rollout_id);
    REQUIRE(overview.rows.size() == 5);
    // Coaching on a learned card that is not due yet, on one that is, and on one never learned.
    const std::string who = overview.rows[0].person_id;
    int pushed = 0;
    std::string never_learned;
    for (const auto& m : reviews.mastery(identity::cli_admin(), who)) {
        const bool learned = m.state != fsrs::State::New && m.due_ms;
        if (learned && *m.due_ms > clock.now_ms() && pushed < 2) { // learned, not due yet
            cards::assign_coaching(events, {who, m.card_id, "test", "qa", ""});
            ++pushed;
        } else if (!learned && never_learned.empty()) {
            never_learned = m.card_id;
        }
    }
    REQUIRE(pushed == 2);
    if (!never_learned.empty()) cards::assign_coaching(events, {who, never_learned, "test", "qa", ""});
    for (TimeMs shift : {TimeMs(0), 5 * kMsPerDay}) {
        clock.set(change_test::kNow + shift);
        overview = dash.team_overview(identity::cli_admin(), seeded.team_id, seeded.rollout_id);
        int total = 0;
        for (const auto& row : overview.rows) {
            const auto today = cards::todays_cards(reviews.due_queue(row.person_id));
            INFO(row.person_id << " at +" << shift / kMsPerDay << " days");
            CHECK(row.due_backlog == today.reviews_due);
            total += today.reviews_due;
        }
        CHECK(total > 0);
        CHECK(overview.total_due_backlog == total);
    }
    const auto first = cards::todays_cards(reviews.due_queue(who));
    CHECK(first.coaching >= 2);
}

namespace {

// An imported evaluation of `person`, recorded by lena.
void add_evaluation(qtest::World& w, const char* person, const char* date, double percent, bool scored,
                    const char* id) {
    quality::Evaluation e;
    e.person_id = person;
    e.date = date;
    e.source = "import:test";
    e.external_id = id;
    e.score.scored = scored;
    e.score.percent = percent;
    quality::store_evaluation(w.events, e, "lena");
}

} // namespace

TEST_CASE("the QA column, the agent's trend and the motivation index show the same period score") {
    qtest::World w;
    const auto lena = w.actor("lena");
    // Three evaluations of ann in November: the latest is 80 %, the period score is their mean.
    const auto add = [&](const char* date, double percent, const char* id) {
        add_evaluation(w, "ann", date, percent, true, id);
    };
    add("2026-11-03", 100, "e1");
    add("2026-11-10", 100, "e2");
    add("2026-11-20", 80, "e3");
    add("2026-10-30", 40, "e0"); // October: not in the period
    const auto period = *quality::parse_period("2026-11");
    const auto q = quality::person_quality(quality::list_evaluations(w.db, {"ann", {}, {}}), "ann", period);
    REQUIRE(q.percent);
    CHECK(*q.percent == Approx(93.333).margin(0.01));
    CHECK(q.evaluations == 3);

    quality::MotivationConfig config;
    const auto hooks = app::dashboard_hooks(w.db, w.events, w.clock, w.content, lena, config);
    const auto column = hooks.qa_score({"ann", "bob"}, w.clock.now_ms());
    CHECK(column.at("ann") == Approx(*q.percent));
    CHECK(column.count("bob") == 0); // no evaluation: "—", not 0
    CHECK(hooks.qa_period(w.clock.now_ms()) == "2026-11");

    quality::EvaluationService svc(w.db, w.events, w.clock, w.content);
    const auto scores = svc.scores(lena, "ann", 2);
    REQUIRE(scores.trend.back().quality);
    CHECK(*scores.trend.back().quality == Approx(*q.percent).margin(0.005));

    const auto team = quality::team_quality(w.db, {"ann", "bob"}, period);
    CHECK(team.people == 1);
    CHECK(*team.percent == Approx(*q.percent));
    const auto trend = quality::team_quality_trend(w.db, {"ann", "bob"}, period, 2);
    REQUIRE(trend.size() == 2);
    CHECK(trend[0].period == "2026-10");
    CHECK(*trend[0].percent == Approx(40));
}

TEST_CASE("every person's QA score read at once is the score person_quality gives each of them") {
    // The QA column and the motivation index read a whole team's scores in one query of the
    // evaluations table; the figure must be person_quality()'s, to the last bit.
    qtest::World w;
    const auto add = [&](const char* person, const char* date, double percent, bool scored, const char* id) {
        add_evaluation(w, person, date, percent, scored, id);
    };
    add("ann", "2026-11-03", 91.7, true, "e1");
    add("ann", "2026-11-10", 83.3, true, "e2");
    add("ann", "2026-11-12", 0, false, "e3"); // every criterion N/A: not scored, not counted
    add("ann", "2026-12-01", 10, true, "e4"); // December: another period
    add("bob", "2026-11-30", 66.6, true, "e5");
    add("carl", "2026-10-31", 50, true, "e6"); // October only
    const auto period = *quality::parse_period("2026-11");
    const auto all = quality::list_evaluations(w.db, {});
    const auto scores = quality::people_quality(w.db, period);
    CHECK(scores.size() == 2);
    for (const char* person : {"ann", "bob", "carl"}) {
        INFO(person);
        const auto one = quality::person_quality(all, person, period);
        const auto it = scores.find(person);
        REQUIRE((it != scores.end()) == one.percent.has_value());
        if (it == scores.end()) continue;
        CHECK(it->second.percent == one.percent); // exact: the same sum in the same order
        CHECK(it->second.evaluations == one.evaluations);
        CHECK(it->second.period == "2026-11");
    }
    CHECK(scores.at("ann").evaluations == 2);
    const auto only_bob = quality::people_quality(w.db, period, std::string("bob"));
    REQUIRE(only_bob.size() == 1);
    CHECK(*only_bob.at("bob").percent == 66.6);
}
