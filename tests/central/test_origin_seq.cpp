// The centre carries each event's per-device order, origin_seq (central migration 5,
// docs/merging.md "One order", docs/deployment.md "Sync on the wire"): events one desk wrote in the
// same millisecond apply in the writer's order on every desk that pulls them. Desks of older
// builds still push through central.push_staged (migration 4's interface).
#include "central_fixture.hpp"

#include "trainer/app/projections.hpp"
#include "trainer/central/copy_text.hpp"
#include "trainer/identity/people.hpp"
#include "trainer/identity/people_projection.hpp"
#include "trainer/sync/rebuild_check.hpp"

#include <array>

using namespace central_test;

namespace {

// Two ids that sort against the order they are written in (as random ids of events recorded
// before time-ordered ids did): by id alone, a desk would apply the second locale first.
const char* kFirstId = "ffffffff-0000-4000-8000-000000000002";  // written first: pl
const char* kSecondId = "fffffffe-0000-4000-8000-000000000001"; // written second: ru

// hq adds a1, then changes a1's language to pl and then to ru, all in one millisecond (its clock
// is fixed). The writer applies them as a live write does: the person's language ends as ru.
void write_same_millisecond(Desk& hq) {
    identity::PeopleService people(hq.db, *hq.events);
    people.add(identity::cli_admin(), {.id = "a1", .display_name = "Adam One", .teams = {"Team North"}});
    for (const auto& [id, locale] : {std::pair{kFirstId, "pl"}, std::pair{kSecondId, "ru"}}) {
        store::Transaction tx(hq.db);
        identity::apply_people_event(
            hq.db, hq.events->append({.type = identity::kPersonLocaleChanged, .person_id = "",
                                      .payload = {{"person", "a1"}, {"locale", locale}, {"actor", "admin"}},
                                      .id = id}));
        tx.commit();
    }
}

std::string locale_of(Desk& d, const std::string& person) {
    auto st = d.db.prepare("SELECT locale FROM people WHERE id = ?1");
    st.bind(1, person);
    return st.step() ? st.text(0) : std::string("(missing)");
}

// id -> the order the recording desk wrote it in, as this desk holds it, for `kiosk`'s events.
std::map<std::string, std::int64_t> origin_of(Desk& d, const std::string& kiosk) {
    std::map<std::string, std::int64_t> out;
    auto st = d.db.prepare("SELECT id, coalesce(origin_seq, seq) FROM events WHERE kiosk_id = ?1 AND type NOT LIKE 'sync.%'");
    st.bind(1, kiosk);
    while (st.step()) out[st.text(0)] = st.int64(1);
    return out;
}

std::string derived(Desk& d) { return sync::canonical_dump(d.db, sync::derived_tables(app::all_projections())); }

// An older desk's push: the staging table and call of central migration 4, without origin_seq.
central::PgResult push_v4(central::PgConnection& conn, const std::vector<std::array<std::string, 6>>& rows,
                          long long now_ms) {
    std::string data;
    int n = 0;
    for (const auto& r : rows) {
        central::copy_append(data, std::to_string(n++));
        for (std::size_t i = 0; i < r.size(); ++i) central::copy_append(data, r[i], i + 1 == r.size());
    }
    central::PgTransaction tx(conn);
    conn.copy_in("CREATE TEMP TABLE IF NOT EXISTS push_stage (n int, id text, type text, person_id text, kiosk_id text, "
                 "at_ms text, payload text) ON COMMIT DELETE ROWS; "
                 "COPY pg_temp.push_stage (n, id, type, person_id, kiosk_id, at_ms, payload) FROM STDIN",
                 data);
    auto r = conn.exec("SELECT event_id, status FROM central.push_staged($1::bigint)", {std::to_string(now_ms)});
    tx.commit();
    return r;
}

} // namespace

TEST_CASE("events one desk wrote in the same millisecond apply in its order on a desk that pulls them",
          "[central][origin]") {
    Centre c;
    Desk hq(c, "hq");
    Desk other(c, "desk-b");
    write_same_millisecond(hq);
    REQUIRE(locale_of(hq, "a1") == "ru");
    hq.sync();
    other.sync();

    // The centre kept the writer's order, and the pulling desk holds the same values.
    CHECK(c.count("SELECT count(*) FROM central.events WHERE origin_seq IS NULL") == 0);
    const auto written = origin_of(hq, "hq");
    REQUIRE(written.size() >= 3);
    CHECK(origin_of(other, "hq") == written);
    CHECK(written.at(kFirstId) < written.at(kSecondId));
    // So its derived state is the writer's: the later change wins although its id sorts first.
    CHECK(locale_of(other, "a1") == "ru");
    CHECK(derived(other) == derived(hq));
}

