#include "trainer/authoring/sheet_import.hpp"

// [SECTION] Header: every column named once, every locale complete
// [SECTION] Rows: one card each
// [SECTION] Missing and renamed cards

#include "trainer/content/deck_parser.hpp"
#include "trainer/content/diagnostics.hpp"
#include "trainer/content/model.hpp"

#include <algorithm>
#include <climits>
#include <set>

namespace trainer::authoring {

namespace {

const std::string kEmpty;

bool is_required(std::string_view field) { return field != "keywords"; }

struct Reader {
    const Grid& grid;
    const DeckFiles& current;
    SheetImport& out;
    std::vector<std::size_t> sheet_column; // card column → sheet column

    void error(std::string where, std::string message) {
        out.findings.push_back({true, std::move(where), std::move(message)});
    }
    void warning(std::string where, std::string message) {
        out.findings.push_back({false, std::move(where), std::move(message)});
    }
    std::string at(const GridRow& row, std::string_view column) const {
        return cell_place(grid, row.number, sheet_column[column_index(column)], std::string(column));
    }

    // [SECTION] Header ---------------------------------------------------------------------

    bool header() {
        const auto& columns = card_columns();
        sheet_column.assign(columns.size(), SIZE_MAX);
        const GridRow& head = grid.rows.front();
        for (std::size_t c = 0; c < head.cells.size(); ++c) {
            const std::string name = trim(head.cells[c].text);
            const std::string where = cell_place(grid, head.number, c, "");
            if (name.empty()) continue;
            const std::size_t i = column_index(name);
            if (i == columns.size()) {
                std::string hint;
                std::size_t best = 3;
                for (const auto& known : columns)
                    if (auto d = content::edit_distance(name, known); d < best) best = d, hint = known;
                error(where, "unknown column " + content::quoted_input(name) +
                                 (hint.empty() ? "" : " (did you mean '" + hint + "'?)"));
            } else if (sheet_column[i] != SIZE_MAX) {
                error(where, "column '" + name + "' appears twice (first in column " +
                                 column_letter(sheet_column[i]) + ")");
            } else {
                sheet_column[i] = c;
                out.column_of[name] = c;
            }
        }
        const std::string head_place = row_place(grid, head.number) + " (header)";
        for (std::string_view field : kCardFields)
            if (sheet_column[column_index(field)] == SIZE_MAX)
                error(head_place, "missing column '" + std::string(field) + "'");
        for (std::string_view locale : content::kLocales) {
            std::vector<std::string> missing;
            for (std::string_view field : kTextFields)
                if (sheet_column[column_index(text_column(locale, field))] == SIZE_MAX)
                    missing.push_back(text_column(locale, field));
            if (missing.size() == std::size(kTextFields))
                error(head_place, "missing the " + content::locale_name(locale) +
                                      " columns ('" + missing.front() + "' … '" + missing.back() +
                                      "'): every locale needs its seven columns; start from "
                                      "`trainer content export`");
            else
                for (const auto& name : missing) error(head_place, "missing column '" + name + "'");
        }
        return out.ok();
    }

    // [SECTION] Rows -----------------------------------------------------------------------

    CardRow values(const GridRow& row) {
        CardRow card;
        card.cells.resize(card_columns().size());
        for (std::size_t i = 0; i < sheet_column.size(); ++i) {
            const std::size_t c = sheet_column[i];
            if (c >= row.cells.size()) continue;
            const Cell& cell = row.cells[c];
            if (cell.formula) {
                error(cell_place(grid, row.number, c, card_columns()[i]),
                      "a formula: type the text itself (formulas are refused, their result could "
                      "change after the import)");
            }
            card.cells[i] = i < std::size(kCardFields) ? trim(cell.text) : cell.text;
        }
        return card;
    }

    void check_row(const GridRow& row, CardRow& card, std::map<std::string, std::size_t>& seen) {
        const std::string& id = card.id();
        if (id.empty()) {
            error(at(row, "id"), "missing card id");
            return;
        }
        if (!content::is_valid_id(id)) {
            error(at(row, "id"), content::quoted_input(id) + " is not a valid id: use only a-z, 0-9 and '-'");
            return;
        }
        if (auto [it, fresh] = seen.emplace(id, row.number); !fresh) {
            error(at(row, "id"), "card '" + id + "' appears twice (first in row " +
                                     std::to_string(it->second) + ")");
            return;
        }
        out.row_of[id] = row.number;
        const auto& decks = current.deck_ids();
        if (std::find(decks.begin(), decks.end(), card.deck()) == decks.end())
            error(at(row, "deck"), "unknown deck " + content::quoted_input(card.deck()) +
                                       "; a new deck is added as a file (content/README.md)");
        for (const auto& flag : split_items(card.at("flags"), true))
            if (std::find(std::begin(kFlagNames), std::end(kFlagNames), flag) == std::end(kFlagNames))
                error(at(row, "flags"), "unknown flag " + content::quoted_input(flag) +
                                            "; known: moment-of-truth, customer-effort");
        for (const auto& tag : split_items(card.at("tags"), true))
            if (!content::is_valid_id(tag))
                error(at(row, "tags"), "tag " + content::quoted_input(tag) +
                                           " is not valid: use only a-z, 0-9 and '-'");
        for (std::string_view field : kTextFields)
            if (is_required(field) && trim(card.at(text_column("en", field))).empty())
                error(at(row, text_column("en", field)), "English text is required");

        const CardRow* old = current.find(id);
        check_version(row, card, old);
        check_translations(row, card, old);
    }

