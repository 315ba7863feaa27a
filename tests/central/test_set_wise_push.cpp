// [SECTION] The set-wise push answers exactly as the row-by-row push, whatever a tampered desk sends
// [SECTION] Upgrading a centre to migration 7: payloads, subjects and views unchanged
// Central migration 7 (trainer/central/push_v7_sql.cpp, docs/deployment.md "Ingest"): a clean
// batch is stored with two plain INSERTs; anything odd falls back to migration 5's row-by-row push.
#include "central_fixture.hpp"

#include "trainer/central/copy_text.hpp"

#include <vector>

using namespace central_test;

namespace {

// One staged row: n, id, type, person_id, kiosk_id, at_ms, origin_seq, payload (nullopt: NULL).
struct StagedRow {
    std::optional<std::string> id, type, person_id, kiosk_id, at_ms, origin_seq, payload;
};

StagedRow good_row(const std::string& id, long long at_ms) {
    return {id, "card.reviewed", "anna", "desk-a", std::to_string(at_ms), "3", R"({"card":"fc-1","rating":3})"};
}

void stage_rows(central::PgConnection& conn, const std::vector<StagedRow>& rows) {
    std::string data;
    int n = 0;
    for (const StagedRow& r : rows) {
        central::copy_append(data, std::to_string(n++));
        for (const auto* v : {&r.id, &r.type, &r.person_id, &r.kiosk_id, &r.at_ms, &r.origin_seq}) {
            if (*v) central::copy_append(data, **v);
            else central::copy_append_null(data);
        }
        if (r.payload) central::copy_append(data, *r.payload, true);
        else central::copy_append_null(data, true);
    }
    conn.exec("CREATE TEMP TABLE IF NOT EXISTS push_stage_origin (n int, id text, type text, person_id text, "
              "kiosk_id text, at_ms text, origin_seq text, payload text) ON COMMIT DELETE ROWS");
    conn.copy_in("COPY pg_temp.push_stage_origin (n, id, type, person_id, kiosk_id, at_ms, origin_seq, payload) FROM STDIN",
                 data);
}

// The answers and what the desk then sees stored (every column it pushed; the payload as JSON: the
// row-by-row push stores jsonb's spelling of it), as one text.
std::string push_outcome(central::PgConnection& conn, const std::string& function, long long now) {
    std::string out;
    auto r = conn.exec("SELECT event_id, status FROM " + function + "($1::bigint)", {std::to_string(now)});
    for (int i = 0; i < r.rows(); ++i) out += (r.is_null(i, 0) ? "NULL" : r.text(i, 0)) + " -> " + r.text(i, 1) + "\n";
    auto s = conn.exec("SELECT id, type, coalesce(person_id, 'NULL'), kiosk_id, at_ms, coalesce(origin_seq::text, 'NULL'), "
                       "payload::jsonb::text, coalesce(subject, 'NULL') FROM central.events ORDER BY id");
    for (int i = 0; i < s.rows(); ++i) {
        out += "stored";
        for (int c = 0; c < 8; ++c) out += " | " + s.text(i, c);
        out += "\n";
    }
    return out;
}

} // namespace

// [SECTION] Same answers ------------------------------------------------------------------------------

