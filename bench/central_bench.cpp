// Central store benchmarks (issue 18; run by bench/run, which starts a throwaway cluster):
//   central_bench STATE_DIR [--agents N] [--days D] [--cards C] [--reviews-per-day R]
// Seeds the history with COPY, then measures: ingest through the staged push from two desks at once,
// the push + pull round trip of 100 events, a new desk's initial pull of a 25-agent team's
// period, and the organisation's monthly motivation inputs. Prints "key value" lines.
#include "trainer/central/devices.hpp"
#include "trainer/central/schema.hpp"
#include "trainer/central/seed.hpp"
#include "trainer/central/sync_client.hpp"
#include "trainer/core/time.hpp"
#include "trainer/store/events.hpp"
#include "trainer/sync/local_log.hpp"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <sys/resource.h>
#include <optional>
#include <thread>
#include <vector>

using namespace trainer;
using Clock_ = std::chrono::steady_clock;

namespace {

double since(Clock_::time_point t) { return std::chrono::duration<double>(Clock_::now() - t).count(); }

double process_cpu_s() {
    rusage u{};
    getrusage(RUSAGE_SELF, &u);
    return static_cast<double>(u.ru_utime.tv_sec + u.ru_stime.tv_sec) +
           static_cast<double>(u.ru_utime.tv_usec + u.ru_stime.tv_usec) / 1e6;
}

struct Desk {
    std::filesystem::path path;
    store::Database db;
    SystemClock clock;
    central::DeviceCredential cred;
    Desk(const std::filesystem::path& p, central::PgConnection& admin, const std::string& name, const std::string& scope,
         const std::string& url)
        : path(p), db(open(p)) {
        store::meta_set(db, "kiosk_id", name);
        cred = central::enrol_device(admin, name, central::parse_scope(scope));
        cred.url = url;
    }
    static store::Database open(const std::filesystem::path& p) {
        std::filesystem::remove(p);
        store::OpenOptions o;
        o.create_if_missing = true;
        return store::Database::open(p, o);
    }
    void record(int n, const std::string& person) {
        store::EventStore ev(db, clock, store::kiosk_id_of(db));
        store::Transaction tx(db);
        for (int i = 0; i < n; ++i) ev.append({.type = "note.written", .person_id = person, .payload = {{"n", i}}});
        tx.commit();
    }
    // One connection kept open, as the kiosk's background sync keeps it (connecting is measured
    // on its own: TLS and SCRAM cost more than a sync of 100 events).
    std::optional<central::PgConnection> conn;
    central::PgConnection& connection() {
        if (!conn) conn.emplace(central::connect_device(cred));
        return *conn;
    }
    central::SyncReport sync() {
        sync::SqliteLocalLog log(db, clock);
        return central::sync_once(connection(), log, clock);
    }
};

} // namespace

