// [SECTION] Wire events and the total order
// [SECTION] Organisation
// [SECTION] Import (trainer/sync/importer.hpp)
// [SECTION] Export
#include "trainer/sync/exchange.hpp"

#include "trainer/store/events.hpp"
#include "trainer/sync/importer.hpp"

#include <sqlite3.h>

#include <tuple>

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

ImportResult import_events(store::Database& db, std::span<const WireEvent> events, const ImportOptions& options) {
    // One page (trainer/sync/importer.hpp): a merge feeds the same importer page by page.
    Importer importer(db, options);
    importer.erasures(events);
    importer.add(events);
    return importer.finish();
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
        e.content_version = content_version_of(store::Payload::parse(e.payload));
        out.next_cursor = e.seq;
        out.events.push_back(std::move(e));
    }
    return out;
}

} // namespace trainer::sync
