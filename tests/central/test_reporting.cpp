// [SECTION] The subject of an event decides who may read it (a survey about b1 has no actor)
// [SECTION] Reporting views for BI tools: the facts, no free text, a read-only role
#include "central_fixture.hpp"
#include "trainer/store/events.hpp"

using namespace central_test;

TEST_CASE("an event about a person is read by the person's scope even when someone else recorded it",
          "[central][privacy]") {
    Centre c;
    central::publish_roster(c.admin, {{"a1", "team-north"}, {"b1", "team-south"}, {"lead.south", "team-south"}}, {});
    Desk admin(c, "desk-admin");
    admin.events->record({.type = "survey.answered", .payload = {{"person", "b1"}, {"csat", 5}, {"nps", 9}, {"ces", 2}, {"date", "2026-11-02"},
                                                                  {"external_id", "s-1"}, {"source", "test"}}});
    admin.record("qa.evaluated", "lead.south", {{"person", "b1"}, {"evaluator", "lead.south"}});
    admin.sync();
    Desk north(c, "desk-north", "team:team-north"), south(c, "desk-south", "team:team-south");
    north.sync();
    south.sync();
    CHECK(north.count("type IN ('survey.answered', 'qa.evaluated', 'sync.unapplied')") == 0);
    CHECK(south.count("type = 'survey.answered'") == 1);
    // The evaluation above lacks what this build's QA projection needs: the south desk received it
    // and left it out, flagged; it stays at the centre, and the desk's sync goes on.
    CHECK(south.count("type = 'qa.evaluated'") == 0);
    CHECK(south.count("type = 'sync.unapplied'") == 1);
    CHECK(c.count("SELECT count(*) FROM central.events WHERE type = 'qa.evaluated'") == 1);
    admin.record("note.written", "b1");
    admin.sync();
    south.sync();
    CHECK(south.count("type = 'note.written'") == 1);
    CHECK(south.count("type = 'sync.unapplied'") == 1);
}

TEST_CASE("reporting views give BI tools the facts without PIN hashes, reflections, comments or notes",
          "[central][reporting]") {
    Centre c;
    Desk d(c, "desk-a");
    d.record("card.reviewed", "a1", {{"card", "fc-1"}, {"card_version", 2}, {"rating", 3}});
    d.record("qa.evaluated", "lead.north",
             {{"person", "a1"}, {"evaluator", "lead.north"}, {"scorecard", "call-quality"}, {"channel", "call"},
              {"date", "2026-11-06"}, {"comment", "SECRET-COMMENT"},
              {"score", {{"percent", 90.0}, {"critical_failed", false}, {"scored", true}}}});
    d.record("skills.signed_off", "lead.north",
             {{"person", "a1"}, {"module", "s-call"}, {"version", 1}, {"score", 1.0}, {"passed", true},
              {"signer", "lead.north"}, {"note", "SECRET-NOTE"}});
    d.record("onboarding.scenario_answered", "a1", {{"person", "a1"}, {"reflection", "SECRET-REFLECTION"}});
    d.record("pin.changed", "", {{"person", "a1"}, {"pin_hash", "$argon2id$SECRET-HASH"}});
    d.record("change.lead_assessed", "lead.north",
             {{"person", "a1"}, {"phase", "exploration"}, {"rollout", "r1"}, {"note", "SECRET-NOTE"}});
    d.events->record({.type = "survey.answered", .payload = {{"person", "a1"}, {"csat", 4}, {"nps", 8}, {"ces", 3}, {"date", "2026-11-02"},
                                                                  {"external_id", "s-2"}, {"source", "test"}}});
    d.sync();

    CHECK(c.admin.exec("SELECT rating, card_id FROM reporting.reviews").text(0, 0) == "3");
    CHECK(c.admin.exec("SELECT percent FROM reporting.qa_evaluations").text(0, 0) == "90.0");
    CHECK(c.admin.exec("SELECT signed_by FROM reporting.signoffs").text(0, 0) == "lead.north");
    CHECK(c.admin.exec("SELECT source || ':' || phase FROM reporting.phases").text(0, 0) == "lead:exploration");
    CHECK(c.count("SELECT count(*) FROM reporting.completions WHERE person_id = 'a1' AND passed") == 1);
    auto m = c.admin.exec("SELECT evaluations, qa_percent, modules_completed, csat_mean FROM reporting.motivation_inputs "
                          "WHERE person_id = 'a1'");
    REQUIRE(m.rows() == 1);
    CHECK(m.text(0, 0) == "1");
    CHECK(m.text(0, 2) == "1");
    // Every view, every row, as JSON: none of the private words appear.
    auto views = c.admin.exec("SELECT table_name FROM information_schema.views WHERE table_schema = 'reporting'");
    REQUIRE(views.rows() == 6);
    for (int i = 0; i < views.rows(); ++i) {
        const std::string all = c.admin.exec("SELECT coalesce(string_agg(row_to_json(v)::text, ''), '') FROM reporting." +
                                             views.text(i, 0) + " v").text(0, 0);
        INFO(views.text(i, 0) << ": " << all);
        CHECK(all.find("SECRET") == std::string::npos);
        CHECK(c.count("SELECT count(*) FROM pg_description WHERE objoid = 'reporting." + views.text(i, 0) +
                      "'::regclass") == 1);
    }
    // An analyst's login with the reporting role reads the views, and nothing of the raw store.
    const std::string analyst = c.db + "_analyst";
    c.admin.exec_script("CREATE ROLE " + analyst + " LOGIN PASSWORD 'analyst-pw' IN ROLE " + c.db + "_reporting");
    auto bi = central::PgConnection::open({{"dbname", device_url(c.db)}, {"user", analyst}, {"password", "analyst-pw"}});
    CHECK(bi.exec("SELECT count(*) FROM reporting.reviews").int64(0, 0) == 1);
    CHECK_THROWS_AS(bi.exec("SELECT count(*) FROM central.events"), central::CentralError);
}
