// [SECTION] One id in the whole store: no route a desk has stores a second copy (via psql)
// [SECTION] What the catalog grants: devices write nothing, the writer logs in nowhere
// [SECTION] Upgrading a centre at migration 7
// Central migration 8 (trainer/central/push_v8_sql.cpp, docs/deployment.md "Writes only through the
// push"): devices write only through the push, which claims every id in central.event_ids.
#include "central_fixture.hpp"

#include <vector>

using namespace central_test;

namespace {

struct BypassRoute {
    std::string what;
    std::string sql;
    std::string error; // what psql must say; empty: the statement runs and must store nothing
};

// Every way a tampered desk might try to store `id` (already in the centre) a second time. The
// event stamped as the desk itself, in another month's partition (at_ms 1), so that only the id
// could make it a duplicate.
std::vector<BypassRoute> bypass_routes(const std::string& db, const std::string& id) {
    const std::string cols = "(id, type, person_id, kiosk_id, device, at_ms, payload)";
    const std::string row = "('" + id + "', 'note.written', 'a1', 'desk-north', 'desk-north', 1, '{}')";
    const std::string json = R"([{"id": ")" + id + R"(", "type": "note.written", "person_id": "a1", )"
                             R"("kiosk_id": "desk-north", "at_ms": 1, "payload": {}}])";
    // One row of the centre's staging table, as COPY data (n, id, type, person_id, kiosk_id, at_ms,
    // origin_seq, payload).
    const std::string copy_row = "0\t" + id + "\tnote.written\ta1\tdesk-north\t1\t\t{}\n";
    // In one transaction: the staging table keeps its rows until the commit.
    const std::string batch = "BEGIN;\nSELECT central.open_push_batch();\nCOPY pg_temp.push_batch FROM STDIN;\n" + copy_row +
                              copy_row + "\\.\n";
    const std::string stage = "CREATE TEMP TABLE push_stage_origin (n int, id text, type text, person_id text, kiosk_id text, "
                              "at_ms text, origin_seq text, payload text);\n"
                              "INSERT INTO push_stage_origin VALUES (0, '" + id + "', 'note.written', 'a1', 'desk-north', "
                              "'1', '', '{}');\n";
    const std::string insert_fn = "INSERT INTO central.events " + cols + " VALUES " + row + ";";
    return {
        {"a plain INSERT", "INSERT INTO central.events " + cols + " VALUES " + row, "permission denied for table events"},
        {"an INSERT into a partition", "INSERT INTO central.events_default " + cols + " VALUES " + row,
         "permission denied for table events_default"},
        {"COPY into the events", "COPY central.events " + cols + " FROM STDIN;\n" + id +
                                     "\tnote.written\ta1\tdesk-north\tdesk-north\t1\t{}\n\\.",
         "permission denied for table events"},
        {"an UPDATE of another event's id", "UPDATE central.events SET id = '" + id + "' WHERE id <> '" + id + "'",
         "permission denied for table events"},
        {"freeing the claim", "DELETE FROM central.event_ids WHERE id = '" + id + "'", "permission denied for table event_ids"},
        {"truncating the claims", "TRUNCATE central.event_ids", "permission denied for table event_ids"},
        {"a claim of its own", "INSERT INTO central.event_ids VALUES ('" + id + "-x')", "permission denied for table event_ids"},
        {"the jsonb push again", "SELECT status FROM central.push('" + json + "', 0)", ""},
        {"the push of the desk's build, twice in one batch", batch + "SELECT status FROM central.push_batch(0);\nCOMMIT;", ""},
        {"the row-by-row push", batch + "SELECT status FROM central.push_batch_exact();\nCOMMIT;", ""},
        {"the staged push of the desk's build", stage + "SELECT status FROM central.push_staged_origin(0)", ""},
        {"an older build's staged push",
         "CREATE TEMP TABLE push_stage (n int, id text, type text, person_id text, kiosk_id text, at_ms text, payload text);\n"
         "INSERT INTO push_stage VALUES (0, '" + id + "', 'note.written', 'a1', 'desk-north', '1', '{}');\n"
         "SELECT status FROM central.push_staged(0)",
         ""},
        {"temporary tables shadowing the id table, first on the search path",
         "CREATE TEMP TABLE event_ids (id text); CREATE TEMP TABLE events (id text);\n"
         "SET search_path = pg_temp, central, public;\n" + stage + "SELECT status FROM central.push_staged_origin(0)",
         ""},
        {"a device id passed to the push", batch + "SELECT * FROM central.push_batch(0, 'desk-south')",
         "function central.push_batch"},
        {"the writer's role", "SET ROLE " + db + "_writer", "permission denied to set role"},
        {"another login", "SET SESSION AUTHORIZATION " + db + "_writer", "permission denied to set session authorization"},
        {"the push made to run as the desk", "ALTER FUNCTION central.push_batch(bigint) SECURITY INVOKER",
         "must be owner of function central.push_batch"},
        {"the push replaced",
         "CREATE OR REPLACE FUNCTION central.push_batch(device_now_ms bigint) "
         "RETURNS TABLE (event_id text, status text) LANGUAGE sql AS $$ SELECT 'x', 'stored' $$",
         "permission denied for schema central"},
        {"a function in another schema", "CREATE FUNCTION public.sneak() RETURNS void LANGUAGE sql AS $$ " + insert_fn + " $$",
         "permission denied for schema public"},
        {"a SECURITY DEFINER function of its own",
         "CREATE FUNCTION pg_temp.sneak() RETURNS void LANGUAGE plpgsql SECURITY DEFINER AS $$ BEGIN " + insert_fn +
             " END $$;\nSELECT pg_temp.sneak()",
         "permission denied for table events"},
        {"a row policy on the centre's staging table",
         "SELECT central.open_push_batch();\nALTER TABLE pg_temp.push_batch ENABLE ROW LEVEL SECURITY",
         "must be owner of table push_batch"},
        {"a trigger on the centre's staging table",
         "SELECT central.open_push_batch();\nCREATE FUNCTION pg_temp.t() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN " +
             insert_fn + " RETURN NEW; END $$;\n"
             "CREATE TRIGGER t BEFORE INSERT ON pg_temp.push_batch FOR EACH ROW EXECUTE FUNCTION pg_temp.t()",
         "permission denied for table push_batch"},
        {"a staging view of its own under the centre's name",
         "CREATE FUNCTION pg_temp.sneak() RETURNS text LANGUAGE plpgsql AS $$ BEGIN " + insert_fn + " RETURN '" + id +
             "-y'; END $$;\n"
             "CREATE TEMP VIEW push_batch AS SELECT 0 AS n, pg_temp.sneak() AS id, 'note.written'::text AS type, "
             "'a1'::text AS person_id, 'desk-north'::text AS kiosk_id, '1'::text AS at_ms, ''::text AS origin_seq, "
             "'{}'::text AS payload;\nSELECT status FROM central.push_batch(0)",
         "pg_temp.push_batch was not made by the centre"},
        {"a staging view that writes while an older build's push reads it",
         "CREATE FUNCTION pg_temp.sneak() RETURNS text LANGUAGE plpgsql AS $$ BEGIN " + insert_fn + " RETURN '" + id +
             "-y'; END $$;\n"
             "CREATE TEMP VIEW push_stage_origin AS SELECT 0 AS n, pg_temp.sneak() AS id, 'note.written'::text AS type, "
             "'a1'::text AS person_id, 'desk-north'::text AS kiosk_id, '1'::text AS at_ms, ''::text AS origin_seq, "
             "'{}'::text AS payload;\nSELECT status FROM central.push_staged_origin(0)",
         "permission denied for table events"},
    };
}

void north_south_roster(Centre& c) {
    central::publish_roster(c.admin, {{"a1", "team-north"}, {"b1", "team-south"}},
                            {{"team-north", "site-krakow"}, {"team-south", "site-warsaw"}});
}

} // namespace

