#include "trainer/content/json_folder.hpp"

#include <algorithm>

namespace trainer::content {

namespace fs = std::filesystem;

Diagnostic whole_file(const std::string& file, std::string message, Severity s) {
    return {s, file, 0, 0, "", std::move(message)};
}

std::optional<std::vector<fs::path>> json_files(const fs::path& folder, const std::string& what,
                                                std::vector<Diagnostic>& out, SubFolders sub_folders) {
    std::error_code ec;
    if (!fs::is_directory(folder, ec)) return std::nullopt;
    std::vector<fs::path> files;
    for (fs::directory_iterator it(folder, ec), end; !ec && it != end; it.increment(ec)) {
        const fs::path& p = it->path();
        const std::string name = p.filename().string();
        if (name.empty() || name[0] == '.') continue;
        std::error_code kind;
        if (p.extension() == ".json" && it->is_regular_file(kind))
            files.push_back(p);
        else if (!(sub_folders == SubFolders::Skip && it->is_directory(kind)))
            out.push_back(whole_file(p.string(), "ignored: " + what + " are *.json files", Severity::Warning));
    }
    if (ec) {
        out.push_back(whole_file(folder.string(), "cannot list the folder: " + ec.message()));
        return std::nullopt;
    }
    std::sort(files.begin(), files.end());
    return files;
}

} // namespace trainer::content
