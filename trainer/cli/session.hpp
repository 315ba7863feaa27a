#pragma once
// What a command opens before its work: the database (--db), the system clock and this kiosk's
// event log, with the content (--content) when the command needs it. The caller loads and checks
// the content first (change_cli::load_content_or_throw), so refused content never opens the
// database. Built in place: the event log refers to the database and the clock.
#include "trainer/cli/cli.hpp"
#include "trainer/content/model.hpp"
#include "trainer/core/clock.hpp"
#include "trainer/store/event_store.hpp"

#include <memory>

namespace trainer::cli {

struct Session {
    std::shared_ptr<const content::ContentSet> content; // null when the command needs none
    store::Database db;
    SystemClock clock;
    store::EventStore events;

    explicit Session(const Args& a, std::shared_ptr<const content::ContentSet> loaded = nullptr)
        : content(std::move(loaded)), db(open_db(a)), events(db, clock, store::kiosk_id_of(db)) {}
    Session(const Session&) = delete;
    Session& operator=(const Session&) = delete;
};

} // namespace trainer::cli
