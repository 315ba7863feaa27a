#pragma once
// Enrolling desks (README "A central store for many desks"): each device is its own PostgreSQL
// role with a generated password, a member of the centre's device group, with a scope that the
// row-level security policies read. A device file carries the credential to the desk once.
#include "trainer/central/pg.hpp"

#include <filesystem>
#include <string>
#include <vector>

namespace trainer::central {

struct Scope {
    std::string kind;             // person | team | site | all
    std::vector<std::string> ids; // empty for all
};

// Parses "person:ID", "team:A,B", "site:ID" or "all"; std::invalid_argument naming the problem.
Scope parse_scope(const std::string& text);
std::string to_string(const Scope& s);

// What a desk needs to reach the centre as itself.
struct DeviceCredential {
    std::string organisation_id;
    std::string device;   // the device's name at the centre
    std::string user;     // its PostgreSQL role
    std::string password;
    std::string url;      // the centre, a libpq URL (may carry sslmode/sslrootcert); empty in a device file
};

// Creates the role and the device row in one transaction; refuses a name already enrolled.
DeviceCredential enrol_device(PgConnection& admin, const std::string& name, const Scope& scope);
// Ends a device: its role may no longer log in and its open sessions are closed.
// Returns false when no such device exists.
bool revoke_device(PgConnection& admin, const std::string& name);

// Device files and stored credentials: JSON, written with mode 0600 (atomic rename).
void write_credential(const std::filesystem::path& path, const DeviceCredential& c);
// std::runtime_error naming the file and the field on anything malformed.
DeviceCredential read_credential(const std::filesystem::path& path);

// Connects as the device (its own role), checking the centre's schema and organisation.
PgConnection connect_device(const DeviceCredential& c, int connect_timeout_s = 5);

// Uploads who belongs to which team, and which site each team is at, replacing the lists.
void publish_roster(PgConnection& admin, const std::vector<std::pair<std::string, std::string>>& memberships,
                    const std::vector<std::pair<std::string, std::string>>& team_sites);

} // namespace trainer::central

namespace trainer::central {
// Where a desk keeps its credential: next to its database, "<db>.central".
std::filesystem::path credential_path(const std::filesystem::path& db);
} // namespace trainer::central
