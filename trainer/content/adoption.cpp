#include "trainer/content/adoption.hpp"

#include "trainer/content/adopted_content.hpp"

#include "trainer/store/events.hpp"

#include <algorithm>
#include <cstdint>
#include <cstdio>

namespace trainer::content {

namespace {

constexpr const char* kUpsertSql =
    "INSERT INTO adopted_versions (card, version, adopted_ms, event_id) VALUES (?1, ?2, ?3, ?4) "
    "ON CONFLICT (card) DO UPDATE SET version = excluded.version, adopted_ms = excluded.adopted_ms, "
    "event_id = excluded.event_id";

// Applies one adoption: every card it names takes the version it adopted. Events come in the one
// total order, so the last one applied per card is the latest adoption.
void apply_adoption(store::Database& db, const store::Event& e) {
    const auto cards = e.payload.find_object("cards");
    if (!cards) return;
    auto st = db.prepare(kUpsertSql);
    for (const auto& [card, version] : cards->items()) {
        const auto v = version.as_integer();
        if (!v || card.empty()) continue;
        if (*v < 1) continue;
        st.reset();
        st.bind_all(card, *v, e.at_ms, e.id);
        st.run();
    }
}

} // namespace

AdoptedVersions adopted_versions(store::Database& db) {
    AdoptedVersions out;
    auto st = db.prepare("SELECT card, version FROM adopted_versions");
    while (st.step()) out.emplace(st.text(0), static_cast<int>(st.int64(1)));
    return out;
}

int current_version(const AdoptedVersions& adopted, const Card& card) {
    const auto it = adopted.find(card.id);
    return it == adopted.end() ? card.version : it->second;
}

std::string content_identity(const ContentSet& content) {
    std::vector<std::pair<std::string, int>> cards;
    cards.reserve(content.cards.size());
    for (const auto& c : content.cards) cards.emplace_back(c.id, c.version);
    std::sort(cards.begin(), cards.end());
    std::uint64_t h = 14695981039346656037ull; // FNV-1a, 64 bits
    const auto mix = [&h](std::string_view s) {
        for (const unsigned char ch : s) {
            h ^= ch;
            h *= 1099511628211ull;
        }
    };
    for (const auto& [id, version] : cards) {
        mix(id);
        mix("\t");
        mix(std::to_string(version));
        mix("\n");
    }
    char hex[17];
    std::snprintf(hex, sizeof hex, "%016llx", static_cast<unsigned long long>(h));
    return std::string("fnv1a64:") + hex;
}

Adoption adopt_content(store::EventStore& events, const ContentSet& content, AdoptionSource source) {
    return adopt_all(events, content, source);
}

ContentAdoption adopt_all(store::EventStore& events, const ContentSet& content, AdoptionSource source) {
    store::Database& db = events.db();
    store::Transaction tx(db);
    const AdoptedVersions adopted = adopted_versions(db);
    ContentAdoption out;
    for (const auto& c : content.cards) {
        const auto it = adopted.find(c.id);
        if (it == adopted.end()) {
            out.cards.emplace(c.id, c.version);
            continue;
        }
        const bool changes = source == AdoptionSource::Admin ? it->second != c.version : it->second < c.version;
        if (!changes) continue;
        out.cards.emplace(c.id, c.version);
        out.previous.emplace(c.id, it->second);
    }
    store::Payload payload{{"content", content_identity(content)},
                           {"cards", store::Payload{}},
                           {"source", source == AdoptionSource::Admin ? "admin" : "load"}};
    out.items = plan_item_adoption(db, content, source == AdoptionSource::Admin, payload);
    if (out.cards.empty() && out.items.empty()) return out;
    payload.set("cards", out.cards);
    const store::Event e = events.append({kContentAdopted, "", std::move(payload)});
    apply_adoption(db, e);
    apply_item_adoption(db, e);
    tx.commit();
    out.event_id = e.id;
    return out;
}

store::Projection adoption_projection() {
    store::Projection p;
    p.name = "adopted_versions";
    p.clear = [](store::Database& db) {
        db.exec("DELETE FROM adopted_versions");
        db.exec("DELETE FROM adopted_content");
    };
    p.apply = [](store::Database& db, const store::Event& e) {
        if (e.type != kContentAdopted) return;
        apply_adoption(db, e);
        apply_item_adoption(db, e);
    };
    p.shared = {{{"adopted_versions", "adopted_content"}, {kContentAdopted}}};
    p.types = {kContentAdopted};
    return p;
}

} // namespace trainer::content
