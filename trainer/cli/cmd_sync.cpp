// trainer sync: push this desk's records to the central store and pull its scope's.
#include "trainer/central/devices.hpp"
#include "trainer/central/sync_client.hpp"
#include "trainer/cli/cli.hpp"
#include "trainer/sync/local_log.hpp"

#include <iostream>

namespace trainer::cli {
namespace {

int cmd_sync(const Args& a, Io& io) {
    auto db = open_db(a);
    const auto cred_path = central::credential_path(db_path(a));
    if (!std::filesystem::exists(cred_path)) {
        io.err << "trainer sync: this desk has not joined a central store (trainer central join URL --device-file F)\n";
        return 1;
    }
    const auto cred = central::read_credential(cred_path);
    SystemClock clock;
    sync::SqliteLocalLog log(db, clock);
    central::SyncOptions o;
    if (auto b = a.value("batch")) {
        try {
            o.batch = static_cast<std::size_t>(std::stoul(*b));
        } catch (const std::exception&) {
            throw UsageError("--batch: '" + *b + "' is not a number");
        }
        if (o.batch == 0) throw UsageError("--batch must be at least 1");
    }
    try {
        auto conn = central::connect_device(cred);
        const auto r = central::sync_once(conn, log, clock, o);
        io.out << "synced: pushed " << r.pushed << " (already there " << r.duplicates << ", refused "
               << r.refused.size() << "), pulled " << r.pulled << " (new " << r.applied << ")\n";
        for (const auto& f : r.refused) io.err << "refused by the centre: event " << f.event_id << ": " << f.reason << "\n";
        if (r.clock_skew_ms > 5 * 60 * 1000 || r.clock_skew_ms < -5 * 60 * 1000)
            io.err << "this desk's clock differs from the centre's by " << r.clock_skew_ms / 1000 << " s (flagged in the audit)\n";
        return r.refused.empty() ? 0 : 1;
    } catch (const central::CentralError& e) {
        log.record_outcome(false, clock.now_ms(), central::calm_message(e));
        io.err << "trainer sync: " << central::calm_message(e) << "\n  (" << e.what() << ")\n";
        const auto s = log.state();
        io.err << "  " << s.waiting << " records wait on this desk\n";
        return e.kind() == central::ErrorKind::offline ? 3 : 1;
    }
}

const Registration kSync{{"sync", "trainer sync [--batch N]",
                          "push this desk's records to the central store and pull those of its scope",
                          {{"batch", true}}, cmd_sync, 0}};

} // namespace
} // namespace trainer::cli
