// [SECTION] Change content: bundled files load, bad files are refused with their location
// [SECTION] The phase rule, table-driven
// [SECTION] Check-ins, lead assessments, history, access
// [SECTION] Maturity self-check
#include "change_fixture.hpp"
#include "support.hpp"

#include "trainer/app/projections.hpp"
#include "trainer/change/checkin.hpp"
#include "trainer/change/maturity.hpp"
#include "trainer/change/phase_rule.hpp"
#include "trainer/change/projection.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <filesystem>

using namespace trainer;
using change_test::Fixture;
using content::Phase;

namespace {

// A copy of the bundled content in a temporary folder, to damage one file.
void copy_content(const test::TempDir& dir) {
    std::filesystem::copy(TRAINER_SOURCE_DIR "/content", dir.path() / "content", std::filesystem::copy_options::recursive);
}

std::string all_diagnostics(const content::LoadResult& r) {
    std::string s;
    for (const auto& d : r.diagnostics) s += d.to_string() + "\n";
    return s;
}

} // namespace

// [SECTION] Change content ---------------------------------------------------------------------

TEST_CASE("the bundled change content loads complete in English, Polish and Russian", "[change]") {
    const auto r = content::load_content(TRAINER_SOURCE_DIR "/content");
    INFO(all_diagnostics(r));
    REQUIRE(r.ok());
    const auto& c = *r.content->change;
    CHECK(c.pulse.size() >= 4);
    CHECK(c.pulse.size() <= 8);
    CHECK(c.maturity.size() == 15);
    CHECK(c.rollouts.size() >= 1);
    for (const char* kind : {"pulse statements", "phases", "maturity questions", "rollouts"})
        for (const char* loc : {"en", "pl", "ru"}) {
            INFO(kind << " " << loc);
            CHECK(r.complete_text.at(kind).at(loc) == r.counts.at(kind));
        }
    for (auto p : content::kPhases) CHECK_FALSE(content::pick(c.phase(p).lead_action, "ru").empty());
}

TEST_CASE("a damaged change file is refused with file, line, column, pointer and what was expected", "[change]") {
    test::TempDir dir;
    copy_content(dir);
    const auto pulse = dir.path() / "content/change/pulse.json";
    auto j = nlohmann::json::parse(test::read_file(pulse));
    j["statements"][1]["dimension"] = "happiness";
    j["statements"][2]["text"].erase("en");
    j["statements"][3]["reverse"] = "yes";
    test::write_file(pulse, j.dump(2));
    const auto r = content::load_content(dir.path() / "content");
    CHECK_FALSE(r.ok());
    const std::string all = all_diagnostics(r);
    INFO(all);
    CHECK(all.find("pulse.json:") != std::string::npos);
    CHECK(all.find("/statements/1/dimension: expected one of awareness, acceptance, practice, ownership, found "
                   "'happiness'") != std::string::npos);
    CHECK(all.find("/statements/2/text: missing English (en) statement") != std::string::npos);
    CHECK(all.find("/statements/3/reverse: expected true or false, found a string") != std::string::npos);
    for (const auto& d : r.diagnostics)
        if (d.severity == content::Severity::Error) CHECK(d.line > 0);
}

TEST_CASE("a rollout naming a missing card or with a target before its start is refused", "[change]") {
    test::TempDir dir;
    copy_content(dir);
    const auto file = dir.path() / "content/change/rollouts.json";
    auto j = nlohmann::json::parse(test::read_file(file));
    j["rollouts"][0]["cards"].push_back("no-such-card");
    j["rollouts"][0]["target"] = "2020-01-01";
    test::write_file(file, j.dump(2));
    const auto r = content::load_content(dir.path() / "content");
    const std::string all = all_diagnostics(r);
    INFO(all);
    CHECK_FALSE(r.ok());
    CHECK(all.find("card 'no-such-card' is not in any deck") != std::string::npos);
    CHECK(all.find("/rollouts/0/target: target date 2020-01-01 is before the start date") != std::string::npos);
}