TEST_CASE("the set-wise push answers every odd batch exactly as the row-by-row push and logs the same refusals",
          "[central][wire]") {
    Centre c;
    Desk a(c, "desk-a");
    auto conn = central::connect_device(a.cred);
    const long long now = a.clock.now_ms();
    // An id the centre has already (a desk restored from a backup pushes it again).
    {
        central::PgTransaction tx(conn);
        stage_rows(conn, {good_row("known-1", now)});
        conn.exec("SELECT * FROM central.push_staged_origin($1::bigint)", {std::to_string(now)});
        tx.commit();
    }
    const std::string big = R"({"x":")" + std::string(70000, 'x') + "\"}";
    auto with = [&](StagedRow r, std::optional<std::string> StagedRow::*field, std::optional<std::string> v) {
        r.*field = std::move(v);
        return r;
    };
    const StagedRow base = good_row("odd", now);
    const std::vector<std::pair<std::string, StagedRow>> odd{
        {"clean", base},
        {"at_ms with a sign", with(base, &StagedRow::at_ms, "+5")},
        {"at_ms with a leading zero (allowed)", with(base, &StagedRow::at_ms, "05")},
        {"at_ms with a space", with(base, &StagedRow::at_ms, " 5")},
        {"negative at_ms", with(base, &StagedRow::at_ms, "-1")},
        {"at_ms of 16 digits", with(base, &StagedRow::at_ms, "1234567890123456")},
        {"at_ms not a number", with(base, &StagedRow::at_ms, "1e3")},
        {"no at_ms", with(base, &StagedRow::at_ms, std::nullopt)},
        {"empty origin_seq (unknown)", with(base, &StagedRow::origin_seq, "")},
        {"no origin_seq", with(base, &StagedRow::origin_seq, std::nullopt)},
        {"origin_seq with leading zeros", with(base, &StagedRow::origin_seq, "007")},
        {"negative origin_seq", with(base, &StagedRow::origin_seq, "-1")},
        {"origin_seq of 19 digits", with(base, &StagedRow::origin_seq, "1234567890123456789")},
        {"payload with \\u0000", with(base, &StagedRow::payload, R"({"x":"\u0000"})")},
        {"payload with an escaped backslash before u0000", with(base, &StagedRow::payload, R"({"x":"\\u0000"})")},
        {"payload with a lone surrogate", with(base, &StagedRow::payload, R"({"x":"\ud800"})")},
        {"payload naming its person through an escaped key", with(base, &StagedRow::payload, R"({"pers\u006fn":"bob"})")},
        {"payload naming its person", with(base, &StagedRow::payload, R"({"person":"bob","rating":3})")},
        {"payload with spaces before the object", with(base, &StagedRow::payload, R"(  {"a":1})")},
        {"payload an array", with(base, &StagedRow::payload, "[1]")},
        {"payload not JSON", with(base, &StagedRow::payload, R"({"n": )")},
        {"no payload", with(base, &StagedRow::payload, std::nullopt)},
        {"payload over 64 KiB", with(base, &StagedRow::payload, big)},
        {"empty person_id", with(base, &StagedRow::person_id, "")},
        {"person_id of 65 characters", with(base, &StagedRow::person_id, std::string(65, 'p'))},
        {"empty kiosk_id", with(base, &StagedRow::kiosk_id, "")},
        {"kiosk_id of 65 characters", with(base, &StagedRow::kiosk_id, std::string(65, 'k'))},
        {"bad id", with(base, &StagedRow::id, "bad id!")},
        {"id of 129 characters", with(base, &StagedRow::id, std::string(129, 'i'))},
        {"id starting with a dash", with(base, &StagedRow::id, "-odd")},
        {"no id", with(base, &StagedRow::id, std::nullopt)},
        {"type with a capital", with(base, &StagedRow::type, "Card.reviewed")},
        {"type of 65 characters", with(base, &StagedRow::type, "a" + std::string(64, 'b'))},
        {"id the centre has", with(base, &StagedRow::id, "known-1")},
        {"id twice in the batch", with(base, &StagedRow::id, "good-1")},
    };
    for (const auto& [what, row] : odd) {
        INFO(what);
        const std::vector<StagedRow> batch{good_row("good-1", now - 1), row, good_row("good-2", now + 1)};
        central::PgTransaction tx(conn);
        stage_rows(conn, batch);
        conn.exec("SAVEPOINT before");
        const std::string exact = push_outcome(conn, "central.push_staged_exact", now);
        conn.exec("ROLLBACK TO SAVEPOINT before");
        const std::string fast = push_outcome(conn, "central.push_staged_origin", now);
        CHECK(fast == exact);
        // The clean batch, and only it, is stored whole by the fast path's plain INSERTs.
        if (what == "clean") CHECK(fast.find("refused") == std::string::npos);
        // Nothing of these batches is kept: the next case starts from the same centre.
    }
    // Refusals are logged once each, with the desk told in the answer.
    const long long logged = c.count("SELECT count(*) FROM central.rejections");
    {
        central::PgTransaction tx(conn);
        stage_rows(conn, {good_row("good-3", now), with(base, &StagedRow::at_ms, "+5"), with(base, &StagedRow::payload, "[1]")});
        auto r = conn.exec("SELECT status FROM central.push_staged_origin($1::bigint)", {std::to_string(now)});
        tx.commit();
        REQUIRE(r.rows() == 3);
        CHECK(r.text(0, 0) == "stored");
        CHECK(r.text(1, 0) == "refused: bad at_ms");
        CHECK(r.text(2, 0) == "refused: payload is not an object");
    }
    CHECK(c.count("SELECT count(*) FROM central.rejections") == logged + 2);
    CHECK(c.count("SELECT count(*) FROM central.events WHERE id = 'good-3'") == 1);
}

