#pragma once
// One read transaction around a figure made of many statements (the lead dashboard: a query per
// agent, then the hooks' queries): every statement sees the same state of the file, and SQLite
// takes the write-ahead log's read lock once instead of once per statement.
// Inside the caller's transaction it does nothing. Readers never block writers in WAL mode, so
// holding it for the figure's few milliseconds costs the kiosk's other work nothing.
#include "trainer/store/database.hpp"

namespace trainer::store {

class ReadSnapshot {
public:
    explicit ReadSnapshot(Database& db);
    ReadSnapshot(const ReadSnapshot&) = delete;
    ReadSnapshot& operator=(const ReadSnapshot&) = delete;
    // Ends the transaction (COMMIT: a read-only one has nothing to write; should a caller have
    // written meanwhile, that is kept as it would have been without the snapshot).
    ~ReadSnapshot();

private:
    Database& db_;
    bool began_ = false;
};

} // namespace trainer::store
