#include "trainer/identity/person_data.hpp"

#include "trainer/store/audit_chain.hpp"

#include "trainer/core/time.hpp"
#include "trainer/core/uuid.hpp"
#include "trainer/identity/people.hpp"
#include "trainer/store/projection.hpp"
#include "trainer/store/tombstone.hpp"
#include "trainer/store/event_row.hpp"
#include "trainer/store/events.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <array>

namespace trainer::identity {

namespace {

Person must_exist(store::Database& db, const std::string& id) {
    auto p = read_person(db, id);
    if (!p) throw PeopleError("no person with id '" + id + "' (see `trainer people list`)");
    return *p;
}

nlohmann::json event_json(const store::Event& e) {
    return {{"id", e.id},
            {"type", e.type},
            {"person_id", e.person_id},
            {"kiosk_id", e.kiosk_id},
            {"at", format_iso_ms(e.at_ms)},
            {"payload", e.payload.json()}};
}

// Events by the person, or naming them as the subject of someone else's action.
constexpr const char* kTheirEvents =
    "SELECT seq, id, type, person_id, kiosk_id, at_ms, payload FROM events "
    "WHERE person_id = ?1 OR json_extract(payload, '$.person') = ?1 ORDER BY seq";

constexpr std::size_t kMinScrubLength = 4;

// Payload keys that hold free text a person wrote or that was written about them, and the PIN
// hashes that people events carry (issue 12): blanked on erasure.
constexpr std::array<const char*, 13> kFreeTextKeys = {
    "comment",     "comments",  "note", "notes",   "reflection", "reflections", "free_text",
    "text",        "message",   "feedback", "hash", "pin_hash",  "hire_date"};

struct Scrub {
    std::string old_id, pseudonym;
    std::vector<std::string> secrets; // name, badge, external id: never left in any string

    void string_value(std::string& s) const {
        if (s == old_id) {
            s = pseudonym;
            return;
        }
        for (const auto& x : secrets)
            for (std::size_t at; !x.empty() && (at = s.find(x)) != std::string::npos;)
                s.replace(at, x.size(), "[erased]");
        // Composite ids ("qa:anna.k:42"); short ids are only replaced whole to avoid mangling.
        if (old_id.size() >= kMinScrubLength)
            for (std::size_t at; (at = s.find(old_id)) != std::string::npos;)
                s.replace(at, old_id.size(), pseudonym);
    }

