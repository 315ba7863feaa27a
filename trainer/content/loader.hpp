#pragma once
// Loads and validates all bundled content of a folder (format: content/README.md). A content set
// with any error is refused as a whole: the caller keeps its last good set.
#include "trainer/content/diagnostics.hpp"
#include "trainer/content/model.hpp"

#include <nlohmann/json_fwd.hpp>

#include <filesystem>
#include <map>
#include <memory>
#include <string>
#include <vector>

namespace trainer::content {

struct LoadResult {
    std::shared_ptr<const ContentSet> content; // null when there is any error
    std::vector<Diagnostic> diagnostics;       // every problem of every file, file by file
    int files = 0;                             // content files read

    // What was read, per content kind ("decks", "cards"; later kinds add theirs), counted even
    // when the set is refused so a validator can report it.
    std::map<std::string, int> counts;
    // Per kind and locale: items whose text is complete in that locale (no English fallback).
    std::map<std::string, std::map<std::string, int>> complete_text;

    bool ok() const { return error_count() == 0; }
    int error_count() const;
    int warning_count() const;
};

// Reads dir/decks/*.json in file-name order and validates everything; never throws on bad input.
LoadResult load_content(const std::filesystem::path& dir);

// {"ok", "files", "errors", "warnings", "counts": {kind: n}, "coverage": {kind: {locale: n}}}
// (defined in diagnostics.cpp with the other JSON views of findings, so loading builds no JSON)
nlohmann::json summarize(const LoadResult& result);

} // namespace trainer::content
