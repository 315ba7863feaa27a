#pragma once
// The audit log is not a separate table: it is the sensitive subset of the event log (logins,
// lockouts, PIN changes, people changes, content changes, QA scores, sign-offs, exports,
// erasures), read back as human-readable lines. Admins only.
#include "trainer/identity/access.hpp"
#include "trainer/store/event.hpp"
#include "trainer/store/event_store.hpp"

#include <optional>
#include <string>
#include <vector>

namespace trainer::identity {

// The event type prefixes that make up the audit log.
const std::vector<std::string>& audit_prefixes();
bool is_audit_type(const std::string& type);

struct AuditEntry {
    store::Event event;
    std::string line; // "2024-03-18T09:15:02.120Z  auth.locked  person=anna.k  failures=5 ..."
};

// Audit events at or after since_ms (all when nullopt), in order of arrival. Admin only.
std::vector<AuditEntry> list_audit(const Actor& actor, store::EventStore& events,
                                   std::optional<TimeMs> since_ms = std::nullopt);
// One line for an event: time, type, who, then the payload's fields as key=value.
std::string describe(const store::Event& e);

} // namespace trainer::identity
