// [SECTION] Schema: migrations, partitions, one id across the store
// [SECTION] Bad input: newer schema, another organisation, wrong URL, password, certificate, revoked
#include "central_fixture.hpp"

using namespace central_test;

// [SECTION] Schema ---------------------------------------------------------------------------------

TEST_CASE("init creates the versioned schema once and a second init changes nothing", "[central]") {
    Centre c("acme", /*init=*/false);
    const auto first = central::init_central(c.admin, "acme");
    CHECK(first.from_version == 0);
    CHECK(first.to_version == central::latest_central_version());
    CHECK(c.count("SELECT count(*) FROM central.schema_versions") == central::latest_central_version());
    const auto again = central::init_central(c.admin, "acme");
    CHECK(again.from_version == again.to_version);
    // Monthly partitions exist around now, plus a default one for the far past and future.
    CHECK(c.count("SELECT count(*) FROM pg_inherits WHERE inhparent = 'central.events'::regclass") >= 24);
    CHECK(c.count("SELECT count(*) FROM pg_class WHERE relname = 'events_default'") == 1);
}

TEST_CASE("an event id is unique across partitions of the central store", "[central]") {
    Centre c;
    Desk a(c, "desk-a");
    const auto e = a.record("note.written", "anna");
    a.sync();
    // The same id pushed again with another month (another partition) is not stored twice.
    auto conn = central::connect_device(a.cred);
    nlohmann::json batch = nlohmann::json::array(
        {{{"id", e.id}, {"type", "card.reviewed"}, {"kiosk_id", "desk-a"}, {"at_ms", e.at_ms - 90 * kMsPerDay},
          {"payload", nlohmann::json::object()}}});
    auto r = conn.exec("SELECT status FROM central.push($1::jsonb, 0)", {batch.dump()});
    CHECK(r.text(0, 0) == "duplicate");
    CHECK(c.count("SELECT count(*) FROM central.events") == 1);
    // Without central.push, the plain table still refuses a second copy of the id.
    CHECK_THROWS_AS(c.admin.exec("INSERT INTO central.event_ids VALUES ($1)", {e.id}), central::CentralError);
}

// [SECTION] Bad input ------------------------------------------------------------------------------

TEST_CASE("a centre with a newer schema is refused by init and by desks, untouched", "[central]") {
    Centre c;
    Desk a(c, "desk-a");
    c.admin.exec("INSERT INTO central.schema_versions (version, name) VALUES (99, 'from the future')");
    const long long tables = c.count("SELECT count(*) FROM pg_tables WHERE schemaname = 'central'");
    try {
        central::init_central(c.admin, "acme");
        FAIL("init accepted a newer schema");
    } catch (const central::CentralError& e) {
        CHECK(e.kind() == central::ErrorKind::refused);
        CHECK_THAT(e.what(), Catch::Contains("schema 99") && Catch::Contains("nothing was changed"));
    }
    CHECK(c.count("SELECT count(*) FROM pg_tables WHERE schemaname = 'central'") == tables);
    a.record("note.written", "anna");
    CHECK_THROWS_WITH(a.sync(), Catch::Contains("newer than this build"));
    CHECK(a.waiting() == 1);
}

TEST_CASE("a centre of another organisation is refused by init and by a desk", "[central]") {
    Centre c("acme");
    CHECK_THROWS_WITH(central::init_central(c.admin, "globex"), Catch::Contains("belongs to organisation 'acme'"));
    Desk a(c, "desk-a");
    a.cred.organisation_id = "globex";
    a.record("note.written", "anna");
    try {
        a.sync();
        FAIL("synced with another organisation's centre");
    } catch (const central::CentralError& e) {
        CHECK(e.kind() == central::ErrorKind::refused);
        CHECK_THAT(e.what(), Catch::Contains("organisation 'acme'"));
    }
    CHECK(c.count("SELECT count(*) FROM central.events") == 0);
}