TEST_CASE("a missing Polish phase text is a warning and English is shown", "[change]") {
    test::TempDir dir;
    copy_content(dir);
    const auto file = dir.path() / "content/change/phases.json";
    auto j = nlohmann::json::parse(test::read_file(file));
    j["phases"][0]["lead_action"].erase("pl");
    test::write_file(file, j.dump(2));
    const auto r = content::load_content(dir.path() / "content");
    REQUIRE(r.ok());
    CHECK(r.warning_count() >= 1);
    const auto& c = *r.content->change;
    CHECK(content::pick(c.phase(Phase::Denial).lead_action, "pl") == content::pick(c.phase(Phase::Denial).lead_action, "en"));
}

// [SECTION] The phase rule ---------------------------------------------------------------------

TEST_CASE("the phase rule maps dimension scores to phases as documented", "[change][phase-rule]") {
    const auto content = change_test::bundled();
    Fixture f;
    struct Row {
        int awareness, acceptance, practice, ownership;
        Phase expected;
        const char* first_reason;
    };
    const Row rows[] = {
        {2, 3, 2, 2, Phase::Denial, "awareness 2.0 < 3.0"},
        {2, 2, 2, 2, Phase::Denial, "awareness 2.0 < 3.0"},      // denial before resistance
        {1, 5, 1, 1, Phase::Denial, "awareness 1.0 < 3.0"},
        {2, 4, 3, 3, Phase::Exploration, "practice 3.0 >= 3.0"}, // unaware but practising: not denial
        {4, 2, 3, 2, Phase::Resistance, "acceptance 2.0 < 3.0"},
        {5, 1, 5, 5, Phase::Resistance, "acceptance 1.0 < 3.0"}, // objecting outranks practice
        {4, 3, 3, 3, Phase::Exploration, "awareness 4.0 >= 3.0"},
        {4, 4, 4, 3, Phase::Exploration, "awareness 4.0 >= 3.0"}, // ownership short of 4
        {4, 4, 4, 4, Phase::Commitment, "practice 4.0 >= 4.0"},
        {5, 3, 5, 5, Phase::Commitment, "practice 5.0 >= 4.0"},
    };
    for (const auto& row : rows) {
        const auto r = change::classify(content->change->pulse,
                                        f.answers(row.awareness, row.acceptance, row.practice, row.ownership));
        INFO(row.awareness << row.acceptance << row.practice << row.ownership);
        CHECK(r.phase == row.expected);
        REQUIRE_FALSE(r.reasons.empty());
        CHECK(r.reasons.front().to_string().rfind(row.first_reason, 0) == 0);
    }
}

TEST_CASE("reverse statements count 6 minus the answer, and the reasons name the answers", "[change][phase-rule]") {
    std::vector<content::PulseStatement> pulse = {
        {"aw", content::Dimension::Awareness, false, {}}, {"aw-r", content::Dimension::Awareness, true, {}},
        {"ac", content::Dimension::Acceptance, false, {}}, {"pr", content::Dimension::Practice, false, {}},
        {"ow", content::Dimension::Ownership, false, {}}};
    const auto r = change::classify(pulse, {{"aw", 2}, {"aw-r", 5}, {"ac", 4}, {"pr", 1}, {"ow", 1}});
    CHECK(r.scores[0] == Approx(1.5)); // (2 + (6 - 5)) / 2
    CHECK(r.phase == Phase::Denial);
    CHECK(r.reasons[0].to_string() == "awareness 1.5 < 3.0 (aw 2, aw-r 5 reversed -> 1)");
    CHECK(r.reasons[1].to_string() == "practice 1.0 < 3.0 (pr 1)");
}