// [SECTION] No second copy ------------------------------------------------------------------------------

TEST_CASE("no route a desk has stores an event id a second time", "[central][privacy]") {
    Centre c;
    north_south_roster(c);
    Desk north(c, "desk-north", "team:team-north");
    const std::string id = north.record("note.written", "a1").id;
    north.record("note.written", "a1");
    north.sync();
    const auto stored = [&] {
        return c.admin.exec("SELECT (SELECT count(*) FROM central.events WHERE id = $1) || ' ' || "
                            "(SELECT count(*) FROM central.events) || ' ' || (SELECT count(*) FROM central.event_ids)",
                            {id}).text(0, 0);
    };
    REQUIRE(stored() == "1 2 2");
    for (const BypassRoute& r : bypass_routes(c.db, id)) {
        INFO(r.what);
        std::string out;
        const int rc = psql_as(north, r.sql, &out);
        INFO(out);
        if (r.error.empty()) {
            // The push runs and answers 'duplicate' for every copy: nothing is stored.
            CHECK(rc == 0);
            CHECK(out.find("stored") == std::string::npos);
            CHECK(out.find("duplicate") != std::string::npos);
        } else {
            CHECK(rc != 0);
            CHECK_THAT(out, Catch::Contains(r.error));
        }
        CHECK(stored() == "1 2 2");
    }
    // The pushes refused nothing and logged nothing; the desk still syncs, and a desk of its scope
    // pulls each event once.
    CHECK(c.count("SELECT count(*) FROM central.rejections") == 0);
    north.record("note.written", "a1");
    CHECK(north.sync().pushed == 1);
    Desk second(c, "desk-north-2", "team:team-north");
    const auto got = second.sync();
    CHECK(got.pulled == 3);
    CHECK(got.refused.empty());
    CHECK(second.count("type = 'sync.unapplied'") == 0);
}

