#pragma once
// Skipping the kiosk's full quick check when nothing has touched the database since it was last
// closed cleanly. PRAGMA quick_check reads every page (4.8 s on the 2.7 GB database of DESIGN §5's
// 500 agents x 1 year), and the kiosk runs it before its first write (docs/architecture.md):
// after a clean close the kiosk records how its database file and WAL look (device, inode, size,
// modification time); a start that finds them exactly so skips the check. Any other writer, a
// kill (no record), a restored or edited file changes what is recorded and brings the check back.
#include <filesystem>
#include <string>

namespace trainer::store {

// The database file's and its WAL's identity, size and modification time, as one line; "" when
// the database file cannot be read.
std::string file_state(const std::filesystem::path& db);
// The record of the last clean close is there and the files are still exactly as it says.
bool unchanged_since_checked(const std::filesystem::path& db);
// Records the files as they are now (call after the last connection closed); best effort: a
// folder that cannot be written only means the next start checks again.
void record_checked(const std::filesystem::path& db);

} // namespace trainer::store
