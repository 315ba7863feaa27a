// libFuzzer: one content file, of any kind an author (or anyone who can drop a file into content/)
// provides, through the loader and validator the kiosk and `trainer content check` use. The first
// byte picks the kind (byte % 9): a deck, an onboarding module or track, one of the four change
// files, a QA scorecard, a local-rules file; the rest is the file.
// - A deck is loaded with load_content from a folder holding a small base deck beside it, so the
//   rules across files (duplicate deck and card ids, orders) are reached.
// - Every other kind goes through its kind loader (trainer/content/kinds.hpp), as load_content
//   calls it, against the repository's content loaded once: links to real cards, decks and
//   modules resolve. A track is loaded beside one real module; a change file beside the other three
//   real change files.
// Each input is one file written to a folder prepared once per process, so the rate is that of
// parsing and validating one file (bench/results.md), not of loading the whole bundled set.
// Promise under test: never throws, never crashes; a deck set is handed out only when it has no
// error; every finding has a line and column a person can find (or none, for a whole file).
#include "fuzz_support.hpp"
#include "trainer/content/kinds.hpp"

#include <nlohmann/json.hpp>

#include <unistd.h>

#include <array>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <string_view>

namespace fs = std::filesystem;
using trainer::content::ContentSet;
using trainer::content::LoadResult;

namespace {

enum Slot { Deck, Module, Track, Pulse, Phases, Maturity, Rollouts, Scorecard, Rules, kSlots };

const fs::path kRepo = TRAINER_SOURCE_DIR "/content";

void copy_in(const fs::path& from, const fs::path& to) {
    fs::create_directories(to.parent_path());
    fs::copy_file(from, to, fs::copy_options::overwrite_existing);
}

// One folder per process, removed at exit (registered after the folders exist, so it runs first).
struct Work {
    fs::path root = fs::temp_directory_path() / ("fuzz-content-" + std::to_string(::getpid()));
    std::array<fs::path, kSlots> dir, file;
    ContentSet base; // the repository's content; a kind loader replaces its own part, undone after

    Work() : base(fuzz::repo_content()) {
        fs::remove_all(root);
        const char* change_files[] = {"pulse.json", "phases.json", "maturity.json", "rollouts.json"};
        for (int s = 0; s < kSlots; ++s) dir[s] = root / std::to_string(s);
        file[Deck] = dir[Deck] / "decks" / "50-input.json";
        copy_in(TRAINER_SOURCE_DIR "/tests/data/fuzz/fuzz_content-base-deck.json",
                dir[Deck] / "decks" / "10-base.json");
        file[Module] = dir[Module] / "modules" / "input.json";
        file[Track] = dir[Track] / "tracks" / "input.json";
        copy_in(kRepo / "modules" / "s-lead-coaching-signoff.json",
                dir[Track] / "modules" / "s-lead-coaching-signoff.json");
        for (int s = Pulse; s <= Rollouts; ++s) {
            for (const char* name : change_files)
                copy_in(kRepo / "change" / name, dir[s] / "change" / name);
            file[s] = dir[s] / "change" / change_files[s - Pulse];
        }
        file[Scorecard] = dir[Scorecard] / "quality" / "input.json";
        file[Rules] = dir[Rules] / "rules" / "input.json";
        for (const auto& f : file) fs::create_directories(f.parent_path());
        std::atexit([] {
            std::error_code ec;
            fs::remove_all(fs::temp_directory_path() / ("fuzz-content-" + std::to_string(::getpid())), ec);
        });
    }
};

LoadResult load_kind(Work& w, int slot) {
    if (slot == Deck) return trainer::content::load_content(w.dir[Deck]);
    LoadResult r;
    ContentSet& set = w.base;
    const auto onboarding = set.onboarding;
    const auto change = set.change;
    const auto quality = set.quality;
    const auto rules = set.rules;
    switch (slot) {
    case Module:
    case Track: trainer::content::load_onboarding(w.dir[slot], set, r); break;
    case Scorecard: trainer::content::load_quality(w.dir[slot], set, r); break;
    case Rules: trainer::content::load_rules(w.dir[slot], set, r); break;
    default: trainer::content::load_change(w.dir[slot], set, r); break;
    }
    set.onboarding = onboarding;
    set.change = change;
    set.quality = quality;
    set.rules = rules;
    return r;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    static Work w;
    if (size == 0) return 0;
    const int slot = data[0] % kSlots;
    std::ofstream(w.file[slot], std::ios::binary | std::ios::trunc)
        .write(reinterpret_cast<const char*>(data + 1), static_cast<std::streamsize>(size - 1));
    const auto r = load_kind(w, slot);
    if (slot == Deck && r.ok() != (r.content != nullptr)) std::abort();
    for (const auto& d : r.diagnostics) {
        if (d.line < 0 || (d.line > 0 && d.column < 1)) std::abort(); // a position a person can find
        (void)d.to_string();
    }
    (void)trainer::content::summarize(r).dump();
    return 0;
}
