#pragma once
// `trainer demo create` beyond the review history: the onboarding and QA state a newcomer should
// meet at the kiosk on first start, written through the same services as the kiosk uses.
// - Onboarding: the first track is assigned to three agents; Anna Kowalska (Team North) and James
//   O'Connor (Team South) have walked every module before the first skills module and asked for a
//   sign-off, so each lead finds one request waiting; Emily Carter has done the first module and
//   opened the second.
// - QA: two evaluations per agent in the previous and the current month on the first scorecard,
//   entered by the team's lead; criteria not met feed the coaching loop as at the kiosk.
// Only once: a database that already has assignments or evaluations is left alone.
#include "trainer/content/model.hpp"
#include "trainer/core/clock.hpp"
#include "trainer/store/event_store.hpp"

namespace trainer::app {

struct DemoExtras {
    int tracks_assigned = 0;
    int signoff_requests = 0;
    int evaluations = 0;
};

DemoExtras seed_demo_extras(store::Database& db, store::EventStore& events, const Clock& clock,
                            const content::ContentSet& content);

} // namespace trainer::app
