// libFuzzer: the organisation settings (config/organisation.json) → parse_organisation_config.
// Promise under test (trainer/app/organisation_config.hpp): a bad file is an OrganisationConfigError
// listing located problems (file:line:column); never a crash, never another exception.
#include "trainer/app/organisation_config.hpp"

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    try {
        (void)trainer::app::parse_organisation_config(std::string(reinterpret_cast<const char*>(data), size),
                                                      "organisation.json");
    } catch (const trainer::app::OrganisationConfigError& e) {
        if (e.problems.empty()) std::abort(); // refused without a reason
        for (const auto& d : e.problems)
            if (d.to_string().find("organisation.json") == std::string::npos) std::abort(); // unlocated
    }
    return 0;
}
