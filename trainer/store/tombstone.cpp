#include "trainer/store/tombstone.hpp"

#include <sodium.h>

#include <array>
#include <stdexcept>

namespace trainer::store {

std::string person_key(const std::string& organisation_id, const std::string& person_id) {
    if (sodium_init() < 0) throw std::runtime_error("libsodium could not be initialised");
    std::array<unsigned char, 16> out{};
    // The key must be 16..64 bytes: the organisation id is padded into a fixed 32-byte key.
    std::array<unsigned char, crypto_generichash_KEYBYTES> key{};
    crypto_generichash(key.data(), key.size(), reinterpret_cast<const unsigned char*>(organisation_id.data()),
                       organisation_id.size(), nullptr, 0);
    crypto_generichash(out.data(), out.size(), reinterpret_cast<const unsigned char*>(person_id.data()),
                       person_id.size(), key.data(), key.size());
    std::array<char, 33> hex{};
    sodium_bin2hex(hex.data(), hex.size(), out.data(), out.size());
    return std::string(hex.data());
}

std::unordered_set<std::string> erased_keys(store::Database& db) {
    std::unordered_set<std::string> out;
    auto st = db.prepare("SELECT person_key FROM erased_people");
    while (st.step()) out.insert(st.text(0));
    return out;
}

void add_tombstone(store::Database& db, const std::string& key, const std::string& event_id, std::int64_t at_ms) {
    db.prepare("INSERT OR IGNORE INTO erased_people (person_key, event_id, at_ms) VALUES (?1, ?2, ?3)")
        .bind_all(key, event_id, at_ms)
        .run();
}

std::string erased_event_key(const std::string& organisation_id, const std::string& event_id) {
    return person_key(organisation_id, "event " + event_id);
}

void add_erased_event(store::Database& db, const std::string& key) {
    db.prepare("INSERT OR IGNORE INTO erased_events (event_key) VALUES (?1)").bind(1, key).run();
}

ErasedEvents::ErasedEvents(store::Database& db, const std::string& organisation_id) : organisation_id_(organisation_id) {
    auto st = db.prepare("SELECT event_key FROM erased_events");
    while (st.step()) keys_.insert(st.text(0));
}

bool ErasedEvents::contains(const std::string& event_id) const {
    return !keys_.empty() && keys_.count(erased_event_key(organisation_id_, event_id)) > 0;
}

} // namespace trainer::store
