// Issue 12 §1: adoption covers every versioned content kind, not only cards. Which version of an
// onboarding module or a QA scorecard is current, and what a change rollout contains, come from the
// history (content.adopted → adopted_content), so two devices with the same events and different
// content folders agree on module completion, QA entry and rollout membership (docs/merging.md
// "Content adoption"). Each test fails if the adopted version is ignored for the folder's.
#include "adoption_desk.hpp"
#include "card_content.hpp"
#include "support.hpp"

#include "trainer/app/projections.hpp"
#include "trainer/change/rollouts.hpp"
#include "trainer/content/adopted_content.hpp"
#include "trainer/content/change_model.hpp"
#include "trainer/content/onboarding_model.hpp"
#include "trainer/content/quality_model.hpp"
#include "trainer/core/time.hpp"
#include "trainer/onboarding/record.hpp"
#include "trainer/onboarding/track_map.hpp"
#include "trainer/quality/entry.hpp"
#include "trainer/store/events.hpp"
#include "trainer/store/projection.hpp"
#include "trainer/sync/exchange.hpp"
#include "trainer/sync/rebuild_check.hpp"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <memory>

using namespace trainer;
using content::AdoptionSource;

namespace {

constexpr TimeMs kHour = 60 * kMsPerMinute;

content::LocalText en(const std::string& s) { return {{"en", s}}; }

// A folder: one card, module k1, a track with it, scorecard sc1 and rollout r1, in given versions.
struct Folder {
    int module = 1, scorecard = 1;
    std::vector<std::string> teams = {"team-a"};
};

content::ContentSet make_folder(const Folder& f) {
    content::ContentSet set = test::make_card_content({{"c1", 1}});
    auto onboarding = std::make_shared<content::OnboardingContent>();
    content::Module m;
    m.id = "k1";
    m.version = f.module;
    m.title = en("Knowledge");
    m.pages = {{en("Page"), en("Text"), "", {}}};
    onboarding->modules.push_back(m);
    content::Track t;
    t.id = "t1";
    t.title = en("Track");
    t.modules.push_back({"k1", {}});
    onboarding->tracks.push_back(t);
    set.onboarding = onboarding;
    auto quality = std::make_shared<content::QualityContent>();
    content::Scorecard sc;
    sc.id = "sc1";
    sc.version = f.scorecard;
    sc.channels = {"call"};
    sc.title = en("Calls");
    content::Criterion c;
    c.id = "greets";
    c.title = en("Greets");
    sc.sections.push_back({"s", en("Section"), {c}});
    quality->scorecards.push_back(sc);
    set.quality = quality;
    auto change = std::make_shared<content::ChangeContent>();
    content::Rollout r;
    r.id = "r1";
    r.title = en("Rollout");
    r.cards = {"c1"};
    r.teams = f.teams;
    r.start_date = "2026-01-01";
    r.target_date = "2026-03-01";
    change->rollouts.push_back(r);
    set.change = change;
    return set;
}

// One desk: its own database, clock and content folder.
struct Device : test::AdoptionDesk {
    Device(std::string device, const Folder& f) : AdoptionDesk(std::move(device), make_folder(f)) {}
    content::ContentAdoption start() { return content::adopt_all(*events, content, AdoptionSource::Load); }
    // ann's k1 as the track map shows it here.
    onboarding::ModuleTile tile() {
        const auto records = onboarding::load_records(db, "ann");
        const auto adopted = content::with_adopted_modules(*content.onboarding, content::adopted_of(db, "module"));
        const content::OnboardingContent& current = adopted ? *adopted : *content.onboarding;
        return onboarding::build_track_map(current.tracks.at(0), current, records, "en").modules.at(0);
    }
    std::vector<std::string> teams_of_r1() { return change::require_rollout(db, content, "r1").teams; }
};

// ann passes k1 in `version` on `d` (the events the onboarding service writes for a finished attempt).
void pass_module(Device& d, int version) {
    const nlohmann::json base{{"person", "ann"}, {"module", "k1"}, {"version", version}, {"attempt", 1}};
    auto started = base;
    started["seed"] = 7;
    d.events->append({"onboarding.attempt_started", "ann", started});
    auto finished = base;
    finished.update({{"started_ms", d.clock.now_ms()}, {"ended_ms", d.clock.now_ms()}, {"score", 1.0}, {"passed", true}});
    d.events->append({"onboarding.attempt_finished", "ann", finished});
    store::rebuild(d.db, app::all_projections()); // the derived rows the onboarding service writes with them
}

} // namespace

