#include "trainer/store/audit_chain.hpp"

#include <sodium.h>

#include <algorithm>
#include <map>
#include <set>

namespace trainer::store {

const std::vector<std::string>& audit_type_prefixes() {
    static const std::vector<std::string> kPrefixes = {"auth.",    "pin.", "person.",  "people.",
                                                       "content.", "qa.",  "signoff.", "export.",
                                                       "sync."};
    return kPrefixes;
}

bool is_audit_event_type(const std::string& type) {
    const auto& p = audit_type_prefixes();
    return std::any_of(p.begin(), p.end(), [&](const std::string& x) { return type.starts_with(x); });
}

std::string audit_entry_hash(const std::string& prev_hash, const std::string& id, const std::string& type,
                             const std::string& person_id, const std::string& kiosk_id,
                             std::int64_t at_ms, const std::string& payload_text) {
    if (sodium_init() < 0) throw StoreError(1, "libsodium could not be initialised");
    crypto_generichash_state st;
    crypto_generichash_init(&st, nullptr, 0, 32);
    // Each field is length-prefixed so no two different entries hash the same text.
    for (const std::string& f : {prev_hash, id, type, person_id, kiosk_id, std::to_string(at_ms), payload_text}) {
        const std::string len = std::to_string(f.size()) + ":";
        crypto_generichash_update(&st, reinterpret_cast<const unsigned char*>(len.data()), len.size());
        crypto_generichash_update(&st, reinterpret_cast<const unsigned char*>(f.data()), f.size());
    }
    unsigned char h[32];
    crypto_generichash_final(&st, h, sizeof h);
    char out[65];
    sodium_bin2hex(out, sizeof out, h, sizeof h);
    return std::string(out, 64);
}

namespace {

std::string last_hash(Database& db, const std::string& kiosk_id) {
    auto st = db.prepare("SELECT hash FROM audit_chain WHERE kiosk_id = ?1 ORDER BY seq DESC LIMIT 1");
    st.bind(1, kiosk_id);
    return st.step() ? st.text(0) : std::string();
}

} // namespace

void chain_audit_event(Database& db, std::int64_t seq, const std::string& id, const std::string& type,
                       const std::string& person_id, const std::string& kiosk_id, std::int64_t at_ms,
                       const std::string& payload_text) {
    const std::string prev = last_hash(db, kiosk_id);
    db.prepare("INSERT INTO audit_chain (seq, kiosk_id, prev_hash, hash) VALUES (?1, ?2, ?3, ?4)")
        .bind_all(seq, kiosk_id, prev, audit_entry_hash(prev, id, type, person_id, kiosk_id, at_ms, payload_text))
        .run();
}

namespace {

constexpr const char* kAuditEvents =
    "SELECT seq, id, type, coalesce(person_id, ''), kiosk_id, at_ms, payload FROM events ORDER BY seq";

} // namespace

void rechain_audit(Database& db) {
    db.exec("DELETE FROM audit_chain");
    std::map<std::string, std::string> prev; // kiosk → last hash
    auto st = db.prepare(kAuditEvents);
    auto ins = db.prepare("INSERT INTO audit_chain (seq, kiosk_id, prev_hash, hash) VALUES (?1, ?2, ?3, ?4)");
    while (st.step()) {
        if (!is_audit_event_type(st.text(2))) continue;
        const std::string kiosk = st.text(4);
        const std::string h =
            audit_entry_hash(prev[kiosk], st.text(1), st.text(2), st.text(3), kiosk, st.int64(5), st.text(6));
        ins.bind_all(st.int64(0), kiosk, prev[kiosk], h).run();
        ins.reset();
        prev[kiosk] = h;
    }
}

ChainReport verify_audit_chain(Database& db) {
    ChainReport r;
    if (auto g = db.prepare("SELECT value FROM meta WHERE key = 'erase_in_progress'"); g.step())
        r.problems.push_back("the append-only guard is switched off: meta key 'erase_in_progress' is set "
                             "(value '" + g.text(0) + "') outside an erasure, so events could have been "
                             "rewritten or deleted");
    struct Link {
        std::string kiosk, prev, hash;
    };
    std::map<std::int64_t, Link> chain;
    auto c = db.prepare("SELECT seq, kiosk_id, prev_hash, hash FROM audit_chain");
    while (c.step()) chain[c.int64(0)] = {c.text(1), c.text(2), c.text(3)};

    std::map<std::string, std::string> prev;  // kiosk → hash of the last good entry
    std::set<std::string> broken;             // devices whose first problem is reported
    std::set<std::int64_t> seen;
    auto report = [&](const std::string& kiosk, const std::string& what) {
        if (broken.insert(kiosk).second) r.problems.push_back("device " + kiosk + ": " + what);
    };
    auto st = db.prepare(kAuditEvents);
    while (st.step()) {
        const std::string type = st.text(2);
        if (!is_audit_event_type(type)) continue;
        ++r.entries;
        const std::int64_t seq = st.int64(0);
        const std::string kiosk = st.text(4);
        seen.insert(seq);
        const std::string at = "entry seq " + std::to_string(seq) + " (" + type + ")";
        auto link = chain.find(seq);
        if (link == chain.end()) {
            report(kiosk, at + " is not in the audit chain: it was written around the application");
            continue;
        }
        if (link->second.kiosk != kiosk) {
            report(kiosk, at + " was moved from device " + link->second.kiosk);
            continue;
        }
        if (link->second.prev != prev[kiosk])
            report(kiosk, "first broken link at " + at +
                              ": the entry before it was deleted or changed (its link no longer matches)");
        const std::string h =
            audit_entry_hash(link->second.prev, st.text(1), type, st.text(3), kiosk, st.int64(5), st.text(6));
        if (h != link->second.hash) report(kiosk, "first broken link at " + at + ": the entry was edited after it was written");
        prev[kiosk] = link->second.hash;
    }
    for (const auto& [seq, link] : chain)
        if (!seen.count(seq))
            report(link.kiosk, "entry seq " + std::to_string(seq) + " is in the chain but its event is gone (deleted)");
    return r;
}

} // namespace trainer::store
