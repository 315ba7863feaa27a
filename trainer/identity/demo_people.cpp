// Demo people (also listed in the README):
//
//   id                 name                 role   team        locale  PIN    badge
//   anna.kowalska      Anna Kowalska        agent  Team North  pl      1111   B-1001
//   dmitri.volkov      Dmitri Volkov        agent  Team North  ru      2222   B-1002
//   emily.carter       Emily Carter         agent  Team North  en      3333   B-1003
//   olga.smirnova      Olga Smirnova        agent  Team South  ru      4444   B-2001
//   piotr.wisniewski   Piotr Wiśniewski     agent  Team South  pl      5555   B-2002
//   james.oconnor      James O'Connor       agent  Team South  en      6666   B-2003
//   marek.nowak        Marek Nowak          lead   Team North  pl      7777   B-9001
//   natalia.ivanova    Natalia Ivanova      lead   Team South  ru      8888   B-9002
//   sarah.mitchell     Sarah Mitchell       admin  -           en      9999   B-0001
#include "trainer/identity/demo_people.hpp"

#include "trainer/identity/people.hpp"

namespace trainer::identity {

const std::vector<DemoPerson>& demo_people() {
    static const std::vector<DemoPerson> kPeople = {
        {"anna.kowalska", "Anna Kowalska", "agent", "Team North", "pl", "1111", "B-1001"},
        {"dmitri.volkov", "Dmitri Volkov", "agent", "Team North", "ru", "2222", "B-1002"},
        {"emily.carter", "Emily Carter", "agent", "Team North", "en", "3333", "B-1003"},
        {"olga.smirnova", "Olga Smirnova", "agent", "Team South", "ru", "4444", "B-2001"},
        {"piotr.wisniewski", "Piotr Wiśniewski", "agent", "Team South", "pl", "5555", "B-2002"},
        {"james.oconnor", "James O'Connor", "agent", "Team South", "en", "6666", "B-2003"},
        {"marek.nowak", "Marek Nowak", "lead", "Team North", "pl", "7777", "B-9001"},
        {"natalia.ivanova", "Natalia Ivanova", "lead", "Team South", "ru", "8888", "B-9002"},
        {"sarah.mitchell", "Sarah Mitchell", "admin", "", "en", "9999", "B-0001"},
    };
    return kPeople;
}

void seed_demo_people(store::Database& db, store::EventStore& events, PinCost cost) {
    PeopleService people(db, events);
    const Actor admin = cli_admin();
    for (const auto& d : demo_people()) {
        if (read_person(db, d.id)) continue;
        NewPerson p;
        p.id = d.id;
        p.display_name = d.name;
        p.role = parse_role(d.role).value_or(Role::Agent);
        p.locale = d.locale;
        if (*d.team) p.teams = {d.team};
        p.badge_id = d.badge;
        p.external_id = std::string(d.id) + "@example.com"; // the e-mail QA and survey tools export
                                                           // (content/quality/mappings/*-sample.csv)
        p.hire_date = "2024-01-15";
        people.add(admin, p);
        people.set_pin(admin, d.id, d.pin, cost, /*allow_weak=*/true);
    }
}

} // namespace trainer::identity
