// libFuzzer: an authoring spreadsheet saved as CSV (`trainer content import FILE.csv`) → read_csv_grid
// and read_card_sheet against the repository's decks. Promise under test
// (trainer/authoring/sheet_files.hpp, sheet_import.hpp): problems come back as findings located by
// row and column; never a crash, never an exception.
#include "trainer/authoring/deck_files.hpp"
#include "trainer/authoring/sheet_files.hpp"
#include "trainer/authoring/sheet_import.hpp"

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

using namespace trainer::authoring;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    static const DeckFiles decks = DeckFiles::load(TRAINER_SOURCE_DIR "/content");
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    std::vector<Finding> findings;
    const auto grid = read_csv_grid("fuzz.csv", text, findings);
    if (error_count(findings) > 0) return 0;
    std::size_t last = 0;
    for (const auto& r : grid.rows) {
        if (r.number <= last) std::abort(); // rows numbered in order, from 1
        last = r.number;
    }
    const auto imported = read_card_sheet(grid, decks);
    for (const auto& f : imported.findings) (void)f.to_string();
    return 0;
}
