// Lead dashboard benchmark (DESIGN §5): the team overview over 500 agents × 200 cards × 365 days
// of events, computed right after opening the database. Seeds the history with the demo seeder
// (the same events and projections as the kiosk) unless --db names an already seeded file.
// Prints dashboard_overview_ms (median over --runs fresh connections), the same with the kiosk's
// figures (dashboard_overview_hooks_ms), the baseline measured in the same run
// (dashboard_baseline_ms: one plain read of the schedule columns of every card_state row, the least
// any overview must touch), dashboard_events and dashboard_db_mb on stdout; details go to stderr.
// No pass/fail here: bench/run compares.
//   bench_dashboard [--db PATH] [--agents 500] [--days 365] [--cards 200] [--runs 7]
#include "trainer/app/dashboard_hooks.hpp"
#include "trainer/content/loader.hpp"
#include "trainer/dashboard/dashboard.hpp"
#include "trainer/dashboard/demo_seed.hpp"
#include "trainer/identity/access.hpp"
#include "trainer/store/events.hpp"

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <string>
#include <vector>

#include <unistd.h>

namespace {

using Steady = std::chrono::steady_clock;
double ms_since(Steady::time_point t) { return std::chrono::duration<double, std::milli>(Steady::now() - t).count(); }

} // namespace

int main(int argc, char** argv) {
    using namespace trainer;
    std::string db_path;
    int agents = 500, days = 365, cards = 200, runs = 7;
    for (int i = 1; i + 1 < argc; i += 2) {
        const std::string k = argv[i], v = argv[i + 1];
        if (k == "--db") db_path = v;
        else if (k == "--agents") agents = std::atoi(v.c_str());
        else if (k == "--days") days = std::atoi(v.c_str());
        else if (k == "--cards") cards = std::atoi(v.c_str());
        else if (k == "--runs") runs = std::max(1, std::atoi(v.c_str()));
        else {
            std::cerr << "usage: bench_dashboard [--db PATH] [--agents N] [--days D] [--cards C] [--runs R]\n";
            return 2;
        }
    }
    const auto loaded = content::load_content(TRAINER_SOURCE_DIR "/content");
    if (!loaded.ok()) {
        std::cerr << "bundled content does not load\n";
        return 1;
    }
    const auto content = dashboard::demo_content(*loaded.content, cards);
    std::filesystem::path temp;
    if (db_path.empty()) {
        temp = std::filesystem::temp_directory_path() / ("bench_dashboard_" + std::to_string(::getpid()) + ".db");
        db_path = temp.string();
    }
    SystemClock clock;
    if (!std::filesystem::exists(db_path)) {
        store::OpenOptions o;
        o.create_if_missing = true;
        auto db = store::Database::open(db_path, o);
        store::EventStore events(db, clock, store::kiosk_id_of(db));
        dashboard::DemoOptions d;
        d.agents = agents;
        d.days = days;
        d.cards = cards;
        d.progress = [](int day, int total) {
            if (day % 30 == 0 || day == total) std::cerr << "  seeded day " << day << " / " << total << "\n";
        };
        const auto t = Steady::now();
        const auto r = dashboard::seed_demo_history(db, events, clock, *content, d);
        std::cerr << "seeded " << r.reviews << " reviews, " << r.checkins << " check-ins in " << ms_since(t) / 1000
                  << " s\n";
    }
    std::vector<double> times;
    std::size_t rows = 0;
    std::int64_t events_n = 0;
    for (int i = 0; i < runs; ++i) {
        auto db = store::Database::open(db_path);
        dashboard::DashboardService service(db, clock, *content);
        const auto t = Steady::now();
        const auto o = service.team_overview(identity::cli_admin(), "demo-team", "demo-rollout");
        times.push_back(ms_since(t));
        rows = o.rows.size();
        if (i == 0) {
            auto st = db.prepare("SELECT count(*) FROM events");
            st.step();
            events_n = st.int64(0);
        }
    }
    // The kiosk's dashboard also shows the figures other features plug in (onboarding track
    // progress, latest QA score, motivation index, sign-off queue): the same overview with them.
    std::vector<double> hooked;
    for (int i = 0; i < runs; ++i) {
        auto db = store::Database::open(db_path);
        store::EventStore events(db, clock, store::kiosk_id_of(db));
        const auto actor = identity::cli_admin();
        const quality::MotivationConfig motivation = app::motivation_config_near(TRAINER_SOURCE_DIR "/content");
        dashboard::DashboardService service(db, clock, *content,
                                            app::dashboard_hooks(db, events, clock, *content, actor, motivation));
        const auto t = Steady::now();
        service.team_overview(actor, "demo-team", "demo-rollout");
        hooked.push_back(ms_since(t));
    }
    // The baseline, on fresh connections like the overviews: the mastery columns of every schedule.
    std::vector<double> baseline;
    std::int64_t schedules_learned = 0;
    for (int i = 0; i < runs; ++i) {
        auto db = store::Database::open(db_path);
        const auto t = Steady::now();
        auto st = db.prepare("SELECT person_id, card_id, card_version, successes, last_review_ms, stability, due_ms "
                             "FROM card_state");
        std::int64_t n = 0;
        while (st.step()) n += st.int64(3) > 0 ? 1 : 0;
        baseline.push_back(ms_since(t));
        schedules_learned = n;
    }
    std::sort(baseline.begin(), baseline.end());
    std::sort(hooked.begin(), hooked.end());
    std::sort(times.begin(), times.end());
    const double mb = static_cast<double>(std::filesystem::file_size(db_path)) / (1024.0 * 1024.0);
    std::cerr << "team overview: " << rows << " agents, runs " << runs << ", min " << times.front() << " ms, max "
              << times.back() << " ms; baseline read " << schedules_learned << " learned schedules\n";
    std::cout << "dashboard_overview_ms " << times[times.size() / 2] << "\n";
    std::cout << "dashboard_overview_hooks_ms " << hooked[hooked.size() / 2] << "\n";
    std::cout << "dashboard_baseline_ms " << baseline[baseline.size() / 2] << "\n";
    std::cout << "dashboard_events " << events_n << "\n";
    std::cout << "dashboard_db_mb " << mb << "\n";
    if (!temp.empty()) {
        std::error_code ec;
        for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(temp.string() + suffix, ec);
    }
    return 0;
}
