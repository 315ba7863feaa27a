// libFuzzer: a whole content folder → load_content. The input is split at lines "----" into up
// to four deck files (so cross-file rules such as duplicate ids are reached) written to a
// private temporary folder. Promise under test: never throws, never crashes; a refused set has
// at least one error and an accepted one none.
#include "trainer/content/loader.hpp"

#include <nlohmann/json.hpp>

#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <string_view>

namespace fs = std::filesystem;

namespace {

// One folder per process, removed at exit (registered after the path exists, so it runs first).
const fs::path& work_dir() {
    static const fs::path dir =
        fs::temp_directory_path() / ("fuzz-content-" + std::to_string(::getpid()));
    static const bool cleanup = std::atexit([] {
                                    std::error_code ec;
                                    fs::remove_all(work_dir(), ec);
                                }) == 0;
    (void)cleanup;
    return dir;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const fs::path& dir = work_dir();
    fs::remove_all(dir);
    fs::create_directories(dir / "decks");
    std::string_view rest(reinterpret_cast<const char*>(data), size);
    for (int i = 0; i < 4 && (i == 0 || !rest.empty()); ++i) {
        const auto cut = i < 3 ? rest.find("\n----\n") : std::string_view::npos;
        const auto part = rest.substr(0, cut);
        std::ofstream(dir / "decks" / ("0" + std::to_string(i) + "-deck.json"), std::ios::binary)
            .write(part.data(), static_cast<std::streamsize>(part.size()));
        rest = cut == std::string_view::npos ? std::string_view() : rest.substr(cut + 6);
    }
    const auto r = trainer::content::load_content(dir);
    if (r.ok() != (r.content != nullptr)) std::abort();
    (void)trainer::content::summarize(r).dump();
    return 0;
}
