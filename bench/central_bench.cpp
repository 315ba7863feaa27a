// Central store benchmarks (issue 18; run by bench/run, which starts a throwaway cluster):
//   central_bench STATE_DIR [--agents N] [--days D] [--cards C] [--reviews-per-day R] [--parts ingest,trip,bootstrap,export]
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

#include <nlohmann/json.hpp>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <memory>
#include <sstream>
#include <map>
#include <sys/resource.h>
#include <unistd.h>
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

// CPU seconds used by the whole PostgreSQL cluster so far: the postmaster, its children alive now
// and those it has reaped (/proc: utime, stime, cutime, cstime).
double cluster_cpu_s(const std::string& pgdata) {
    std::ifstream pidfile(pgdata + "/postmaster.pid");
    long pm = 0;
    pidfile >> pm;
    const auto fields = [](const std::string& stat) {
        std::vector<long long> out;
        std::istringstream in(stat.substr(stat.rfind(')') + 2));
        std::string f;
        while (in >> f) out.push_back(std::atoll(f.c_str()));
        return out; // out[0] is field 3 (state), so field N is out[N - 3]
    };
    const auto read = [](const std::filesystem::path& p) {
        std::ifstream in(p);
        return std::string(std::istreambuf_iterator<char>(in), {});
    };
    long long ticks = 0;
    for (const auto& d : std::filesystem::directory_iterator("/proc")) {
        const std::string name = d.path().filename();
        if (name.find_first_not_of("0123456789") != std::string::npos) continue;
        const std::string stat = read(d.path() / "stat");
        if (stat.empty()) continue;
        const auto f = fields(stat);
        if (f.size() < 15) continue;
        if (std::atol(name.c_str()) == pm) ticks += f[11] + f[12] + f[13] + f[14];
        else if (f[1] == pm) ticks += f[11] + f[12];
    }
    return static_cast<double>(ticks) / static_cast<double>(sysconf(_SC_CLK_TCK));
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
    // n card reviews as the review screen writes them (trainer/cards/review_service.cpp): the bulk
    // of what desks push, ~450 bytes of payload each.
    void record_reviews(int n, const std::string& person) {
        store::EventStore ev(db, clock, store::kiosk_id_of(db));
        store::Transaction tx(db);
        const long long now = clock.now_ms();
        for (int i = 0; i < n; ++i) {
            const auto card = [&](double stability, long long due, int reps) {
                return nlohmann::json{{"difficulty", 5.1},      {"due_ms", due},       {"lapses", 0},
                                      {"learning_steps", 0},    {"reps", reps},        {"scheduled_days", 3},
                                      {"stability", stability}, {"state", "Review"}};
            };
            auto before = card(3.1, now - kMsPerDay, 3);
            before["last_review_ms"] = now - 3 * kMsPerDay;
            ev.append({.type = "card.reviewed",
                       .person_id = person,
                       .payload = {{"card", "fc-" + std::to_string(i % 200)},
                                   {"card_version", 1},
                                   {"rating", 1 + i % 4},
                                   {"before", std::move(before)},
                                   {"after", card(3.6, now + 3 * kMsPerDay, 4)},
                                   {"due", format_iso_ms(now + 3 * kMsPerDay)},
                                   {"elapsed_days", 3}}});
        }
        tx.commit();
    }
    // One connection kept open, as the kiosk's background sync keeps it (connecting is measured
    // on its own: TLS and SCRAM cost more than a sync of 100 events).
    std::optional<central::PgConnection> conn;
    central::PgConnection& connection() {
        if (!conn) conn.emplace(central::connect_device(cred));
        return *conn;
    }
    central::SyncReport sync(bool pull = true) {
        sync::SqliteLocalLog log(db, clock);
        central::SyncOptions o;
        o.pull = pull;
        return central::sync_once(connection(), log, clock, o);
    }
};

} // namespace