// [SECTION] The catalog ------------------------------------------------------------------------------

TEST_CASE("devices hold no write privilege on any central table, and the push runs as a role nobody logs in as",
          "[central][privacy]") {
    Centre c;
    Desk d(c, "desk-a");
    // Every table of the schema, partitions included (those made later inherit no grants either).
    CHECK(c.count("SELECT count(*) FROM pg_class k JOIN pg_namespace n ON n.oid = k.relnamespace "
                  "WHERE n.nspname = 'central' AND k.relkind IN ('r', 'p') "
                  "AND has_table_privilege('" + d.cred.user + "', k.oid, 'INSERT, UPDATE, DELETE, TRUNCATE')") == 0);
    CHECK(c.count("SELECT count(*) FROM pg_class k JOIN pg_namespace n ON n.oid = k.relnamespace "
                  "WHERE n.nspname = 'central' AND k.relname LIKE 'events\\_%'") > 12);
    CHECK(c.count("SELECT count(*) FROM pg_roles WHERE rolname = '" + c.db + "_writer' AND NOT rolcanlogin "
                  "AND NOT rolsuper AND NOT rolbypassrls") == 1);
    // Every SECURITY DEFINER function of the schema pins its search_path; the ones that write are
    // the writer's, not the admin's.
    CHECK(c.count("SELECT count(*) FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace "
                  "WHERE n.nspname = 'central' AND p.prosecdef "
                  "AND NOT coalesce(p.proconfig::text LIKE '%search_path=pg_catalog, pg_temp%', false)") == 0);
    CHECK(c.count("SELECT count(*) FROM pg_proc WHERE proname IN ('open_push_batch', 'push_batch', 'push_batch_exact', 'push') "
                  "AND pronamespace = 'central'::regnamespace AND prosecdef "
                  "AND pg_get_userbyid(proowner) = '" + c.db + "_writer'") == 4);
    CHECK(c.count("SELECT count(*) FROM pg_namespace WHERE nspname = 'central' "
                  "AND has_schema_privilege('" + c.db + "_writer', oid, 'CREATE')") == 0);
}

// [SECTION] Upgrade ------------------------------------------------------------------------------------

TEST_CASE("a centre at migration 7 upgrades to 8 in place: its desks sync on and can no longer bypass the push",
          "[central][privacy]") {
    Centre c("acme", /*init=*/false);
    central::init_central(c.admin, "acme", 7);
    north_south_roster(c);
    Desk north(c, "desk-north", "team:team-north");
    const std::string id = north.record("note.written", "a1").id;
    north.sync();
    // At 7 a desk could store its id a second time by a plain INSERT (the gap migration 8 closes).
    std::string out;
    REQUIRE(psql_as(north, "BEGIN; INSERT INTO central.events (id, type, person_id, kiosk_id, device, at_ms, payload) "
                           "VALUES ('" + id + "', 'note.written', 'a1', 'desk-north', 'desk-north', 1, '{}'); ROLLBACK;",
                    &out) == 0);
    const auto up = central::init_central(c.admin, "acme");
    CHECK(up.from_version == 7);
    CHECK(up.to_version == 8);
    CHECK(central::init_central(c.admin, "acme").to_version == 8); // again: nothing to do
    CHECK(psql_as(north, "INSERT INTO central.events (id, type, person_id, kiosk_id, device, at_ms, payload) "
                         "VALUES ('" + id + "', 'note.written', 'a1', 'desk-north', 'desk-north', 1, '{}')",
                  &out) != 0);
    CHECK_THAT(out, Catch::Contains("permission denied for table events"));
    // The desk enrolled at 7 pushes and pulls on; a desk enrolled after the upgrade too.
    north.record("note.written", "a1");
    CHECK(north.sync().pushed == 1);
    Desk later(c, "desk-later", "team:team-north");
    later.record("note.written", "a1");
    CHECK(later.sync().pushed == 1);
    CHECK(north.sync().pulled == 1);
    CHECK(c.count("SELECT count(*) FROM central.events") == 3);
    CHECK(c.count("SELECT count(*) FROM central.events e JOIN central.event_ids i USING (id)") == 3);
}
