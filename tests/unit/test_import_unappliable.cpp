// An events file whose events pass every check of the importer but one a projection cannot apply
// (a QA evaluation with the outcome "nht_met"; found by fuzz_events_file, bench/results.md session
// 7): the import is refused as a whole, naming the event, and nothing of it stays in the database.
#include "support.hpp"
#include "trainer/sync/events_file.hpp"
#include "trainer/sync/exchange.hpp"

#include <catch2/catch.hpp>

using namespace trainer;

TEST_CASE("an imported event no projection can apply refuses the whole import and keeps nothing") {
    const auto file = sync::read_events_file(TRAINER_TEST_DATA "/fuzz/fuzz_events_file/regression-unknown-qa-outcome.jsonl",
                                             store::Database::latest_version());
    auto db = store::Database::open_memory();
    sync::set_organisation_id(db, file.organisation_id);
    const auto count = [&](const char* sql) {
        auto st = db.prepare(sql);
        st.step();
        return st.int64(0);
    };
    const auto events_before = count("SELECT count(*) FROM events");
    sync::ImportOptions options;
    options.source = "file regression-unknown-qa-outcome.jsonl";
    try {
        (void)sync::import_events(db, file.events, options);
        FAIL("the import was accepted");
    } catch (const sync::ImportRefused& e) {
        CHECK_THAT(e.what(), Catch::Contains("an event cannot be applied"));
        CHECK_THAT(e.what(), Catch::Contains("unknown outcome \"nht_met\""));
        CHECK_THAT(e.what(), Catch::Contains("qa:maestroqa:MQA-20731"));
    }
    CHECK(count("SELECT count(*) FROM events") == events_before);
    CHECK(count("SELECT count(*) FROM people") == 0);
    CHECK(count("SELECT count(*) FROM qa_evaluations") == 0);
}
