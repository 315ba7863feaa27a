#pragma once
// Shared by the quality tests: an in-memory store at a fixed time (2026-11-20 10:00 UTC), a small
// content set with one scorecard, and two teams:
//   Team North: lead lena (PIN 2468), agents ann (ann@example.com), bob (QA-BOB-7)
//   Team South: lead lars, agent carl (carl@example.com)
#include "trainer/content/quality_model.hpp"
#include "trainer/core/time.hpp"
#include "trainer/identity/people.hpp"
#include "trainer/store/events.hpp"

#include <memory>
#include <string>

namespace qtest {

using namespace trainer;

inline const TimeMs kNow = days_from_civil({2026, 11, 20}) * kMsPerDay + 10 * 3'600'000;

inline content::ContentSet make_content() {
    content::ContentSet set;
    content::Deck deck{"first-contact", 1, {{"en", "First contact"}}, {}, {}};
    for (const char* id : {"c-greet", "c-need", "c-next", "c-tone"}) {
        content::Card c;
        c.id = id;
        c.deck_id = deck.id;
        c.text["en"] = content::CardText{std::string("Standard ") + id, "front", "back", "why", {"say"}, "avoid"};
        c.text["pl"] = content::CardText{std::string("Standard PL ") + id, "f", "b", "w", {"s"}, "a"};
        set.card_index[id] = set.cards.size();
        deck.card_ids.push_back(id);
        set.cards.push_back(std::move(c));
    }
    set.decks.push_back(std::move(deck));
    auto q = std::make_shared<content::QualityContent>();
    content::Scorecard sc;
    sc.id = "test-card";
    sc.version = 2;
    sc.channels = {"call", "chat"};
    sc.title = {{"en", "Test scorecard"}, {"pl", "Karta testowa"}};
    content::Section s1{"opening", {{"en", "Opening"}}, {}};
    s1.criteria.push_back({"greet", 1, false, false, {"c-greet"}, {{"en", "Greeting"}, {"pl", "Powitanie"}}, {}});
    s1.criteria.push_back({"need", 2, false, true, {"c-need", "c-greet"}, {{"en", "Need confirmed"}, {"pl", "Potrzeba"}}, {}});
    content::Section s2{"closing", {{"en", "Closing"}}, {}};
    s2.criteria.push_back({"next", 3, false, true, {"c-next"}, {{"en", "Next step"}, {"pl", "Kolejny krok"}}, {}});
    s2.criteria.push_back({"tone", 1, true, false, {"c-tone"}, {{"en", "Respectful tone"}, {"pl", "Ton"}}, {}});
    sc.sections = {s1, s2};
    q->scorecards.push_back(sc);
    set.quality = q;
    return set;
}

struct World {
    store::Database db = store::Database::open_memory();
    FixedClock clock{kNow};
    store::EventStore events{db, clock, "test-kiosk"};
    content::ContentSet content = make_content();

    World() {
        identity::PeopleService people(db, events);
        const auto admin = identity::cli_admin();
        auto add = [&](const char* id, identity::Role role, const char* team, const char* ext) {
            identity::NewPerson p;
            p.id = id;
            p.display_name = std::string("Name of ") + id;
            p.role = role;
            p.teams = {team};
            if (*ext) p.external_id = ext;
            people.add(admin, p);
        };
        add("lena", identity::Role::Lead, "Team North", "lena@example.com");
        add("ann", identity::Role::Agent, "Team North", "ann@example.com");
        add("bob", identity::Role::Agent, "Team North", "QA-BOB-7");
        add("lars", identity::Role::Lead, "Team South", "");
        add("carl", identity::Role::Agent, "Team South", "carl@example.com");
        people.set_pin(admin, "lena", "2468", identity::minimum_pin_cost());
        people.set_pin(admin, "lars", "1357", identity::minimum_pin_cost());
    }

    identity::Actor actor(const std::string& id) { return identity::actor_for(db, id); }

    std::int64_t count(const std::string& sql) {
        auto st = db.prepare(sql);
        st.step();
        return st.int64(0);
    }

    // Everything an import may touch, as text: compared before and after a refused file.
    std::string dump() {
        std::string out;
        for (const char* sql :
             {"SELECT id || '|' || type || '|' || payload FROM events ORDER BY seq",
              "SELECT event_id || '|' || person_id || '|' || score FROM qa_evaluations ORDER BY event_id",
              "SELECT event_id || '|' || criterion_id || '|' || outcome FROM qa_criterion_results ORDER BY 1",
              "SELECT event_id || '|' || person_id || '|' || card_id FROM coaching_queue ORDER BY 1",
              "SELECT event_id || '|' || person_id FROM survey_responses ORDER BY 1"}) {
            auto st = db.prepare(sql);
            while (st.step())
                out += st.text(0) + "\n";
            out += "--\n";
        }
        return out;
    }
};

} // namespace qtest