int main(int argc, char** argv) {
    if (argc < 2) {
        std::fprintf(stderr, "usage: central_bench STATE_DIR [--agents N] [--days D] [--cards C] [--reviews-per-day R]\n");
        return 2;
    }
    std::map<std::string, std::string> env;
    {
        std::ifstream in(std::string(argv[1]) + "/env");
        std::string line;
        while (std::getline(in, line))
            if (auto eq = line.find('='); eq != std::string::npos) env[line.substr(0, eq)] = line.substr(eq + 1);
    }
    central::SeedOptions seed;
    for (int i = 2; i + 1 < argc; i += 2) {
        const std::string k = argv[i];
        const int v = std::atoi(argv[i + 1]);
        if (k == "--agents") seed.agents = v;
        else if (k == "--days") seed.days = v;
        else if (k == "--cards") seed.cards = v;
        else if (k == "--reviews-per-day") seed.reviews_per_day = v;
    }
    const std::string db = "bench_central";
    const std::string host = "?host=" + env["PGHOST"] + "&port=" + env["PGPORT"] + "&user=trainer_admin";
    {
        auto root = central::PgConnection::open("postgresql:///postgres" + host);
        root.exec("DROP DATABASE IF EXISTS " + db + " WITH (FORCE)");
        auto roles = root.exec("SELECT rolname FROM pg_roles WHERE rolname LIKE 'bench\\_central\\_%'");
        for (int i = 0; i < roles.rows(); ++i) root.exec("DROP ROLE \"" + roles.text(i, 0) + "\"");
        root.exec("CREATE DATABASE " + db);
    }
    auto admin = central::PgConnection::open("postgresql:///" + db + host);
    central::init_central(admin, "bench");
    const std::string url = "postgresql://localhost:" + env["PGPORT"] + "/" + db + "?sslmode=verify-full&sslrootcert=" + env["CA"];
    const auto tmp = std::filesystem::temp_directory_path() / "trainer-central-bench";
    std::filesystem::remove_all(tmp); // a killed run leaves its desks (and their -wal files) behind
    std::filesystem::create_directories(tmp);

    // Seeding: COPY straight into the store.
    const auto s = central::seed_central(admin, seed);
    admin.exec("ANALYZE");
    std::printf("central_seed_events %lld\ncentral_copy_events_per_s %.0f\n", s.events, static_cast<double>(s.events) / s.seconds);

    // Ingest through the staged push (COPY + central.push_staged), two desks at once: validation,
    // row-level security, the id table, the indexes. Baseline: the same rows COPYed by the admin
    // into a plain table of the same columns (no checks, no indexes, no id table).
    auto t = Clock_::now();
    constexpr int kPerDesk = 50'000;
    Desk p1(tmp / "p1.db", admin, "pusher-1", "person:nobody", url), p2(tmp / "p2.db", admin, "pusher-2", "person:nobody", url);
    // Joined desks: their pull cursor is already past the seeded history (not theirs to read).
    p1.sync();
    p2.sync();
    p1.record(kPerDesk, "ingest-1");
    p2.record(kPerDesk, "ingest-2");
    {
        std::string rows;
        for (auto* d : {&p1, &p2}) {
            sync::SqliteLocalLog log(d->db, d->clock);
            for (const auto& e : log.unacknowledged_events(kPerDesk))
                rows += e.id + "\t" + e.type + "\t" + e.person_id + "\t" + e.kiosk_id + "\t" + std::to_string(e.at_ms) +
                        "\t" + e.payload + "\n";
        }
        admin.exec("CREATE TABLE bench_raw (id text, type text, person_id text, kiosk_id text, at_ms bigint, payload jsonb)");
        t = Clock_::now();
        {
            central::PgTransaction tx(admin);
            admin.copy_in("COPY bench_raw FROM STDIN", rows);
            tx.commit();
        }
        std::printf("central_raw_copy_events_per_s %.0f\n", 2.0 * kPerDesk / since(t));
        admin.exec("DROP TABLE bench_raw");
    }
    t = Clock_::now();
    std::thread other([&] { p2.sync(); });
    p1.sync();
    other.join();
    std::printf("central_ingest_events_per_s %.0f\n", 2.0 * kPerDesk / since(t));

    // Connecting a desk (TLS verify-full, SCRAM, the version and organisation checks).
    Desk a(tmp / "a.db", admin, "rt-a", "person:rt", url), b(tmp / "b.db", admin, "rt-b", "person:rt", url);
    t = Clock_::now();
    a.connection();
    std::printf("central_connect_ms %.1f\n", since(t) * 1000.0);
    // Round trip: 100 events recorded at one desk, pushed (its sync), announced by the centre
    // (NOTIFY at commit) and pulled by a listening desk, as the kiosks do (median of 5).
    // Baseline: the same 100 rows INSERTed by one plain connection and read by another.
    a.sync();
    b.sync();
    b.connection().exec("LISTEN trainer_events");
    std::vector<double> trips, bare;
    admin.exec("CREATE TABLE bench_rt (id text, payload jsonb)");
    auto reader = central::PgConnection::open("postgresql:///" + db + host);
    for (int i = 0; i < 5; ++i) {
        a.record(100, "rt");
        t = Clock_::now();
        const auto sent = a.sync();
        const double pushed_at = since(t);
        if (!b.connection().wait_notification(5000)) std::fprintf(stderr, "central_bench: no notification within 5 s\n");
        const double notified_at = since(t);
        const auto got = b.sync();
        trips.push_back(since(t) * 1000.0);
        std::fprintf(stderr,
                     "round trip %d: %.1f ms = desk A sync %.1f (push %.1f, pull back %.1f + import %.1f), "
                     "notification %.1f, desk B sync %.1f (pull %.1f + import %.1f)\n",
                     i, trips.back(), pushed_at * 1e3, sent.push_s * 1e3, sent.fetch_s * 1e3, sent.import_s * 1e3,
                     (notified_at - pushed_at) * 1e3, (since(t) - notified_at) * 1e3, got.fetch_s * 1e3, got.import_s * 1e3);
        if (got.pulled < 100) std::fprintf(stderr, "central_bench: round trip pulled %zu of 100\n", got.pulled);
        std::string values;
        for (int k = 0; k < 100; ++k) values += (k ? ",('" : "('") + std::to_string(i) + "-" + std::to_string(k) + "', '{\"n\": 1}')";
        t = Clock_::now();
        admin.exec("INSERT INTO bench_rt VALUES " + values);
        reader.exec("SELECT * FROM bench_rt WHERE id LIKE '" + std::to_string(i) + "-%'");
        bare.push_back(since(t) * 1000.0);
    }
    std::sort(trips.begin(), trips.end());
    std::sort(bare.begin(), bare.end());
    std::printf("central_round_trip_100_ms %.1f\ncentral_bare_round_trip_100_ms %.1f\n", trips[2], bare[2]);

    // A new desk of team-0 (25 agents) pulls the team's whole period, projections included.
    // Baseline: the same rows read by the admin with COPY TO STDOUT (no row-level security, no import).
    Desk team(tmp / "team.db", admin, "team-desk", "team:team-0", url);
    t = Clock_::now();
    const long long raw = admin.copy_out(
        "COPY (SELECT xid::text, seq, id, type, person_id, kiosk_id, at_ms, payload::text FROM central.events "
        "WHERE subject IS NULL OR subject IN (SELECT person_id FROM central.memberships WHERE team_id = 'team-0') "
        "ORDER BY xid, seq) TO STDOUT",
        [](std::string_view) {});
    std::printf("central_raw_team_copy_s %.2f\ncentral_raw_team_copy_rows %lld\n", since(t), raw);
    team.connection();
    t = Clock_::now();
    const double cpu_before = process_cpu_s();
    const auto r = team.sync();
    std::printf("central_team_bootstrap_s %.2f\ncentral_team_bootstrap_events %zu\n", since(t), r.pulled);
    // This process's CPU time: against the wall time it says how much was waiting (for the centre,
    // for the disk, for a core on a loaded machine).
    std::printf("central_team_bootstrap_desk_cpu_s %.2f\n", process_cpu_s() - cpu_before);
    std::printf("central_team_bootstrap_fetch_s %.2f\ncentral_team_bootstrap_import_s %.2f\n", r.fetch_s, r.import_s);

    // The organisation's monthly motivation inputs (the last full month of the seed).
    t = Clock_::now();
    const long long end_day = std::chrono::duration_cast<std::chrono::milliseconds>(
                                  std::chrono::system_clock::now().time_since_epoch()).count() / kMsPerDay;
    const std::string month = format_date((end_day - 31) * kMsPerDay).substr(0, 7);
    const auto rows = admin.exec("SELECT * FROM reporting.motivation_inputs WHERE period = $1", {month});
    std::printf("central_monthly_export_s %.2f\ncentral_monthly_export_rows %d\n", since(t), rows.rows());
    std::filesystem::remove_all(tmp);
    return 0;
}
