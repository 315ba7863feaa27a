// Authoring without JSON: the cards as a spreadsheet (csv, xlsx) or a PO file and back, with
// every bad file refused by location and nothing changed (content/README.md, "Authoring in a
// spreadsheet", "Translating with PO files").
#include "support.hpp"

#include "trainer/authoring/deck_files.hpp"
#include "trainer/authoring/po_import.hpp"
#include "trainer/authoring/sheet_files.hpp"
#include "trainer/authoring/sheet_import.hpp"
#include "trainer/content/loader.hpp"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <fstream>
#include <map>
#include <sstream>

using namespace trainer::authoring;
namespace fs = std::filesystem;

namespace {

const std::string kData = TRAINER_TEST_DATA;
const std::string kBundled = std::string(TRAINER_SOURCE_DIR) + "/content";
const std::string kTrainer = TRAINER_BIN_DIR "/trainer";

// A private copy of a content folder, to import into.
fs::path copy_content(const test::TempDir& tmp, const std::string& from) {
    const fs::path to = tmp / "content";
    fs::copy(from, to, fs::copy_options::recursive);
    return to;
}

std::map<std::string, std::string> deck_bytes(const fs::path& content) {
    std::map<std::string, std::string> out;
    for (const auto& e : fs::directory_iterator(content / "decks"))
        out[e.path().filename().string()] = test::read_file(e.path());
    return out;
}

SheetImport import_csv(const std::string& text, const DeckFiles& decks, Grid& grid) {
    std::vector<Finding> findings;
    grid = read_csv_grid("cards.csv", text, findings);
    REQUIRE(findings.empty());
    return read_card_sheet(grid, decks);
}

std::string all(const std::vector<Finding>& findings) {
    std::string s;
    for (const auto& f : findings) s += f.to_string() + "\n";
    return s;
}

const trainer::content::Card& card(const fs::path& content, const std::string& id) {
    static trainer::content::LoadResult loaded; // keeps the set alive for the returned reference
    loaded = trainer::content::load_content(content);
    REQUIRE(loaded.ok());
    const auto* c = loaded.content->find_card(id);
    REQUIRE(c);
    return *c;
}

} // namespace

TEST_CASE("the bundled deck files read back byte for byte as the importer writes them", "[authoring]") {
    for (const auto& e : fs::directory_iterator(kBundled + "/decks")) {
        const std::string text = test::read_file(e.path());
        CHECK(format_deck(nlohmann::ordered_json::parse(text)) == text);
    }
}

TEST_CASE("the bundled cards exported as csv and imported unchanged change nothing", "[authoring]") {
    const DeckFiles decks = DeckFiles::load(kBundled);
    REQUIRE(decks.rows().size() >= 50);
    Grid grid;
    const SheetImport sheet = import_csv(to_csv(export_rows(decks)), decks, grid);
    INFO(all(sheet.findings));
    REQUIRE(sheet.ok());
    CHECK(sheet.notes.empty());
    REQUIRE(sheet.rows.size() == decks.rows().size());
    for (std::size_t i = 0; i < sheet.rows.size(); ++i) CHECK(sheet.rows[i].cells == decks.rows()[i].cells);
    const CommitResult done = decks.commit(sheet.rows, {}, false);
    CHECK(done.ok());
    CHECK_FALSE(done.written);
}

TEST_CASE("the bundled cards exported as xlsx and imported unchanged change nothing", "[authoring]") {
    test::TempDir tmp;
    const DeckFiles decks = DeckFiles::load(kBundled);
    const std::string path = (tmp / "cards.xlsx").string();
    write_xlsx(export_rows(decks), path);
    const Grid grid = read_xlsx_grid(path);
    CHECK(grid.sheet == "cards");
    const SheetImport sheet = read_card_sheet(grid, decks);
    INFO(all(sheet.findings));
    REQUIRE(sheet.ok());
    REQUIRE(sheet.rows.size() == decks.rows().size());
    for (std::size_t i = 0; i < sheet.rows.size(); ++i) CHECK(sheet.rows[i].cells == decks.rows()[i].cells);
    CHECK_FALSE(decks.commit(sheet.rows, {}, false).written);
}

