// One history from many devices, at scale (issue 12 §8; bench/run prints the rows):
// - merge: a copy of device A's database takes in device B's (`trainer merge`), each seeded with
//   `trainer demo seed` (bench/report.py seeds and caches them under build/bench-cache/), with the
//   process's peak resident memory (the merge runs first, so the peak is the merge's);
// - rebuild: every derived table recomputed from the merged log, in events/s, against a plain
//   scan of the same events in the same order (the floor any replay pays);
// - incremental: 10,000 new events from a third desk into the merged database, once all after
//   what is there (applied in place) and once interleaved with the history of 20 agents (only
//   those agents are recomputed).
// Prints key-value lines on stdout; details on stderr. No pass/fail here: bench/run compares.
//   bench_merge --a A.db --b B.db --work DIR [--new-events 10000] [--late-agents 20]
//   bench_merge --merged M.db --work DIR [...]   (incremental rows only, on a copy of a merged database)
//   bench_merge --merged M.db --work DIR --keep 1 [...] (leaves DIR/merged.db for `trainer rebuild --check`)
//   bench_merge --merged M.db --rollback 3 [...]  (incremental rows, each import run 3 times on M.db
//                                                   itself and rolled back: no copy, M.db unchanged)
#include "trainer/app/projections.hpp"
#include "trainer/store/events.hpp"
#include "trainer/store/projection.hpp"
#include "trainer/sync/exchange.hpp"
#include "trainer/sync/merge.hpp"

#include <nlohmann/json.hpp>

#include <chrono>
#include <ctime>
#include <sys/resource.h>
#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <random>
#include <string>
#include <vector>

