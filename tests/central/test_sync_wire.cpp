// Sync on the wire (docs/deployment.md, "Sync on the wire"): COPY text both ways, the staged push's
// refusals, and the centre's NOTIFY waking a listening desk's background sync.
#include "central_fixture.hpp"

#include "trainer/central/background_sync.hpp"
#include "trainer/central/copy_text.hpp"

#include <chrono>

using namespace central_test;

namespace {

std::vector<std::optional<std::string>> row_of(const std::vector<std::optional<std::string>>& cols) {
    return cols;
}

} // namespace

TEST_CASE("COPY text carries tabs, newlines, backslashes, NULLs and UTF-8 through PostgreSQL unchanged",
          "[central][wire]") {
    Centre c;
    const std::vector<std::vector<std::optional<std::string>>> rows{
        row_of({"plain", std::nullopt, "{\"note\": \"tab\\there\"}"}),
        row_of({"a\tb", "line one\nline two\r\n", "back\\slash \\N not null"}),
        row_of({"", "Zażółć gęślą jaźń · Съешь же ещё", "\\"}),
    };
    std::string data;
    for (const auto& r : rows)
        for (std::size_t i = 0; i < r.size(); ++i) {
            if (r[i]) central::copy_append(data, *r[i], i + 1 == r.size());
            else central::copy_append_null(data, i + 1 == r.size());
        }
    central::PgTransaction tx(c.admin);
    c.admin.exec("CREATE TEMP TABLE wire (n serial, a text, b text, p text)");
    c.admin.copy_in("COPY wire (a, b, p) FROM STDIN", data);
    CHECK(c.count("SELECT count(*) FROM wire WHERE b IS NULL") == 1);
    CHECK(c.count("SELECT count(*) FROM wire WHERE a = E'a\\tb'") == 1);
    std::vector<std::vector<std::optional<std::string>>> back;
    const auto n = c.admin.copy_out("COPY (SELECT a, b, p FROM wire ORDER BY n) TO STDOUT",
                                    [&](std::string_view line) { back.push_back(central::copy_split(line)); });
    CHECK(n == 3);
    CHECK(back == rows);
    tx.commit();
    CHECK_THROWS_WITH(central::copy_split("ends with\\"), Catch::Contains("column 1"));
}

TEST_CASE("a staged push refuses what is not JSON, not an object or badly named, stores the rest and logs why",
          "[central][wire]") {
    Centre c;
    Desk a(c, "desk-a");
    auto conn = central::connect_device(a.cred);
    std::string data;
    auto row = [&](const std::string& n, const std::string& id, const std::string& payload) {
        for (const std::string& v : {n, id, std::string("note.written"), std::string("anna"), std::string("desk-a"),
                                     std::string("1765000000000")})
            central::copy_append(data, v);
        central::copy_append(data, payload, true);
    };
    row("0", "good-1", "{\"n\": 1}");
    row("1", "not-json", "{\"n\": ");
    row("2", "an-array", "[1, 2]");
    row("3", "bad id!", "{}");
    row("4", "good-2", "{\"n\": 2}");
    row("5", "good-1", "{\"n\": 1}"); // the same id again in the batch
    central::PgTransaction tx(conn);
    conn.copy_in("CREATE TEMP TABLE IF NOT EXISTS push_stage (n int, id text, type text, person_id text, kiosk_id text, "
                 "at_ms text, payload text) ON COMMIT DELETE ROWS; "
                 "COPY pg_temp.push_stage (n, id, type, person_id, kiosk_id, at_ms, payload) FROM STDIN",
                 data);
    auto r = conn.exec("SELECT event_id, status FROM central.push_staged($1::bigint)", {std::to_string(a.clock.now_ms())});
    tx.commit();
    REQUIRE(r.rows() == 6);
    CHECK(r.text(0, 1) == "stored");
    CHECK(r.text(1, 1) == "refused: payload is not JSON");
    CHECK(r.text(2, 1) == "refused: payload is not an object");
    CHECK(r.text(3, 1) == "refused: bad id");
    CHECK(r.text(4, 1) == "stored");
    CHECK(r.text(5, 1) == "duplicate");
    CHECK(c.count("SELECT count(*) FROM central.events") == 2);
    CHECK(c.count("SELECT count(*) FROM central.rejections WHERE device = 'desk-a'") == 3);
    CHECK(c.count("SELECT count(*) FROM central.rejections WHERE excerpt LIKE 'not-json%'") == 1);
}

namespace {

// Seconds until done() holds, giving up after 20 s.
double seconds_until(const std::function<bool()>& done) {
    const auto start = std::chrono::steady_clock::now();
    while (!done() && std::chrono::steady_clock::now() - start < std::chrono::seconds(20))
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

// Desk b joined and syncing in the background with a 60 s interval, after its first sync: only
// the centre's notification can bring it another desk's record within seconds.
std::unique_ptr<central::BackgroundSync> listening(Desk& b) {
    central::write_credential(central::credential_path(b.db.path()), b.cred);
    auto bg = central::BackgroundSync::start_if_joined(b.db.path(), b.db, 60);
    REQUIRE(bg);
    seconds_until([&] { return bg->status().state == central::SyncStatus::State::synced; });
    REQUIRE(bg->status().state == central::SyncStatus::State::synced);
    return bg;
}

} // namespace

TEST_CASE("a push is announced at its commit and a listening desk's background sync pulls it long before its interval",
          "[central][wire]") {
    Centre c;
    Desk a(c, "desk-a"), b(c, "desk-b");
    const auto bg = listening(b);

    // A plain listener sees the announcement too, and a push of nothing new announces nothing.
    auto listener = central::connect_device(b.cred);
    listener.exec("LISTEN trainer_events");
    a.record("note.written", "anna", {{"n", 1}});
    a.sync();
    CHECK(listener.wait_notification(5000));
    const double took = seconds_until([&] { return b.count("type = 'note.written'") == 1; });
    CHECK(b.count("type = 'note.written'") == 1);
    CHECK(took < 5.0); // the "within 5 seconds"; the background sync's interval is 60 s
    a.sync();
    CHECK_FALSE(listener.wait_notification(300));
}

TEST_CASE("an announced push that a long transaction elsewhere holds back reaches a listening desk soon after it ends",
          "[central][wire]") {
    Centre c;
    Desk a(c, "desk-a"), b(c, "desk-b");
    const auto bg = listening(b);

    // Any transaction with an id, in any database of the cluster, holds every pull back until it
    // ends (the cursor never skips a late commit): the announcement comes before the record can.
    central::PgTransaction elsewhere(c.admin);
    c.admin.exec("SELECT pg_current_xact_id()");
    a.record("note.written", "anna", {{"n", 1}});
    { // one exchange: settling would wait for the transaction this test holds open
        auto a_conn = central::connect_device(a.cred);
        sync::SqliteLocalLog a_log(a.db, a.clock);
        central::sync_once(a_conn, a_log, a.clock);
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(1500)); // b pulls on the announcement: nothing yet
    CHECK(b.count("type = 'note.written'") == 0);
    elsewhere.commit();
    // The background sync's interval is 60 s: only asking again after the announcement brings it.
    const double took = seconds_until([&] { return b.count("type = 'note.written'") == 1; });
    CHECK(b.count("type = 'note.written'") == 1);
    CHECK(took < 5.0);
}