TEST_CASE("a pulse with a missing, unknown or out-of-range answer cannot be scored", "[change][phase-rule]") {
    std::vector<content::PulseStatement> pulse = {
        {"aw", content::Dimension::Awareness, false, {}}, {"ac", content::Dimension::Acceptance, false, {}},
        {"pr", content::Dimension::Practice, false, {}}, {"ow", content::Dimension::Ownership, false, {}}};
    CHECK_THROWS_WITH(change::classify(pulse, {{"aw", 3}, {"ac", 3}, {"pr", 3}}),
                      Catch::Contains("no answer for statement 'ow'"));
    CHECK_THROWS_WITH(change::classify(pulse, {{"aw", 3}, {"ac", 6}, {"pr", 3}, {"ow", 3}}),
                      Catch::Contains("answer 6 for 'ac' is outside 1-5"));
    CHECK_THROWS_WITH(change::classify(pulse, {{"aw", 3}, {"ac", 3}, {"pr", 3}, {"ow", 3}, {"zz", 3}}),
                      Catch::Contains("'zz' is not a statement"));
}

// [SECTION] Check-ins ----------------------------------------------------------------------------

TEST_CASE("a check-in is due weekly, records the phase with its reasons and is kept in history", "[change]") {
    Fixture f;
    change::CheckinService s(f.events, f.clock, *f.content);
    const auto a1 = f.actor("a1");
    REQUIRE(s.due("a1").size() == 2); // the test rollout and the bundled one on team-north
    const auto r = s.check_in(a1, "a1", "test-rollout", f.answers(4, 2, 3, 2));
    CHECK(r.result.phase == Phase::Resistance);
    CHECK(s.due("a1").size() == 1);
    f.clock.advance_ms(6 * kMsPerDay);
    CHECK(s.due("a1").size() == 1);
    f.clock.advance_ms(kMsPerDay);
    CHECK(s.due("a1").size() == 2);
    s.check_in(a1, "a1", "test-rollout", f.answers(4, 4, 4, 4));
    const auto h = s.history(a1, "a1", "test-rollout");
    REQUIRE(h.size() == 2);
    CHECK(h[0].phase == Phase::Resistance);
    CHECK(h[0].reasons.at(0).rfind("acceptance 2.0 < 3.0", 0) == 0);
    CHECK(h[1].phase == Phase::Commitment);
    CHECK(f.events.count({change::kCheckedIn}) == 2);
}

TEST_CASE("a refused check-in writes nothing", "[change]") {
    Fixture f;
    change::CheckinService s(f.events, f.clock, *f.content);
    auto bad = f.answers(3, 3, 3, 3);
    bad.begin()->second = 9;
    const auto before = f.events.count();
    CHECK_THROWS_AS(s.check_in(f.actor("a1"), "a1", "test-rollout", bad), change::PulseError);
    CHECK_THROWS_WITH(s.check_in(f.actor("a1"), "a1", "nope", f.answers(3, 3, 3, 3)), Catch::Contains("no rollout 'nope'"));
    CHECK_THROWS_AS(s.check_in(f.actor("a2"), "a1", "test-rollout", f.answers(3, 3, 3, 3)), identity::AccessDenied);
    CHECK(f.events.count() == before);
}

