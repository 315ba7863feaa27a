// The lead flow (kiosk/flows/lead_flow.hpp) without a window, against an in-memory database: a
// lead's dashboard holds their team and nobody else's, an agent sees no team, a lead lifts a
// lockout in their own team only, and the maturity self-check is saved and shown.
#include "flow_support.hpp"
#include "harness.hpp"

#include "kiosk/flows/lead_flow.hpp"
#include "trainer/content/loader.hpp"
#include "trainer/identity/pin.hpp"

#include <catch2/catch.hpp>

using namespace kiosk;
using namespace trainer;

namespace {

const content::ContentSet& bundled() {
    static const auto loaded = content::load_content(TRAINER_SOURCE_DIR "/content");
    return *loaded.content;
}

struct World {
    store::Database db = store::Database::open_memory();
    FixedClock clock{test::kMonday9};
    store::EventStore events{db, clock, "kiosk-test"};
    identity::AuthService auth{db, events, clock, {{}, identity::minimum_pin_cost()}};
    quality::MotivationConfig motivation;
    trainer::i18n::Catalog catalog = trainer::i18n::Catalog::load(TRAINER_SOURCE_DIR "/assets/i18n");
    std::vector<ScreenId> stack{ScreenId::Home};
    std::string notice;
    identity::Actor actor;

    World() {
        db.exec("INSERT INTO people (id, display_name, role, created_ms) VALUES "
                "('ann', 'Ann North', 'agent', 0), ('bob', 'Bob South', 'agent', 0), "
                "('lena', 'Lena Lead', 'lead', 0), ('otto', 'Otto Lead', 'lead', 0)");
        db.exec("INSERT INTO teams (id, name) VALUES ('north', 'North'), ('south', 'South')");
        db.exec("INSERT INTO team_members (team_id, person_id) VALUES ('north', 'ann'), ('south', 'bob')");
        db.exec("INSERT INTO team_leads (team_id, person_id) VALUES ('north', 'lena'), ('south', 'otto')");
        const std::string hash = identity::hash_pin("1111", identity::minimum_pin_cost());
        db.prepare("UPDATE people SET pin_hash = ?1").bind_all(hash).run();
        sign_in_as("lena");
    }
    void sign_in_as(const std::string& id) { actor = identity::actor_for(db, id); }
    LeadFlow::Env env(const UiContext& ui) {
        return {db, events, clock, bundled(), motivation, auth, nullptr, nullptr, nullptr, actor, ui, stack, notice};
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

} // namespace

TEST_CASE("the lead flow shows a lead their own team's dashboard and no other team's people", "[flow]") {
    World w;
    const UiContext ui{w.catalog, "en", {}, 1.0f};
    auto env = w.env(ui);
    LeadFlow flow;
    REQUIRE(flow.apply(ShowDashboard{}, env));
    CHECK(w.stack.back() == ScreenId::Dashboard);
    CHECK(flow.dashboard().problem.empty());
    CHECK(flow.dashboard().team_id == "north");
    CHECK(has(flow.dashboard().overview.rows, "ann"));
    CHECK_FALSE(has(flow.dashboard().overview.rows, "bob"));
    CHECK(flow.dashboard().qa_pass_mark == Approx(w.motivation.qa_pass_mark)); // from the config, not the screen

    flow.apply(ShowDashboard{"south"}, env); // not hers: she stays on her own team
    CHECK(flow.dashboard().team_id == "north");
    CHECK(w.stack == std::vector<ScreenId>{ScreenId::Home, ScreenId::Dashboard}); // not pushed twice

    REQUIRE(flow.apply(ShowPerson{"ann"}, env));
    CHECK(w.stack.back() == ScreenId::Person);
    CHECK(flow.person().row.display_name == "Ann North");
    CHECK(flow.person_screen().message.empty());
    CHECK_FALSE(flow.apply(GoHome{}, env)); // the router's
}

TEST_CASE("an agent opening the dashboard is told there is no team to show", "[flow]") {
    World w;
    w.sign_in_as("ann");
    const UiContext ui{w.catalog, "en", {}, 1.0f};
    auto env = w.env(ui);
    LeadFlow flow;
    flow.apply(ShowDashboard{}, env);
    CHECK(flow.dashboard().problem == ui.tr("dash.no_team"));
    CHECK(flow.dashboard().overview.rows.empty());
}

TEST_CASE("a lead lifts a lockout in their own team; another team's stays", "[flow]") {
    World w;
    w.fail_pin("ann", 5);
    w.fail_pin("bob", 5);
    const UiContext ui{w.catalog, "en", {}, 1.0f};
    auto env = w.env(ui);
    LeadFlow flow;
    REQUIRE(flow.apply(ShowTeam{}, env));
    CHECK(w.stack.back() == ScreenId::Team);
    REQUIRE(flow.team().size() == 1); // Ann only
    CHECK(flow.team().front().person_id == "ann");
    CHECK(flow.team().front().locked);
    flow.apply(UnlockPerson{"bob"}, env); // refused by trainer (not her team): nothing changes
    flow.apply(UnlockPerson{"ann"}, env);
    CHECK_FALSE(flow.team().front().locked);
    w.sign_in_as("otto");
    auto otto = w.env(ui);
    flow.apply(ShowTeam{}, otto);
    REQUIRE(flow.team().size() == 1);
    CHECK(flow.team().back().person_id == "bob");
    CHECK(flow.team().back().locked);
}

TEST_CASE("the maturity self-check is saved for the lead's team and the dashboard shows it", "[flow]") {
    World w;
    const UiContext ui{w.catalog, "en", {}, 1.0f};
    auto env = w.env(ui);
    LeadFlow flow;
    flow.apply(ShowDashboard{}, env);
    REQUIRE(flow.apply(ShowMaturity{}, env));
    CHECK(w.stack.back() == ScreenId::Maturity);
    REQUIRE(bundled().change);
    std::map<std::string, int> answers;
    flow.apply(SubmitMaturity{answers}, env); // incomplete: refused on the form, nothing written
    CHECK(w.stack.back() == ScreenId::Maturity);
    CHECK(w.notice.empty());
    for (const auto& q : bundled().change->maturity) answers[q.id] = 2;
    flow.apply(SubmitMaturity{answers}, env);
    CHECK(w.stack.back() == ScreenId::Dashboard);
    CHECK(w.notice == ui.tr("maturity.saved", {{"total", std::to_string(2 * bundled().change->maturity.size())}}));
    REQUIRE(flow.dashboard().maturity.size() == 1);
}
