// libFuzzer: `trainer fsrs replay` input → fsrs::replay. Promise under test
// (trainer/fsrs/replay.hpp): either the output text or a ReplayError; never a crash, never another
// exception, and the output is a JSON array with one card per review.
#include "trainer/fsrs/replay.hpp"

#include <nlohmann/json.hpp>

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    try {
        const auto input = trainer::fsrs::parse_replay_input(text);
        const auto out = trainer::fsrs::format_replay_output(trainer::fsrs::run_replay(input));
        const auto parsed = nlohmann::json::parse(out);
        if (!parsed.is_array() || parsed.size() != input.reviews.size()) std::abort();
    } catch (const trainer::fsrs::ReplayError&) {
    }
    return 0;
}
