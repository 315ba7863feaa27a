// The process's open database files (open_files.hpp): which connection has which file.
#include "trainer/store/open_files.hpp"

#include <map>
#include <sys/stat.h>

namespace trainer::store {

namespace {
struct OpenFiles {
    std::recursive_mutex mutex; // a connection made and closed while creating the file closes under it
    std::map<const void*, FileId> by_handle;
};
OpenFiles& open_files() {
    static OpenFiles files; // one per process, as the locks are
    return files;
}
} // namespace

std::optional<FileId> file_id_of(const std::filesystem::path& path) {
    struct stat st {};
    if (::stat(path.c_str(), &st) != 0) return std::nullopt;
    return FileId{static_cast<std::uint64_t>(st.st_dev), static_cast<std::uint64_t>(st.st_ino)};
}

std::unique_lock<std::recursive_mutex> open_files_guard() { return std::unique_lock(open_files().mutex); }

bool open_in_process(const FileId& id) {
    for (const auto& [handle, file] : open_files().by_handle)
        if (file == id) return true;
    return false;
}

void note_opened(const void* handle, const FileId& id) { open_files().by_handle[handle] = id; }

void note_closed(const void* handle) {
    const auto guard = open_files_guard();
    open_files().by_handle.erase(handle);
}

} // namespace trainer::store
