// Issue 12 §2, §8: a merge whose events sort before ones already applied recomputes, person by
// person (trainer/sync/person_replay.hpp), exactly what a full rebuild gives for the people the
// new events are about, and writes no row of anyone else.
#include "trainer/app/projections.hpp"
#include "trainer/store/events.hpp"
#include "trainer/sync/exchange.hpp"
#include "trainer/sync/merge.hpp"
#include "trainer/sync/rebuild_check.hpp"

#include "support.hpp"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <map>
#include <set>

using namespace trainer;
using sync::WireEvent;

namespace interleaved_merge {

constexpr TimeMs kStart = 1'767'258'000'000; // 2026-01-01T09:00:00Z
constexpr TimeMs kHourMs = 3'600'000;

WireEvent event(const std::string& id, const std::string& device, TimeMs at, const std::string& type,
                const std::string& person, const nlohmann::json& payload) {
    return {id, "org-i", device, at, type, person, payload.dump()};
}

WireEvent graded(const std::string& id, const std::string& device, TimeMs at, const std::string& person,
                 const std::string& card, int rating) {
    return event(id, device, at, "card.reviewed", person, {{"card", card}, {"card_version", 1}, {"rating", rating}});
}

// Desk A's history: six agents and their lead Lena, who grades cards too; ten days of reviews,
// a phase assessment of each agent by Lena, a coaching item Lena gives a2 and one a1 takes herself.
std::vector<WireEvent> desk_a() {
    std::vector<WireEvent> out;
    for (const std::string who : {"lena", "a1", "a2", "a3", "a4", "a5", "a6"}) {
        for (int day = 0; day < 10; ++day)
            for (int k = 0; k < 4; ++k) {
                std::string id = who, card = "c";
                id.append("-").append(std::to_string(day)).append("-").append(std::to_string(k));
                card.append(std::to_string((day + k) % 5));
                out.push_back(graded(id, "desk-a", kStart + day * 24 * kHourMs + k * kHourMs, who, card, 1 + (day * k + k) % 4));
            }
        if (who != "lena")
            out.push_back(event(who + "-assessed", "kiosk-l", kStart + 5 * 24 * kHourMs, "change.lead_assessed", "lena",
                                {{"person", who}, {"rollout", "r1"}, {"phase", "exploration"}, {"note", ""}}));
    }
    out.push_back(event("coach-a2", "kiosk-l", kStart + 2 * 24 * kHourMs, "coaching.assigned", "lena",
                        {{"person", "a2"}, {"card", "c1"}, {"reason", "QA"}, {"source", "qa"}}));
    out.push_back(event("coach-a1-self", "desk-a", kStart + 3 * 24 * kHourMs, "coaching.assigned", "a1",
                        {{"person", "a1"}, {"card", "c2"}, {"reason", "own pick"}, {"source", "lead"}}));
    return out;
}

// Desk B, offline for days 3 to 6: reviews by a1, a2 and Lena between the ones desk A holds, and
// a coaching item Lena gives a2 (her event, about a2: only a2's rows take it).
std::vector<WireEvent> desk_b() {
    std::vector<WireEvent> out;
    for (int day = 3; day < 7; ++day)
        for (const std::string who : {"a1", "a2", "lena"}) {
            std::string id = "b-" + who;
            id.append("-").append(std::to_string(day));
            out.push_back(graded(id, "desk-b", kStart + day * 24 * kHourMs + kHourMs / 2, who, "c1", day % 2 ? 1 : 4));
        }
    out.push_back(event("b-coach-a2", "desk-b", kStart + 4 * 24 * kHourMs, "coaching.assigned", "lena",
                        {{"person", "a2"}, {"card", "c3"}, {"reason", "call review"}, {"source", "lead"}}));
    return out;
}

store::Database device(const std::filesystem::path& file, const std::vector<WireEvent>& events) {
    auto db = store::Database::open(file, {true});
    sync::set_organisation_id(db, "org-i");
    FixedClock clock(kStart + 30 * 24 * kHourMs);
    sync::ImportOptions options{&clock, "history"};
    options.record_import = false; // the device's own audit of it would travel with a merge too
    sync::import_events(db, events, options);
    return db;
}

// Every person-keyed derived table (Projection::person_tables) of one person, in a canonical form:
// each row's columns as text, the rows sorted.
std::string rows_of(store::Database& db, const std::string& person) {
    std::string out;
    for (const auto& p : app::all_projections())
        for (const auto& t : p.person_tables) {
            auto cols = db.prepare("SELECT count(*) FROM pragma_table_info(?1)");
            cols.bind(1, t);
            REQUIRE(cols.step());
            const int n = static_cast<int>(cols.int64(0));
            auto st = db.prepare("SELECT * FROM \"" + t + "\" WHERE person_id = ?1");
            st.bind(1, person);
            std::vector<std::string> rows;
            while (st.step()) {
                std::string row;
                for (int c = 0; c < n; ++c) row += (st.is_null(c) ? std::string("NULL") : st.text(c)) + "|";
                rows.push_back(std::move(row));
            }
            std::sort(rows.begin(), rows.end());
            out += t + ":\n";
            for (const auto& row : rows) out += row + "\n";
        }
    return out;
}

} // namespace interleaved_merge

