#include "trainer/store/projection.hpp"
#include "trainer/store/event_row.hpp"
#include "trainer/store/events.hpp"


namespace trainer::store {

std::string event_subject(const Event& e) {
    if (auto it = e.payload.find("person"); it != e.payload.end() && it->is_string() && !it->get_ref<const std::string&>().empty())
        return it->get<std::string>();
    return e.person_id;
}

bool type_matches(const std::vector<std::string>& types, const std::string& type) {
    for (const auto& t : types)
        if (t.ends_with('.') ? type.starts_with(t) : type == t) return true;
    return false;
}

void for_each_in_order(Database& db, const EventFilter& f, const std::function<void(const Event&)>& fn) {
    std::string sql = std::string("SELECT ") + kEventColumns + " FROM events WHERE 1";
    if (f.type) sql += f.type->ends_with('.') ? " AND substr(type, 1, length(?1)) = ?1" : " AND type = ?1";
    if (f.person_id) sql += " AND person_id = ?2";
    if (f.since_ms) sql += " AND at_ms >= ?3";
    if (f.until_ms) sql += " AND at_ms < ?4";
    sql += " ORDER BY at_ms, kiosk_id, coalesce(origin_seq, seq), id";
    auto st = db.prepare(sql);
    if (f.type) st.bind(1, *f.type);
    if (f.person_id) st.bind(2, *f.person_id);
    if (f.since_ms) st.bind(3, *f.since_ms);
    if (f.until_ms) st.bind(4, *f.until_ms);
    while (st.step()) fn(read_event(st));
}

RebuildStats replay_all(Database& db, const std::vector<Projection>& projections) {
    RebuildStats stats;
    stats.projections = projections.size();
    for (const auto& p : projections) p.clear(db);
    for_each_in_order(db, {}, [&](const Event& e) {
        ++stats.events;
        for (const auto& p : projections) p.apply(db, e);
    });
    return stats;
}

RebuildStats rebuild(Database& db, const std::vector<Projection>& projections) {
    Transaction tx(db);
    RebuildStats stats = replay_all(db, projections);
    tx.commit();
    return stats;
}

} // namespace trainer::store
