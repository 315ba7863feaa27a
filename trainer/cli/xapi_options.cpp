#include "trainer/cli/xapi_options.hpp"

#include "trainer/core/paths.hpp"
#include "trainer/quality/motivation_config.hpp"

#include <cstdlib>

namespace trainer::cli {

std::filesystem::path motivation_config_path(const Args& a) {
    if (auto c = a.value("config")) return *c;
    if (const char* env = std::getenv("TRAINER_MOTIVATION_CONFIG")) return env;
    if (std::filesystem::exists("config/motivation.json")) return "config/motivation.json";
    return source_dir() / "config" / "motivation.json";
}

std::optional<TimeMs> since_option(const Args& a, bool required) {
    const auto since_text = a.value("since");
    if (!since_text) {
        if (required) throw UsageError("--since DATE is required (YYYY-MM-DD or an ISO time)");
        return std::nullopt;
    }
    auto since = parse_date(*since_text);
    if (!since) since = parse_iso_ms(*since_text);
    if (!since) throw UsageError("--since expects YYYY-MM-DD or YYYY-MM-DDTHH:MM:SSZ, got '" + *since_text + "'");
    return since;
}

quality::XapiOptions xapi_options(const Args& a) {
    quality::XapiOptions o;
    if (auto h = a.value("home-page")) o.home_page = *h;
    if (auto k = a.value("actor")) {
        if (*k != "opaque" && *k != "external_id" && *k != "email")
            throw UsageError("--actor expects opaque, external_id or email, got '" + *k + "'");
        o.actor = *k;
    }
    try {
        o.qa_pass_mark = quality::read_motivation_config(motivation_config_path(a)).qa_pass_mark;
    } catch (const quality::ConfigError&) {
        // No usable motivation config: the documented default pass mark applies.
    }
    return o;
}

} // namespace trainer::cli
