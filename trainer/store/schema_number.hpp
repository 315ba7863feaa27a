#pragma once
// What a database's schema number (PRAGMA user_version) means to this build. SQLite keeps it as a
// signed 32-bit field anyone with `sqlite3` can set; only 0 (nothing applied yet) and the number of
// one of the migrations in the list were ever written by the app. Migration files are numbered
// NNNN (trainer/store/migrations/), so a newer app's schema is above this build's and below 10000.
#include <cstdint>
#include <string>
#include <vector>

namespace trainer::store {

struct Migration;

enum class SchemaNumber {
    Known,    // 0 or a migration of the list: this build can open (and migrate) it
    Newer,    // above the list's last and a possible migration number: a newer app wrote it
    NotASchema // negative, 10000 or more, or a number the list skips: set by hand or damaged
};

SchemaNumber judge_schema_number(std::int64_t version, const std::vector<Migration>& list);

// The refusal for a Newer or NotASchema number of the database `file`: "<file>: " what is wrong,
// that nothing was changed, and what to do.
std::string schema_number_refusal(const std::string& file, std::int64_t version,
                                  const std::vector<Migration>& list);

} // namespace trainer::store
