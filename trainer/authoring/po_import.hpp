#pragma once
// A translated PO file brought back (content/README.md, "Translating with PO files"): refused
// when it belongs to another project, has the wrong plural count for its language, or its
// English source changed since the export (each entry named); fuzzy entries are not applied.
#include "trainer/authoring/deck_files.hpp"
#include "trainer/authoring/po_file.hpp"

#include <map>
#include <string>
#include <vector>

namespace trainer::authoring {

struct PoImport {
    std::string lang;                  // from the header
    std::vector<CardRow> rows;         // all cards, translations applied
    std::vector<Finding> findings;
    int applied = 0;                   // entries whose translation changed a text
    std::map<std::string, std::size_t> line_of; // "card-id|field" → line
    bool ok() const { return error_count(findings) == 0; }
    // Where a card column's text came from, for the content loader's findings.
    std::string place(const std::string& file, const std::string& card_id, const std::string& column) const;
};

PoImport read_po_translation(const std::string& file, std::string_view text, const DeckFiles& current);

} // namespace trainer::authoring
