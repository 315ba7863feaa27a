#pragma once
// Forward-only schema steps keyed by PRAGMA user_version. The list is generated at build time
// from trainer/store/migrations/NNNN_name.sql (see cmake/embed_migrations.cmake).
#include <string>
#include <vector>

namespace trainer::store {

struct Migration {
    int version;      // becomes PRAGMA user_version once applied
    std::string name; // for messages
    std::string sql;
};

// The application's migrations, ordered by version.
const std::vector<Migration>& migrations();

} // namespace trainer::store
