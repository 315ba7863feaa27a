#include "trainer/identity/audit.hpp"

#include "trainer/core/text_policy.hpp"
#include "trainer/core/time.hpp"
#include "trainer/store/audit_chain.hpp"
#include "trainer/store/events.hpp"

#include <algorithm>

namespace trainer::identity {

const std::vector<std::string>& audit_prefixes() { return store::audit_type_prefixes(); }

bool is_audit_type(const std::string& type) { return store::is_audit_event_type(type); }

std::string describe(const store::Event& e) {
    // Every stored value goes through the one display escape: a comment holding "\n… by=admin"
    // stays on this line, and an ESC sequence is printed as text, not obeyed by the terminal.
    const auto esc = [](const std::string& v) { return text::escape_for_display(v); };
    std::string s = format_iso_ms(e.at_ms) + "  " + esc(e.type);
    s += "  by=" + (e.person_id.empty() ? std::string("-") : esc(e.person_id));
    for (const auto& [k, v] : e.payload.items()) {
        const auto text = v.as_string();
        if (k == "actor" && text == e.person_id) continue;
        if (k == "hash" || k == "pin_hash") continue; // a PIN hash is never shown, even to admins
        s += "  " + esc(k) + "=" + esc(text ? *text : v.dump());
    }
    s += "  kiosk=" + esc(e.kiosk_id);
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
