#include "trainer/identity/audit.hpp"

#include "trainer/core/time.hpp"

#include <algorithm>

namespace trainer::identity {

const std::vector<std::string>& audit_prefixes() {
    static const std::vector<std::string> kPrefixes = {"auth.",    "pin.", "person.",  "people.",
                                                       "content.", "qa.",  "signoff.", "export.",
                                                       "sync."};
    return kPrefixes;
}

bool is_audit_type(const std::string& type) {
    const auto& p = audit_prefixes();
    return std::any_of(p.begin(), p.end(),
                       [&](const std::string& x) { return type.starts_with(x); });
}

std::string describe(const store::Event& e) {
    std::string s = format_iso_ms(e.at_ms) + "  " + e.type;
    s += "  by=" + (e.person_id.empty() ? std::string("-") : e.person_id);
    if (e.payload.is_object()) {
        for (const auto& [k, v] : e.payload.items()) {
            if (k == "actor" && v.is_string() && v.get<std::string>() == e.person_id) continue;
            if (k == "hash" || k == "pin_hash") continue; // a PIN hash is never shown, even to admins
            s += "  " + k + "=" + (v.is_string() ? v.get<std::string>() : v.dump());
        }
    }
    s += "  kiosk=" + e.kiosk_id;
    return s;
}

std::vector<AuditEntry> list_audit(const Actor& actor, store::EventStore& events,
                                   std::optional<TimeMs> since_ms) {
    require_admin(actor, "read the audit log");
    std::vector<AuditEntry> out;
    store::EventFilter f;
    f.since_ms = since_ms;
    events.for_each(f, [&](const store::Event& e) {
        if (is_audit_type(e.type)) out.push_back({e, describe(e)});
    });
    return out;
}

} // namespace trainer::identity
