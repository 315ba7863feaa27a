#pragma once
// Internal to the PeopleService files (people.cpp, people_teams.cpp, people_import.cpp): the checks
// of a new person and the small SQL reads they share. Not for use outside trainer/identity.
#include "trainer/identity/people.hpp"
#include "trainer/store/database.hpp"

#include <string>
#include <utility>
#include <vector>

namespace trainer::identity::people_rows {

// Every problem of a new person, as (column, message) — the column names match the CSV header.
std::vector<std::pair<std::string, std::string>> problems_of(const NewPerson& p);
// Whether `sql` (one ?1 parameter bound to v) returns a row.
bool exists(store::Database& db, const char* sql, const std::string& v);
// The first column of every row of `sql` (one ?1 parameter bound to arg).
std::vector<std::string> strings(store::Database& db, const char* sql, const std::string& arg);
// The person with this id, or PeopleError naming the id.
Person must_exist(store::Database& db, const std::string& id);

} // namespace trainer::identity::people_rows
