// libFuzzer: a survey-tool CSV export → csv::parse + quality::import_surveys with the shipped
// survey mapping. Promise under test: as for the scores import.
#include "fuzz_support.hpp"

#include "trainer/core/clock.hpp"
#include "trainer/quality/surveys_import.hpp"

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

using namespace trainer;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    static const auto mapping = quality::read_survey_mapping(
        TRAINER_SOURCE_DIR "/content/quality/mappings/survey-sample.json");
    auto db = fuzz::people_db();
    FixedClock clock(1'800'000'000'000);
    store::EventStore events(db, clock, "fuzz");
    const auto table = csv::parse(std::string_view(reinterpret_cast<const char*>(data), size));
    const auto r = quality::import_surveys(events, identity::cli_admin(), mapping, table);
    if (!r.ok() && events.count() != 0) std::abort();
    for (const auto& i : r.issues)
        if (i.row == 0 || i.message.empty()) std::abort();
    return 0;
}