TEST_CASE("a lead's assessment becomes the latest phase; a lead of another team may not assess or look", "[change]") {
    Fixture f;
    change::CheckinService s(f.events, f.clock, *f.content);
    s.check_in(f.actor("a1"), "a1", "test-rollout", f.answers(2, 3, 2, 2));
    f.clock.advance_ms(60'000);
    s.assess(f.actor("lead.north"), "a1", "test-rollout", Phase::Exploration, "tried the new closing today");
    const auto latest = s.latest(f.actor("lead.north"), "a1", "test-rollout");
    REQUIRE(latest);
    CHECK(latest->phase == Phase::Exploration);
    CHECK(latest->source == "lead");
    CHECK(latest->note == "tried the new closing today");
    CHECK_THROWS_AS(s.assess(f.actor("lead.south"), "a1", "test-rollout", Phase::Denial, ""), identity::AccessDenied);
    CHECK_THROWS_AS(s.history(f.actor("lead.south"), "a1", "test-rollout"), identity::AccessDenied);
    CHECK_THROWS_AS(s.assess(f.actor("a2"), "a1", "test-rollout", Phase::Denial, ""), identity::AccessDenied);
}

TEST_CASE("rebuilding replays check-ins, assessments and maturity into the same change tables", "[change]") {
    Fixture f;
    change::CheckinService s(f.events, f.clock, *f.content);
    s.check_in(f.actor("a1"), "a1", "test-rollout", f.answers(4, 4, 3, 3));
    s.check_in(f.actor("b1"), "b1", "test-rollout", f.answers(4, 2, 3, 3));
    s.assess(f.actor("lead.south"), "b1", "test-rollout", Phase::Exploration, "note");
    std::map<std::string, int> answers;
    for (const auto& q : f.content->change->maturity) answers[q.id] = 1;
    change::record_maturity(f.events, f.actor("lead.north"), *f.content, "team-north", "2026-11-01", answers);
    auto dump = [&] {
        std::string out;
        for (const char* q : {"SELECT person_id, rollout_id, phase, source, at_ms, last_checkin_ms FROM change_phase_latest ORDER BY 1, 2",
                              "SELECT event_id, phase, source, reasons FROM change_phase_log ORDER BY 1",
                              "SELECT team_id, date, total FROM change_maturity", "SELECT id, cards FROM change_rollouts"}) {
            auto st = f.db.prepare(q);
            while (st.step()) out += st.text(0) + "|" + st.text(1) + "|" + st.text(2) + "\n";
        }
        return out;
    };
    const std::string before = dump();
    store::rebuild(f.db, app::all_projections());
    CHECK(dump() == before);
}

// [SECTION] Maturity ---------------------------------------------------------------------------

TEST_CASE("the maturity total reads below 20 as an alarm, 20-24 work to do and 25-30 satisfactory", "[change]") {
    struct Row {
        int total;
        content::MaturityBand band;
    };
    for (const auto& r : {Row{0, content::MaturityBand::Alarm}, Row{19, content::MaturityBand::Alarm},
                          Row{20, content::MaturityBand::WorkToDo}, Row{24, content::MaturityBand::WorkToDo},
                          Row{25, content::MaturityBand::Satisfactory}, Row{30, content::MaturityBand::Satisfactory}})
        CHECK(content::band_of(r.total) == r.band);
}

TEST_CASE("maturity self-checks are stored per team and date and read back as a trend", "[change]") {
    Fixture f;
    std::map<std::string, int> answers;
    int i = 0;
    for (const auto& q : f.content->change->maturity) answers[q.id] = (i++ < 10) ? 2 : 0; // 20
    change::record_maturity(f.events, f.actor("lead.north"), *f.content, "team-north", "2026-11-01", answers);
    std::find_if(answers.begin(), answers.end(), [](const auto& a) { return a.second == 2; })->second = 0; // 18
    change::record_maturity(f.events, f.actor("lead.north"), *f.content, "team-north", "2026-10-01", answers);
    const auto trend = change::maturity_trend(f.db, f.actor("lead.north"), "team-north");
    REQUIRE(trend.size() == 2);
    CHECK(trend[0].date == "2026-10-01");
    CHECK(trend[0].total == 18);
    CHECK(trend[0].band == content::MaturityBand::Alarm);
    CHECK(trend[1].total == 20);
    CHECK(trend[1].band == content::MaturityBand::WorkToDo);
    CHECK_THROWS_AS(change::maturity_trend(f.db, f.actor("lead.south"), "team-north"), identity::AccessDenied);
    answers.erase(answers.begin());
    CHECK_THROWS_WITH(change::record_maturity(f.events, f.actor("lead.north"), *f.content, "team-north", "2026-11-02", answers),
                      Catch::Contains("no answer for"));
    CHECK_THROWS_WITH(change::record_maturity(f.events, f.actor("lead.north"), *f.content, "team-north", "2026-13-45", answers),
                      Catch::Contains("is not YYYY-MM-DD"));
}