int main(int argc, char** argv) {
    if (argc < 2) {
        std::fprintf(stderr, "usage: central_bench STATE_DIR [--agents N] [--days D] [--cards C] [--reviews-per-day R] [--parts ingest,trip,bootstrap,export]\n");
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
    std::string parts = "ingest,trip,bootstrap,export"; // --parts: which measurements to run
    const auto part = [&parts](const char* name) { return ("," + parts + ",").find("," + std::string(name) + ",") != std::string::npos; };
    for (int i = 2; i + 1 < argc; i += 2) {
        const std::string k = argv[i];
        const int v = std::atoi(argv[i + 1]);
        if (k == "--agents") seed.agents = v;
        else if (k == "--days") seed.days = v;
        else if (k == "--cards") seed.cards = v;
        else if (k == "--reviews-per-day") seed.reviews_per_day = v;
        else if (k == "--parts") parts = argv[i + 1];
    }
    const std::string db = "bench_central";
    const std::string host = "?host=" + env["PGHOST"] + "&port=" + env["PGPORT"] + "&user=trainer_admin";
    {
        auto root = central::PgConnection::open("postgresql:///postgres" + host);
        root.exec("DROP DATABASE IF EXISTS " + db + " WITH (FORCE)");
        root.exec("DROP DATABASE IF EXISTS " + db + "_base WITH (FORCE)");
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

    auto t = Clock_::now();
    if (part("ingest")) {
        // Ingest through the staged push (COPY + central.push_staged_origin): validation, row-level
        // security, the id table, the indexes. Card reviews, as desks send them, from 1, 2 and 4 desks
        // at once (each run 100,000 events split between its desks). Measured three ways: wall time;
        // the centre's CPU (every PostgreSQL process of the cluster, /proc); the desks' CPU (this
        // process: only the pushing threads run in the window). On this 2-core machine the desks and
        // the centre share the cores with each other and with other people's builds, so the CPU per
        // event is what says what a centre sustains: events/s per core of PostgreSQL, and per core
        // with the desks' work on the same cores (bench/results.md, docs/deployment.md "Ingest").
        // Baseline: the same rows COPYed by the admin into a plain table of the same columns (no
        // checks, no indexes, no id table).
        constexpr int kPerRun = 100'000;
        std::vector<std::unique_ptr<Desk>> pushers;
        for (int i = 0; i < 4; ++i) {
            pushers.push_back(std::make_unique<Desk>(tmp / ("p" + std::to_string(i) + ".db"), admin,
                                                     "pusher-" + std::to_string(i), "person:nobody", url));
            pushers.back()->sync(); // joined: its pull cursor is past the seeded history (not its to read)
        }
        {
            pushers[0]->record_reviews(kPerRun, "ingest-0");
            std::string rows;
            sync::SqliteLocalLog log(pushers[0]->db, pushers[0]->clock);
            for (const auto& e : log.unacknowledged_events(kPerRun))
                rows += e.id + "\t" + e.type + "\t" + e.person_id + "\t" + e.kiosk_id + "\t" + std::to_string(e.at_ms) +
                        "\t" + e.payload + "\n";
            admin.exec("CREATE TABLE bench_raw (id text, type text, person_id text, kiosk_id text, at_ms bigint, payload json)");
            t = Clock_::now();
            {
                central::PgTransaction tx(admin);
                admin.copy_in("COPY bench_raw FROM STDIN", rows);
                tx.commit();
            }
            std::printf("central_raw_copy_events_per_s %.0f\n", kPerRun / since(t));
            admin.exec("DROP TABLE bench_raw");
        }
        double all_server = 0, all_client = 0, all_events = 0;
        for (const int desks : {1, 2, 4}) {
            for (int i = desks == 1 ? 1 : 0; i < desks; ++i) // desk 0 recorded its first run above
                pushers[static_cast<std::size_t>(i)]->record_reviews(kPerRun / desks, "ingest-" + std::to_string(i));
            const double server0 = cluster_cpu_s(env["PGDATA"]), client0 = process_cpu_s();
            t = Clock_::now();
            std::vector<std::thread> threads;
            for (int i = 0; i < desks; ++i) threads.emplace_back([&, i] { pushers[static_cast<std::size_t>(i)]->sync(/*pull=*/false); });
            for (auto& th : threads) th.join();
            const double wall = since(t);
            const double server = cluster_cpu_s(env["PGDATA"]) - server0, client = process_cpu_s() - client0;
            const std::string k = "central_ingest_" + std::to_string(desks) + "_";
            std::printf("%sevents_per_s %.0f\n%sserver_us %.2f\n%sclient_us %.2f\n", k.c_str(), kPerRun / wall, k.c_str(),
                        server * 1e6 / kPerRun, k.c_str(), client * 1e6 / kPerRun);
            if (desks == 2) std::printf("central_ingest_events_per_s %.0f\n", kPerRun / wall);
            all_server += server;
            all_client += client;
            all_events += kPerRun;
        }
        // What the CPU per event says the centre sustains: per core of PostgreSQL (desks elsewhere, as
        // in an organisation: pushes from different desks run in parallel backends), and per core when
        // the desks' own work shares it (this machine).
        const double server_us = all_server * 1e6 / all_events, client_us = all_client * 1e6 / all_events;
        std::printf("central_ingest_server_us %.2f\ncentral_ingest_client_us %.2f\n", server_us, client_us);
        std::printf("central_ingest_per_server_core %.0f\ncentral_ingest_per_shared_core %.0f\n", 1e6 / server_us,
                    1e6 / (server_us + client_us));

        // The same ingest against a centre at the schema before the last push change (7: desks
        // still wrote the tables themselves, migration 8 puts every write through the writer's push):
        // an empty store of its own in the same cluster, two desks, the same kind of rows.
        {
            constexpr int kBaseSchema = 7;
            const std::string base_db = db + "_base";
            auto root = central::PgConnection::open("postgresql:///postgres" + host);
            root.exec("DROP DATABASE IF EXISTS " + base_db + " WITH (FORCE)");
            root.exec("CREATE DATABASE " + base_db);
            auto base_admin = central::PgConnection::open("postgresql:///" + base_db + host);
            central::init_central(base_admin, "bench", kBaseSchema);
            const std::string base_url = "postgresql://localhost:" + env["PGPORT"] + "/" + base_db + "?sslmode=verify-full&sslrootcert=" + env["CA"];
            std::vector<std::unique_ptr<Desk>> old;
            for (int i = 0; i < 2; ++i) {
                old.push_back(std::make_unique<Desk>(tmp / ("base-" + std::to_string(i) + ".db"), base_admin,
                                                     "pusher-" + std::to_string(i), "person:nobody", base_url));
                old.back()->record_reviews(kPerRun / 2, "ingest-" + std::to_string(i));
                old.back()->connection();
            }
            const double server0 = cluster_cpu_s(env["PGDATA"]), client0 = process_cpu_s();
            t = Clock_::now();
            std::vector<std::thread> threads;
            for (int i = 0; i < 2; ++i) threads.emplace_back([&, i] { old[static_cast<std::size_t>(i)]->sync(/*pull=*/false); });
            for (auto& th : threads) th.join();
            const double wall = since(t);
            std::printf("central_ingest_base_schema %d\ncentral_ingest_base_2_events_per_s %.0f\n"
                        "central_ingest_base_2_server_us %.2f\ncentral_ingest_base_2_client_us %.2f\n",
                        kBaseSchema, kPerRun / wall, (cluster_cpu_s(env["PGDATA"]) - server0) * 1e6 / kPerRun,
                        (process_cpu_s() - client0) * 1e6 / kPerRun);
            old.clear();
            base_admin = central::PgConnection::open("postgresql:///postgres" + host); // closes the old one
            root.exec("DROP DATABASE " + base_db + " WITH (FORCE)");
        }

    } // ingest

    if (part("trip")) {
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

    } // trip

    if (part("bootstrap")) {
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

    } // bootstrap

    if (part("export")) {
        // The organisation's monthly motivation inputs (the last full month of the seed).
        t = Clock_::now();
        const long long end_day = std::chrono::duration_cast<std::chrono::milliseconds>(
                                      std::chrono::system_clock::now().time_since_epoch()).count() / kMsPerDay;
        const std::string month = format_date((end_day - 31) * kMsPerDay).substr(0, 7);
        const auto rows = admin.exec("SELECT * FROM reporting.motivation_inputs WHERE period = $1", {month});
        std::printf("central_monthly_export_s %.2f\ncentral_monthly_export_rows %d\n", since(t), rows.rows());
    } // export
    std::filesystem::remove_all(tmp);
    return 0;
}
