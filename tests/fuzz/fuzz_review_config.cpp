// libFuzzer: a review config file (`trainer review ... --config FILE`) → cards::from_json, then the
// accepted config drives the FSRS scheduler through a short run of reviews. Promise under test
// (trainer/cards/review_config.hpp): every bad entry is an error naming its key and the default is
// kept; an accepted config schedules every rating without a crash, an exception or a due time in
// the past.
#include "trainer/cards/review_config.hpp"
#include "trainer/fsrs/scheduler.hpp"

#include <nlohmann/json.hpp>

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <vector>

using namespace trainer;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const auto j = nlohmann::json::parse(data, data + size, nullptr, /*allow_exceptions=*/false);
    if (j.is_discarded()) return 0; // the CLI reports invalid JSON before reading the config
    std::vector<std::string> errors;
    const auto config = cards::from_json(j, &errors);
    for (const auto& e : errors)
        if (e.rfind("review config: ", 0) != 0) std::abort(); // unnamed
    if (!errors.empty()) return 0;
    const fsrs::Scheduler scheduler(config.fsrs_parameters());
    TimeMs now = 1'790'000'000'000; // 2026-09-21
    auto card = fsrs::new_card(now);
    const fsrs::Rating ratings[] = {fsrs::Rating::Again, fsrs::Rating::Hard, fsrs::Rating::Good,
                                    fsrs::Rating::Easy, fsrs::Rating::Again, fsrs::Rating::Good};
    for (const auto r : ratings) {
        card = scheduler.review(card, now, r);
        if (card.due < now) std::abort();
        now = card.due;
    }
    return 0;
}
