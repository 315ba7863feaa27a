#include "trainer/sync/recompute.hpp"
#include "trainer/sync/person_replay.hpp"
#include "trainer/store/events.hpp"
#include "trainer/store/replay_payload.hpp"

#include <set>

namespace trainer::sync {

namespace {

struct Plan {
    std::vector<std::set<std::string>> people;  // per projection: whose rows to recompute
    std::vector<std::vector<bool>> shared;      // per projection and shared part: recompute?
    std::set<std::string> all_people;
    std::vector<std::string> shared_types;      // of the parts recomputed
};

Plan plan_for(const std::vector<store::Projection>& projections, const std::vector<store::Event>& added,
              const std::vector<bool>& only) {
    Plan plan;
    plan.people.resize(projections.size());
    plan.shared.resize(projections.size());
    for (std::size_t i = 0; i < projections.size(); ++i) plan.shared[i].assign(projections[i].shared.size(), false);
    for (const auto& e : added) {
        const std::string subject = store::event_subject(e);
        for (std::size_t i = 0; i < projections.size(); ++i) {
            if (!only.empty() && !only[i]) continue;
            const auto& p = projections[i];
            for (std::size_t j = 0; j < p.shared.size(); ++j)
                if (store::type_matches(p.shared[j].types, e.type) && !plan.shared[i][j]) {
                    plan.shared[i][j] = true;
                    plan.shared_types.insert(plan.shared_types.end(), p.shared[j].types.begin(), p.shared[j].types.end());
                }
            if (!subject.empty() && !p.person_tables.empty() && projection_reads(p, e.type) && !writes_shared(p, e.type)) {
                plan.people[i].insert(subject);
                plan.all_people.insert(subject);
            }
        }
    }
    return plan;
}

// Every event about the planned people or of a recomputed shared type, in the one total order.
std::int64_t replay(store::Database& db, const std::vector<store::Projection>& projections, const Plan& plan) {
    // The events' order is decided first, on their keys alone, into a temporary table (its rowids
    // follow the ORDER BY); the rows, payloads included, are then read in that order by seq.
    // Sorting whole rows instead made SQLite sort every payload (hundreds of MB at scale).
    db.exec("CREATE TEMP TABLE IF NOT EXISTS recompute_order (seq INTEGER NOT NULL)");
    db.exec("DELETE FROM temp.recompute_order");
    std::string sql = "INSERT INTO temp.recompute_order (seq) SELECT seq FROM events WHERE seq IN ("
                      "SELECT seq FROM events WHERE person_id IN (SELECT id FROM temp.recompute_people) "
                      "UNION SELECT seq FROM events WHERE json_extract(payload, '$.person') IS NOT NULL "
                      "AND json_extract(payload, '$.person') IN (SELECT id FROM temp.recompute_people)";
    std::vector<std::string> binds;
    for (const auto& t : plan.shared_types) {
        binds.push_back(t);
        const std::string n = std::to_string(binds.size());
        if (t.ends_with('.')) {
            // A prefix "auth." is the range ["auth.", "auth/"): '/' follows '.'.
            binds.push_back(t.substr(0, t.size() - 1) + "/");
            sql += " UNION SELECT seq FROM events WHERE type >= ?" + n + " AND type < ?" + std::to_string(binds.size());
        } else {
            sql += " UNION SELECT seq FROM events WHERE type = ?" + n;
        }
    }
    sql += ") ORDER BY at_ms, kiosk_id, coalesce(origin_seq, seq), id";
    {
        auto order = db.prepare(sql);
        for (std::size_t i = 0; i < binds.size(); ++i) order.bind(static_cast<int>(i + 1), binds[i]);
        order.run();
    }
    auto st = db.prepare("SELECT e.seq, e.id, e.type, coalesce(e.person_id, ''), e.kiosk_id, e.at_ms, e.payload, "
                         "CASE WHEN instr(e.payload, '\"person\"') > 0 AND json_type(e.payload, '$.person') = 'text' "
                         "THEN json_extract(e.payload, '$.person') END "
                         "FROM temp.recompute_order o JOIN events e ON e.seq = o.seq ORDER BY o.rowid");
    std::int64_t n = 0;
    std::vector<char> apply(projections.size());
    store::ReplayPayloadParser payloads(projections);
    store::ReplayBatch batch(db, projections);
    // What each projection does with an event of the current type, decided once per run of one
    // type (mostly reviews): 0 no, 1 yes (a shared part it recomputes), 2 if its subject is planned.
    std::string type;
    std::vector<char> by_type(projections.size());
    while (st.step()) {
        ++n;
        // Which projections take this event, decided from its type and subject before its payload
        // is parsed: most of a person's events (look-ups, check-ins) matter to none of them.
        if (n == 1 || type != st.text(2)) {
            type = st.text(2);
            for (std::size_t i = 0; i < projections.size(); ++i) {
                const auto& p = projections[i];
                bool of_shared = false, take = false;
                for (std::size_t j = 0; j < p.shared.size(); ++j)
                    if (store::type_matches(p.shared[j].types, type)) {
                        of_shared = true;
                        take = take || plan.shared[i][j];
                    }
                by_type[i] = of_shared ? (take ? 1 : 0) : (!plan.people[i].empty() && projection_reads(p, type) ? 2 : 0);
            }
        }
        std::string person_id = st.text(3);
        bool any = false;
        bool subject_known = false;
        std::string subject;
        for (std::size_t i = 0; i < projections.size(); ++i) {
            bool take = by_type[i] == 1;
            if (by_type[i] == 2) {
                if (!subject_known) {
                    // The payload's "person" only when the SQL found one (json_extract, column 7).
                    subject = st.is_null(7) ? person_id : st.text(7);
                    if (subject.empty()) subject = person_id;
                    subject_known = true;
                }
                take = plan.people[i].count(subject) > 0;
            }
            apply[i] = take;
            any = any || take;
        }
        if (!any) continue;
        store::Event e;
        e.seq = st.int64(0);
        e.id = st.text(1);
        e.type = type;
        e.person_id = std::move(person_id);
        e.kiosk_id = st.text(4);
        e.at_ms = st.int64(5);
        payloads.parse(e.type, st.text(6), apply, e.payload);
        for (std::size_t i = 0; i < projections.size(); ++i)
            if (apply[i]) projections[i].apply(db, e);
    }
    batch.finish();
    st.reset();
    db.exec("DELETE FROM temp.recompute_order");
    return n;
}

} // namespace

RecomputeStats recompute_affected(store::Database& db, const std::vector<store::Projection>& projections,
                                  const std::vector<store::Event>& added, const std::vector<bool>& only) {
    RecomputeStats stats;
    for (std::size_t i = 0; i < projections.size(); ++i) {
        if (!only.empty() && !only[i]) continue;
        if (projections[i].person_tables.empty() && projections[i].shared.empty()) {
            // A projection that does not say whose its rows are: everything, in the one order.
            stats.whole = true;
            stats.replayed = store::replay_all(db, projections).events;
            return stats;
        }
    }
    const Plan plan = plan_for(projections, added, only);
    db.exec("CREATE TEMP TABLE IF NOT EXISTS recompute_people (id TEXT PRIMARY KEY) WITHOUT ROWID");
    db.exec("DELETE FROM temp.recompute_people");
    {
        auto ins = db.prepare("INSERT INTO temp.recompute_people (id) VALUES (?1)");
        for (const auto& id : plan.all_people) {
            ins.bind(1, id);
            ins.run();
            ins.reset();
        }
    }
    // Shared rows first, in each projection's order (people before the rows that cascade from them).
    for (std::size_t i = 0; i < projections.size(); ++i)
        for (std::size_t j = 0; j < projections[i].shared.size(); ++j) {
            if (!plan.shared[i][j]) continue;
            for (const auto& t : projections[i].shared[j].tables) {
                db.exec("DELETE FROM \"" + t + "\"");
                stats.shared.push_back(t);
            }
        }
    for (std::size_t i = 0; i < projections.size(); ++i) {
        if (plan.people[i].empty()) continue;
        for (const auto& t : projections[i].person_tables) {
            auto del = db.prepare("DELETE FROM \"" + t + "\" WHERE person_id = ?1");
            for (const auto& id : plan.people[i]) {
                del.bind(1, id);
                del.run();
                del.reset();
            }
        }
    }
    stats.people = plan.all_people.size();
    // Only people's rows: person by person, each one's events read once (person_replay.hpp).
    // Shared rows too: everything they and the people's rows read, in one order.
    if (plan.shared_types.empty()) stats.replayed = replay_people(db, projections, plan.people);
    else stats.replayed = replay(db, projections, plan);
    db.exec("DELETE FROM temp.recompute_people");
    return stats;
}

} // namespace trainer::sync
