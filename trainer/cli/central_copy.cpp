#include "trainer/cli/central_copy.hpp"

#include "trainer/central/devices.hpp"
#include "trainer/central/sync_client.hpp"
#include "trainer/identity/pin_key.hpp"
#include "trainer/store/events.hpp"
#include "trainer/sync/exchange.hpp"
#include "trainer/sync/local_log.hpp"

#include <algorithm>
#include <cstdlib>
#include <iostream>
#include <stdexcept>

namespace trainer::cli {
namespace {

// A folder only this user can enter (mkdtemp makes it 0700), removed with everything in it.
struct PrivateDir {
    std::filesystem::path path;
    PrivateDir() {
        std::string tmpl = (std::filesystem::temp_directory_path() / "trainer-central-XXXXXX").string();
        if (!::mkdtemp(tmpl.data())) throw std::runtime_error("cannot create a private temporary folder in " + tmpl);
        path = tmpl;
    }
    ~PrivateDir() {
        std::error_code ec;
        std::filesystem::remove_all(path, ec);
    }
    PrivateDir(const PrivateDir&) = delete;
    PrivateDir& operator=(const PrivateDir&) = delete;
};

std::int64_t last_seq(store::Database& db) {
    auto st = db.prepare("SELECT coalesce(max(seq), 0) FROM events");
    st.step();
    return st.int64(0);
}

} // namespace

int run_on_central_copy(const Args& a, Io& io, int (*run)(const Args&, Io&)) {
    auto desk = open_db(a);
    const auto cred_path = central::credential_path(db_path(a));
    if (!std::filesystem::exists(cred_path)) {
        io.err << "trainer: --central needs a desk that joined a central store (trainer central join URL "
                  "--device-file F); "
               << db_path(a).string() << " has not\n";
        return 1;
    }
    const auto cred = central::read_credential(cred_path);
    PrivateDir dir;
    const auto copy_path = dir.path / "central.db";
    std::error_code ec;
    if (std::filesystem::exists(identity::pin_key_path(desk.path()), ec))
        std::filesystem::copy_file(identity::pin_key_path(desk.path()), identity::pin_key_path(copy_path), ec);
    const std::string kiosk = store::kiosk_id_of(desk);
    std::int64_t pulled_through = 0;
    {
        store::OpenOptions o;
        o.create_if_missing = true;
        auto copy = store::Database::open(copy_path, o);
        store::meta_set(copy, "kiosk_id", kiosk);
        sync::set_organisation_id(copy, cred.organisation_id);
        SystemClock clock;
        sync::SqliteLocalLog log(copy, clock);
        try {
            auto conn = central::connect_device(cred);
            central::SyncOptions so;
            so.batch = 5000;
            so.whole_snapshot = true; // a report of what the centre holds now (sync_client.hpp)
            const auto r = central::pull_scope(conn, log, so);
            io.err << "central store: " << r.pulled << " records this desk (" << cred.device << ") may read\n";
        } catch (const central::CentralError& e) {
            io.err << "trainer: --central: " << central::calm_message(e) << "\n  (" << e.what() << ")\n";
            return e.kind() == central::ErrorKind::offline ? 3 : 1;
        }
        pulled_through = last_seq(copy);
    }
    Args on_copy = a;
    on_copy.values["db"] = copy_path.string();
    on_copy.flags.erase(std::remove(on_copy.flags.begin(), on_copy.flags.end(), "central"), on_copy.flags.end());
    const int rc = run(on_copy, io);
    // The export's audit entry belongs in the desk's log, not in a copy about to be deleted.
    auto copy = store::Database::open(copy_path);
    auto st = copy.prepare("SELECT type, coalesce(person_id, ''), payload FROM events "
                           "WHERE seq > ?1 AND kiosk_id = ?2 AND type LIKE 'export.%' ORDER BY seq");
    st.bind_all(pulled_through, kiosk);
    SystemClock clock;
    store::EventStore desk_events(desk, clock, kiosk);
    while (st.step()) {
        auto payload = store::Payload::parse(st.text(2));
        payload.set("central", cred.device);
        desk_events.append({st.text(0), st.text(1), std::move(payload)});
    }
    return rc;
}

} // namespace trainer::cli
