// The quality flow (kiosk/flows/quality_flow.hpp) without a window: an agent's own scores and
// nobody else's, a lead's evaluation form and its signature, against an in-memory database.
#include "flow_fixture.hpp"
#include "harness.hpp"

#include "kiosk/flows/quality_flow.hpp"
#include "trainer/identity/auth.hpp"
#include "trainer/quality/entry.hpp"

#include <catch2/catch.hpp>

using namespace kiosk;

namespace {

// The demo people: marek.nowak (PIN 7777) leads Team North with anna.kowalska and dmitri.volkov;
// the bundled content's call, chat and e-mail scorecards.
struct Kiosk : test::FlowWorld {
    trainer::quality::EvaluationService evaluations{db, events, clock, content, test::quick_auth()};
    trainer::quality::MotivationConfig motivation;
    UiContext ui_en = ui();
    trainer::identity::Actor who;

    QualityFlow::Env as(const std::string& person) {
        who = actor(person);
        return {evaluations, db, events, clock, content, motivation, who, person, ui_en, stack, notice};
    }
    std::int64_t evaluations_saved() {
        auto st = db.prepare("SELECT count(*) FROM qa_evaluations");
        st.step();
        return st.int64(0);
    }
};

} // namespace

TEST_CASE("the quality flow shows an agent their own scores and refuses anyone else's", "[flow]") {
    Kiosk k;
    QualityFlow flow;
    auto env = k.as("anna.kowalska");
    flow.apply(ShowScores{}, env);
    CHECK(k.stack.back() == ScreenId::Scores);
    CHECK(k.notice.empty());
    k.stack = {ScreenId::Home};
    flow.apply(ShowScores{"olga.smirnova"}, env); // handled: refused calmly, nothing opens
    CHECK(k.stack == std::vector<ScreenId>{ScreenId::Home});
    CHECK(k.notice.find(k.ui_en.tr("common.refused", {{"reason", ""}}).substr(0, 8)) == 0);
}

TEST_CASE("the quality flow opens a lead's evaluation form and keeps an incomplete one open at signing", "[flow]") {
    Kiosk k;
    QualityFlow flow;
    auto env = k.as("marek.nowak");
    flow.apply(StartEvaluation{"anna.kowalska"}, env);
    REQUIRE(k.stack.back() == ScreenId::Evaluation);
    CHECK(flow.evaluated_person() == "anna.kowalska");

    // The PIN pad is up; the PIN is right but no criterion was answered: back to the form.
    k.stack.push_back(ScreenId::Sign);
    const auto attempt = k.auth.begin_by_id("marek.nowak");
    const auto check = k.auth.check(attempt, "7777");
    std::string pad_message;
    CHECK(flow.finish_signature(attempt, check, pad_message, env) == QualityFlow::Signed::DraftProblems);
    CHECK(k.stack.back() == ScreenId::Evaluation);
    CHECK(k.evaluations_saved() == 0);

    // An agent cannot open the form for a colleague.
    k.stack = {ScreenId::Home};
    auto agent = k.as("dmitri.volkov");
    flow.apply(StartEvaluation{"anna.kowalska"}, agent);
    CHECK(k.stack == std::vector<ScreenId>{ScreenId::Home});
    CHECK_FALSE(k.notice.empty());
}

TEST_CASE("the quality flow draws the agent's scores screen with Back", "[flow]") {
    Kiosk k;
    test::UiHarness h;
    QualityFlow flow;
    auto env = k.as("anna.kowalska");
    flow.apply(ShowScores{}, env);
    const Intent back = h.click(60, 25, [&](const UiContext& ui) {
        auto e = k.as("anna.kowalska");
        QualityFlow::Env drawn{e.evaluations, e.db, e.events, e.clock, e.content, e.motivation, e.actor, e.person_id,
                               ui, e.stack, e.notice};
        return flow.draw(ScreenId::Scores, drawn);
    });
    CHECK(intent_is<Back>(back));
}

TEST_CASE("a lead picks the chat scorecard on the evaluation form and gets its criteria", "[flow]") {
    Kiosk k;
    test::UiHarness h;
    QualityFlow flow;
    auto env = k.as("marek.nowak");
    flow.apply(StartEvaluation{"anna.kowalska"}, env);
    REQUIRE(flow.evaluation().form.scorecards.size() == k.content.quality->scorecards.size());
    const std::string first = flow.evaluation().form.scorecard_id;
    REQUIRE(first != "chat-quality");
    const auto draw = [&](const UiContext& ui) {
        auto e = k.as("marek.nowak");
        QualityFlow::Env drawn{e.evaluations, e.db, e.events, e.clock, e.content, e.motivation, e.actor, e.person_id,
                               ui, e.stack, e.notice};
        return flow.draw(ScreenId::Evaluation, drawn);
    };
    // The scorecard row sits under the header; tap along it until another scorecard opens.
    for (float y = 60; y < 200 && flow.evaluation().form.scorecard_id == first; y += 10)
        for (float x = 40; x < 900 && flow.evaluation().form.scorecard_id == first; x += 40)
            h.click(x, y, draw);
    h.frame(draw);
    const trainer::content::Scorecard* chat = nullptr;
    for (const auto& sc : k.content.quality->scorecards)
        if (sc.id == "chat-quality") chat = &sc;
    REQUIRE(chat);
    CHECK(flow.evaluation().form.scorecard_id == "chat-quality");
    CHECK(flow.evaluation().draft.scorecard_id == "chat-quality");
    CHECK(flow.evaluation().draft.channel == "chat");
    CHECK(flow.evaluation().draft.person_id == "anna.kowalska");
    CHECK(flow.evaluation().form.sections.size() == chat->sections.size());
    CHECK(k.notice.empty());
}
