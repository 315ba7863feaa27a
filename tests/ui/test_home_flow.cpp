// The home flow (kiosk/flows/home_flow.hpp) without a window, on the shared flow world (demo people,
// bundled content): what waits for an agent and for a lead, the check-in offered after a sign-in,
// and the home's figures read again when the router says it is back on top (on_resume).
#include "flow_fixture.hpp"

#include "kiosk/flows/home_flow.hpp"
#include "trainer/cards/review_service.hpp"
#include "trainer/change/checkin.hpp"

#include <catch2/catch.hpp>

using namespace kiosk;
using namespace trainer;

namespace {

struct World : test::FlowWorld {
    cards::ReviewService reviews{db, events, clock, content, cards::ReviewConfig{}};
    change::CheckinService checkin{events, clock, content};
    identity::Person who;
    identity::Actor as;

    explicit World(const std::string& person_id) : who(person(person_id)), as(actor(person_id)) { stack.clear(); }
    HomeFlow::Env env(const UiContext& ui, bool with_checkin = true) {
        return {&reviews, content, with_checkin ? &checkin : nullptr, nullptr, events, clock, who, as, {}, ui, stack,
                notice};
    }
    void fail_pin(const std::string& person_id, int times) {
        for (int k = 0; k < times; ++k) {
            const auto a = auth.begin_by_id(person_id);
            auth.finish(a, auth.check(a, "0000"));
        }
    }
};

bool lists_locked(const HomeView& v, const std::string& id) {
    if (!v.lead) return false;
    for (const auto& l : v.lead->locked)
        if (l.person_id == id) return true;
    return false;
}

} // namespace

TEST_CASE("an agent's home counts the standards waiting and is no lead's", "[flow]") {
    World w("anna.kowalska");
    const auto ui = w.ui("pl");
    auto env = w.env(ui, false);
    HomeFlow flow;
    flow.open(env);
    CHECK(w.stack == std::vector<ScreenId>{ScreenId::Home});
    CHECK(flow.view().name == "Anna Kowalska");
    CHECK_FALSE(flow.view().leads);
    CHECK_FALSE(flow.view().lead);
    CHECK(flow.view().fresh > 0); // a new agent: new standards to learn today
    CHECK(flow.view().total == static_cast<int>(w.content.cards.size()));
}

TEST_CASE("a check-in due at sign-in opens over the home; sent, it is gone and recorded once", "[flow]") {
    World w("anna.kowalska");
    // A Monday in the bundled rollout (standards-2026, Team North, from 1 September 2026).
    w.clock.advance_ms((days_from_civil({2026, 10, 5}) - days_from_civil({2024, 3, 4})) * kMsPerDay);
    const auto ui = w.ui();
    auto env = w.env(ui);
    HomeFlow flow;
    flow.open(env);
    REQUIRE(w.stack == std::vector<ScreenId>{ScreenId::Home, ScreenId::Checkin});
    const std::string rollout = flow.checkin_rollout();
    flow.apply(SubmitCheckin{rollout, {}}, env); // no answers: refused on the form, nothing written
    CHECK(w.stack.back() == ScreenId::Checkin);
    CHECK(w.notice.empty());
    std::map<std::string, int> answers;
    for (const auto& s : w.content.change->pulse) answers[s.id] = 4;
    const auto before = w.count("change.checked_in");
    flow.apply(SubmitCheckin{rollout, answers}, env);
    CHECK(w.stack == std::vector<ScreenId>{ScreenId::Home});
    CHECK(w.notice == ui.tr("checkin.thanks"));
    CHECK(w.count("change.checked_in") == before + 1);
    CHECK(w.checkin.due("anna.kowalska").empty());
}

TEST_CASE("a lead's home lists a locked agent until it is read again after the unlock", "[flow]") {
    World w("marek.nowak");
    w.fail_pin("anna.kowalska", 5);
    const auto ui = w.ui();
    auto env = w.env(ui, false);
    HomeFlow flow;
    flow.open(env);
    REQUIRE(flow.view().leads);
    CHECK(lists_locked(flow.view(), "anna.kowalska"));
    CHECK_FALSE(lists_locked(flow.view(), "olga.smirnova")); // Team South is not his
    w.auth.reset_throttle(w.as, "anna.kowalska");
    CHECK(lists_locked(flow.view(), "anna.kowalska")); // what was read stays until read again
    flow.on_resume(ScreenId::Home, env);              // the router: the home is on top again
    CHECK_FALSE(lists_locked(flow.view(), "anna.kowalska"));
}
