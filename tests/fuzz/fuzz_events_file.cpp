// libFuzzer: a file for `trainer events import` → read_events_file, then import_events into a fresh
// in-memory database of the file's organisation. Promise under test (trainer/sync/events_file.hpp,
// exchange.hpp): a bad file is an ImportRefused naming the file and line; an accepted file either
// imports or is refused as a whole (ImportRefused / StoreError); never a crash, never another exception.
#include "fuzz_support_file.hpp"

#include "trainer/store/database.hpp"
#include "trainer/sync/events_file.hpp"

#include <string>

using namespace trainer;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const auto path = fuzz::input_file(data, size, "events.jsonl");
    sync::EventsFile file;
    try {
        file = sync::read_events_file(path, store::Database::latest_version());
    } catch (const sync::ImportRefused& e) {
        if (std::string(e.what()).find("events.jsonl") == std::string::npos) std::abort(); // unlocated
        return 0;
    }
    auto db = store::Database::open_memory();
    try {
        if (!file.organisation_id.empty()) sync::set_organisation_id(db, file.organisation_id);
        sync::ImportOptions options;
        options.source = "file events.jsonl";
        (void)sync::import_events(db, file.events, options);
    } catch (const sync::ImportRefused&) {
    } catch (const store::StoreError&) {
    }
    return 0;
}
