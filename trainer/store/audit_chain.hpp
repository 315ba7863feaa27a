#pragma once
// The audit chain (SECURITY.md "Audit chain"): every audit event (auth., pin., person., people.,
// content., qa., signoff., export.) gets a row in audit_chain holding the hash of the previous
// audit entry OF THE SAME DEVICE and its own hash: BLAKE2b-256 over the previous hash and the
// event's fields exactly as stored. `trainer audit --verify` walks the chains.
#include "trainer/store/database.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace trainer::store {

struct Event;

// The event type prefixes that make up the audit log.
const std::vector<std::string>& audit_type_prefixes();
bool is_audit_event_type(const std::string& type);

// Hash of one entry: prev_hash and the stored fields (payload as the stored JSON text).
std::string audit_entry_hash(const std::string& prev_hash, const std::string& id, const std::string& type,
                             const std::string& person_id, const std::string& kiosk_id,
                             std::int64_t at_ms, const std::string& payload_text);

// Appends the chain row of an event just inserted (called by EventStore::append).
void chain_audit_event(Database& db, std::int64_t seq, const std::string& id, const std::string& type,
                       const std::string& person_id, const std::string& kiosk_id, std::int64_t at_ms,
                       const std::string& payload_text);

// Recomputes every chain from the events as they are now (an erasure rewrites events on
// purpose; it runs this inside its transaction while its guard key is set).
void rechain_audit(Database& db);

struct ChainReport {
    std::int64_t entries = 0;           // audit events checked
    std::vector<std::string> problems;  // the first broken link of each device, and guard state
    bool ok() const { return problems.empty(); }
};
// Walks every device's chain and reports the first broken link of each: an entry edited after
// it was written, an entry deleted (the next one's link no longer matches), an event written
// around the chain, and a switched-off guard (the meta key that lets events be rewritten).
ChainReport verify_audit_chain(Database& db);

} // namespace trainer::store