    void json(nlohmann::json& j) const {
        if (j.is_string()) {
            string_value(j.get_ref<std::string&>());
        } else if (j.is_array()) {
            for (auto& x : j)
                json(x);
        } else if (j.is_object()) {
            for (auto& [k, v] : j.items()) {
                const bool free_text =
                    std::find(kFreeTextKeys.begin(), kFreeTextKeys.end(), k) != kFreeTextKeys.end();
                if (free_text && v.is_string())
                    v = "";
                else
                    json(v);
            }
        }
    }
};

// Tables other features add later that key rows by person: every column named person_id or
// ending in _person_id is rewritten, so erasure keeps working without edits here.
std::int64_t rewrite_person_columns(store::Database& db, const std::string& from,
                                    const std::string& to) {
    std::vector<std::pair<std::string, std::string>> targets;
    auto tables = db.prepare(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' "
        "AND name NOT IN ('people', 'events')");
    while (tables.step()) {
        const std::string t = tables.text(0);
        auto cols = db.prepare("SELECT name FROM pragma_table_info(?1)");
        cols.bind(1, t);
        while (cols.step()) {
            const std::string c = cols.text(0);
            if (c == "person_id" || c.ends_with("_person_id")) targets.emplace_back(t, c);
        }
    }
    std::int64_t n = 0;
    for (const auto& [t, c] : targets) {
        db.prepare("UPDATE \"" + t + "\" SET \"" + c + "\" = ?2 WHERE \"" + c + "\" = ?1")
            .bind_all(from, to)
            .run();
        n += db.changes();
    }
    return n;
}

} // namespace

nlohmann::json export_person(const Actor& actor, store::EventStore& events,
                             const std::string& person_id) {
    auto& db = events.db();
    const Person p = must_exist(db, person_id);
    require_view_person(actor, person_id);
    nlohmann::json profile = {
        {"id", p.id},
        {"display_name", p.display_name},
        {"role", role_name(p.role)},
        {"locale", p.locale},
        {"badge_id", p.badge_id ? nlohmann::json(*p.badge_id) : nlohmann::json()},
        {"external_id", p.external_id ? nlohmann::json(*p.external_id) : nlohmann::json()},
        {"hire_date", p.hire_date ? nlohmann::json(*p.hire_date) : nlohmann::json()},
        {"active", p.active},
        {"has_pin", p.has_pin},
        {"created", format_iso_ms(p.created_ms)},
        {"teams", p.teams},
        {"leads_teams", p.led_teams}};
    nlohmann::json list = nlohmann::json::array();
    auto st = db.prepare(kTheirEvents);
    st.bind(1, person_id);
    while (st.step()) {
        const store::Event e = store::read_event(st);
        list.push_back(event_json(e));
    }
    events.record({"person.exported",
                   actor.person_id,
                   {{"person", person_id}, {"actor", actor.label()}, {"events", list.size()}}});
    return {{"format", "trainer.person_export.v1"},
            {"exported_at", format_iso_ms(events.clock().now_ms())},
            {"person", profile},
            {"events", list}};
}

namespace {

// Everything an erasure changes except its own event, inside the caller's transaction.
std::int64_t scrub_person(store::Database& db, const Person& p, const std::string& pseudonym) {
    ErasureResult r;
    r.pseudonym = pseudonym;
    // Substring scrubbing of very short values would mangle unrelated text ("Al" in "Always"):
    // those are only replaced where they are a whole value.
    Scrub scrub{p.id, r.pseudonym, {}};
    for (const auto& v : {std::optional<std::string>(p.display_name), p.badge_id, p.external_id})
        if (v && v->size() >= kMinScrubLength) scrub.secrets.push_back(*v);

    // The events table's triggers allow rewriting only while this key exists (0001_events.sql).
    store::meta_set(db, "erase_in_progress", r.pseudonym);
    db.exec("PRAGMA defer_foreign_keys = ON");
    // Issue 12 §5: the person's own events and every event about them are removed (not kept under
    // a pseudonym), so that an erasure gives the same state whichever device learns of it first;
    // other people's events that mention them keep their place with the text scrubbed.
    db.prepare("DELETE FROM people WHERE id = ?1").bind(1, p.id).run();
    rewrite_person_columns(db, p.id, r.pseudonym);

    // Candidates are found by raw text, then rewritten through the JSON so the payload stays valid.
    std::string where = "person_id = ?1 OR json_extract(payload, '$.person') = ?1 OR id = ?1";
    if (p.id.size() >= kMinScrubLength) where += " OR instr(payload, ?1) > 0 OR instr(id, ?1) > 0";
    for (std::size_t i = 0; i < scrub.secrets.size(); ++i)
        where += " OR instr(payload, ?" + std::to_string(i + 2) + ") > 0";
    auto find = db.prepare("SELECT seq, id, person_id, payload FROM events WHERE " + where);
    find.bind(1, p.id);
    for (std::size_t i = 0; i < scrub.secrets.size(); ++i)
        find.bind(static_cast<int>(i + 2), scrub.secrets[i]);
    struct Rewrite {
        std::int64_t seq;
        std::string id, person_id, payload;
    };
    std::vector<Rewrite> rewrites;
    std::vector<std::int64_t> theirs;
    // Every event removed or scrubbed is remembered by a keyed hash of its id, so a copy that comes
    // back later (a desk pulling the centre's events) is dropped on arrival (store/tombstone.hpp).
    const std::string org = store::meta_get(db, "organisation_id").value_or("");
    while (find.step()) {
        Rewrite w{find.int64(0), find.text(1), find.text(2), {}};
        store::add_erased_event(db, store::erased_event_key(org, w.id));
        auto payload = nlohmann::json::parse(find.text(3));
        const auto subject = payload.find("person");
        if (w.person_id == p.id || (subject != payload.end() && subject->is_string() && *subject == p.id) ||
            w.id == p.id || (p.id.size() >= kMinScrubLength && w.id.find(p.id) != std::string::npos)) {
            theirs.push_back(w.seq);
            continue;
        }
        scrub.json(payload);
        w.payload = payload.dump();
        scrub.string_value(w.id);
        if (w.person_id == p.id) w.person_id = r.pseudonym;
        rewrites.push_back(std::move(w));
    }
    auto update = db.prepare(
        "UPDATE events SET id = ?2, person_id = nullif(?3, ''), payload = ?4 WHERE seq = ?1");
    for (const auto& w : rewrites) {
        update.bind_all(w.seq, w.id, w.person_id, w.payload).run();
        update.reset();
    }
    auto remove = db.prepare("DELETE FROM events WHERE seq = ?1");
    for (const auto seq : theirs) {
        remove.bind(1, seq).run();
        remove.reset();
    }
    // The remaining audit entries are chained anew (the erasure itself is the next entry).
    store::rechain_audit(db);
    db.prepare("DELETE FROM meta WHERE key = 'erase_in_progress'").run();
    return static_cast<std::int64_t>(theirs.size() + rewrites.size());
}

} // namespace

std::optional<std::string> apply_tombstone(store::Database& db, const std::string& person_key,
                                           const std::string& pseudonym, const std::string& event_id,
                                           TimeMs at_ms) {
    const std::string org = store::meta_get(db, "organisation_id").value_or("");
    std::optional<std::string> found;
    // Whoever they are here: a profile, the author of events, or only the subject of others' events
    // (a lead's note about them arrived before their own records). Rare, so a full scan is fine.
    auto ids = db.prepare("SELECT id FROM people UNION SELECT person_id FROM events WHERE person_id IS NOT NULL "
                          "UNION SELECT json_extract(payload, '$.person') FROM events "
                          "WHERE json_type(payload, '$.person') = 'text'");
    while (ids.step())
        if (store::person_key(org, ids.text(0)) == person_key) {
            found = ids.text(0);
            break;
        }
    if (found && *found != pseudonym) {
        Person p;
        p.id = *found;
        if (auto known = read_person(db, *found)) p = *known;
        scrub_person(db, p, pseudonym);
    }
    store::add_tombstone(db, person_key, event_id, at_ms);
    return found;
}

ErasureResult erase_person(const Actor& actor, store::EventStore& events,
                           const std::string& person_id, const std::vector<store::Projection>& derived) {
    require_admin(actor, "erase a person's data");
    auto& db = events.db();
    const Person p = must_exist(db, person_id);
    if (p.id == actor.person_id)
        throw AccessDenied("an admin cannot erase their own account while using it");

    ErasureResult r;
    std::string hex = new_uuid();
    hex.erase(std::remove(hex.begin(), hex.end(), '-'), hex.end());
    r.pseudonym = "erased-" + hex.substr(0, 16);
    const std::string org = store::meta_get(db, "organisation_id").value_or("");
    const std::string key = store::person_key(org, p.id);

    store::Transaction tx(db);
    r.events_rewritten = scrub_person(db, p, r.pseudonym);
    // The tombstone: it travels to other devices (which erase the person too) and keeps their old
    // events out of every later merge. It names the person only by a keyed hash (store/tombstone.hpp).
    const store::Event tomb = events.append({"person.erased",
                                             actor.person_id,
                                             {{"person", r.pseudonym},
                                              {"person_key", key},
                                              {"actor", actor.label()},
                                              {"events_rewritten", r.events_rewritten}}});
    store::add_tombstone(db, key, tomb.id, tomb.at_ms);
    // Derived tables copied free text out of the events (QA comments, phase notes): recompute
    // them from the scrubbed log so no copy of a name is left behind.
    store::replay_all(db, derived);
    tx.commit();

    if (db.path() != ":memory:") {
        auto cp = db.prepare("PRAGMA wal_checkpoint(TRUNCATE)");
        r.wal_truncated = cp.step() && cp.int64(0) == 0;
    }
    return r;
}

} // namespace trainer::identity
