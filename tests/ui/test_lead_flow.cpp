// The lead flow (kiosk/flows/lead_flow.hpp) without a window, against an in-memory database: a
// lead's dashboard holds their team and nobody else's, an agent sees no team, a lead lifts a
// lockout in their own team only, and the maturity self-check is saved and shown.
#include "flow_fixture.hpp"
#include "harness.hpp"

#include "kiosk/flows/lead_flow.hpp"

#include <catch2/catch.hpp>

using namespace kiosk;
using namespace trainer;

namespace {

// The demo people: marek.nowak leads Team North (anna.kowalska, dmitri.volkov, emily.carter),
// natalia.ivanova Team South (olga.smirnova, ...).
struct World : test::FlowWorld {
    quality::MotivationConfig motivation;
    identity::Actor lead;

    World() { sign_in_as("marek.nowak"); }
    void sign_in_as(const std::string& id) { lead = actor(id); }
    LeadFlow::Env env(const UiContext& ui) {
        return {db, events, clock, content, motivation, auth, nullptr, nullptr, nullptr, lead, ui, stack, notice};
    }
    void fail_pin(const std::string& person, int times) {
        for (int k = 0; k < times; ++k) {
            const auto a = auth.begin_by_id(person);
            auth.finish(a, auth.check(a, "0000"));
        }
    }
};

bool has(const std::vector<dashboard::TeamRow>& rows, const std::string& id) {
    for (const auto& r : rows)
        if (r.person_id == id) return true;
    return false;
}

bool in_team(const LeadFlow& flow, const std::string& id) {
    for (const auto& r : flow.team())
        if (r.person_id == id) return true;
    return false;
}
bool locked(const LeadFlow& flow, const std::string& id) {
    for (const auto& r : flow.team())
        if (r.person_id == id) return r.locked;
    return false;
}

} // namespace

TEST_CASE("the lead flow shows a lead their own team's dashboard and no other team's people", "[flow]") {
    World w;
    const UiContext ui{w.catalog, "en", {}, 1.0f};
    auto env = w.env(ui);
    LeadFlow flow;
    flow.apply(ShowDashboard{}, env);
    CHECK(w.stack.back() == ScreenId::Dashboard);
    CHECK(flow.dashboard().problem.empty());
    CHECK(flow.dashboard().team_id == "team-north");
    CHECK(has(flow.dashboard().overview.rows, "anna.kowalska"));
    CHECK_FALSE(has(flow.dashboard().overview.rows, "olga.smirnova"));
    CHECK(flow.dashboard().qa_pass_mark == Approx(w.motivation.qa_pass_mark)); // from the config, not the screen

    flow.apply(ShowDashboard{"team-south"}, env); // not his: he stays on his own team
    CHECK(flow.dashboard().team_id == "team-north");
    CHECK(w.stack == std::vector<ScreenId>{ScreenId::Home, ScreenId::Dashboard}); // not pushed twice

    flow.apply(ShowPerson{"anna.kowalska"}, env);
    CHECK(w.stack.back() == ScreenId::Person);
    CHECK(flow.person().row.display_name == "Anna Kowalska");
    CHECK(flow.person_screen().message.empty());
}

TEST_CASE("an agent opening the dashboard is told there is no team to show", "[flow]") {
    World w;
    w.sign_in_as("anna.kowalska");
    const UiContext ui{w.catalog, "en", {}, 1.0f};
    auto env = w.env(ui);
    LeadFlow flow;
    flow.apply(ShowDashboard{}, env);
    CHECK(flow.dashboard().problem == ui.tr("dash.no_team"));
    CHECK(flow.dashboard().overview.rows.empty());
}

TEST_CASE("a lead lifts a lockout in their own team; another team's stays", "[flow]") {
    World w;
    w.fail_pin("anna.kowalska", 5);
    w.fail_pin("olga.smirnova", 5);
    const UiContext ui{w.catalog, "en", {}, 1.0f};
    auto env = w.env(ui);
    LeadFlow flow;
    flow.apply(ShowTeam{}, env);
    CHECK(w.stack.back() == ScreenId::Team);
    REQUIRE(flow.team().size() == 3); // Team North's three agents, not Team South's
    CHECK_FALSE(in_team(flow, "olga.smirnova"));
    CHECK(locked(flow, "anna.kowalska"));
    CHECK_FALSE(locked(flow, "dmitri.volkov"));
    flow.apply(UnlockPerson{"olga.smirnova"}, env); // refused by trainer (not his team): nothing changes
    flow.apply(UnlockPerson{"anna.kowalska"}, env);
    CHECK_FALSE(locked(flow, "anna.kowalska"));
    w.sign_in_as("natalia.ivanova");
    auto natalia = w.env(ui);
    flow.apply(ShowTeam{}, natalia);
    REQUIRE(in_team(flow, "olga.smirnova"));
    CHECK_FALSE(in_team(flow, "anna.kowalska"));
    CHECK(locked(flow, "olga.smirnova"));
}

TEST_CASE("the maturity self-check is saved for the lead's team and the dashboard shows it", "[flow]") {
    World w;
    const UiContext ui{w.catalog, "en", {}, 1.0f};
    auto env = w.env(ui);
    LeadFlow flow;
    flow.apply(ShowDashboard{}, env);
    flow.apply(ShowMaturity{}, env);
    CHECK(w.stack.back() == ScreenId::Maturity);
    REQUIRE(w.content.change);
    std::map<std::string, int> answers;
    flow.apply(SubmitMaturity{answers}, env); // incomplete: refused on the form, nothing written
    CHECK(w.stack.back() == ScreenId::Maturity);
    CHECK(w.notice.empty());
    for (const auto& q : w.content.change->maturity) answers[q.id] = 2;
    flow.apply(SubmitMaturity{answers}, env);
    CHECK(w.stack.back() == ScreenId::Dashboard);
    CHECK(w.notice == ui.tr("maturity.saved", {{"total", std::to_string(2 * w.content.change->maturity.size())}}));
    REQUIRE(flow.dashboard().maturity.size() == 1);
}
