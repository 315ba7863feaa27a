// libFuzzer: one deck document as text → JsonSource + parse_deck (the loader's per-file step).
// Promise under test: never throws, never crashes, positions stay inside the text.
#include "trainer/content/deck_parser.hpp"
#include "trainer/content/json_source.hpp"

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace trainer::content;
    const auto src =
        JsonSource::from_text(std::string(reinterpret_cast<const char*>(data), size), "fuzz.json");
    std::vector<Diagnostic> out(src.diagnostics());
    if (src.parsed()) parse_deck(src, out);
    for (const auto& d : out) {
        if (d.line < 0 || (d.line > 0 && d.column < 1) ||
            static_cast<std::size_t>(d.line) > size + 1)
            std::abort();
        (void)d.to_string();
    }
    return 0;
}