TEST_CASE("an interleaved merge recomputes the people it is about as a full rebuild does and writes no one else's rows",
          "[sync]") {
    using namespace interleaved_merge;
    test::TempDir dir;
    auto a = device(dir / "a.db", desk_a());
    device(dir / "b.db", desk_b());

    std::map<std::string, std::string> before;
    for (const std::string who : {"lena", "a1", "a2", "a3", "a4", "a5", "a6"}) before[who] = rows_of(a, who);
    // Every write to a person's derived rows during the merge, by whose rows they are.
    a.exec("CREATE TEMP TABLE written (tbl TEXT, person TEXT)");
    for (const auto& p : app::all_projections())
        for (const auto& t : p.person_tables)
            for (const char* when : {"INSERT", "UPDATE", "DELETE"}) {
                const std::string row = std::string(when) == "DELETE" ? "OLD" : "NEW";
                a.exec("CREATE TEMP TRIGGER written_" + t + "_" + when + " AFTER " + when + " ON main." + t +
                       " BEGIN INSERT INTO written VALUES ('" + t + "', " + row + ".person_id); END");
            }

    const auto r = sync::merge_database(a, dir / "b.db");
    CHECK(r.added == desk_b().size());
    CHECK_FALSE(r.applied_in_place);
    CHECK(r.recomputed_people == 3);
    CHECK(r.recomputed_shared.empty());
    // Read once each: the three people's events of the types the review projection takes.
    auto about = a.prepare("SELECT count(*) FROM events WHERE type IN ('card.reviewed', 'coaching.assigned', "
                           "'coaching.cleared') AND coalesce(json_extract(payload, '$.person'), person_id) IN ('a1', 'a2', 'lena')");
    REQUIRE(about.step());
    CHECK(r.replayed == about.int64(0));

    // No one else's rows were written, deleted or rewritten, and they read as before.
    std::set<std::string> written;
    auto st = a.prepare("SELECT DISTINCT person FROM written");
    while (st.step()) written.insert(st.text(0));
    CHECK(written == std::set<std::string>{"a1", "a2", "lena"});
    for (const std::string who : {"a3", "a4", "a5", "a6"}) CHECK(rows_of(a, who) == before[who]);
    // The three people's schedules moved: the merge did recompute them.
    for (const std::string who : {"a1", "a2", "lena"}) CHECK(rows_of(a, who) != before[who]);

    // Lena's coaching item for a2 is a2's, once; a1's own item went through both look-ups (done by
    // her, naming her) and is there once.
    auto coaching = a.prepare("SELECT person_id, count(*) FROM coaching_queue GROUP BY person_id ORDER BY 1");
    std::vector<std::pair<std::string, std::int64_t>> per_person;
    while (coaching.step()) per_person.emplace_back(coaching.text(0), coaching.int64(1));
    CHECK(per_person == std::vector<std::pair<std::string, std::int64_t>>{{"a1", 1}, {"a2", 2}});

    // Exactly what a full rebuild gives, table by table and row by row...
    CHECK(sync::check_rebuild(a, app::all_projections()).empty());
    // ...and what a device that received everything in the other order holds.
    auto c = device(dir / "c.db", desk_b());
    FixedClock clock(kStart + 30 * 24 * kHourMs);
    sync::import_events(c, desk_a(), {&clock, "desk a later"});
    for (const std::string who : {"lena", "a1", "a2", "a3", "a4", "a5", "a6"}) CHECK(rows_of(c, who) == rows_of(a, who));
}
