// libFuzzer: a QA-tool CSV export → csv::parse + quality::import_scores with the shipped
// MaestroQA mapping and the repository's scorecard. Promise under test: bad rows become located
// issues and nothing is written; never a crash, never another exception.
#include "fuzz_support.hpp"

#include "trainer/core/clock.hpp"
#include "trainer/quality/scores_import.hpp"

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

using namespace trainer;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const auto& content = fuzz::repo_content();
    static const auto mapping = quality::read_scores_mapping(
        TRAINER_SOURCE_DIR "/content/quality/mappings/maestroqa.json", &content);
    auto db = fuzz::people_db();
    FixedClock clock(1'800'000'000'000);
    store::EventStore events(db, clock, "fuzz");
    const auto table = csv::parse(std::string_view(reinterpret_cast<const char*>(data), size));
    const auto r = quality::import_scores(events, content, identity::cli_admin(), mapping, table);
    if (!r.ok() && events.count() != 0) std::abort(); // a refused file wrote something
    for (const auto& i : r.issues)
        if (i.row == 0 || i.message.empty()) std::abort();
    return 0;
}
