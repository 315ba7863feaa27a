// A transaction (RAII): rolls back in its destructor unless committed; nested, it is a savepoint
// (split from database.cpp).
#include "trainer/store/database.hpp"

#include <sqlite3.h>

namespace trainer::store {

// Inside another transaction a Transaction is a savepoint: an all-or-nothing job (demo seed)
// can wrap steps that each keep their own transaction.
Transaction::Transaction(Database& db) : db_(db), nested_(sqlite3_get_autocommit(db.handle()) == 0) {
    db_.exec(nested_ ? "SAVEPOINT nested_tx" : "BEGIN IMMEDIATE");
}

Transaction::~Transaction() {
    if (!done_) {
        try {
            db_.exec(nested_ ? "ROLLBACK TO nested_tx; RELEASE nested_tx" : "ROLLBACK");
        } catch (...) {
            // The transaction may already be gone (SQLite rolls back on some errors).
        }
    }
}

void Transaction::commit() {
    db_.exec(nested_ ? "RELEASE nested_tx" : "COMMIT");
    done_ = true;
}

} // namespace trainer::store
