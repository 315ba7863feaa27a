// libFuzzer: an authoring workbook (`trainer content import FILE.xlsx`) → read_xlsx_grid (minizip +
// expat) and read_card_sheet against the repository's decks. Promise under test
// (trainer/authoring/sheet_files.hpp): a file that is not a readable workbook is an AuthoringError
// naming the file; never a crash, never another exception.
#include "fuzz_support_file.hpp"

#include "trainer/authoring/deck_files.hpp"
#include "trainer/authoring/sheet_files.hpp"
#include "trainer/authoring/sheet_import.hpp"

#include <string>

using namespace trainer::authoring;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    static const DeckFiles decks = DeckFiles::load(TRAINER_SOURCE_DIR "/content");
    const auto path = fuzz::input_file(data, size, "cards.xlsx");
    Grid grid;
    try {
        grid = read_xlsx_grid(path.string());
    } catch (const AuthoringError& e) {
        if (std::string(e.what()).find("cards.xlsx") == std::string::npos) std::abort(); // unlocated
        return 0;
    }
    const auto imported = read_card_sheet(grid, decks);
    for (const auto& f : imported.findings) (void)f.to_string();
    return 0;
}
