#pragma once
// One standards card as a row of text cells: the columns of the authoring spreadsheet
// (content/README.md, "Authoring in a spreadsheet"). Lists (phrasings, keywords) are one item
// per line inside a cell; tags and flags are separated by commas.
#include <nlohmann/json_fwd.hpp>

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace trainer::authoring {

// The text fields of each locale, in column order.
inline constexpr std::string_view kTextFields[] = {"title", "front",   "back",    "why",
                                                   "phrasings", "avoid", "keywords"};
// The card-level columns before the per-locale ones.
inline constexpr std::string_view kCardFields[] = {"id", "deck", "version", "flags", "tags"};
inline constexpr std::string_view kFlagNames[] = {"moment-of-truth", "customer-effort"};

// "id", "deck", "version", "flags", "tags", "en title", "en front", … "ru keywords".
const std::vector<std::string>& card_columns();
// The index of a column name in card_columns(), or card_columns().size() when unknown.
std::size_t column_index(std::string_view name);
// "pl back" for a locale and a field.
std::string text_column(std::string_view locale, std::string_view field);

struct CardRow {
    std::vector<std::string> cells; // aligned with card_columns()
    const std::string& id() const { return cells[0]; }
    const std::string& deck() const { return cells[1]; }
    const std::string& at(std::string_view column) const { return cells[column_index(column)]; }
    std::string& at(std::string_view column) { return cells[column_index(column)]; }
};

// A card object of a deck file as a row (absent texts become empty cells).
CardRow card_to_row(const nlohmann::ordered_json& card, const std::string& deck_id);
// Writes the row into a card object, keeping the order of keys already there; an empty text
// cell removes the field, a locale with all cells empty is removed. The row must be valid
// (checked by the importer): the version cell is an integer.
void row_to_card(const CardRow& row, nlohmann::ordered_json& card);

// Items of a list cell: one per line, trimmed, blank lines dropped; `comma` splits on ','.
std::vector<std::string> split_items(std::string_view cell, bool comma);
std::string trim(std::string_view s);

} // namespace trainer::authoring