namespace {

using Steady = std::chrono::steady_clock;
double s_since(Steady::time_point t) { return std::chrono::duration<double>(Steady::now() - t).count(); }

// CPU seconds of this process: on a shared machine the wall clock also counts waiting for a core.
double cpu_now() {
    timespec ts{};
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
    return static_cast<double>(ts.tv_sec) + static_cast<double>(ts.tv_nsec) / 1e9;
}

// Peak resident memory of this process so far, in MB (Linux: ru_maxrss is in KiB).
double peak_rss_mb() {
    rusage u{};
    getrusage(RUSAGE_SELF, &u);
    return static_cast<double>(u.ru_maxrss) / 1024.0;
}

// Thrown from before_commit by --rollback: the import is measured, then undone.
struct RolledBack {};

std::int64_t scalar(trainer::store::Database& db, const std::string& sql) {
    auto st = db.prepare(sql);
    return st.step() ? st.int64(0) : 0;
}

// n reviews from desk "bench-desk-c" by the given agents of cards they know, at times from `from`
// spaced by `step` ms (per agent), so they interleave with or follow the stored history.
std::vector<trainer::sync::WireEvent> new_reviews(trainer::store::Database& db, const std::vector<std::string>& agents,
                                                  int n, trainer::TimeMs from, trainer::TimeMs step,
                                                  const std::string& tag) {
    const std::string org = trainer::sync::organisation_id(db);
    std::vector<trainer::sync::WireEvent> out;
    std::mt19937 rng(7);
    const int per_agent = n / static_cast<int>(agents.size());
    for (const auto& a : agents) {
        std::vector<std::pair<std::string, int>> cards;
        auto st = db.prepare("SELECT card_id, card_version FROM card_state WHERE person_id = ?1 ORDER BY card_id");
        st.bind(1, a);
        while (st.step()) cards.emplace_back(st.text(0), static_cast<int>(st.int64(1)));
        if (cards.empty()) cards.emplace_back("demo-card-001", 1);
        for (int j = 0; j < per_agent; ++j) {
            const auto& [card, version] = cards[rng() % cards.size()];
            const nlohmann::json p = {{"card", card}, {"card_version", version}, {"rating", 1 + static_cast<int>(rng() % 4)}};
            // Appended piece by piece: GCC 12 warns falsely (-Wrestrict) on a chain of string +.
            std::string id = tag;
            id.append("-").append(a).append("-").append(std::to_string(j));
            out.push_back({std::move(id), org, "bench-desk-c", from + j * step + static_cast<trainer::TimeMs>(rng() % 1000),
                           "card.reviewed", a, p.dump()});
        }
    }
    return out;
}

// --rollback N: the interleaved import (and the in-order one) N times each on the merged database
// itself, each rolled back before its commit (so the commit's own write is not in the figure).
int incremental_rolled_back(const std::filesystem::path& merged, int new_events, int late_agents, int runs) {
    using namespace trainer;
    auto db = store::Database::open(merged);
    std::vector<std::string> agents;
    {
        auto st = db.prepare("SELECT DISTINCT person_id FROM card_state ORDER BY person_id");
        while (st.step()) agents.push_back(st.text(0));
    }
    const TimeMs last = scalar(db, "SELECT max(at_ms) FROM events WHERE type NOT LIKE 'sync.%'");
    const auto after = new_reviews(db, agents, new_events, last + 1000, 60'000, "after");
    agents.resize(std::min<std::size_t>(agents.size(), static_cast<std::size_t>(late_agents)));
    const TimeMs ten_days = 10LL * 86'400'000;
    const TimeMs step = ten_days / std::max(1, new_events / static_cast<int>(agents.size()));
    const auto late = new_reviews(db, agents, new_events, last - ten_days, step, "late");
    sync::ImportOptions options{nullptr, "bench rolled back"};
    // Before rolling back: a digest of the review schedules, to compare two builds' results.
    options.before_commit = [](store::Database& d) {
        auto st = d.prepare("SELECT count(*), total(reps), total(stability), total(due_ms % 1000003) FROM card_state");
        if (st.step())
            std::cout << "card_state digest: " << st.int64(0) << " rows, " << st.real(1) << " reps, " << st.real(2)
                      << " stability, " << st.real(3) << " due\n";
        throw RolledBack{};
    };
    for (int i = 0; i < runs; ++i)
        for (const auto* events : {&after, &late}) {
            const auto t = Steady::now();
            const double c = cpu_now();
            try {
                sync::import_events(db, *events, options);
            } catch (const RolledBack&) {
            }
            std::cout << (events == &after ? "inorder" : "interleaved") << " run " << i + 1 << ": " << s_since(t)
                      << " s wall, " << cpu_now() - c << " s CPU\n";
        }
    return 0;
}

} // namespace

int main(int argc, char** argv) {
    using namespace trainer;
    std::filesystem::path a_path, b_path, work, merged;
    int new_events = 10'000, late_agents = 20, rollback = 0;
    bool keep = false;
    for (int i = 1; i + 1 < argc; i += 2) {
        const std::string k = argv[i], v = argv[i + 1];
        if (k == "--a") a_path = v;
        else if (k == "--b") b_path = v;
        else if (k == "--work") work = v;
        else if (k == "--merged") merged = v;
        else if (k == "--new-events") new_events = std::atoi(v.c_str());
        else if (k == "--late-agents") late_agents = std::max(1, std::atoi(v.c_str()));
        else if (k == "--rollback") rollback = std::max(1, std::atoi(v.c_str()));
        else if (k == "--keep") keep = v != "0";
        else {
            std::cerr << "usage: bench_merge (--a A.db --b B.db | --merged M.db) --work DIR [--new-events N] [--late-agents K]\n";
            return 2;
        }
    }
    if (rollback > 0 && !merged.empty()) return incremental_rolled_back(merged, new_events, late_agents, rollback);
    if ((merged.empty() && (a_path.empty() || b_path.empty())) || work.empty()) {
        std::cerr << "bench_merge: --a and --b (or --merged) and --work are required\n";
        return 2;
    }
    std::filesystem::create_directories(work);
    const auto target = work / "merged.db";
    for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(target.string() + suffix);
    std::filesystem::copy_file(merged.empty() ? a_path : merged, target);

    // 1. The merge, as `trainer merge B.db` does it.
    std::int64_t events = 0;
    if (merged.empty()) {
        auto db = store::Database::open(target);
        const auto t = Steady::now();
        const double c = cpu_now();
        const auto r = sync::merge_database(db, b_path);
        const double s = s_since(t), cpu = cpu_now() - c;
        events = scalar(db, "SELECT count(*) FROM events");
        std::cerr << "merge: " << r.added << " added, " << r.replayed << " replayed, " << r.recomputed_people
                  << " people, in " << s << " s\n";
        std::cout << "merge_s " << s << "\nmerge_cpu_s " << cpu << "\nmerge_added " << r.added << "\nmerged_events " << events
                  << "\nmerge_peak_rss_mb " << peak_rss_mb() << "\nmerge_source_mb "
                  << static_cast<double>(std::filesystem::file_size(b_path)) / (1024.0 * 1024.0) << "\n";
    }
    // 2. A full rebuild, and the plain ordered scan of the same events as its floor.
    if (merged.empty()) {
        auto db = store::Database::open(target);
        auto t = Steady::now();
        std::int64_t scanned = 0;
        store::for_each_in_order(db, {}, [&](const store::Event&) { ++scanned; });
        const double scan_s = s_since(t);
        t = Steady::now();
        const double c = cpu_now();
        const auto stats = store::rebuild(db, app::all_projections());
        const double s = s_since(t), cpu = cpu_now() - c;
        std::cerr << "rebuild: " << stats.events << " events in " << s << " s; ordered scan " << scan_s << " s\n";
        std::cout << "rebuild_events " << stats.events << "\nrebuild_s " << s << "\nrebuild_cpu_s " << cpu
                  << "\nrebuild_events_per_s "
                  << static_cast<double>(stats.events) / s << "\nscan_events_per_s " << static_cast<double>(scanned) / scan_s
                  << "\n";
    }
    // 3. Incremental merges of new events: after everything (in place), then interleaved.
    {
        auto db = store::Database::open(target);
        std::vector<std::string> agents;
        auto st = db.prepare("SELECT DISTINCT person_id FROM card_state ORDER BY person_id");
        while (st.step()) agents.push_back(st.text(0));
        const TimeMs last = scalar(db, "SELECT max(at_ms) FROM events WHERE type NOT LIKE 'sync.%'");
        const std::int64_t people = static_cast<std::int64_t>(agents.size());

        auto after = new_reviews(db, agents, new_events, last + 1000, 60'000, "after");
        auto t = Steady::now();
        double c = cpu_now();
        auto r = sync::import_events(db, after, {nullptr, "bench in order"});
        double s = s_since(t), cpu = cpu_now() - c;
        std::cerr << "in order: " << r.added << " added in place=" << r.applied_in_place << " in " << s << " s\n";
        std::cout << "incremental_inorder_s " << s << "\nincremental_inorder_cpu_s " << cpu << "\nincremental_inorder_events " << r.added << "\n";

        agents.resize(std::min<std::size_t>(agents.size(), static_cast<std::size_t>(late_agents)));
        const TimeMs ten_days = 10LL * 86'400'000;
        const TimeMs step = ten_days / std::max(1, new_events / static_cast<int>(agents.size()));
        auto late = new_reviews(db, agents, new_events, last - ten_days, step, "late");
        t = Steady::now();
        c = cpu_now();
        r = sync::import_events(db, late, {nullptr, "bench interleaved"});
        s = s_since(t);
        cpu = cpu_now() - c;
        std::cerr << "interleaved: " << r.added << " added, " << r.recomputed_people << " people, " << r.replayed
                  << " replayed in " << s << " s\n";
        std::cout << "incremental_late_s " << s << "\nincremental_late_cpu_s " << cpu << "\nincremental_late_events " << r.added
                  << "\nincremental_late_people " << r.recomputed_people << "\nincremental_late_replayed " << r.replayed
                  << "\nincremental_people_total " << people << "\n";
    }
    if (!keep)
        for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(target.string() + suffix);
    return 0;
}
