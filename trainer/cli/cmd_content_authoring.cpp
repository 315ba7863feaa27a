// trainer content export --format xlsx|csv|po [--lang pl|ru] [--out FILE|-]
// trainer content import FILE.xlsx|FILE.csv|FILE.po [--dry-run]
// Authoring without JSON (content/README.md, "Authoring in a spreadsheet").
#include "trainer/authoring/deck_files.hpp"
#include "trainer/core/read_all.hpp"
#include "trainer/authoring/po_import.hpp"
#include "trainer/authoring/sheet_files.hpp"
#include "trainer/authoring/sheet_import.hpp"
#include "trainer/cli/cli.hpp"
#include "trainer/csv/csv.hpp"

#include <cstdio>
#include <fstream>
#include <iostream>
#include <iterator>
#include <random>

namespace trainer::cli {
namespace {

namespace fs = std::filesystem;
using namespace trainer::authoring;

void write_text(const std::string& out, const std::string& text, Io& io) {
    if (out == "-") {
        io.out << text;
        return;
    }
    const std::string part = out + ".partial";
    {
        std::ofstream f(part, std::ios::binary | std::ios::trunc);
        f << text;
        if (!f.flush()) throw AuthoringError(out + ": cannot write");
    }
    fs::rename(part, out);
}

int cmd_content_export(const Args& a, Io& io) {
    const std::string format = a.value("format").value_or("csv");
    const std::string out = a.value("out").value_or("-");
    try {
        const DeckFiles decks = DeckFiles::load(content_dir(a));
        if (format == "csv") {
            write_text(out, to_csv(export_rows(decks)), io);
        } else if (format == "po") {
            const auto lang = a.value("lang");
            if (!lang) throw UsageError("--format po needs --lang pl or --lang ru");
            write_text(out, to_po(decks, *lang), io);
        } else if (format == "xlsx") {
            if (out != "-") {
                write_xlsx(export_rows(decks), out);
            } else { // a workbook is a file; stream it once it is complete
                std::random_device rd;
                const fs::path tmp = fs::temp_directory_path() / ("trainer-cards-" + std::to_string(rd()) + ".xlsx");
                write_xlsx(export_rows(decks), tmp.string());
                std::ifstream in(tmp, std::ios::binary);
                io.out << in.rdbuf();
                fs::remove(tmp);
            }
        } else {
            throw UsageError("--format " + format + ": expected xlsx, csv or po");
        }
        if (out != "-")
            io.err << "exported " << decks.rows().size() << " cards to " << out << "\n";
        return 0;
    } catch (const AuthoringError& e) {
        io.err << e.what() << "\n";
        return 1;
    }
}

std::string read_all(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw AuthoringError(path + ": cannot read");
    return trainer::read_all(in);
}

int report(const std::vector<Finding>& findings, Io& io) {
    for (const auto& f : findings) io.err << f.to_string() << "\n";
    return error_count(findings);
}

int refused(const std::string& file, const std::vector<Finding>& findings, Io& io) {
    io.err << "content import REFUSED: " << file << ": " << error_count(findings)
           << " error(s); nothing changed\n";
    return 1;
}

int cmd_content_import(const Args& a, Io& io) {
    const std::string file = a.arg(0, "FILE");
    const bool dry_run = a.flag("dry-run");
    const std::string ext = fs::path(file).extension().string();
    try {
        const DeckFiles decks = DeckFiles::load(content_dir(a));
        std::vector<CardRow> rows;
        std::vector<std::string> notes;
        std::vector<Finding> findings;
        PlaceOf place;
        Grid grid;
        SheetImport sheet;
        PoImport po;
        if (ext == ".xlsx" || ext == ".csv") {
            if (ext == ".xlsx") {
                grid = read_xlsx_grid(file);
            } else { // UTF-8 (with or without BOM) or UTF-16, as spreadsheet programs save it
                std::string encoding;
                const std::string text = csv::read_input_text(file, std::nullopt, io.in, &encoding);
                if (encoding.rfind("utf", 0) != 0) // one code page cannot hold Polish and Russian
                    throw AuthoringError(file + ": saved as " + encoding + ", which cannot hold Polish and "
                                         "Russian together; save it as \"CSV UTF-8\" (or use .xlsx)");
                grid = read_csv_grid(file, text, findings);
            }
            if (error_count(findings) == 0) {
                sheet = read_card_sheet(grid, decks);
                findings.insert(findings.end(), sheet.findings.begin(), sheet.findings.end());
                rows = sheet.rows;
                notes = sheet.notes;
            }
            place = [&](const std::string& id, const std::string& column) { return sheet.place(grid, id, column); };
        } else if (ext == ".po") {
            po = read_po_translation(file, read_all(file), decks);
            findings = po.findings;
            rows = po.rows;
            place = [&](const std::string& id, const std::string& column) { return po.place(file, id, column); };
        } else {
            throw UsageError(file + ": expected a .xlsx, .csv or .po file");
        }
        if (report(findings, io) > 0) return refused(file, findings, io);

        const CommitResult done = decks.commit(rows, place, dry_run);
        if (report(done.findings, io) > 0) return refused(file, done.findings, io);
        for (const auto& n : notes) io.out << n << "\n";
        std::size_t changed = 0, added = 0;
        for (const auto& row : rows) {
            const CardRow* old = decks.find(row.id());
            if (!old) ++added;
            else if (old->cells != row.cells) ++changed;
        }
        io.out << "content import" << (dry_run ? " (dry run, nothing written)" : "") << ": " << file
               << ": " << changed << " card(s) changed, " << added << " new, " << notes.size()
               << " version(s) raised";
        if (!done.changed_files.empty()) {
            io.out << "; wrote";
            for (const auto& f : done.changed_files) io.out << " " << f;
            io.out << "\n(run `trainer cards lexicon` to refresh the search word forms)";
        }
        io.out << "\n";
        return 0;
    } catch (const AuthoringError& e) {
        io.err << e.what() << "\ncontent import REFUSED: nothing changed\n";
        return 1;
    } catch (const UsageError&) {
        throw;
    } catch (const std::exception& e) { // a damaged file the readers did not foresee
        io.err << file << ": " << e.what() << "\ncontent import REFUSED: nothing changed\n";
        return 1;
    }
}

const Registration kContentExport{
    {"content export",
     "trainer content export [--format xlsx|csv|po] [--lang pl|ru] [--out FILE|-]",
     "the standards cards as a spreadsheet (one row per card, columns per locale) or a PO file "
     "for translators (default csv to standard output)",
     {{"format", true}, {"lang", true}, {"out", true}},
     cmd_content_export,
     0}};

const Registration kContentImport{
    {"content import",
     "trainer content import FILE.xlsx|FILE.csv|FILE.po [--dry-run]",
     "bring an edited spreadsheet or a translated PO file back into the deck files; any error "
     "refuses the whole file and changes nothing",
     {{"dry-run", false}},
     cmd_content_import,
     1}};

} // namespace
} // namespace trainer::cli
