// Onboarding rules the kiosk used to decide itself: the one pass rule (quiz, checklist, the
// sign-off form's "would pass") and where a reopened module resumes.
#include "trainer/onboarding/module_resume.hpp"
#include "trainer/onboarding/pass_mark.hpp"
#include "trainer/onboarding/quiz.hpp"

#include <catch2/catch.hpp>

using namespace trainer::onboarding;

TEST_CASE("a checklist passes when the share of steps shown reaches the pass mark, rounding aside", "[onboarding]") {
    CHECK(score_checklist(4, 5, 0.8).passed); // 0.8 in floating point is a hair under 4/5
    CHECK(score_checklist(4, 5, 0.8).score == Approx(0.8));
    CHECK_FALSE(score_checklist(3, 5, 0.8).passed);
    CHECK(score_checklist(5, 5, 1.0).passed);
    CHECK_FALSE(score_checklist(0, 0, 0.0).passed); // nothing to observe cannot pass
    CHECK(score_checklist(0, 0, 0.0).score == 0);
    // The quiz follows the same rule.
    CHECK(score_attempt({1.0, 1.0, 1.0, 1.0, 0.0}, 0.8).passed);
    CHECK_FALSE(score_attempt({1.0, 1.0, 1.0, 0.0, 0.0}, 0.8).passed);
    CHECK(reaches_pass_mark(0.7 + 0.1, 0.8));
    CHECK_FALSE(reaches_pass_mark(0.79, 0.8));
}

namespace {
ModuleView three_pages(int current) {
    ModuleView v;
    v.pages.resize(3);
    v.current_page = current;
    return v;
}
} // namespace

TEST_CASE("a reopened module resumes on the page last read until the assessment is begun", "[onboarding]") {
    CHECK(resume_page(three_pages(0)) == 0);
    CHECK(resume_page(three_pages(2)) == 2);
    CHECK(resume_page(three_pages(7)) == 3); // a page beyond a shortened module: the assessment

    auto quiz = three_pages(1);
    quiz.quiz = QuizView{};
    CHECK(resume_page(quiz) == 1); // a quiz not begun
    quiz.quiz->attempt = 1;
    CHECK(resume_page(quiz) == 3);

    auto scenarios = three_pages(1);
    scenarios.scenarios.resize(2);
    CHECK(resume_page(scenarios) == 1);
    scenarios.scenarios[1].answered = true;
    CHECK(resume_page(scenarios) == 3);

    auto pending = three_pages(0);
    pending.signoff_pending = true;
    CHECK(resume_page(pending) == 3);
}

TEST_CASE("reading a page is recorded only for a lesson page of a module not yet passed", "[onboarding]") {
    auto v = three_pages(0);
    CHECK(records_page_view(v, 0));
    CHECK(records_page_view(v, 2));
    CHECK_FALSE(records_page_view(v, 3)); // the assessment
    CHECK_FALSE(records_page_view(v, -1));
    v.passed = Completion{};
    CHECK_FALSE(records_page_view(v, 1));
    CHECK(resume_page(v) == 3);
}
