#include "trainer/content/adopted_content.hpp"

#include "trainer/content/onboarding_model.hpp"
#include "trainer/content/quality_model.hpp"
#include "trainer/store/events.hpp"

#include <nlohmann/json.hpp>

#include <cstdint>

namespace trainer::content {

namespace {

constexpr const char* kUpsertSql =
    "INSERT INTO adopted_content (kind, id, version, definition, adopted_ms, event_id) "
    "VALUES (?1, ?2, ?3, nullif(?4, ''), ?5, ?6) ON CONFLICT (kind, id) DO UPDATE SET "
    "version = excluded.version, definition = excluded.definition, adopted_ms = excluded.adopted_ms, "
    "event_id = excluded.event_id";

std::vector<std::string> strings(const nlohmann::json& j, const char* key) {
    std::vector<std::string> out;
    if (auto it = j.find(key); it != j.end() && it->is_array())
        for (const auto& v : *it)
            if (v.is_string()) out.push_back(v.get<std::string>());
    return out;
}

LocalText local_text(const nlohmann::json& j, const char* key) {
    LocalText out;
    if (auto it = j.find(key); it != j.end() && it->is_object())
        for (const auto& [loc, text] : it->items())
            if (text.is_string()) out.emplace(loc, text.get<std::string>());
    return out;
}

// A rollout's adopted definition, as the event carries it.
nlohmann::json rollout_json(const Rollout& r) {
    nlohmann::json j{{"title", r.title}, {"cards", r.cards},       {"modules", r.modules},
                     {"teams", r.teams}, {"start", r.start_date}, {"target", r.target_date}};
    if (!r.description.empty()) j["description"] = r.description;
    return j;
}

Rollout rollout_from_json(const std::string& id, const nlohmann::json& j) {
    Rollout r;
    r.id = id;
    r.title = local_text(j, "title");
    r.description = local_text(j, "description");
    r.cards = strings(j, "cards");
    r.modules = strings(j, "modules");
    r.teams = strings(j, "teams");
    r.start_date = j.value("start", "");
    r.target_date = j.value("target", "");
    return r;
}

int positive_version(const nlohmann::json& v) {
    if (!v.is_number_integer()) return 0;
    const auto n = v.get<std::int64_t>();
    return n >= 1 && n <= INT32_MAX ? static_cast<int>(n) : 0;
}

// Load adopts what is new or newer; Admin what differs at all.
bool changes(bool admin, int adopted, int folder) { return admin ? adopted != folder : adopted < folder; }

} // namespace

AdoptedVersions adopted_of(store::Database& db, const std::string& kind) {
    AdoptedVersions out;
    auto st = db.prepare("SELECT id, version FROM adopted_content WHERE kind = ?1");
    st.bind(1, kind);
    while (st.step()) out.emplace(st.text(0), static_cast<int>(st.int64(1)));
    return out;
}

AdoptedContent adopted_content(store::Database& db) {
    AdoptedContent out;
    out.modules = adopted_of(db, "module");
    out.scorecards = adopted_of(db, "scorecard");
    auto st = db.prepare("SELECT id, coalesce(definition, '{}') FROM adopted_content WHERE kind = 'rollout'");
    while (st.step()) {
        const auto j = nlohmann::json::parse(st.text(1), nullptr, false);
        out.rollouts.emplace(st.text(0), AdoptedRollout{rollout_from_json(st.text(0), j.is_object() ? j : nlohmann::json::object())});
    }
    return out;
}

int current_version(const AdoptedVersions& adopted, const std::string& id, int folder_version) {
    const auto it = adopted.find(id);
    return it == adopted.end() ? folder_version : it->second;
}

std::optional<OnboardingContent> with_adopted_modules(const OnboardingContent& content, const AdoptedVersions& adopted) {
    std::optional<OnboardingContent> out;
    for (std::size_t i = 0; i < content.modules.size(); ++i) {
        const int current = current_version(adopted, content.modules[i].id, content.modules[i].version);
        if (current == content.modules[i].version) continue;
        if (!out) out = content;
        out->modules[i].version = current;
    }
    return out;
}

std::vector<AdoptedItem> plan_item_adoption(store::Database& db, const ContentSet& content, bool admin,
                                            store::Payload& payload) {
    const AdoptedContent have = adopted_content(db);
    std::vector<AdoptedItem> out;
    nlohmann::json items = nlohmann::json::object(); // {modules: {id: version}, scorecards: ..., rollouts: {id: definition}}
    const auto versioned = [&](const char* kind, const char* key, const AdoptedVersions& adopted, const std::string& id,
                               int version) {
        const auto it = adopted.find(id);
        if (it != adopted.end() && !changes(admin, it->second, version)) return;
        out.push_back({kind, id, version, it == adopted.end() ? std::nullopt : std::optional<int>(it->second)});
        items[key][id] = version;
    };
    if (content.onboarding)
        for (const auto& m : content.onboarding->modules) versioned("module", "modules", have.modules, m.id, m.version);
    if (content.quality)
        for (const auto& s : content.quality->scorecards) versioned("scorecard", "scorecards", have.scorecards, s.id, s.version);
    if (content.change)
        for (const auto& r : content.change->rollouts) {
            const auto it = have.rollouts.find(r.id);
            const nlohmann::json def = rollout_json(r);
            // A definition edited in a folder is adopted only by the admin: a desk with an older
            // folder must not flip it back at every start.
            if (it != have.rollouts.end() && (!admin || rollout_json(it->second.rollout) == def)) continue;
            out.push_back({"rollout", r.id, 1, it == have.rollouts.end() ? std::nullopt : std::optional<int>(1)});
            items["rollouts"][r.id] = def;
        }
    for (const auto& [key, value] : items.items()) payload.set(key, value);
    return out;
}

void apply_item_adoption(store::Database& db, const store::Event& e) {
    auto st = db.prepare(kUpsertSql);
    const auto upsert = [&](const char* kind, const std::string& id, int version, const std::string& definition) {
        if (id.empty() || version < 1) return;
        st.reset();
        st.bind_all(kind, id, static_cast<std::int64_t>(version), definition, e.at_ms, e.id);
        st.run();
    };
    const nlohmann::json& payload = e.payload.json();
    for (const auto& [kind, key] : {std::pair{"module", "modules"}, std::pair{"scorecard", "scorecards"}})
        if (auto it = payload.find(key); it != payload.end() && it->is_object())
            for (const auto& [id, v] : it->items()) upsert(kind, id, positive_version(v), "");
    if (auto it = payload.find("rollouts"); it != payload.end() && it->is_object())
        for (const auto& [id, def] : it->items())
            if (def.is_object()) upsert("rollout", id, 1, def.dump());
}

} // namespace trainer::content