TEST_CASE("a clean batch is stored as the desk sent it, its subject taken from the payload", "[central][wire]") {
    Centre c;
    Desk a(c, "desk-a");
    auto conn = central::connect_device(a.cred);
    const long long now = a.clock.now_ms();
    std::vector<StagedRow> batch;
    for (int i = 0; i < 500; ++i) batch.push_back(good_row("e-" + std::to_string(1000 + i), now + i));
    batch[7].payload = R"({"person":"bob","score":{"percent":90}})";
    batch[8].payload = R"({"note":"a \"quoted\" person","person":"cyd"})";
    {
        central::PgTransaction tx(conn);
        stage_rows(conn, batch);
        auto r = conn.exec("SELECT count(*) FILTER (WHERE status = 'stored') FROM central.push_staged_origin($1::bigint)",
                           {std::to_string(now)});
        tx.commit();
        CHECK(r.int64(0, 0) == 500);
    }
    CHECK(c.count("SELECT count(*) FROM central.events") == 500);
    CHECK(c.count("SELECT count(*) FROM central.event_ids") == 500);
    // In the batch's order (the pull hands them out by seq), the text as sent.
    CHECK(c.count("SELECT count(*) FROM (SELECT id, lag(id) OVER (ORDER BY seq) AS before FROM central.events) o "
                  "WHERE before > id") == 0);
    CHECK(c.admin.exec("SELECT payload::text FROM central.events WHERE id = 'e-1000'").text(0, 0) ==
          R"({"card":"fc-1","rating":3})");
    CHECK(c.admin.exec("SELECT subject FROM central.events WHERE id = 'e-1007'").text(0, 0) == "bob");
    CHECK(c.admin.exec("SELECT subject FROM central.events WHERE id = 'e-1008'").text(0, 0) == "cyd");
    CHECK(c.admin.exec("SELECT subject FROM central.events WHERE id = 'e-1009'").text(0, 0) == "anna");
}

// [SECTION] Upgrade -------------------------------------------------------------------------------------

TEST_CASE("a centre made at migration 6 upgrades to 7 with its events, subjects and views unchanged",
          "[central]") {
    Centre c("acme", /*init=*/false);
    central::init_central(c.admin, "acme", 6);
    REQUIRE(c.count("SELECT max(version) FROM central.schema_versions") == 6);
    Desk a(c, "desk-a");
    a.record("card.reviewed", "anna", {{"card", "fc-1"}, {"card_version", 2}, {"rating", 4}});
    a.record("qa.evaluated", "lead-1",
             {{"person", "anna"}, {"date", "2026-11-10"}, {"scorecard", "calls"}, {"evaluator", "lead-1"},
              {"score", {{"percent", 88}, {"scored", true}, {"critical_failed", false}}}});
    a.sync();
    const auto snapshot = [&] {
        std::string out;
        auto r = c.admin.exec("SELECT id, payload::jsonb::text, subject FROM central.events ORDER BY id");
        for (int i = 0; i < r.rows(); ++i) out += r.text(i, 0) + " " + r.text(i, 1) + " " + r.text(i, 2) + "\n";
        auto v = c.admin.exec("SELECT person_id, card_id, rating FROM reporting.reviews "
                              "UNION ALL SELECT person_id, scorecard_id, percent::int FROM reporting.qa_evaluations");
        for (int i = 0; i < v.rows(); ++i) out += v.text(i, 0) + " " + v.text(i, 1) + " " + v.text(i, 2) + "\n";
        return out;
    };
    const std::string before = snapshot();
    CHECK(c.admin.exec("SELECT format_type(atttypid, atttypmod) FROM pg_attribute "
                       "WHERE attrelid = 'central.events'::regclass AND attname = 'payload'").text(0, 0) == "jsonb");
    const auto up = central::init_central(c.admin, "acme", 7);
    CHECK(up.from_version == 6);
    CHECK(up.to_version == 7);
    CHECK(c.admin.exec("SELECT format_type(atttypid, atttypmod) FROM pg_attribute "
                       "WHERE attrelid = 'central.events'::regclass AND attname = 'payload'").text(0, 0) == "json");
    CHECK(snapshot() == before);
    CHECK(before.find("anna fc-1 4") != std::string::npos);
    // The reporting role still reads the views made again.
    CHECK(c.count("SELECT count(*) FROM information_schema.role_table_grants WHERE grantee = '" + c.db +
                  "_reporting' AND table_schema = 'reporting'") == 6);
    // The desk syncs on: its next records land, and a fresh desk of the scope pulls everything.
    a.record("card.reviewed", "anna", {{"card", "fc-2"}, {"card_version", 1}, {"rating", 3}});
    a.sync();
    Desk b(c, "desk-b", "person:anna");
    b.sync();
    CHECK(b.count("type IN ('card.reviewed', 'qa.evaluated')") == 3);
    CHECK(b.count("type = 'sync.unapplied'") == 0);
}
