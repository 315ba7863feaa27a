#pragma once
// The options `export xapi` and `xapi push` share: --since, --actor, --home-page and the QA pass
// mark from the motivation config (--config, $TRAINER_MOTIVATION_CONFIG, config/motivation.json).
#include "trainer/cli/cli.hpp"
#include "trainer/core/time.hpp"
#include "trainer/quality/xapi.hpp"

#include <filesystem>
#include <optional>

namespace trainer::cli {

// The motivation config's path (also the `motivation` command's).
std::filesystem::path motivation_config_path(const Args& a);
// --since as a time; UsageError when it is malformed (or missing and required).
std::optional<TimeMs> since_option(const Args& a, bool required);
// --actor, --home-page and the pass mark.
quality::XapiOptions xapi_options(const Args& a);

} // namespace trainer::cli
