// The quality flow (kiosk/flows/quality_flow.hpp) without a window: an agent's own scores and
// nobody else's, a lead's evaluation form and its signature, against an in-memory database.
#include "../unit/quality_fixture.hpp"
#include "harness.hpp"

#include "kiosk/flows/quality_flow.hpp"
#include "trainer/identity/auth.hpp"
#include "trainer/quality/entry.hpp"

#include <catch2/catch.hpp>

using namespace kiosk;

namespace {

struct Kiosk {
    qtest::World w;
    trainer::quality::EvaluationService evaluations{w.db, w.events, w.clock, w.content, fast_auth()};
    trainer::quality::MotivationConfig motivation;
    trainer::i18n::Catalog catalog = trainer::i18n::Catalog::load(TRAINER_SOURCE_DIR "/assets/i18n");
    UiContext ui{catalog, "en", {}, 1.0f};
    std::vector<ScreenId> stack{ScreenId::Home};
    std::string notice;
    trainer::identity::Actor actor;

    static trainer::identity::AuthOptions fast_auth() {
        trainer::identity::AuthOptions o;
        o.cost = trainer::identity::minimum_pin_cost();
        return o;
    }
    QualityFlow::Env as(const std::string& person) {
        actor = w.actor(person);
        return {evaluations, w.db, w.events, w.clock, w.content, motivation, actor, person, ui, stack, notice};
    }
};

} // namespace

TEST_CASE("the quality flow shows an agent their own scores and refuses anyone else's", "[flow]") {
    Kiosk k;
    QualityFlow flow;
    auto env = k.as("ann");
    flow.apply(ShowScores{}, env);
    CHECK(k.stack.back() == ScreenId::Scores);
    CHECK(k.notice.empty());
    k.stack = {ScreenId::Home};
    flow.apply(ShowScores{"bob"}, env); // handled: refused calmly, nothing opens
    CHECK(k.stack == std::vector<ScreenId>{ScreenId::Home});
    CHECK(k.notice.find(k.ui.tr("common.refused", {{"reason", ""}}).substr(0, 8)) == 0);
}

TEST_CASE("the quality flow opens a lead's evaluation form and keeps an incomplete one open at signing", "[flow]") {
    Kiosk k;
    QualityFlow flow;
    auto env = k.as("lena");
    flow.apply(StartEvaluation{"ann"}, env);
    REQUIRE(k.stack.back() == ScreenId::Evaluation);
    CHECK(flow.evaluated_person() == "ann");

    // The PIN pad is up; the PIN is right but no criterion was answered: back to the form.
    k.stack.push_back(ScreenId::Sign);
    trainer::identity::AuthService auth(k.w.db, k.w.events, k.w.clock, Kiosk::fast_auth());
    const auto attempt = auth.begin_by_id("lena");
    const auto check = auth.check(attempt, "2468");
    std::string pad_message;
    CHECK(flow.finish_signature(attempt, check, pad_message, env) == QualityFlow::Signed::DraftProblems);
    CHECK(k.stack.back() == ScreenId::Evaluation);
    CHECK(k.w.count("SELECT count(*) FROM qa_evaluations") == 0);

    // An agent cannot open the form for a colleague.
    k.stack = {ScreenId::Home};
    auto agent = k.as("bob");
    flow.apply(StartEvaluation{"ann"}, agent);
    CHECK(k.stack == std::vector<ScreenId>{ScreenId::Home});
    CHECK_FALSE(k.notice.empty());
}

TEST_CASE("the quality flow draws the agent's scores screen with Back", "[flow]") {
    Kiosk k;
    test::UiHarness h;
    QualityFlow flow;
    auto env = k.as("ann");
    flow.apply(ShowScores{}, env);
    const Intent back = h.click(60, 25, [&](const UiContext& ui) {
        auto e = k.as("ann");
        QualityFlow::Env drawn{e.evaluations, e.db, e.events, e.clock, e.content, e.motivation, e.actor, e.person_id,
                               ui, e.stack, e.notice};
        return flow.draw(ScreenId::Scores, drawn);
    });
    CHECK(intent_is<Back>(back));
}

TEST_CASE("a lead picks the chat scorecard on the evaluation form and gets its criteria", "[flow]") {
    Kiosk k;
    auto quality = std::make_shared<trainer::content::QualityContent>(*k.w.content.quality);
    trainer::content::Scorecard chat = quality->scorecards.front();
    chat.id = "chat-card";
    chat.channels = {"chat"};
    chat.title = {{"en", "Chat scorecard"}};
    chat.sections.resize(1);
    quality->scorecards.push_back(chat);
    k.w.content.quality = quality;

    test::UiHarness h;
    QualityFlow flow;
    auto env = k.as("lena");
    flow.apply(StartEvaluation{"ann"}, env);
    REQUIRE(flow.evaluation().form.scorecards.size() == 2);
    CHECK(flow.evaluation().form.scorecard_id == "test-card");
    const auto draw = [&](const UiContext& ui) {
        auto e = k.as("lena");
        QualityFlow::Env drawn{e.evaluations, e.db, e.events, e.clock, e.content, e.motivation, e.actor, e.person_id,
                               ui, e.stack, e.notice};
        return flow.draw(ScreenId::Evaluation, drawn);
    };
    // The scorecard row sits under the header; tap along it until the chat scorecard opens.
    for (float y = 60; y < 200 && flow.evaluation().form.scorecard_id == "test-card"; y += 10)
        for (float x = 40; x < 900 && flow.evaluation().form.scorecard_id == "test-card"; x += 40)
            h.click(x, y, draw);
    h.frame(draw);
    CHECK(flow.evaluation().form.scorecard_id == "chat-card");
    CHECK(flow.evaluation().draft.scorecard_id == "chat-card");
    CHECK(flow.evaluation().draft.channel == "chat");
    CHECK(flow.evaluation().draft.person_id == "ann");
    CHECK(flow.evaluation().form.sections.size() == 1);
    CHECK(k.notice.empty());
}