TEST_CASE("a changed English back raises the card's version; a Polish fix keeps it", "[authoring]") {
    test::TempDir tmp;
    const fs::path content = copy_content(tmp, kBundled);
    const DeckFiles decks = DeckFiles::load(content);
    auto rows = export_rows(decks);
    const std::size_t back = column_index("en back"), pl_why = column_index("pl why");
    const std::string first = rows[1][0], second = rows[2][0];
    const int first_version = card(content, first).version, second_version = card(content, second).version;
    rows[1][back] += " Then confirm the customer has understood.";
    rows[2][pl_why] += " To ważne.";
    Grid grid;
    const SheetImport sheet = import_csv(to_csv(rows), decks, grid);
    INFO(all(sheet.findings));
    REQUIRE(sheet.ok());
    REQUIRE(sheet.notes.size() == 1);
    CHECK(sheet.notes[0].find(first) == 0);
    const CommitResult done = decks.commit(sheet.rows, [&](const std::string& id, const std::string& c) {
        return sheet.place(grid, id, c);
    }, false);
    INFO(all(done.findings));
    REQUIRE(done.written);
    CHECK(done.changed_files.size() == 1); // both cards are in the first deck
    CHECK(card(content, first).version == first_version + 1);
    CHECK(card(content, first).text_for("en").back == rows[1][back]);
    CHECK(card(content, second).version == second_version);
    CHECK(card(content, second).text_for("pl").why == rows[2][pl_why]);

    // Exported again and imported unchanged: no further version change.
    const DeckFiles again = DeckFiles::load(content);
    const SheetImport same = import_csv(to_csv(export_rows(again)), again, grid);
    REQUIRE(same.ok());
    CHECK(same.notes.empty());
    CHECK_FALSE(again.commit(same.rows, {}, false).written);
}

TEST_CASE("a title too long for the card is refused at its cell by the content rules", "[authoring]") {
    test::TempDir tmp;
    const fs::path content = copy_content(tmp, kData + "/content_good");
    const auto before = deck_bytes(content);
    const DeckFiles decks = DeckFiles::load(content);
    auto rows = export_rows(decks);
    rows[2][column_index("ru title")] = std::string(70, 'x');
    Grid grid;
    const SheetImport sheet = import_csv(to_csv(rows), decks, grid);
    REQUIRE(sheet.ok());
    const CommitResult done = decks.commit(sheet.rows, [&](const std::string& id, const std::string& c) {
        return sheet.place(grid, id, c);
    }, false);
    REQUIRE_FALSE(done.ok());
    INFO(all(done.findings));
    CHECK(all(done.findings).find("cards.csv: row 3, column T (ru title): error: ") != std::string::npos);
    CHECK(deck_bytes(content) == before);
}

TEST_CASE("a PO file exported and imported untouched changes nothing; a new translation is applied", "[authoring]") {
    test::TempDir tmp;
    const fs::path content = copy_content(tmp, kBundled);
    const DeckFiles decks = DeckFiles::load(content);
    const std::string po = to_po(decks, "ru");
    const PoImport same = read_po_translation("cards.ru.po", po, decks);
    INFO(all(same.findings));
    REQUIRE(same.ok());
    CHECK(same.applied == 0);
    CHECK_FALSE(decks.commit(same.rows, {}, false).written);

    // A translator rewrites the Russian title of the first card.
    const std::string id = decks.rows()[0].id();
    const std::string ctxt = "msgctxt \"" + id + "|title\"\n";
    const auto at = po.find(ctxt);
    REQUIRE(at != std::string::npos);
    const auto msgstr = po.find("msgstr \"", at);
    const auto eol = po.find('\n', msgstr);
    const std::string edited = po.substr(0, msgstr) + "msgstr \"Отвечайте быстро\"" + po.substr(eol);
    const int version = card(content, id).version;
    const PoImport changed = read_po_translation("cards.ru.po", edited, decks);
    REQUIRE(changed.ok());
    CHECK(changed.applied == 1);
    REQUIRE(decks.commit(changed.rows, {}, false).written);
    CHECK(card(content, id).text_for("ru").title == "Отвечайте быстро");
    CHECK(card(content, id).version == version); // a translation is a language fix
}

// tests/data/authoring/expected.tsv: file, exit status, a message the import must print.
TEST_CASE("every bad authoring file is refused or warned with its location and nothing changes", "[authoring]") {
    std::ifstream list(kData + "/authoring/expected.tsv");
    int cases = 0;
    for (std::string line; std::getline(list, line);) {
        if (line.empty() || line[0] == '#') continue;
        std::istringstream fields(line);
        std::string file, status, message;
        std::getline(fields, file, '\t');
        std::getline(fields, status, '\t');
        std::getline(fields, message);
        DYNAMIC_SECTION(file << " #" << cases) {
            test::TempDir tmp;
            const fs::path content = copy_content(tmp, kData + "/content_good");
            const auto before = deck_bytes(content);
            const fs::path input = tmp / file; // messages name the file as given
            fs::copy_file(kData + "/authoring/" + file, input);
            std::string out;
            const int rc = test::run_command("cd " + tmp.path().string() + " && " + kTrainer +
                                                 " content import " + file + " --content content",
                                             &out);
            INFO(out);
            CHECK(rc == std::stoi(status));
            CHECK(out.find(message) != std::string::npos);
            if (rc != 0) CHECK(out.find("nothing changed") != std::string::npos);
            CHECK(deck_bytes(content) == before);
        }
        ++cases;
    }
    CHECK(cases >= 10);
}
