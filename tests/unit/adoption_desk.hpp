#pragma once
// One desk of the content adoption tests (test_content_adoption.cpp, test_content_adoption_kinds.cpp):
// its own in-memory database of organisation "org-a", its clock and its content folder. Events move
// between desks as a sync or a USB stick carries them (export, then import).
#include "trainer/app/projections.hpp"
#include "trainer/content/model.hpp"
#include "trainer/core/clock.hpp"
#include "trainer/store/events.hpp"
#include "trainer/sync/exchange.hpp"
#include "trainer/sync/rebuild_check.hpp"

#include <memory>
#include <string>
#include <utility>
#include <vector>

namespace test {

inline constexpr trainer::TimeMs kAdoptionT0 = 1'767'258'000'000; // 2026-01-01T09:00:00Z

struct AdoptionDesk {
    std::string name;
    trainer::store::Database db = trainer::store::Database::open_memory();
    trainer::FixedClock clock{kAdoptionT0};
    std::unique_ptr<trainer::store::EventStore> events;
    trainer::content::ContentSet content;

    // roster: events imported before the desk records anything (people the tests grade as).
    AdoptionDesk(std::string device, trainer::content::ContentSet folder, const std::vector<trainer::sync::WireEvent>& roster = {})
        : name(std::move(device)), content(std::move(folder)) {
        trainer::sync::set_organisation_id(db, "org-a");
        if (!roster.empty()) trainer::sync::import_events(db, roster, {&clock, "roster"});
        events = std::make_unique<trainer::store::EventStore>(db, clock, name);
    }
    void receive_from(AdoptionDesk& other) {
        trainer::sync::import_events(db, trainer::sync::export_events(other.db).events, {&clock, "from " + other.name});
    }
    // Every derived table, canonically: equal on two desks that hold the same events.
    std::string dump() { return trainer::sync::canonical_dump(db, trainer::sync::derived_tables(trainer::app::all_projections())); }
};

} // namespace test