TEST_CASE("a module passed in its adopted version is done on a desk whose folder is older", "[adoption]") {
    Device old_desk("desk-old", {.module = 1});
    Device new_desk("desk-new", {.module = 2});
    old_desk.start();
    new_desk.clock.advance_ms(kHour);
    const auto adopted = new_desk.start();
    REQUIRE(adopted.event_id);
    REQUIRE(adopted.items.size() == 3); // k1 v2, sc1 v1, r1 v1
    new_desk.clock.advance_ms(kHour);
    pass_module(new_desk, 2);
    old_desk.receive_from(new_desk);
    new_desk.receive_from(old_desk);

    for (Device* d : {&old_desk, &new_desk}) {
        INFO(d->name);
        CHECK(content::adopted_of(d->db, "module") == content::AdoptedVersions{{"k1", 2}});
        const auto t = d->tile();
        CHECK(t.version == 2);
        CHECK(t.status == onboarding::ModuleStatus::Done);
        CHECK(t.percent == 100);
        CHECK(sync::check_rebuild(d->db, app::all_projections()).empty());
    }
    CHECK(old_desk.dump() == new_desk.dump());
    // The folder's version alone would call it not done on the old desk: the adoption decides.
    const auto records = onboarding::load_records(old_desk.db, "ann");
    CHECK(onboarding::build_track_map(old_desk.content.onboarding->tracks.at(0), *old_desk.content.onboarding, records, "en")
              .modules.at(0)
              .status != onboarding::ModuleStatus::Done);
    // Starting the old desk again does not step the organisation back to v1.
    CHECK_FALSE(old_desk.start().event_id);
}

TEST_CASE("a pass of an older module version re-opens the module on every desk once v2 is adopted", "[adoption]") {
    Device old_desk("desk-old", {.module = 1});
    Device new_desk("desk-new", {.module = 2});
    old_desk.start();
    old_desk.clock.advance_ms(kHour);
    pass_module(old_desk, 1); // passed v1 on the desk that still has v1
    new_desk.clock.advance_ms(2 * kHour);
    new_desk.start();
    old_desk.receive_from(new_desk);
    new_desk.receive_from(old_desk);
    for (Device* d : {&old_desk, &new_desk}) {
        INFO(d->name);
        const auto t = d->tile();
        CHECK(t.version == 2);
        CHECK(t.status != onboarding::ModuleStatus::Done);
        CHECK(t.reopened);
    }
}

TEST_CASE("a rollout's adopted definition decides its teams on every desk", "[adoption]") {
    Device a("desk-a", {.teams = {"team-a", "team-b"}});
    Device b("desk-b", {.teams = {"team-a"}});
    b.start();
    a.clock.advance_ms(kHour);
    a.start();
    a.receive_from(b);
    b.receive_from(a);
    for (Device* d : {&a, &b}) {
        INFO(d->name);
        CHECK(d->teams_of_r1() == std::vector<std::string>{"team-a", "team-b"});
        CHECK(change::rollouts_of_team(d->db, d->content, "team-b").size() == 1);
        CHECK(sync::check_rebuild(d->db, app::all_projections()).empty());
    }
    CHECK(a.dump() == b.dump());
    CHECK_FALSE(b.start().event_id); // its other folder adopts nothing: the rollout is known

    // A desk whose folder has no rollouts at all still knows the adopted one.
    Device c("desk-c", {});
    c.content.change = std::make_shared<content::ChangeContent>();
    c.receive_from(a);
    CHECK(c.teams_of_r1() == std::vector<std::string>{"team-a", "team-b"});

    // The admin adopts desk-b's folder on purpose: v1, one team, everywhere after the merge.
    b.clock.advance_ms(2 * kHour);
    const auto back = content::adopt_all(*b.events, b.content, AdoptionSource::Admin);
    REQUIRE(back.items.size() == 1);
    CHECK(back.items[0].kind == "rollout");
    CHECK(back.items[0].previous.has_value());
    a.receive_from(b);
    CHECK(a.teams_of_r1() == std::vector<std::string>{"team-a"});
    CHECK(change::rollouts_of_team(a.db, a.content, "team-b").empty());
}

TEST_CASE("a rollout edited in a folder is adopted by the admin only", "[adoption]") {
    Device d("desk", {.teams = {"team-a"}});
    d.start();
    d.content = make_folder({.teams = {"team-a", "team-c"}});
    CHECK_FALSE(d.start().event_id); // a desk start never flips a known rollout's definition
    CHECK(d.teams_of_r1() == std::vector<std::string>{"team-a"});
    const auto r = content::adopt_all(*d.events, d.content, AdoptionSource::Admin);
    REQUIRE(r.event_id);
    CHECK(d.teams_of_r1() == std::vector<std::string>{"team-a", "team-c"});
}

TEST_CASE("a lead cannot score on a scorecard version the organisation has not adopted", "[adoption]") {
    Device old_desk("desk-old", {.scorecard = 1});
    Device new_desk("desk-new", {.scorecard = 2});
    old_desk.start();
    new_desk.clock.advance_ms(kHour);
    new_desk.start();
    old_desk.receive_from(new_desk);
    const auto draft = [](Device& d) {
        quality::EvaluationService service(d.db, *d.events, d.clock, d.content);
        quality::EvaluationDraft e{"ann", "sc1", "call", "2026-01-01", {{"greets", quality::Outcome::Met}}, ""};
        return service.problems(e);
    };
    const auto old_problems = draft(old_desk);
    REQUIRE(old_problems.size() == 1);
    CHECK(old_problems[0].find("version 1 of scorecard 'sc1'") != std::string::npos);
    CHECK(old_problems[0].find("adopted version 2") != std::string::npos);
    CHECK(draft(new_desk).empty());
    CHECK(content::adopted_of(old_desk.db, "scorecard") == content::AdoptedVersions{{"sc1", 2}});
}
