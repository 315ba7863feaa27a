#pragma once
// People and teams (DESIGN §4.7): who may log in, in which role, language and teams. Every change
// is an audit event; every read of personal data takes the acting person and checks access.
#include "trainer/core/clock.hpp"
#include "trainer/csv/csv.hpp"
#include "trainer/identity/access.hpp"
#include "trainer/identity/pin.hpp"
#include "trainer/store/event_store.hpp"
#include "trainer/store/payload.hpp"

#include <filesystem>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

namespace trainer::identity {

struct Person {
    std::string id; // [a-z0-9._-], at most 64
    std::string display_name;
    Role role = Role::Agent;
    std::string locale = "en"; // en | pl | ru
    std::optional<std::string> badge_id;
    std::optional<std::string> external_id; // e-mail or QA-tool id
    std::optional<std::string> hire_date;   // YYYY-MM-DD
    bool active = true;
    bool has_pin = false; // the hash itself never leaves this module and auth
    TimeMs created_ms = 0;
    std::vector<std::string> teams;     // team ids they are a member of
    std::vector<std::string> led_teams; // team ids they lead
};

struct Team {
    std::string id; // slug of the name ("Team North" → "team-north")
    std::string name;
    std::vector<std::string> members; // person ids, only those the actor may see
    std::vector<std::string> leads;
};

struct NewPerson {
    std::string id;
    std::string display_name;
    Role role = Role::Agent;
    std::string locale = "en";
    std::vector<std::string> teams; // names or ids; created when missing. Leads lead them.
    std::optional<std::string> badge_id;
    std::optional<std::string> external_id;
    std::optional<std::string> hire_date;
};

// A change to an existing person: only the fields set change. For the optional fields an inner
// nullopt clears the value.
struct PersonUpdate {
    std::optional<std::string> display_name;
    std::optional<Role> role;
    std::optional<std::string> locale;
    std::optional<std::optional<std::string>> badge_id;
    std::optional<std::optional<std::string>> external_id;
    std::optional<std::optional<std::string>> hire_date;
    std::optional<std::vector<std::string>> teams; // names or ids, created when missing; replaces
    std::optional<bool> active;                    // true: may log in again
    bool empty() const {
        return !display_name && !role && !locale && !badge_id && !external_id && !hire_date &&
               !teams && !active;
    }
};

// What the login grid shows before anyone is logged in: names only, active people only.
struct RosterEntry {
    std::string id;
    std::string display_name;
    std::string locale;
};

struct ImportResult {
    std::size_t imported = 0;
    std::size_t teams_created = 0;
    std::vector<csv::Issue> issues; // every bad row; non-empty means nothing was imported
    bool ok() const { return issues.empty(); }
};

// Bad input to a people operation (unknown id, duplicate badge, bad locale, ...).
class PeopleError : public std::runtime_error {
  public:
    using std::runtime_error::runtime_error;
};

// Field rules shared by add, import and the CLI; each returns why a value is refused.
std::optional<std::string> person_id_problem(std::string_view id);
std::optional<std::string> locale_problem(std::string_view locale);
std::optional<std::string> hire_date_problem(std::string_view date);
// "team-north" for "Team North".
std::string team_slug(std::string_view name);

// Reads without an access check: for the login path and services that check themselves.
std::optional<Person> read_person(store::Database& db, const std::string& id);
std::optional<Person> read_person_by_badge(store::Database& db, const std::string& badge);

class PeopleService {
  public:
    PeopleService(store::Database& db, store::EventStore& events);

    // Admin only. PeopleError naming every problem; nothing is written then.
    Person add(const Actor& actor, const NewPerson& p);
    // Everyone the actor may see, ordered by id.
    std::vector<Person> list(const Actor& actor, bool include_inactive = true);
    // nullopt when no such person; AccessDenied when the actor may not see them.
    std::optional<Person> find(const Actor& actor, const std::string& id);
    std::optional<Person> find_by_badge(const Actor& actor, const std::string& badge);
    // Admin only; the person can no longer log in. Their records stay.
    void deactivate(const Actor& actor, const std::string& id);
    // Admin only. Changes the fields set in `u` (PeopleError naming every problem, nothing
    // written then); one "person.updated" audit event lists each field's old and new value.
    Person update_person(const Actor& actor, const std::string& id, const PersonUpdate& u);
    // The person themselves or an admin.
    void set_locale(const Actor& actor, const std::string& id, const std::string& locale);

    // Teams: created and staffed by admins.
    Team create_team(const Actor& actor, const std::string& name);
    void add_member(const Actor& actor, const std::string& team, const std::string& person_id);
    void set_lead(const Actor& actor, const std::string& team, const std::string& person_id);
    std::vector<Team> teams(const Actor& actor);

    // The person themselves, their lead, or an admin. Hashes (slow) and stores; audited.
    // A weak PIN (weak_pin_reason) is refused with PinError unless allow_weak (the demo people,
    // whose PINs are documented in the README).
    void set_pin(const Actor& actor, const std::string& id, std::string_view pin,
                 PinCost cost = default_pin_cost(), bool allow_weak = false);
    // For a GUI that hashed on a worker thread with hash_pin().
    void store_pin_hash(const Actor& actor, const std::string& id, const std::string& hash);

    std::vector<RosterEntry> roster();

    // All-or-nothing import (columns id,name,role,team,locale,badge,external_id,hire_date). Admin
    // only.
    ImportResult import_csv_text(const Actor& actor, std::string_view text,
                                 const std::string& source);
    ImportResult import_csv_file(const Actor& actor, const std::filesystem::path& path);

  private:
    ImportResult import_table(const Actor& actor, const csv::Table& t, const std::string& source);
    std::string resolve_team(const std::string& name_or_id, bool create, bool* created);
    void insert_person(const Actor& actor, const NewPerson& p, const std::string& via);
    void audit(const Actor& actor, const std::string& type, store::Payload payload);

    store::Database& db_;
    store::EventStore& events_;
};

} // namespace trainer::identity