TEST_CASE("wrong URL, wrong password, untrusted or mismatched certificate and revocation are told apart",
          "[central]") {
    Centre c;
    Desk a(c, "desk-a");
    a.record("note.written", "anna");
    auto kind_of = [&](central::DeviceCredential cred) {
        try {
            central::connect_device(cred, 2);
        } catch (const central::CentralError& e) {
            INFO(e.what());
            CHECK(!central::calm_message(e).empty());
            return e.kind();
        }
        return central::ErrorKind::other;
    };
    auto cred = a.cred;
    cred.url = "postgresql://localhost:1/" + c.db + "?sslmode=verify-full&sslrootcert=" + cluster().at("CA");
    CHECK(kind_of(cred) == central::ErrorKind::offline);
    cred = a.cred;
    cred.password = "not-the-password";
    CHECK(kind_of(cred) == central::ErrorKind::bad_login);
    cred = a.cred;
    cred.url = device_url(c.db, "127.0.0.1"); // the certificate names localhost only
    CHECK(kind_of(cred) == central::ErrorKind::certificate);
    cred = a.cred;
    cred.url = device_url(c.db, "localhost", "OTHER_CA");
    CHECK(kind_of(cred) == central::ErrorKind::certificate);
    CHECK(kind_of(a.cred) == central::ErrorKind::other); // connects
    REQUIRE(central::revoke_device(c.admin, "desk-a"));
    CHECK(kind_of(a.cred) == central::ErrorKind::revoked);
    CHECK(c.count("SELECT count(*) FROM central.events") == 0);
    CHECK(a.waiting() == 1); // nothing lost on the desk
}

TEST_CASE("a malformed or oversized event from a tampered desk is refused, logged and the desk told",
          "[central]") {
    Centre c;
    Desk a(c, "desk-a");
    a.record("note.written", "anna");
    // Tampering: rows written straight into the desk's file, around the app.
    a.db.exec("INSERT INTO events (id, type, person_id, kiosk_id, at_ms, payload) VALUES "
              "('big-one', 'card.reviewed', 'anna', 'desk-a', 1, json_object('x', printf('%.70000c', 'x'))), "
              "('bad-type', 'DROP TABLE', 'anna', 'desk-a', 1, '{}'), "
              "('bad-payload', 'card.reviewed', 'anna', 'desk-a', 1, '[1,2]')");
    const auto r = a.sync(); // settles: the record, then the three audit events of the refusals
    CHECK(r.pushed == 4);
    REQUIRE(r.refused.size() == 3);
    CHECK(r.refused[0].reason == "larger than 64 KiB");
    CHECK(r.refused[1].reason == "bad type");
    CHECK(r.refused[2].reason == "payload is not an object");
    CHECK(c.count("SELECT count(*) FROM central.rejections WHERE device = 'desk-a'") == 3);
    CHECK(c.count("SELECT count(*) FROM central.events WHERE type = 'sync.refused'") == 3);
    CHECK(c.count("SELECT count(*) FROM central.events WHERE id IN ('big-one', 'bad-type', 'bad-payload')") == 0);
    CHECK(a.count("type = 'sync.refused'") == 3); // the desk's audit says what was refused
    // The refusals are not retried for ever.
    const auto again = a.sync();
    CHECK(again.refused.empty());
    CHECK(again.pushed == 0);
}

TEST_CASE("an id sent twice in one push by a tampered desk is stored once and answered as a duplicate", "[central]") {
    Centre c;
    Desk a(c, "desk-a");
    auto conn = central::connect_device(a.cred);
    const std::string e = R"({"id": "twice", "type": "note.written", "kiosk_id": "desk-a", "at_ms": 1, "payload": {}})";
    auto r = conn.exec("SELECT event_id, status FROM central.push($1::jsonb, 0)", {"[" + e + "," + e + "]"});
    REQUIRE(r.rows() == 2);
    CHECK(r.text(0, 1) == "stored");
    CHECK(r.text(1, 1) == "duplicate");
    CHECK(c.count("SELECT count(*) FROM central.events WHERE id = 'twice'") == 1);
}
