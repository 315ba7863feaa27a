// trainer demo create: the database a newcomer meets on first start (scripts/run).
#include "trainer/app/demo_extras.hpp"
#include "trainer/cli/cli.hpp"
#include "trainer/content/loader.hpp"
#include "trainer/dashboard/demo_seed.hpp"
#include "trainer/identity/demo_people.hpp"
#include "trainer/store/event_store.hpp"

#include <iostream>

namespace trainer::cli {
namespace {

int cmd_demo_create(const Args& a, Io& io) {
    const auto path = db_path(a);
    std::error_code ec;
    if (path.has_parent_path()) std::filesystem::create_directories(path.parent_path(), ec);
    auto db = open_db(a, /*create_if_missing=*/true);
    SystemClock clock;
    store::EventStore events(db, clock, store::kiosk_id_of(db));
    identity::seed_demo_people(db, events);
    // A few weeks of history for the demo people, so home screens and the lead's figures show
    // something true from the first minute; only once (a second run leaves it alone).
    if (events.count({.type = "card.reviewed"}) == 0) {
        const auto content = content::load_content(content_dir(a));
        if (!content.ok()) throw std::runtime_error("the content has errors; run `trainer content validate`");
        store::Transaction all(db); // all or nothing: a killed run leaves no half history
        const auto r = dashboard::seed_demo_history(db, events, clock, *content.content,
                                                    {.agents = 0, .days = 28, .reviews_per_day = 5, .new_cards_per_day = 3, .seed = 3});
        io.out << "history: " << r.reviews << " reviews, " << r.checkins << " check-ins over 28 days\n";
        const auto x = app::seed_demo_extras(db, events, clock, *content.content);
        all.commit();
        io.out << "onboarding: " << x.tracks_assigned << " tracks assigned, " << x.signoff_requests
               << " sign-off requests waiting; QA: " << x.evaluations << " evaluations\n";
    }
    io.out << "demo database ready: " << path.string() << "\n";
    io.out << "people (id, role, team, PIN, badge):\n";
    for (const auto& p : identity::demo_people())
        io.out << "  " << p.id << "  " << p.role << "  " << (*p.team ? p.team : "-") << "  PIN "
               << p.pin << "  badge " << p.badge << "\n";
    return 0;
}

const Registration kDemoCreate{{"demo create", "trainer demo create [--db PATH]",
                                "create (or complete) a demo database: teams, people, PINs",
                                {}, cmd_demo_create, 0}};

} // namespace
} // namespace trainer::cli
