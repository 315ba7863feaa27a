// trainer demo seed [--agents N] [--days D] [--cards C] [--reviews-per-day R] [--seed S]
// A realistic history for the dashboard, through the same events and projections as the kiosk.
#include "trainer/cli/change_cli.hpp"
#include "trainer/dashboard/demo_seed.hpp"

#include <chrono>
#include <iostream>

namespace trainer::cli {
namespace {

int int_option(const Args& a, const std::string& name, int fallback) {
    auto v = a.value(name);
    if (!v) return fallback;
    try {
        std::size_t used = 0;
        const int n = std::stoi(*v, &used);
        if (used == v->size()) return n;
    } catch (const std::exception&) {
    }
    throw UsageError("--" + name + " expects a whole number, got '" + *v + "'");
}

int cmd_demo_seed(const Args& a, Io& io) {
    dashboard::DemoOptions o;
    o.agents = int_option(a, "agents", o.agents);
    o.days = int_option(a, "days", o.days);
    o.cards = int_option(a, "cards", 0);
    o.reviews_per_day = int_option(a, "reviews-per-day", o.reviews_per_day);
    o.seed = static_cast<unsigned>(int_option(a, "seed", static_cast<int>(o.seed)));
    if (o.agents < 0 || o.agents > 5000) throw UsageError("--agents must be 0 to 5000");
    if (o.days < 1 || o.days > 1000) throw UsageError("--days must be 1 to 1000");
    if (o.cards < 0 || o.cards > 2000) throw UsageError("--cards must be 0 to 2000");
    const auto base = change_cli::load_content_or_throw(a);
    const auto content = dashboard::demo_content(*base, o.cards);
    const auto path = db_path(a);
    std::error_code ec;
    if (path.has_parent_path()) std::filesystem::create_directories(path.parent_path(), ec);
    auto db = open_db(a, /*create_if_missing=*/true);
    SystemClock clock;
    store::EventStore events(db, clock, store::kiosk_id_of(db));
    const auto started = std::chrono::steady_clock::now();
    o.progress = [&](int day, int days) {
        if (day % 30 == 0 || day == days) io.err << "  day " << day << " / " << days << "\n";
    };
    // All or nothing (issue #16): one transaction around the whole history, so a killed seed
    // leaves the database as it was, and a marker so a second run does not add a second history.
    if (auto seeded = store::meta_get(db, "demo_seeded"))
        throw std::runtime_error(db.path().string() + ": already holds a demo history (" + *seeded +
                                 "); seed a new database (--db NEW.db) instead of adding a second one");
    store::Transaction all(db);
    const auto r = dashboard::seed_demo_history(db, events, clock, *content, o);
    store::meta_set(db, "demo_seeded", format_iso_ms(clock.now_ms()) + ", " + std::to_string(r.agents) +
                                           " agents, " + std::to_string(o.days) + " days");
    all.commit();
    const double s = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    io.out << "demo history: " << r.agents << " agents, " << r.cards << " cards, team " << r.team_id << ", rollout "
           << r.rollout_id << "\n  " << r.reviews << " reviews, " << r.checkins << " check-ins, " << r.assessments
           << " lead assessments, " << r.completions << " module completions, " << r.maturity_checks
           << " maturity self-checks in " << static_cast<int>(s) << " s\n";
    return 0;
}

const Registration kDemoSeed{{"demo seed",
                              "trainer demo seed [--agents N] [--days D] [--cards C] [--reviews-per-day R] [--seed S]",
                              "write a realistic review, check-in and completion history (0 agents: the demo teams)",
                              {{"agents", true}, {"days", true}, {"cards", true}, {"reviews-per-day", true}, {"seed", true}},
                              cmd_demo_seed, 0}};

} // namespace
} // namespace trainer::cli
