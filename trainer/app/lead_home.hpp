#pragma once
// What waits for a lead when they sign in (docs/figures.md "A lead's home"): skills sign-offs
// requested by their people, team members locked out of sign-in, people whose latest phase is
// denial or resistance, and check-ins overdue. Only the teams the lead leads (an admin: every
// team); names, module titles and rollout titles in the lead's language, never raw ids alone.
#include "trainer/content/change_model.hpp"
#include "trainer/content/model.hpp"
#include "trainer/core/clock.hpp"
#include "trainer/identity/access.hpp"
#include "trainer/store/event_store.hpp"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace trainer::app {

struct LeadHome {
    struct Signoff {
        std::string person_id, display_name, module_id, module_title;
        TimeMs requested_ms = 0;
    };
    struct Locked {
        std::string person_id, display_name;
        TimeMs locked_until_ms = 0;
        int failures = 0;
    };
    struct PhaseAlert {
        std::string person_id, display_name, rollout_id, rollout_title;
        content::Phase phase = content::Phase::Denial;
        std::string source; // "self" (check-in) or "lead" (assessment)
        TimeMs at_ms = 0;
    };
    struct Overdue {
        std::string person_id, display_name, rollout_id, rollout_title;
        std::int64_t due_day = 0;           // organisation day the check-in fell due
        int days_overdue = 0;               // whole organisation days since then
        std::optional<TimeMs> last_checkin_ms;
    };
    std::vector<Signoff> signoffs;    // oldest request first
    std::vector<Locked> locked;       // by name
    std::vector<PhaseAlert> phases;   // denial first, then resistance; by name
    std::vector<Overdue> overdue;     // most overdue first
    bool empty() const { return signoffs.empty() && locked.empty() && phases.empty() && overdue.empty(); }
};

struct LeadHomeOptions {
    int checkin_interval_days = 7; // as change::CheckinConfig
    int overdue_after_days = 2;    // a due check-in left this many organisation days is overdue
};

// identity::AccessDenied unless the actor is a lead or an admin.
LeadHome lead_home(store::EventStore& events, const Clock& clock, const content::ContentSet& content,
                   const identity::Actor& actor, std::string_view locale, LeadHomeOptions options = {});

} // namespace trainer::app
