#pragma once
// Shared by test_change, test_dashboard and test_reports: an in-memory store with two teams, their
// leads and agents, the bundled content (with its change content) and a rollout on both teams.
#include "trainer/change/rollouts.hpp"
#include "trainer/content/change_model.hpp"
#include "trainer/content/loader.hpp"
#include "trainer/core/time.hpp"
#include "trainer/identity/access.hpp"
#include "trainer/store/events.hpp"

#include <catch2/catch.hpp>

#include <map>
#include <memory>
#include <string>

namespace change_test {

using namespace trainer;

// Monday 2026-11-16, 12:00 UTC.
inline const TimeMs kNow = days_from_civil({2026, 11, 16}) * kMsPerDay + 12 * 60 * kMsPerMinute;

inline std::shared_ptr<const content::ContentSet> bundled() {
    const auto r = content::load_content(TRAINER_SOURCE_DIR "/content");
    REQUIRE(r.ok());
    REQUIRE(r.content->change);
    return r.content;
}

inline void add_person(store::Database& db, const std::string& id, const std::string& name, const std::string& role,
                       const std::string& team) {
    db.prepare("INSERT INTO people (id, display_name, role, created_ms) VALUES (?1, ?2, ?3, 0)").bind_all(id, name, role).run();
    db.prepare("INSERT OR IGNORE INTO teams (id, name) VALUES (?1, ?2)").bind_all(team, "Name of " + team).run();
    db.prepare("INSERT INTO team_members (team_id, person_id) VALUES (?1, ?2)").bind_all(team, id).run();
    if (role == "lead") db.prepare("INSERT INTO team_leads (team_id, person_id) VALUES (?1, ?2)").bind_all(team, id).run();
}

inline void add_people(store::Database& db) {
    add_person(db, "lead.north", "Nora Lead", "lead", "team-north");
    add_person(db, "a1", "Adam One", "agent", "team-north");
    add_person(db, "a2", "Beata Two", "agent", "team-north");
    add_person(db, "a3", "Celina Three", "agent", "team-north");
    add_person(db, "lead.south", "Sam Lead", "lead", "team-south");
    add_person(db, "b1", "Boris One", "agent", "team-south");
    add_person(db, "b2", "Vera Two", "agent", "team-south");
}

struct Fixture {
    store::Database db = store::Database::open_memory();
    FixedClock clock{kNow};
    store::EventStore events{db, clock, "kiosk-test"};
    std::shared_ptr<const content::ContentSet> content = bundled();

    Fixture() {
        add_people(db);
        content::Rollout r;
        r.id = "test-rollout";
        r.title = {{"en", "Test rollout"}};
        for (std::size_t i = 0; i < 5; ++i) r.cards.push_back(content->cards[i].id);
        r.teams = {"team-north", "team-south"};
        r.start_date = "2026-10-05";
        r.target_date = "2026-12-31";
        change::define_rollout(events, identity::cli_admin(), *content, r);
    }
    identity::Actor actor(const std::string& id) { return identity::actor_for(db, id); }

    // Answers that aim every dimension at `level` (reverse statements answered accordingly).
    std::map<std::string, int> answers(int awareness, int acceptance, int practice, int ownership) const {
        const int aim[4] = {awareness, acceptance, practice, ownership};
        std::map<std::string, int> out;
        for (const auto& s : content->change->pulse) {
            const int v = aim[static_cast<int>(s.dimension)];
            out[s.id] = s.reverse ? 6 - v : v;
        }
        return out;
    }
};

} // namespace change_test
