// libFuzzer: a translated PO file brought back (`trainer content import FILE.po`) → parse_po and
// read_po_translation against the repository's decks. Promise under test
// (trainer/authoring/po_file.hpp, po_import.hpp): problems come back as findings naming the file;
// never a crash, never an exception.
#include "trainer/authoring/deck_files.hpp"
#include "trainer/authoring/po_file.hpp"
#include "trainer/authoring/po_import.hpp"

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

using namespace trainer::authoring;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    static const DeckFiles decks = DeckFiles::load(TRAINER_SOURCE_DIR "/content");
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    std::vector<Finding> findings;
    const auto po = parse_po("fuzz.po", text, findings);
    for (const auto& e : po.entries)
        if (e.line == 0 || e.line > size + 1) std::abort(); // a line outside the text
    const auto imported = read_po_translation("fuzz.po", text, decks);
    for (const auto& f : imported.findings) (void)f.to_string();
    return 0;
}
