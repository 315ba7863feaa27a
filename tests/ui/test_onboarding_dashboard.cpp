// Screens of onboarding, the lead's sign-off and dashboard, check-ins and QA evaluations, driven
// headless: input over frames, the intents they ask for asserted.
#include "harness.hpp"

#include "kiosk/screens/dashboard_screen.hpp"
#include "kiosk/screens/evaluation_screen.hpp"
#include "kiosk/screens/module_screen.hpp"
#include "kiosk/screens/signoff_screen.hpp"
#include "kiosk/screens/survey_screen.hpp"
#include "kiosk/screens/track_map_screen.hpp"
#include "trainer/content/loader.hpp"

#include <catch2/catch.hpp>

using namespace kiosk;
namespace onb = trainer::onboarding;

namespace {

const trainer::content::ContentSet& bundled() {
    static const auto loaded = trainer::content::load_content(TRAINER_SOURCE_DIR "/content");
    return *loaded.content;
}

onb::ModuleView quiz_module(bool answered_first) {
    onb::ModuleView v;
    v.module_id = "m";
    v.pillar = trainer::content::Pillar::Knowledge;
    v.title = "Repeat calls";
    v.pages = {{"Page one", "Text", "", {}}};
    onb::QuizView q;
    q.attempt = 1;
    q.attempt_open = true;
    q.pass_mark = 0.8;
    onb::QuestionView a{"q1", trainer::content::QuestionKind::Single, "Why do customers call again?",
                        {{"x", "Too polite"}, {"y", "Did not know what happens next"}, {"z", "They like us"}}};
    onb::QuestionView b{"q2", trainer::content::QuestionKind::Multiple, "Which help?",
                        {{"p", "Say the next step"}, {"r", "Give a reference"}, {"s", "Rush"}}};
    if (answered_first) {
        a.answered = true;
        a.options[1].chosen = a.options[1].correct = true;
        a.score = 1;
        q.answered = 1;
    }
    q.questions = {a, b};
    v.quiz = q;
    return v;
}

} // namespace

TEST_CASE("a quiz question is answered with the keys: 2 picks the second option, Enter checks it") {
    test::UiHarness h;
    ModuleScreen s;
    s.open("m", 1); // the assessment (one lesson page)
    const auto v = quiz_module(false);
    auto draw = [&](const UiContext& ui) { return s.draw(ui, v, bundled()); };
    CHECK(is_none(h.press(input::code(input::Key::Enter), draw))); // nothing picked yet: no answer
    h.press(input::digit_code(2), draw);
    const Intent i = h.press(input::code(input::Key::Enter), draw);
    REQUIRE(intent_is<AnswerQuestion>(i));
    CHECK(intent_as<AnswerQuestion>(i)->question_id == "q1");
    CHECK(intent_as<AnswerQuestion>(i)->chosen == std::vector<std::string>{"y"});
    CHECK(s.shown_question == "q1"); // its feedback stays on screen until Next
}

TEST_CASE("a multiple-choice question sends every ticked option; a second tap unticks") {
    test::UiHarness h;
    ModuleScreen s;
    s.open("m", 1);
    const auto v = quiz_module(true); // q1 answered: q2 is current
    auto draw = [&](const UiContext& ui) { return s.draw(ui, v, bundled()); };
    for (int d : {1, 2, 3, 3}) h.press(input::digit_code(d), draw);
    const Intent i = h.press(input::code(input::Key::Enter), draw);
    REQUIRE(intent_is<AnswerQuestion>(i));
    CHECK(intent_as<AnswerQuestion>(i)->chosen == std::vector<std::string>{"p", "r"});
}

TEST_CASE("the lesson pages turn with the arrows and the last one leads to the assessment") {
    test::UiHarness h;
    ModuleScreen s;
    s.open("m", 0);
    auto v = quiz_module(false);
    v.pages.push_back({"Page two", "More", "", {}});
    auto draw = [&](const UiContext& ui) { return s.draw(ui, v, bundled()); };
    Intent i = h.press(input::code(input::Key::Right), draw);
    REQUIRE(intent_is<TurnPage>(i));
    CHECK(intent_as<TurnPage>(i)->page == 1);
    i = h.press(input::code(input::Key::Right), draw);
    REQUIRE(intent_is<TurnPage>(i));
    CHECK(intent_as<TurnPage>(i)->page == 2);
    CHECK(s.page == 2); // the quiz
}

