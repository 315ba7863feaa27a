#pragma once
// Internal to trainer/store: the checks Database::open makes before SQLite opens a file.
#include <filesystem>
#include <vector>

#include <sys/stat.h>

namespace trainer::store {

struct Migration;

// Reads the 100-byte SQLite header and throws RefusedDatabase for anything this app must not open
// (empty, another format, damaged or truncated, another application's, a schema number that is not
// one of `list`'s: newer, or never written by the app — schema_number.hpp).
void check_existing_file(const std::filesystem::path& path, const std::vector<Migration>& list);
// Throws RefusedDatabase unless `st` (stat of `path`) is a regular file.
void refuse_non_regular(const std::filesystem::path& path, const struct stat& st);
// Throws RefusedDatabase when a -wal, -shm or -journal is at `path` without its database.
void refuse_orphan_journal(const std::filesystem::path& path);
// Throws RefusedDatabase when `path` is a symbolic link whose target does not exist.
void refuse_dangling_link(const std::filesystem::path& path);
// Whether this user may write `p`.
bool writable(const std::filesystem::path& p);
// Creates an empty file with mode 0600 (StoreError when it cannot).
void create_private_file(const std::filesystem::path& path);

} // namespace trainer::store
