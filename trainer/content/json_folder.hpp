#pragma once
// The *.json files of one content folder (decks/, modules/, tracks/, quality/, rules/), listed the
// same way for every kind (content/README.md, the folder table at its top).
#include "trainer/content/diagnostics.hpp"

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace trainer::content {

// A finding about a file or folder as a whole (no line, column or pointer).
Diagnostic whole_file(const std::string& file, std::string message, Severity s = Severity::Error);

// The *.json files of `folder` in name order; nullopt when there is no such folder, or when it cannot
// be listed (an error naming it is added then). Hidden entries
// (editor swap files, .gitkeep) are passed over; anything else that is not a *.json file is reported
// as a warning "ignored: <what> are *.json files", except sub-folders when `sub_folders` is
// SubFolders::Skip (quality/mappings/ holds import mappings, read by the importers).
enum class SubFolders { Warn, Skip };
std::optional<std::vector<std::filesystem::path>> json_files(const std::filesystem::path& folder, const std::string& what,
                                                             std::vector<Diagnostic>& out,
                                                             SubFolders sub_folders = SubFolders::Warn);

} // namespace trainer::content
