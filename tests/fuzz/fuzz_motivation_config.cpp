// libFuzzer: a motivation config (JSON) → read_motivation_config, checked against the repository's
// content. Promise under test: a bad config is a ConfigError naming file:line:column; never a
// crash, never another exception.
#include "fuzz_support.hpp"
#include "fuzz_support_file.hpp"

#include "trainer/quality/motivation_config.hpp"

using namespace trainer;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const auto& content = fuzz::repo_content();
    const auto path = fuzz::input_file(data, size, "motivation.json");
    try {
        (void)quality::read_motivation_config(path, &content);
    } catch (const quality::ConfigError& e) {
        if (std::string(e.what()).find("motivation.json") == std::string::npos) std::abort();
    }
    return 0;
}
