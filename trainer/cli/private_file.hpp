#pragma once
// Exports with personal data are written with mode 0600 through a temporary file renamed into
// place, so a failure leaves no partial file (README "Other tools' formats").
#include <filesystem>
#include <string>

namespace trainer::cli {

// Opens "<out>.partial" for writing with mode 0600; std::runtime_error naming `out`.
int open_private_file(const std::filesystem::path& out, std::filesystem::path* tmp);
// Writes `data` to the fd from open_private_file, syncs, closes and renames it to `out`.
void write_private_file(const std::filesystem::path& out, const std::string& data, int fd,
                        const std::filesystem::path& tmp);

} // namespace trainer::cli
