#pragma once
// Authorization, deny by default (DESIGN §4.7): an agent sees only their own records, a lead the
// members of the teams they lead (and themselves), an admin everyone. Every service that returns
// personal data takes the acting person and asks here.
#include "trainer/store/database.hpp"

#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace trainer::identity {

enum class Role { Agent, Lead, Admin };

// "agent" | "lead" | "admin".
const char* role_name(Role r);
// Case-insensitive; nullopt for anything else.
std::optional<Role> parse_role(std::string_view s);

class AccessDenied : public std::runtime_error {
  public:
    using std::runtime_error::runtime_error;
};

// Who is acting. led_people is resolved once from the database so checks need no queries.
struct Actor {
    std::string person_id;               // empty for the admin CLI (system actor)
    std::optional<Role> role;            // nullopt: nobody logged in, may see nothing personal
    std::vector<std::string> led_teams;  // team ids this person leads
    std::vector<std::string> led_people; // members of those teams
    std::string label() const { return person_id.empty() ? "cli" : person_id; }
};

// The acting person as stored: role and led teams. AccessDenied for an unknown or inactive id.
Actor actor_for(store::Database& db, const std::string& person_id);
// The admin CLI: full rights, audited as "cli".
Actor cli_admin();

// May the actor see this person's records (profile, scores, events)?
bool can_view_person(const Actor& actor, std::string_view person_id);
// May the actor act on this person's account (reset throttling, set a PIN)? Admin: anyone;
// lead: members of the teams they lead; agent: nobody (an agent changes their own PIN with the
// old one, through the login path).
bool can_manage_person(const Actor& actor, std::string_view person_id);

// The same checks, throwing AccessDenied with a message naming who and what.
void require_view_person(const Actor& actor, std::string_view person_id);
void require_manage_person(const Actor& actor, std::string_view person_id);
void require_admin(const Actor& actor, std::string_view what);

} // namespace trainer::identity