TEST_CASE("an older desk still pushes through push_staged and its events come back with origin_seq 0",
          "[central][origin]") {
    Centre c;
    Desk old(c, "desk-old");
    Desk other(c, "desk-b");
    auto conn = central::connect_device(old.cred);
    const std::string at = std::to_string(old.clock.now_ms());
    auto r = push_v4(conn,
                     {{{kFirstId, "note.written", "anna", "desk-old", at, "{\"n\": 1}"}},
                      {{kSecondId, "note.written", "anna", "desk-old", at, "{\"n\": 2}"}},
                      {{kFirstId, "note.written", "anna", "desk-old", at, "{\"n\": 1}"}},
                      {{"late-1", "note.written", "anna", "desk-old", "not a time", "{}"}}},
                     old.clock.now_ms());
    REQUIRE(r.rows() == 4);
    CHECK(r.text(0, 1) == "stored");
    CHECK(r.text(1, 1) == "stored");
    CHECK(r.text(2, 1) == "duplicate");
    CHECK(r.text(3, 1) == "refused: bad at_ms");
    CHECK(c.count("SELECT count(*) FROM central.events WHERE device = 'desk-old' AND origin_seq IS NULL") == 2);
    CHECK(c.count("SELECT count(*) FROM central.rejections WHERE event_id = 'late-1'") == 1);

    // A desk of this build pulls them with 0 (unknown: the id breaks the tie on every desk) and its
    // own pushes keep their order next to them.
    other.record("note.written", "anna");
    other.sync();
    const auto pulled = origin_of(other, "desk-old");
    CHECK(pulled == std::map<std::string, std::int64_t>{{kFirstId, 0}, {kSecondId, 0}});
    CHECK(c.count("SELECT count(*) FROM central.events WHERE device = 'desk-b' AND origin_seq > 0") == 1);
}

TEST_CASE("a staged push refuses an origin_seq that is not a non-negative integer and stores an empty one as unknown",
          "[central][origin]") {
    Centre c;
    Desk a(c, "desk-a");
    auto conn = central::connect_device(a.cred);
    const std::string at = std::to_string(a.clock.now_ms());
    std::string data;
    int n = 0;
    for (const std::string origin : {"7", "-1", "1e3", "", "99999999999999999999", "12"}) {
        for (const std::string& v : {std::to_string(n), "o-" + std::to_string(n), std::string("note.written"),
                                     std::string("anna"), std::string("desk-a"), at, origin})
            central::copy_append(data, v);
        central::copy_append(data, "{}", true);
        ++n;
    }
    central::PgTransaction tx(conn);
    conn.copy_in("CREATE TEMP TABLE IF NOT EXISTS push_stage_origin (n int, id text, type text, person_id text, "
                 "kiosk_id text, at_ms text, origin_seq text, payload text) ON COMMIT DELETE ROWS; "
                 "COPY pg_temp.push_stage_origin (n, id, type, person_id, kiosk_id, at_ms, origin_seq, payload) FROM STDIN",
                 data);
    auto r = conn.exec("SELECT event_id, status FROM central.push_staged_origin($1::bigint)", {at});
    tx.commit();
    REQUIRE(r.rows() == 6);
    CHECK(r.text(0, 1) == "stored");
    CHECK(r.text(1, 1) == "refused: bad origin_seq");
    CHECK(r.text(2, 1) == "refused: bad origin_seq");
    CHECK(r.text(3, 1) == "stored");
    CHECK(r.text(4, 1) == "refused: bad origin_seq");
    CHECK(r.text(5, 1) == "stored");
    CHECK(c.count("SELECT count(*) FROM central.rejections WHERE reason = 'bad origin_seq'") == 3);
    CHECK(c.admin.exec("SELECT string_agg(coalesce(origin_seq::text, 'null'), ',' ORDER BY id) FROM central.events")
              .text(0, 0) == "7,null,12");
}
