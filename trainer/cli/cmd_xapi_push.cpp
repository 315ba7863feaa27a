// trainer xapi push: learning records to an LRS (README "Sending statements to an LRS"; the rules
// of what counts as stored are in trainer/xapi/push.hpp).
#include "trainer/cli/cli.hpp"
#include "trainer/store/events.hpp"
#include "trainer/cli/xapi_options.hpp"

#include "trainer/content/loader.hpp"
#include "trainer/core/clock.hpp"
#include "trainer/core/text_policy.hpp"
#include "trainer/identity/people.hpp"
#include "trainer/xapi/lrs_settings.hpp"
#include "trainer/xapi/push.hpp"

#include <charconv>
#include <ostream>

namespace trainer::cli {
namespace {

long number_option(const Args& a, const std::string& name, long fallback, long lo, long hi) {
    const auto v = a.value(name);
    if (!v) return fallback;
    long n = 0;
    const auto [ptr, ec] = std::from_chars(v->data(), v->data() + v->size(), n);
    if (ec != std::errc() || ptr != v->data() + v->size() || n < lo || n > hi)
        throw UsageError("--" + name + " expects a whole number from " + std::to_string(lo) + " to " +
                         std::to_string(hi) + ", got '" + *v + "'");
    return n;
}

int cmd_xapi_push(const Args& a, Io& io) {
    const auto lrs_url = a.value("lrs");
    if (!lrs_url) throw UsageError("--lrs URL is required (the LRS's xAPI endpoint)");
    std::string endpoint;
    xapi::LrsCredentials credentials;
    std::vector<std::string> warnings;
    try {
        endpoint = xapi::normalise_endpoint(*lrs_url);
        const auto file = a.value("auth-file");
        const std::filesystem::path path = file ? *file : "";
        credentials = xapi::read_credentials(file ? &path : nullptr, warnings);
    } catch (const xapi::LrsSettingsError& e) {
        throw UsageError(e.what());
    }
    for (const auto& w : warnings) io.err << "warning: " << text::escape_for_display(w) << "\n";

    xapi::PushSettings settings;
    settings.lrs = endpoint;
    settings.batch = static_cast<std::size_t>(number_option(a, "batch", 50, 1, 1000));
    settings.retries = static_cast<int>(number_option(a, "retries", 5, 0, 20));
    settings.backoff_ms = number_option(a, "backoff-ms", 1000, 1, 60'000);
    settings.since_ms = since_option(a, false);
    const long timeout_ms = number_option(a, "timeout", 30, 1, 600) * 1000;
    const quality::XapiOptions options = xapi_options(a);

    const content::LoadResult loaded = content::load_content(content_dir(a));
    store::Database db = open_db(a);
    SystemClock clock;
    store::EventStore events(db, clock, store::kiosk_id_of(db));
    xapi::CurlLrs lrs(endpoint, credentials, timeout_ms);
    const xapi::PushReport r = xapi::push_statements(events, loaded.content.get(), options, lrs, settings);

    const char* outcome = r.outcome == xapi::PushOutcome::Done           ? "done"
                          : r.outcome == xapi::PushOutcome::Refused      ? "refused"
                          : r.outcome == xapi::PushOutcome::Unauthorised ? "unauthorised"
                                                                         : "unreachable";
    // The audit names the endpoint, never the credentials.
    events.append({"export.xapi_push", identity::cli_admin().person_id,
                   {{"actor", identity::cli_admin().label()}, {"destination", endpoint}, {"statements", r.sent},
                    {"through_seq", r.through_seq}, {"outcome", outcome}}});
    io.err << "sent " << r.sent << " statement" << (r.sent == 1 ? "" : "s") << " to " << endpoint << "\n";
    if (r.outcome == xapi::PushOutcome::Done) return 0;
    io.err << "stopped: " << text::escape_for_display(r.message) << "\n"
           << "What the LRS acknowledged is marked sent (through event #" << r.through_seq
           << "); the next push resumes after it.\n";
    if (r.outcome == xapi::PushOutcome::Unreachable) return 3;
    if (r.outcome == xapi::PushOutcome::Unauthorised) return 4;
    return 1;
}

const Registration kXapiPush{
    {"xapi push",
     "trainer xapi push --lrs URL [--auth-file FILE] [--batch N] [--retries N] [--backoff-ms MS] "
     "[--timeout SECONDS] [--since DATE] [--actor opaque|external_id|email] [--home-page URL]",
     "send the learning records to an LRS as xAPI statements, resuming after the last one it stored",
     {{"lrs", true}, {"auth-file", true}, {"batch", true}, {"retries", true}, {"backoff-ms", true},
      {"timeout", true}, {"since", true}, {"actor", true}, {"home-page", true}, {"config", true}},
     cmd_xapi_push, 0}};

} // namespace
} // namespace trainer::cli
