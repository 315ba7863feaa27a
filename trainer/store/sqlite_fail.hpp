#pragma once
// Internal to trainer/store: turns a failed SQLite call into a StoreError (explained in plain words
// where explain_sqlite_error knows the code). Not for use outside the store module.
#include <string_view>

struct sqlite3;

namespace trainer::store {

[[noreturn]] void fail(sqlite3* db, int rc, std::string_view context);

} // namespace trainer::store
