#pragma once
// The deck files of a content folder as an authoring import sees them: the cards as rows, and
// an all-or-nothing commit of new rows (content/README.md, "Authoring in a spreadsheet").
#include "trainer/authoring/card_row.hpp"
#include "trainer/authoring/grid.hpp"

#include <filesystem>
#include <functional>
#include <memory>
#include <stdexcept>
#include <string>
#include <vector>

namespace trainer::authoring {

class AuthoringError : public std::runtime_error {
  public:
    using std::runtime_error::runtime_error;
};

struct CommitResult {
    bool written = false;                   // true when files changed on disk
    std::vector<std::string> changed_files; // deck files rewritten
    std::vector<Finding> findings;          // the content loader's, on the would-be content
    bool ok() const { return error_count(findings) == 0; }
};

// Where a loader finding about a card's column came from in the imported file.
using PlaceOf = std::function<std::string(const std::string& card_id, const std::string& column)>;

class DeckFiles {
  public:
    // Reads dir/decks/*.json as they are on disk. AuthoringError naming the file when one cannot
    // be read or is not a deck (run `trainer content validate` first).
    static DeckFiles load(const std::filesystem::path& dir);

    const std::vector<CardRow>& rows() const; // deck file order, then card order
    const std::vector<std::string>& deck_ids() const;
    const CardRow* find(std::string_view id) const;

    // Builds each deck's cards from `rows` (row order within a deck), checks the result with
    // the content loader on a copy of the folder, and only when it has no error replaces the
    // changed deck files (each written beside and renamed over the old one). With an error
    // nothing on disk changes. `dry_run` checks without writing.
    CommitResult commit(const std::vector<CardRow>& rows, const PlaceOf& place, bool dry_run) const;

  private:
    struct Impl;
    std::shared_ptr<const Impl> impl_;
};

// A deck document as the bundled files are written: two-space indent, UTF-8 as is, and the
// short "keywords" lists on one line.
std::string format_deck(const nlohmann::ordered_json& doc);

} // namespace trainer::authoring
