// The onboarding flow (kiosk/flows/onboarding_flow.hpp) without a window: the track map and a
// module moved by intents against an in-memory database; pages read are recorded, a module
// reopened after a sign-out resumes where the person left it, a refusal is shown, never thrown.
#include "flow_fixture.hpp"
#include "harness.hpp"

#include "kiosk/flows/onboarding_flow.hpp"
#include "trainer/content/onboarding_events.hpp"
#include "trainer/onboarding/assignment.hpp"

#include <catch2/catch.hpp>

using namespace kiosk;
using namespace trainer;

namespace {

content::LocalText en(const std::string& s) { return {{"en", s}}; }

content::OnboardingContent track() {
    content::OnboardingContent oc;
    content::Module k;
    k.id = "k1";
    k.pillar = content::Pillar::Knowledge;
    k.title = en("Repeat calls");
    k.pages = {{en("Why they call again"), en("Text 1"), "", {}}, {en("What to say"), en("Text 2"), "", {}}};
    k.quiz.pass_mark = 1.0;
    k.quiz.questions.push_back({"q1", content::QuestionKind::Single, en("Which?"),
                                {{"a", en("Right"), true, en("Yes")}, {"b", en("Wrong"), false, en("No")}},
                                en("Because")});
    content::Module a;
    a.id = "a1";
    a.pillar = content::Pillar::Attitude;
    a.title = en("Customer effort");
    a.pages = {{en("Page"), en("Text"), "", {}}};
    a.scenarios.push_back({"s1", en("Situation"), {{"low", en("Low"), -1, en("Meh")}, {"high", en("High"), 2, en("Wow")}},
                           en("Reflect")});
    oc.modules = {k, a};
    content::Track t;
    t.id = "t";
    t.title = en("First weeks");
    t.modules = {{"k1", {}}, {"a1", {"k1"}}};
    oc.tracks = {t};
    return oc;
}

struct World : test::FlowWorld {
    content::OnboardingContent modules = track();
    onboarding::OnboardingService service{events, modules};
    identity::Actor ann = actor("anna.kowalska");

    World() { onboarding::assign_track(events, modules, identity::cli_admin(), "t", "anna.kowalska"); }
    OnboardingFlow::Env env(const UiContext& ui) { return {&service, ann, "anna.kowalska", ui, stack}; }
    onboarding::ModuleStatus status(OnboardingFlow& flow, const UiContext& ui, const std::string& module) {
        auto e = env(ui);
        for (const auto& tile : flow.refresh_tracks(e).at(0).modules)
            if (tile.module_id == module) return tile.status;
        FAIL("no tile " << module);
        return {};
    }
};

} // namespace

TEST_CASE("the onboarding flow opens the track map and a module, and records each page read", "[flow]") {
    World w;
    const UiContext ui{w.catalog, "en", {}, 1.0f};
    auto env = w.env(ui);
    OnboardingFlow flow;
    flow.apply(ShowTracks{}, env);
    CHECK(w.stack == std::vector<ScreenId>{ScreenId::Home, ScreenId::Tracks});
    REQUIRE(flow.refresh_tracks(env).size() == 1);
    flow.apply(OpenModule{"k1"}, env);
    CHECK(w.stack.back() == ScreenId::Module);
    CHECK(flow.module().page == 0);
    CHECK(w.count(onboarding::kPageViewed) == 1); // the first page, now on screen
    flow.apply(TurnPage{1}, env);
    CHECK(w.count(onboarding::kPageViewed) == 2);
    flow.apply(TurnPage{2}, env); // the assessment is not a lesson page: nothing recorded
    CHECK(w.count(onboarding::kPageViewed) == 2);

    // Signed out and back: the module opens where she left it.
    flow.reset();
    w.stack = {ScreenId::Home, ScreenId::Tracks};
    flow.apply(OpenModule{"k1"}, env);
    CHECK(flow.module().page == 1);
    CHECK(w.stack == std::vector<ScreenId>{ScreenId::Home, ScreenId::Tracks, ScreenId::Module});
}

TEST_CASE("a passed quiz opens the next module on the map shown again; a refused step says why", "[flow]") {
    World w;
    const UiContext ui{w.catalog, "en", {}, 1.0f};
    auto env = w.env(ui);
    OnboardingFlow flow;
    flow.apply(ShowTracks{}, env);
    CHECK(w.status(flow, ui, "a1") == onboarding::ModuleStatus::Locked);
    flow.apply(OpenModule{"a1"}, env); // locked: refused on the module screen, nothing thrown
    CHECK_FALSE(flow.module().message.empty());
    flow.apply(OpenModule{"k1"}, env);
    flow.apply(StartQuiz{}, env);
    flow.apply(AnswerQuestion{"q1", {"a"}}, env);
    REQUIRE(flow.module().last_feedback.has_value());
    CHECK(flow.module().last_feedback->score == Approx(1.0));
    CHECK(flow.module_view().passed.has_value());
    flow.apply(AnswerQuestion{"no-such-question", {"a"}}, env);
    CHECK_FALSE(flow.module().message.empty());
    flow.apply(ShowTracks{}, env); // from the module back to the map
    CHECK(w.stack == std::vector<ScreenId>{ScreenId::Home, ScreenId::Tracks});
    CHECK(w.status(flow, ui, "a1") == onboarding::ModuleStatus::Open);
}

TEST_CASE("the module drawn by the flow turns the page with the arrow key and the page read is recorded",
          "[flow]") {
    World w;
    test::UiHarness h;
    OnboardingFlow flow;
    {
        const UiContext ui = h.ui();
        auto env = w.env(ui);
        flow.apply(OpenModule{"k1"}, env);
    }
    const content::ContentSet none;
    auto draw = [&](const UiContext& ui) {
        auto env = w.env(ui);
        return flow.draw(ScreenId::Module, env, none);
    };
    CHECK(is_none(h.first_intent(3, draw))); // drawing alone asks for nothing
    const Intent next = h.press(input::code(input::Key::Right), draw);
    REQUIRE(intent_is<TurnPage>(next));
    CHECK(intent_as<TurnPage>(next)->page == 1);
    const UiContext ui = h.ui();
    auto env = w.env(ui);
    flow.apply(std::get<OnboardingIntent>(next), env);
    CHECK(flow.module().page == 1);
    CHECK(w.count(onboarding::kPageViewed) == 2);
}
