#pragma once
// Which database files this process has open, so that nothing here opens and closes a file
// descriptor of one behind SQLite's back. POSIX advisory locks belong to the process and the
// kernel drops ALL of them on a file when ANY descriptor of that file is closed (SQLite's
// "How To Corrupt" notes, §2.2). A connection in WAL mode keeps a SHARED lock on the database file;
// if another thread closes a descriptor of it (the header check in pre_open_checks.cpp reads the
// file with its own descriptor), the lock is gone while SQLite still believes it holds it, and the
// last connection of another program then checkpoints and deletes the WAL on exit: this process
// goes on committing into an unlinked WAL nobody will ever read. That is how the kiosk's grade
// writer (trainer/cards/grade_writer.hpp), reopening after "locked", lost a grade it had reported
// saved (issue 16 point 8). The pre-open checks therefore run only while no connection of this
// process has the file open: it was checked when the first one opened it.
#include <cstdint>
#include <filesystem>
#include <mutex>
#include <optional>

namespace trainer::store {

struct FileId {
    std::uint64_t dev = 0, ino = 0;
    auto operator<=>(const FileId&) const = default;
};

// The file's identity (device and inode), or nullopt when it cannot be stat'ed.
std::optional<FileId> file_id_of(const std::filesystem::path& path);

// Held while a file is checked and connected to, so no other thread of this process opens or
// closes a descriptor of it in between.
std::unique_lock<std::recursive_mutex> open_files_guard();
// True while a connection of this process has the file open (caller holds open_files_guard()).
bool open_in_process(const FileId& id);
// The connection `handle` opened the file (caller holds open_files_guard()) / closed whatever it
// had open (takes the guard; nothing for a handle never noted).
void note_opened(const void* handle, const FileId& id);
void note_closed(const void* handle);

} // namespace trainer::store
