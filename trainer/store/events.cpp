#include "trainer/store/events.hpp"

#include "trainer/core/uuid.hpp"
#include "trainer/store/audit_chain.hpp"
#include "trainer/store/event_row.hpp"

#include <sqlite3.h>

namespace trainer::store {

EventStore::EventStore(Database& db, const Clock& clock, std::string kiosk_id)
    : db_(db), clock_(clock), kiosk_id_(std::move(kiosk_id)) {}

Event EventStore::append(const NewEvent& e) {
    if (e.type.empty()) throw StoreError(SQLITE_CONSTRAINT, "an event needs a type");
    Event out;
    out.id = e.id.empty() ? new_time_ordered_uuid() : e.id;
    out.type = e.type;
    out.person_id = e.person_id;
    out.kiosk_id = kiosk_id_;
    out.at_ms = e.at_ms.value_or(clock_.now_ms());
    out.payload = e.payload;
    if (!insert_)
        insert_.emplace(db_.prepare("INSERT INTO events (id, type, person_id, kiosk_id, at_ms, payload) "
                                    "VALUES (?1, ?2, ?3, ?4, ?5, ?6)"));
    Statement& st = *insert_;
    st.reset();
    st.bind(1, out.id).bind(2, out.type);
    if (out.person_id.empty())
        st.bind(3, nullptr);
    else
        st.bind(3, out.person_id);
    const std::string payload_text = out.payload.dump();
    st.bind(4, out.kiosk_id).bind(5, out.at_ms).bind(6, payload_text);
    st.run();
    out.seq = db_.last_insert_rowid();
    if (is_audit_event_type(out.type))
        chain_audit_event(db_, out.seq, out.id, out.type, out.person_id, out.kiosk_id, out.at_ms, payload_text);
    return out;
}

bool EventStore::append_if_absent(const NewEvent& e) {
    if (!e.id.empty() && find(e.id)) return false;
    append(e);
    return true;
}

Event EventStore::record(const NewEvent& e) {
    Transaction tx(db_);
    Event out = append(e);
    tx.commit();
    return out;
}

Event read_event(const Statement& st) {
    Event e;
    e.seq = st.int64(0);
    e.id = st.text(1);
    e.type = st.text(2);
    e.person_id = st.text(3);
    e.kiosk_id = st.text(4);
    e.at_ms = st.int64(5);
    e.payload = Payload::parse(st.text(6));
    return e;
}

void apply_naming_event(const Event& e, const std::function<void()>& apply) {
    const auto named = [&e](const std::string& what) {
        return std::runtime_error(e.type + " event " + e.id + " (seq " + std::to_string(e.seq) + "): " + what);
    };
    try {
        apply();
    } catch (const std::invalid_argument& x) {
        throw named(x.what());
    } catch (const std::exception& x) { // nlohmann's errors (not std::invalid_argument)
        if (!is_json_error(x)) throw;
        throw named(std::string("malformed payload: ") + x.what());
    }
}

namespace {

const std::string kColumns = std::string("SELECT ") + kEventColumns + " FROM events";

std::string where_clause(const EventFilter& f) {
    std::string w = " WHERE 1";
    if (f.type) w += f.type->ends_with('.') ? " AND substr(type, 1, length(?1)) = ?1" : " AND type = ?1";
    if (f.person_id) w += " AND person_id = ?2";
    if (f.since_ms) w += " AND at_ms >= ?3";
    if (f.until_ms) w += " AND at_ms < ?4";
    if (f.after_seq) w += " AND seq > ?5";
    return w;
}

void bind_filter(Statement& st, const EventFilter& f) {
    if (f.type) st.bind(1, *f.type);
    if (f.person_id) st.bind(2, *f.person_id);
    if (f.since_ms) st.bind(3, *f.since_ms);
    if (f.until_ms) st.bind(4, *f.until_ms);
    if (f.after_seq) st.bind(5, *f.after_seq);
}

} // namespace

std::optional<Event> EventStore::find(const std::string& id) {
    auto st = db_.prepare(kColumns + " WHERE id = ?1");
    st.bind(1, id);
    if (!st.step()) return std::nullopt;
    return read_event(st);
}

void EventStore::for_each(const EventFilter& filter, const std::function<void(const Event&)>& fn) {
    auto st = db_.prepare(kColumns + where_clause(filter) + " ORDER BY seq" +
                          (filter.limit ? " LIMIT " + std::to_string(*filter.limit) : std::string()));
    bind_filter(st, filter);
    while (st.step()) fn(read_event(st));
}

std::int64_t EventStore::count(const EventFilter& filter) {
    auto st = db_.prepare("SELECT count(*) FROM events" + where_clause(filter));
    bind_filter(st, filter);
    st.step();
    return st.int64(0);
}

std::optional<std::string> meta_get(Database& db, const std::string& key) {
    auto st = db.prepare("SELECT value FROM meta WHERE key = ?1");
    st.bind(1, key);
    if (!st.step()) return std::nullopt;
    return st.text(0);
}

void meta_set(Database& db, const std::string& key, const std::string& value) {
    db.prepare("INSERT INTO meta (key, value) VALUES (?1, ?2) "
               "ON CONFLICT (key) DO UPDATE SET value = excluded.value")
        .bind_all(key, value)
        .run();
}

std::string kiosk_id_of(Database& db) {
    if (auto id = meta_get(db, "kiosk_id")) return *id;
    const std::string id = "kiosk-" + new_uuid().substr(0, 8);
    meta_set(db, "kiosk_id", id);
    return id;
}

} // namespace trainer::store
