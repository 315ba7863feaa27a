#include "trainer/sync/person_replay.hpp"
#include "trainer/store/events.hpp"
#include "trainer/store/payload.hpp"
#include "trainer/store/replay_payload.hpp"

#include <algorithm>
#include <tuple>

namespace trainer::sync {

namespace {

// The columns every query below selects (a payload's "person" is looked for in C++: SQLite's
// instr() compares at every position of every payload).
constexpr const char* kColumns =
    "SELECT seq, id, type, coalesce(person_id, ''), kiosk_id, at_ms, coalesce(origin_seq, seq), payload FROM events ";

// Whether a payload's text may hold a key "person": the word followed by a quote and preceded by
// one, or any escape (a key spelled with one; the log's payloads are nlohmann dumps, which spell
// it plainly, so this is a safeguard). Looked for from its rarer first letter, 'p'.
bool may_name_person(std::string_view payload) {
    if (payload.find('\\') != std::string_view::npos) return true;
    for (std::size_t i = payload.find('p'); i != std::string_view::npos; i = payload.find('p', i + 1))
        if (i > 0 && payload[i - 1] == '"' && payload.substr(i, 7) == "person\"") return true;
    return false;
}

// The payload's top-level "person" when it is a string (store::event_subject), else "". Parsed
// only when the text may hold the key: a review never does.
std::string named_person(std::string_view payload) {
    if (!may_name_person(payload)) return {};
    try {
        return store::Payload::parse(payload).find_string("person").value_or("");
    } catch (const std::exception&) { // not JSON: it names nobody (the importer refused it at the door)
        return {};
    }
}

// One person's events, read before they are sorted: the numbers here, the texts (id, device,
// who, payload) one after the other in a buffer shared by all of them (one allocation, not four
// per event), the type as an index into the types seen.
struct Row {
    std::int64_t seq = 0, at_ms = 0, origin = 0; // origin: coalesce(origin_seq, seq)
    std::size_t at = 0;                          // the texts' start in the buffer
    std::uint32_t id = 0, kiosk = 0, person = 0, payload = 0; // their lengths
    std::size_t type = 0;
};

class Rows {
public:
    void clear() {
        rows_.clear();
        text_.clear();
    }
    void add(const store::Statement& st, std::size_t type, std::string_view payload) {
        Row r;
        r.seq = st.int64(0);
        r.at_ms = st.int64(5);
        r.origin = st.int64(6);
        r.type = type;
        r.at = text_.size();
        r.id = put(st.text_view(1));
        r.person = put(st.text_view(3));
        r.kiosk = put(st.text_view(4));
        r.payload = put(payload);
        rows_.push_back(r);
    }
    // Into the one total order (store::for_each_in_order): occurred-at, device, the device's own
    // order, id; an event that came through two queries, once.
    void sort() {
        std::sort(rows_.begin(), rows_.end(), [this](const Row& a, const Row& b) {
            if (a.at_ms != b.at_ms) return a.at_ms < b.at_ms;
            if (const int c = kiosk(a).compare(kiosk(b)); c != 0) return c < 0;
            if (a.origin != b.origin) return a.origin < b.origin;
            return id(a) < id(b);
        });
        rows_.erase(std::unique(rows_.begin(), rows_.end(), [](const Row& a, const Row& b) { return a.seq == b.seq; }),
                    rows_.end());
    }
    const std::vector<Row>& rows() const { return rows_; }
    std::string_view id(const Row& r) const { return {text_.data() + r.at, r.id}; }
    std::string_view person(const Row& r) const { return {text_.data() + r.at + r.id, r.person}; }
    std::string_view kiosk(const Row& r) const { return {text_.data() + r.at + r.id + r.person, r.kiosk}; }
    std::string_view payload(const Row& r) const {
        return {text_.data() + r.at + r.id + r.person + r.kiosk, r.payload};
    }

private:
    std::uint32_t put(std::string_view s) {
        text_.append(s);
        return static_cast<std::uint32_t>(s.size());
    }
    std::vector<Row> rows_;
    std::string text_;
};

// One statement per type (or type prefix) the recomputed projections read, each a range of
// events_by_person (person_id, type, at_ms); a projection that reads every type: one for all.
// Its type bounds are bound again for each person (Statement::reset clears the bindings).
struct TypeQuery {
    store::Statement st;
    std::string from, to; // exact type: to empty
    void bind(const std::string& person) {
        st.bind(1, person);
        if (!from.empty()) st.bind(2, from);
        if (!to.empty()) st.bind(3, to);
    }
};

std::vector<TypeQuery> by_person_queries(store::Database& db, const std::vector<store::Projection>& projections,
                                         const std::vector<std::set<std::string>>& people) {
    std::set<std::string> types;
    for (std::size_t i = 0; i < projections.size(); ++i) {
        if (people[i].empty()) continue;
        if (projections[i].types.empty()) {
            std::vector<TypeQuery> all;
            all.push_back({db.prepare(std::string(kColumns) + "WHERE person_id = ?1"), "", ""});
            return all;
        }
        types.insert(projections[i].types.begin(), projections[i].types.end());
    }
    std::vector<TypeQuery> out;
    for (const auto& t : types) {
        if (t.ends_with('.')) // a prefix "auth." is the range ["auth.", "auth/"): '/' follows '.'
            out.push_back({db.prepare(std::string(kColumns) + "WHERE person_id = ?1 AND type >= ?2 AND type < ?3"), t,
                           t.substr(0, t.size() - 1) + "/"});
        else
            out.push_back({db.prepare(std::string(kColumns) + "WHERE person_id = ?1 AND type = ?2"), t, ""});
    }
    return out;
}

} // namespace

bool projection_reads(const store::Projection& p, const std::string& type) {
    return p.types.empty() || store::type_matches(p.types, type);
}

bool writes_shared(const store::Projection& p, const std::string& type) {
    for (const auto& part : p.shared)
        if (store::type_matches(part.types, type)) return true;
    return false;
}

std::int64_t replay_people(store::Database& db, const std::vector<store::Projection>& projections,
                           const std::vector<std::set<std::string>>& people) {
    std::set<std::string> everyone;
    for (const auto& p : people) everyone.insert(p.begin(), p.end());
    if (everyone.empty()) return 0;
    std::vector<TypeQuery> own = by_person_queries(db, projections, people);
    // What others recorded about a person (an assessment, a sign-off, a coaching item): the
    // partial index events_by_subject.
    auto about = db.prepare(std::string(kColumns) + "WHERE json_extract(payload, '$.person') = ?1");

    // The types seen, and per type which projections read it outside their shared parts.
    std::vector<std::string> types;
    std::vector<std::vector<char>> readers;
    auto type_index = [&](std::string_view type) {
        for (std::size_t t = types.size(); t-- > 0;)
            if (types[t] == type) return t;
        types.emplace_back(type);
        std::vector<char> r(projections.size());
        for (std::size_t i = 0; i < projections.size(); ++i)
            r[i] = projection_reads(projections[i], types.back()) && !writes_shared(projections[i], types.back());
        readers.push_back(std::move(r));
        return types.size() - 1;
    };

    std::int64_t n = 0;
    Rows rows;
    std::vector<char> planned(projections.size()), apply(projections.size());
    store::ReplayPayloadParser payloads(projections);
    store::ReplayBatch batch(db, projections);
    store::Event e;
    for (const std::string& person : everyone) {
        for (std::size_t i = 0; i < projections.size(); ++i) planned[i] = people[i].count(person) > 0;
        auto takes = [&](std::size_t type) {
            bool any = false;
            for (std::size_t i = 0; i < projections.size(); ++i) any = (apply[i] = planned[i] && readers[type][i]) || any;
            return any;
        };
        rows.clear();
        // A row is kept when its subject (store::event_subject) is this person and a projection
        // recomputed for them reads it.
        auto collect = [&](store::Statement& st) {
            while (st.step()) {
                const std::size_t type = type_index(st.text_view(2));
                if (!takes(type)) continue;
                const std::string_view payload = st.text_view(7);
                if (const std::string named = named_person(payload); !named.empty() && named != person)
                    continue; // about someone else
                rows.add(st, type, payload);
            }
            st.reset();
        };
        for (auto& q : own) {
            q.bind(person);
            collect(q.st);
        }
        about.bind(1, person);
        collect(about);
        rows.sort();
        // Replayed through one Event, its payload parsed for the projections that take it.
        for (const Row& row : rows.rows()) {
            takes(row.type);
            e.seq = row.seq;
            e.id = rows.id(row);
            e.type = types[row.type];
            e.person_id = rows.person(row);
            e.kiosk_id = rows.kiosk(row);
            e.at_ms = row.at_ms;
            payloads.parse(e.type, rows.payload(row), apply, e.payload);
            for (std::size_t i = 0; i < projections.size(); ++i)
                if (apply[i]) projections[i].apply(db, e);
        }
        n += static_cast<std::int64_t>(rows.rows().size());
    }
    batch.finish();
    return n;
}

} // namespace trainer::sync
