#pragma once
// Shared by the central-store tests: the throwaway cluster that pg_cluster.sh started (its env
// file), a fresh database per centre (so tests can run side by side), and desks with their own
// SQLite file, clock and device credential.
#include "../unit/change_fixture.hpp"
#include "../unit/support.hpp"

#include "trainer/central/devices.hpp"
#include "trainer/central/schema.hpp"
#include "trainer/central/sync_client.hpp"
#include "trainer/store/events.hpp"
#include "trainer/sync/local_log.hpp"

#include <catch2/catch.hpp>

#include <cstdlib>
#include <fstream>
#include <map>
#include <memory>
#include <random>
#include <string>
#include <thread>

namespace central_test {

using namespace trainer;

// The cluster's state folder: $TRAINER_PG_STATE (a test that kills its own cluster), else the
// shared one the ctest fixture starts.
inline std::string state_dir() {
    const char* env = std::getenv("TRAINER_PG_STATE");
    return env && *env ? env : TRAINER_PG_STATE;
}

inline const std::map<std::string, std::string>& cluster() {
    static const std::map<std::string, std::string> env = [] {
        std::map<std::string, std::string> m;
        std::ifstream in(state_dir() + "/env");
        std::string line;
        while (std::getline(in, line))
            if (auto eq = line.find('='); eq != std::string::npos) m[line.substr(0, eq)] = line.substr(eq + 1);
        return m;
    }();
    if (env.empty()) FAIL("no test cluster: run tests/central/pg_cluster.sh start " TRAINER_PG_STATE " (ctest does)");
    return env;
}

inline std::string admin_url(const std::string& db) {
    const auto& c = cluster();
    return "postgresql:///" + db + "?host=" + c.at("PGHOST") + "&port=" + c.at("PGPORT") + "&user=trainer_admin";
}
// Devices come over TCP with a password; TLS verify-full against the CA the cluster made.
inline std::string device_url(const std::string& db, const std::string& host = "localhost",
                              const std::string& ca_key = "CA") {
    const auto& c = cluster();
    return "postgresql://" + host + ":" + c.at("PGPORT") + "/" + db + "?sslmode=verify-full&sslrootcert=" +
           c.at(ca_key);
}

inline std::string random_name(const char* prefix) {
    std::random_device rd;
    char buf[16];
    std::snprintf(buf, sizeof buf, "%08x", rd());
    std::string out(prefix);
    out += buf;
    return out;
}

// A fresh central database, initialised for organisation `org`, dropped with its roles at the end.
struct Centre {
    std::string db = random_name("c");
    std::string org;
    central::PgConnection admin;

    explicit Centre(std::string organisation = "acme", bool init = true)
        : org(std::move(organisation)), admin(create(db)) {
        if (init) central::init_central(admin, org);
    }
    ~Centre() {
        try {
            auto root = central::PgConnection::open(admin_url("postgres"));
            root.exec("DROP DATABASE IF EXISTS " + db + " WITH (FORCE)");
            auto roles = root.exec("SELECT rolname FROM pg_roles WHERE rolname LIKE $1", {db + "\\_%"});
            for (int i = 0; i < roles.rows(); ++i) root.exec("DROP ROLE IF EXISTS \"" + roles.text(i, 0) + "\"");
        } catch (...) {
        }
    }
    static central::PgConnection create(const std::string& name) {
        auto root = central::PgConnection::open(admin_url("postgres"));
        root.exec("CREATE DATABASE " + name);
        return central::PgConnection::open(admin_url(name));
    }
    long long count(const std::string& sql) { return admin.exec(sql).int64(0, 0); }
};

// Syncs until nothing in scope waits behind the cluster's transaction horizon. xids are
// cluster-wide: a transaction open in another test's database holds pulls back here too (late,
// never skipped), so a test that checks completeness waits for it to end.
inline central::SyncReport settle(central::PgConnection& conn, sync::LocalLog& log, const Clock& clock,
                                  const central::SyncOptions& o = {}) {
    central::SyncReport total;
    for (int round = 0;; ++round) {
        const auto r = central::sync_once(conn, log, clock, o);
        total.pushed += r.pushed;
        total.duplicates += r.duplicates;
        total.refused.insert(total.refused.end(), r.refused.begin(), r.refused.end());
        total.pulled += r.pulled;
        total.applied += r.applied;
        total.clock_skew_ms = r.clock_skew_ms;
        const auto cur = log.cursor();
        const auto pending = conn.exec("SELECT count(*) FROM central.events WHERE (xid, seq) > ($1::xid8, $2::bigint)",
                                       {cur.xid, std::to_string(cur.seq)}).int64(0, 0);
        // Settled: nothing new at the centre for this desk, and nothing of the desk's own left to push
        // (the audit entries of refusals are written after a push, so they go in the next round).
        if (pending == 0 && log.unacknowledged_events(1).empty()) return total;
        // Held back this long means a transaction somewhere in the cluster never ends: say so
        // rather than let a completeness check fail as if rows were skipped.
        if (round > 400) {
            FAIL_CHECK("sync did not settle: " << pending << " rows wait behind the transaction horizon");
            return total;
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
}

// A desk: its own database file, clock and credential.
struct Desk {
    test::TempDir dir;
    std::string name;
    store::Database db;
    FixedClock clock{SystemClock().now_ms()}; // near the centre's clock: no skew flag
    std::unique_ptr<store::EventStore> events;
    central::DeviceCredential cred;

    Desk(Centre& centre, std::string device, const std::string& scope = "all")
        : name(std::move(device)), db(open(dir / "desk.db")) {
        store::meta_set(db, "kiosk_id", name);
        events = std::make_unique<store::EventStore>(db, clock, name);
        cred = central::enrol_device(centre.admin, name, central::parse_scope(scope));
        cred.url = device_url(centre.db);
    }
    static store::Database open(const std::filesystem::path& p) {
        store::OpenOptions o;
        o.create_if_missing = true;
        return store::Database::open(p, o);
    }
    central::SyncReport sync(const central::SyncOptions& o = {}) {
        auto conn = central::connect_device(cred);
        sync::SqliteLocalLog log(db, clock);
        return settle(conn, log, clock, o);
    }
    // A recorded event of `type` for `person` (a stand-in for what a screen records).
    store::Event record(const std::string& type, const std::string& person, nlohmann::json payload = nlohmann::json::object()) {
        return events->record({.type = type, .person_id = person, .payload = std::move(payload)});
    }
    long long count(const std::string& where = "1") {
        auto st = db.prepare("SELECT count(*) FROM events WHERE " + where);
        st.step();
        return st.int64(0);
    }
    std::int64_t waiting() {
        sync::SqliteLocalLog log(db, clock);
        return log.state().waiting;
    }
};

// Runs SQL through psql as the desk (a script file, so it may hold dollar quotes and COPY data),
// its password in the environment (not on the command line). Stops at the first error.
inline int psql_as(const Desk& d, const std::string& sql, std::string* out) {
    const auto& c = cluster();
    const auto script = d.dir / "psql.sql";
    std::ofstream(script) << sql << "\n";
    const std::string cmd = "PGPASSWORD='" + d.cred.password + "' " + c.at("PGBIN") + "/psql '" + d.cred.url +
                            "' -U '" + d.cred.user + "' -X -q -A -t -v ON_ERROR_STOP=1 -f '" + script.string() + "'";
    return test::run_command(cmd, out);
}

} // namespace central_test
