#include "trainer/store/read_snapshot.hpp"

#include <sqlite3.h>

namespace trainer::store {

ReadSnapshot::ReadSnapshot(Database& db) : db_(db) {
    if (sqlite3_get_autocommit(db_.handle()) == 0) return; // the caller's transaction already is one
    db_.exec("BEGIN DEFERRED");
    began_ = true;
}

ReadSnapshot::~ReadSnapshot() {
    if (!began_ || sqlite3_get_autocommit(db_.handle()) != 0) return; // SQLite ended it already
    try {
        db_.exec("COMMIT");
    } catch (...) {
        try {
            db_.exec("ROLLBACK");
        } catch (...) {
            // Nothing more to do in a destructor: the connection stays usable for the next BEGIN.
        }
    }
}

} // namespace trainer::store
