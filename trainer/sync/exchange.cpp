// [SECTION] Wire events and the total order
// [SECTION] Organisation
// [SECTION] Import: check, union, recompute
// [SECTION] Export
#include "trainer/sync/exchange.hpp"

#include "trainer/app/projections.hpp"
#include "trainer/core/time.hpp"
#include "trainer/identity/person_data.hpp"
#include "trainer/store/events.hpp"
#include "trainer/store/projection.hpp"
#include "trainer/store/tombstone.hpp"
#include "trainer/sync/recompute.hpp"

#include <nlohmann/json.hpp>
#include <sqlite3.h>

#include <algorithm>
#include <tuple>
#include <unordered_map>

namespace trainer::sync {

// [SECTION] Wire events and the total order ----------------------------------------------------

bool WireEvent::same_content(const WireEvent& o) const {
    return id == o.id && organisation_id == o.organisation_id && device_id == o.device_id &&
           occurred_ms == o.occurred_ms && type == o.type && person_id == o.person_id && payload == o.payload;
}

bool applies_before(const WireEvent& a, const WireEvent& b) {
    return std::tie(a.occurred_ms, a.device_id, a.origin_seq, a.id) <
           std::tie(b.occurred_ms, b.device_id, b.origin_seq, b.id);
}

namespace {

constexpr TimeMs kFutureSlackMs = 24LL * 3600 * 1000;

int content_version_of(const nlohmann::json& payload) {
    for (const char* k : {"card_version", "version", "module_version"})
        if (auto it = payload.find(k); it != payload.end() && it->is_number_integer()) return it->get<int>();
    return 0;
}

std::string describe(const WireEvent& e) {
    return "id " + e.id + ", type " + e.type + ", device " + e.device_id + ", occurred " +
           format_iso_ms(e.occurred_ms) + ", person " + (e.person_id.empty() ? "-" : e.person_id) +
           ", payload " + (e.payload.size() > 200 ? e.payload.substr(0, 200) + "..." : e.payload);
}

} // namespace

// [SECTION] Organisation -----------------------------------------------------------------------

std::string organisation_id(store::Database& db) {
    auto id = store::meta_get(db, "organisation_id");
    if (!id || id->empty())
        throw ImportRefused(ImportRefused::Reason::Damaged,
                            db.path().string() + ": the database names no organisation (run `trainer init` on it)");
    return *id;
}

void set_organisation_id(store::Database& db, const std::string& id) {
    if (id.empty() || id.size() > 64 || id.find_first_of(" \t\r\n") != std::string::npos)
        throw ImportRefused(ImportRefused::Reason::Malformed,
                            "an organisation id is 1 to 64 characters without spaces, got '" + id + "'");
    store::Transaction tx(db);
    const std::string current = organisation_id(db);
    if (current == id) return;
    if (store::meta_get(db, "organisation_source").value_or("") == "merged")
        throw ImportRefused(ImportRefused::Reason::OtherOrganisation,
                            db.path().string() + ": already holds events merged for organisation " + current +
                                "; it cannot move to organisation " + id);
    store::meta_set(db, "organisation_id", id);
    store::meta_set(db, "organisation_source", "set");
    tx.commit();
}

// [SECTION] Import -----------------------------------------------------------------------------

namespace {

struct Checked {
    WireEvent wire;
    nlohmann::json payload;
};

// Parses and canonicalises every event, refusing the batch on the first one that cannot be stored.
std::vector<Checked> check_batch(std::span<const WireEvent> events, const std::string& org) {
    std::vector<Checked> out;
    out.reserve(events.size());
    std::unordered_map<std::string, std::size_t> by_id;
    for (std::size_t i = 0; i < events.size(); ++i) {
        const WireEvent& e = events[i];
        const std::string where = "event " + std::to_string(i + 1) + " (id " + (e.id.empty() ? "-" : e.id) + ")";
        if (e.organisation_id != org)
            throw ImportRefused(ImportRefused::Reason::OtherOrganisation,
                                where + ": belongs to organisation " + e.organisation_id +
                                    ", this database to organisation " + org);
        if (e.id.empty() || e.type.empty() || e.device_id.empty())
            throw ImportRefused(ImportRefused::Reason::Malformed, where + ": needs an id, a type and a device id");
        Checked c{e, {}};
        try {
            c.payload = nlohmann::json::parse(e.payload);
        } catch (const nlohmann::json::parse_error& x) {
            throw ImportRefused(ImportRefused::Reason::Malformed, where + ": payload is not JSON: " + x.what());
        }
        if (!c.payload.is_object())
            throw ImportRefused(ImportRefused::Reason::Malformed, where + ": payload is not a JSON object");
        c.wire.payload = c.payload.dump();
        c.wire.content_version = content_version_of(c.payload);
        if (auto [it, fresh] = by_id.emplace(e.id, out.size()); !fresh) {
            if (!out[it->second].wire.same_content(c.wire))
                throw ImportRefused(ImportRefused::Reason::ConflictingDuplicate,
                                    "two different events share the id " + e.id + ": " +
                                        describe(out[it->second].wire) + " | " + describe(c.wire));
            continue;
        }
        out.push_back(std::move(c));
    }
    return out;
}

bool names_erased(const Checked& c, const std::string& org, const std::unordered_set<std::string>& erased) {
    if (erased.empty()) return false;
    if (!c.wire.person_id.empty() && erased.count(store::person_key(org, c.wire.person_id))) return true;
    if (auto it = c.payload.find("person"); it != c.payload.end() && it->is_string())
        return erased.count(store::person_key(org, it->get<std::string>())) > 0;
    return false;
}

} // namespace

ImportResult import_events(store::Database& db, std::span<const WireEvent> events, const ImportOptions& options) {
    SystemClock system_clock;
    const Clock& clock = options.clock ? *options.clock : static_cast<const Clock&>(system_clock);
    ImportResult r;
    r.received = events.size();
    const std::string org = organisation_id(db);
    std::vector<Checked> batch = check_batch(events, org);

    store::Transaction tx(db);
    auto erased = store::erased_keys(db);
    bool rewritten = false; // a tombstone rewrote local events: derived state is recomputed
    // Erasures first: a tombstone in this batch erases the person here and keeps their events in
    // this very batch out (issue 12 §5).
    for (const Checked& c : batch) {
        if (c.wire.type != "person.erased") continue;
        const std::string key = c.payload.value("person_key", "");
        const std::string pseudonym = c.payload.value("person", "");
        if (key.empty() || pseudonym.empty() || erased.count(key)) continue;
        rewritten = identity::apply_tombstone(db, key, pseudonym, c.wire.id, c.wire.occurred_ms).has_value() || rewritten;
        erased.insert(key);
    }
    std::optional<WireEvent> last_applied;
    {
        // This device's own sync.* audit records change no derived table and do not count.
        auto st = db.prepare("SELECT at_ms, kiosk_id, id, coalesce(origin_seq, seq) FROM events WHERE type NOT LIKE 'sync.%' "
                             "ORDER BY at_ms DESC, kiosk_id DESC, coalesce(origin_seq, seq) DESC, id DESC LIMIT 1");
        if (st.step()) {
            last_applied.emplace();
            last_applied->occurred_ms = st.int64(0);
            last_applied->device_id = st.text(1);
            last_applied->id = st.text(2);
            last_applied->origin_seq = st.int64(3);
        }
    }
    auto find = db.prepare("SELECT type, coalesce(person_id, ''), kiosk_id, at_ms, payload FROM events WHERE id = ?1");
    auto insert = db.prepare("INSERT INTO events (id, type, person_id, kiosk_id, at_ms, payload, origin_seq) "
                             "VALUES (?1, ?2, nullif(?3, ''), ?4, ?5, ?6, ?7)");
    std::vector<const Checked*> added;
    std::unordered_map<const Checked*, std::int64_t> local_seq;
    // Read after this batch's tombstones were applied: their erasures count too.
    const store::ErasedEvents erased_events(db, org);
    for (const Checked& c : batch) {
        // The tombstone wins (issue 12 §5): an erased person's events, and every event an erasure
        // here removed or scrubbed, are dropped before anything else. The copy here (gone, or
        // scrubbed under the same id) must not be compared with the old one coming back.
        if (names_erased(c, org, erased) || erased_events.contains(c.wire.id)) {
            ++r.dropped_erased;
            continue;
        }
        find.bind(1, c.wire.id);
        if (find.step()) {
            WireEvent have{c.wire.id, org, find.text(2), find.int64(3), find.text(0), find.text(1), find.text(4)};
            find.reset();
            // Stored payloads were written by nlohmann's dump(); parse again so any other spelling compares.
            have.payload = nlohmann::json::parse(have.payload).dump();
            if (!have.same_content(c.wire))
                throw ImportRefused(ImportRefused::Reason::ConflictingDuplicate,
                                    "the id " + c.wire.id + " is already here with different content: here " +
                                        describe(have) + " | incoming " + describe(c.wire));
            ++r.already_present;
            continue;
        }
        find.reset();
        insert.bind_all(c.wire.id, c.wire.type, c.wire.person_id, c.wire.device_id, c.wire.occurred_ms, c.wire.payload,
                        c.wire.origin_seq);
        insert.run();
        insert.reset();
        local_seq[&c] = db.last_insert_rowid();
        added.push_back(&c);
    }
    r.added = added.size();
    if (added.empty()) {
        if (options.before_commit) options.before_commit(db);
        tx.commit();
        return r;
    }
    std::sort(added.begin(), added.end(), [](const Checked* a, const Checked* b) { return applies_before(a->wire, b->wire); });

    // Audit: events from the future and the import itself (appended by this device, now).
    store::EventStore local(db, clock, store::kiosk_id_of(db));
    const TimeMs now = clock.now_ms();
    for (const Checked* c : added) {
        if (c->wire.occurred_ms <= now + kFutureSlackMs) continue;
        ++r.from_future;
        local.append({"sync.future_event",
                      "",
                      {{"event", c->wire.id}, {"device", c->wire.device_id}, {"occurred", format_iso_ms(c->wire.occurred_ms)},
                       {"ahead_hours", (c->wire.occurred_ms - now) / 3'600'000}}});
    }
    if (options.record_import)
        local.append({"sync.imported",
                      "",
                      {{"source", options.source}, {"received", r.received}, {"added", r.added},
                       {"already_present", r.already_present}, {"dropped_erased", r.dropped_erased},
                       {"from_future", r.from_future}}});
    store::meta_set(db, "organisation_source", "merged");

    std::vector<store::Event> stored;
    stored.reserve(added.size());
    for (const Checked* c : added)
        stored.push_back({local_seq[c], c->wire.id, c->wire.type, c->wire.person_id, c->wire.device_id,
                          c->wire.occurred_ms, c->payload});
    const auto projections = app::all_projections();
    r.applied_in_place = !rewritten && (!last_applied || applies_before(*last_applied, added.front()->wire));
    if (rewritten) {
        // A tombstone rewrote events already applied: everything, in the one order.
        r.replayed = store::replay_all(db, projections).events;
    } else if (r.applied_in_place) {
        // Every new event sorts after what was applied: apply them in the total order, exactly as a
        // live write would (this device's sync.* audit records change no derived table). A
        // projection that keeps state in memory between events recomputes the people instead.
        std::vector<bool> recompute(projections.size());
        bool any = false;
        for (std::size_t i = 0; i < projections.size(); ++i)
            any = (recompute[i] = !projections[i].applies_on_stored_rows) || any;
        if (any) {
            const RecomputeStats s = recompute_affected(db, projections, stored, recompute);
            r.replayed = s.replayed;
            r.recomputed_people = s.people;
        }
        for (const store::Event& e : stored)
            for (std::size_t i = 0; i < projections.size(); ++i)
                if (!recompute[i]) projections[i].apply(db, e);
    } else {
        // Some new event sorts before one already applied: recompute the rows they change, from
        // the log, for the people they are about (trainer/sync/recompute.hpp).
        const RecomputeStats s = recompute_affected(db, projections, stored);
        r.replayed = s.replayed;
        r.recomputed_people = s.people;
        r.recomputed_shared = s.shared;
    }
    if (options.before_commit) options.before_commit(db);
    tx.commit();
    return r;
}

// [SECTION] Export -----------------------------------------------------------------------------

ExportBatch export_events(store::Database& db, const ExportQuery& q) {
    const std::string org = organisation_id(db);
    ExportBatch out;
    out.next_cursor = q.after_seq;
    std::string sql = "SELECT seq, id, type, coalesce(person_id, ''), kiosk_id, at_ms, payload, "
                      "coalesce(origin_seq, seq) FROM events WHERE seq > ?1";
    if (q.since_ms) sql += " AND at_ms >= ?2";
    sql += " ORDER BY seq";
    if (q.limit) sql += " LIMIT " + std::to_string(q.limit);
    auto st = db.prepare(sql);
    st.bind(1, q.after_seq);
    if (q.since_ms) st.bind(2, *q.since_ms);
    while (st.step()) {
        WireEvent e{st.text(1), org, st.text(4), st.int64(5), st.text(2), st.text(3), st.text(6)};
        e.seq = st.int64(0);
        e.origin_seq = st.int64(7);
        e.content_version = content_version_of(nlohmann::json::parse(e.payload));
        out.next_cursor = e.seq;
        out.events.push_back(std::move(e));
    }
    return out;
}

} // namespace trainer::sync