TEST_CASE("a lead ticks the steps seen with 1-9 and Enter asks for the PIN") {
    test::UiHarness h;
    SignoffScreen s;
    onb::SignoffRequest r;
    r.person_id = "anna";
    r.display_name = "Anna";
    r.module_id = "s";
    r.pass_mark = 0.5;
    r.steps = {{"greet", "Greets", {}}, {"history", "Checks history", {}}, {"close", "Closes", {}}};
    s.open(r);
    auto draw = [&](const UiContext& ui) { return s.draw(ui, bundled()); };
    for (int d : {1, 3, 3, 3}) h.press(input::digit_code(d), draw); // 3 ticked, unticked, ticked
    CHECK(s.shown == std::set<std::string>{"greet", "close"});
    CHECK(intent_is<BeginSignature>(h.press(input::code(input::Key::Enter), draw)));
}

TEST_CASE("a check-in can be sent only when every statement has an answer") {
    test::UiHarness h;
    SurveyScreen s;
    SurveyForm f;
    f.title = "How is it going?";
    f.items = {{"a", "I see why"}, {"b", "I use it"}};
    f.labels = {"1", "2", "3", "4", "5"};
    f.submit = "Send";
    f.later = "Not now";
    SurveyScreen::Result got = SurveyScreen::Result::None;
    auto draw = [&](const UiContext& ui) {
        if (auto r = s.draw(ui, f); r != SurveyScreen::Result::None) got = r;
        return Intent{};
    };
    h.frame(draw);
    s.answers["a"] = 4;
    // "Send" sits bottom-left; with one answer missing a tap there does nothing.
    const float send_y = 800 - 16 - 24;
    h.click(60, send_y, draw);
    CHECK(got == SurveyScreen::Result::None);
    s.answers["b"] = 2;
    h.click(60, send_y, draw);
    CHECK(got == SurveyScreen::Result::Submit);
}

TEST_CASE("the dashboard's team table filters by name and a tap on a person drills in") {
    test::UiHarness h;
    DashboardScreen s;
    DashboardData d;
    d.teams = {{"north", "Team North"}};
    d.team_id = "north";
    d.overview.team_name = "Team North";
    for (const auto& [id, name] : {std::pair{"anna", "Anna Kowalska"}, {"dmitri", "Dmitri Volkov"}}) {
        trainer::dashboard::TeamRow r;
        r.person_id = id;
        r.display_name = name;
        r.mastery_percent = 50;
        d.overview.rows.push_back(r);
    }
    s.filter = "volk";
    auto draw = [&](const UiContext& ui) { return s.draw(ui, d, bundled()); };
    h.frame(draw);
    // The only row left is the first one under the header.
    Intent got;
    for (float y = 330; y < 420 && is_none(got); y += 10) got = h.click(100, y, draw);
    REQUIRE(intent_is<ShowPerson>(got));
    CHECK(intent_as<ShowPerson>(got)->person_id == "dmitri");
}

TEST_CASE("a QA evaluation can be signed only when every criterion is marked") {
    test::UiHarness h;
    EvaluationScreen s;
    trainer::quality::EvaluationForm f;
    f.scorecard_id = "call";
    f.title = "Call";
    f.channels = {"call"};
    f.today = "2026-11-22";
    f.sections = {{"open", "Opening", {{"greet", "Greeting", "", 1, false, true, {}}, {"id", "Identity", "", 1, true, false, {}}}}};
    s.open(f, "anna", "Anna");
    auto draw = [&](const UiContext& ui) { return s.draw(ui); };
    h.frame(draw);
    bool asked = false;
    auto tap_sign = [&] {
        for (float y = 700; y < 800 && !asked; y += 8)
            asked = intent_is<BeginSignature>(h.click(120, y, draw));
    };
    tap_sign();
    CHECK_FALSE(asked);
    s.draft.outcomes["greet"] = trainer::quality::Outcome::Met;
    s.draft.outcomes["id"] = trainer::quality::Outcome::NotMet;
    tap_sign();
    CHECK(asked);
}
