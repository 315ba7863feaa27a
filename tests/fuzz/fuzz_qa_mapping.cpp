// libFuzzer: a QA-tool column mapping (JSON) → read_scores_mapping and read_surveys_mapping, with
// the repository's content. Promise under test: a bad mapping is a MappingError listing located
// problems (file:line:column); never a crash, never another exception.
#include "fuzz_support.hpp"
#include "fuzz_support_file.hpp"

#include "trainer/quality/scores_import.hpp"
#include "trainer/quality/surveys_import.hpp"

using namespace trainer;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const auto& content = fuzz::repo_content();
    const auto path = fuzz::input_file(data, size, "mapping.json");
    try {
        (void)quality::read_scores_mapping(path, &content);
    } catch (const quality::MappingError& e) {
        if (std::string(e.what()).find("mapping.json") == std::string::npos) std::abort(); // unlocated
    }
    try {
        (void)quality::read_survey_mapping(path);
    } catch (const quality::MappingError&) {
    }
    return 0;
}