    void check_version(const GridRow& row, CardRow& card, const CardRow* old) {
        const int was = old ? std::stoi(old->at("version")) : 0;
        std::string& cell = card.at("version");
        long long v = old ? was : 1;
        if (!cell.empty()) {
            std::size_t used = 0;
            try {
                v = std::stoll(cell, &used);
            } catch (const std::exception&) {
                used = 0;
            }
            if (used != cell.size() || v < 1 || v > INT_MAX) {
                error(at(row, "version"), "expected a whole number >= 1, found " + content::quoted_input(cell));
                return;
            }
        }
        if (old && v < was) {
            error(at(row, "version"), "version " + std::to_string(v) + " is below the current " +
                                          std::to_string(was) + "; a version only goes up");
            return;
        }
        if (old && v == was && trim(card.at("en back")) != trim(old->at("en back"))) {
            v = was + 1; // the standard changed: everyone relearns it (content/README.md)
            out.notes.push_back(card.id() + ": the English back (the standard) changed, version " +
                                std::to_string(was) + " → " + std::to_string(v));
        }
        cell = std::to_string(v);
    }

    void check_translations(const GridRow& row, const CardRow& card, const CardRow* old) {
        bool only_english = true, had_translation = false;
        for (std::string_view locale : content::kLocales) {
            if (locale == content::kFallbackLocale) continue;
            for (std::string_view field : kTextFields) {
                const std::string column = text_column(locale, field);
                only_english = only_english && trim(card.at(column)).empty();
                had_translation = had_translation || (old && !trim(old->at(column)).empty());
            }
        }
        if (only_english && had_translation) {
            error(row_place(grid, row.number), "card '" + card.id() +
                      "' has only English here, but Polish and Russian text in the content: the "
                      "import would delete the translations (fill the pl and ru columns)");
            return;
        }
        if (only_english) {
            warning(row_place(grid, row.number), "card '" + card.id() +
                        "' has only English: Polish and Russian learners see English until it is "
                        "translated (`trainer content export --format po`)");
            return;
        }
        if (!old) return;
        for (std::string_view locale : content::kLocales)
            for (std::string_view field : kTextFields) {
                const std::string column = text_column(locale, field);
                if (locale != content::kFallbackLocale && trim(card.at(column)).empty() &&
                    !trim(old->at(column)).empty())
                    error(at(row, column), "empty, but the content has this text: the import would "
                                           "delete it (put the text back)");
            }
    }

    // [SECTION] Missing and renamed cards ------------------------------------------------------

    void missing_and_renamed() {
        std::vector<const CardRow*> missing;
        for (const auto& old : current.rows())
            if (out.row_of.count(old.id()) == 0) missing.push_back(&old);
        if (missing.empty()) return;
        std::set<std::string> ids_missing;
        for (const CardRow* m : missing) ids_missing.insert(m->id());
        std::set<std::string> renamed_from;
        for (const auto& card : out.rows) {
            if (current.find(card.id()) || out.row_of.count(card.id()) == 0) continue;
            std::string candidates;
            for (const CardRow* m : missing)
                if (m->deck() == card.deck()) candidates += (candidates.empty() ? "'" : ", '") + m->id() + "'";
            if (candidates.empty())
                for (const CardRow* m : missing) candidates += (candidates.empty() ? "'" : ", '") + m->id() + "'";
            error(cell_place(grid, out.row_of[card.id()], sheet_column[0], "id"),
                  "card '" + card.id() + "' is not in the content and " + candidates +
                      " is missing from the sheet: it looks renamed. A card id never changes "
                      "(learners' progress is kept by id); put the old id back");
            for (const CardRow* m : missing)
                if (m->deck() == card.deck()) renamed_from.insert(m->id());
        }
        for (const CardRow* m : missing)
            if (renamed_from.count(m->id()) == 0)
                error(grid.file + (grid.sheet.empty() ? "" : ": sheet '" + grid.sheet + "'"),
                      "card '" + m->id() + "' (deck '" + m->deck() +
                          "') is missing from the sheet; the import never removes a standard "
                          "(learners' progress refers to it): put its row back");
    }
};

} // namespace

std::string SheetImport::place(const Grid& grid, const std::string& card_id,
                               const std::string& column) const {
    const auto row = row_of.find(card_id);
    if (row == row_of.end()) return grid.file + ": card '" + card_id + "'";
    const auto col = column_of.find(column);
    if (col == column_of.end()) return row_place(grid, row->second) + " (card '" + card_id + "')";
    return cell_place(grid, row->second, col->second, column);
}

SheetImport read_card_sheet(const Grid& grid, const DeckFiles& current) {
    SheetImport out;
    Reader r{grid, current, out, {}};
    for (const auto& range : grid.merged_ranges)
        r.error(grid.file + ": sheet '" + grid.sheet + "', cells " + range,
                "merged cells: unmerge them, every card needs its own cell in each column");
    if (grid.rows.empty()) {
        r.error(grid.file, "the sheet is empty: expected a header row and one row per card");
        return out;
    }
    if (!r.header()) return out;
    std::map<std::string, std::size_t> seen;
    for (std::size_t i = 1; i < grid.rows.size(); ++i) {
        const GridRow& row = grid.rows[i];
        if (std::all_of(row.cells.begin(), row.cells.end(),
                        [](const Cell& c) { return trim(c.text).empty() && !c.formula; }))
            continue;
        CardRow card = r.values(row);
        r.check_row(row, card, seen);
        out.rows.push_back(std::move(card));
    }
    r.missing_and_renamed();
    return out;
}

} // namespace trainer::authoring
