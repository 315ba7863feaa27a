// [SECTION] Figures: every format equals the dashboard on a fixed fixture
// [SECTION] CSV: BOM, separator, formula guard
// [SECTION] HTML: well-formed, one <svg> per figure
// [SECTION] CLI: bad input named, no partial file
#include "change_fixture.hpp"
#include "support.hpp"

#include "trainer/change/checkin.hpp"
#include "trainer/dashboard/demo_seed.hpp"
#include "trainer/dashboard/report.hpp"

#include <nlohmann/json.hpp>

#include <filesystem>
#include <sstream>
#include <unistd.h>

using namespace trainer;

namespace {

struct Seeded {
    store::Database db = store::Database::open_memory();
    FixedClock clock{change_test::kNow};
    store::EventStore events{db, clock, "kiosk-test"};
    std::shared_ptr<const content::ContentSet> content = change_test::bundled();
    dashboard::DemoResult result;
    Seeded() {
        dashboard::DemoOptions o;
        o.agents = 6;
        o.days = 63;
        o.modules = {"basics-1", "basics-2", "basics-3"};
        result = dashboard::seed_demo_history(db, events, clock, *content, o);
    }
};

std::vector<std::vector<std::string>> parse_csv(const std::string& text, char sep) {
    std::vector<std::vector<std::string>> rows;
    std::istringstream in(text.substr(3)); // after the BOM
    for (std::string line; std::getline(in, line);) {
        if (!line.empty() && line.back() == '\r') line.pop_back();
        std::vector<std::string> cells(1);
        for (char c : line) {
            if (c == sep) cells.emplace_back();
            else cells.back().push_back(c);
        }
        rows.push_back(cells);
    }
    return rows;
}

} // namespace

// [SECTION] Figures -------------------------------------------------------------------------------

TEST_CASE("report figures in CSV and JSON equal the dashboard's on a fixed fixture", "[reports]") {
    Seeded s;
    dashboard::DashboardService d(s.db, s.clock, *s.content);
    const auto admin = identity::cli_admin();
    const auto o = d.team_overview(admin, s.result.team_id, s.result.rollout_id);
    const auto weeks = d.phase_distribution(admin, s.result.team_id, s.result.rollout_id);
    const auto report = dashboard::build_report(d, admin, s.result.team_id, "", {});
    REQUIRE(o.rows.size() == 6);
    REQUIRE(weeks.weeks.size() >= 9);

    const auto j = nlohmann::json::parse(dashboard::render_json(report));
    REQUIRE(j["agents"].size() == o.rows.size());
    for (std::size_t i = 0; i < o.rows.size(); ++i) {
        const auto& a = j["agents"][i];
        CHECK(a["person_id"] == o.rows[i].person_id);
        CHECK(a["mastery_percent"].get<double>() == Approx(o.rows[i].mastery_percent).margin(0.05));
        CHECK(a["mastered"] == o.rows[i].mastered);
        CHECK(a["due_backlog"] == o.rows[i].due_backlog);
        CHECK(a["onboarding_percent"].get<double>() == Approx(*o.rows[i].onboarding_percent).margin(0.05));
        CHECK(a["phase"] == (o.rows[i].phase ? content::phase_id(*o.rows[i].phase) : nullptr));
        CHECK(a["qa_score"].is_null());
    }
    REQUIRE(j["phase_weeks"].size() == weeks.weeks.size());
    for (std::size_t w = 0; w < weeks.weeks.size(); ++w) {
        CHECK(j["phase_weeks"][w]["week"] == weeks.weeks[w].iso_week);
        for (auto p : content::kPhases)
            CHECK(j["phase_weeks"][w]["counts"][content::phase_id(p)] == weeks.weeks[w].counts[static_cast<std::size_t>(p)]);
    }
    CHECK(j["maturity"].size() == d.maturity_trend(admin, s.result.team_id).size());

    for (char sep : {',', ';'}) {
        const auto rows = parse_csv(dashboard::render_csv(report, sep), sep);
        REQUIRE(rows.size() == o.rows.size() + 1);
        for (std::size_t i = 0; i < o.rows.size(); ++i) {
            std::string pct = rows[i + 1][5];
            std::replace(pct.begin(), pct.end(), ',', '.');
            CHECK(rows[i + 1][2] == o.rows[i].person_id);
            CHECK(std::stod(pct) == Approx(o.rows[i].mastery_percent).margin(0.05));
            CHECK(rows[i + 1][8] == std::to_string(o.rows[i].due_backlog));
        }
    }
}

// [SECTION] CSV ------------------------------------------------------------------------------------

TEST_CASE("CSV cells that start with = + - @ are guarded against formula injection", "[reports][csv]") {
    CHECK(dashboard::csv_cell("=HYPERLINK(\"x\")", ',') == "\"'=HYPERLINK(\"\"x\"\")\"");
    CHECK(dashboard::csv_cell("+48 600", ',') == "'+48 600");
    CHECK(dashboard::csv_cell("-1", ',') == "'-1");
    CHECK(dashboard::csv_cell("@SUM(A1)", ',') == "'@SUM(A1)");
    CHECK(dashboard::csv_cell("Wiśniewski; Piotr", ';') == "\"Wiśniewski; Piotr\"");
    CHECK(dashboard::csv_cell("Wiśniewski, Piotr", ';') == "Wiśniewski, Piotr");
    CHECK(dashboard::csv_cell("62.5", ',') == "62.5");
    CHECK(dashboard::format_percent(62.54, ',') == "62,5");
    CHECK(dashboard::format_percent(std::nullopt) == "");
}

TEST_CASE("the CSV report starts with a UTF-8 BOM and guards a hostile name", "[reports][csv]") {
    change_test::Fixture f;
    f.db.prepare("UPDATE people SET display_name = '=cmd|'' /C calc''!A0' WHERE id = 'a1'").run();
    dashboard::DashboardService d(f.db, f.clock, *f.content);
    const auto csv = dashboard::render_csv(dashboard::build_report(d, identity::cli_admin(), "team-north", "", {}), ';');
    CHECK(csv.rfind("\xEF\xBB\xBF" "team;rollout;person_id;name;", 0) == 0);
    CHECK(csv.find(";'=cmd|' /C calc'!A0;") != std::string::npos);
    CHECK(csv.find(";=cmd") == std::string::npos);
}

// [SECTION] HTML ------------------------------------------------------------------------------------

TEST_CASE("the HTML report is well-formed, self-contained and holds one svg per figure", "[reports][html]") {
    Seeded s;
    dashboard::DashboardService d(s.db, s.clock, *s.content);
    const auto report = dashboard::build_report(d, identity::cli_admin(), s.result.team_id, "", {});
    for (const char* lang : {"en", "pl", "ru"}) {
        const std::string html = dashboard::render_html(report, *s.content, lang);
        std::size_t svgs = 0;
        for (auto p = html.find("<svg"); p != std::string::npos; p = html.find("<svg", p + 1)) ++svgs;
        CHECK(svgs == 4); // mastery per agent, heatmap, phases per week, maturity trend
        CHECK(html.find("src=") == std::string::npos);
        CHECK(html.find("href=") == std::string::npos);
        CHECK(html.find("<script") == std::string::npos);
        test::TempDir dir;
        test::write_file(dir / "r.html", html);
        test::write_file(dir / "check.py", R"(import sys
from html.parser import HTMLParser
VOID = {"meta", "br", "img", "input", "link", "hr"}
class P(HTMLParser):
    def __init__(s):
        super().__init__(); s.stack = []; s.errors = []
    def handle_starttag(s, tag, attrs):
        if tag not in VOID: s.stack.append(tag)
    def handle_startendtag(s, tag, attrs): pass
    def handle_endtag(s, tag):
        if not s.stack or s.stack[-1] != tag: s.errors.append("unexpected </%s> at %s, open: %s" % (tag, s.getpos(), s.stack[-3:]))
        else: s.stack.pop()
p = P(); p.feed(open(sys.argv[1], encoding="utf-8").read()); p.close()
if p.errors or p.stack: print(p.errors[:5], p.stack); sys.exit(1)
print("ok")
)");
        std::string out;
        INFO(out);
        CHECK(test::run_command("python3 " + (dir / "check.py").string() + " " + (dir / "r.html").string(), &out) == 0);
        CHECK(out.find("ok") != std::string::npos);
    }
}

// [SECTION] CLI ----------------------------------------------------------------------------------

TEST_CASE("report rollout names bad input and never leaves a partial file", "[reports][cli]") {
    test::TempDir dir;
    const auto db_file = dir / "t.db";
    {
        store::OpenOptions o;
        o.create_if_missing = true;
        auto db = store::Database::open(db_file, o);
        change_test::add_people(db);
    }
    const std::string base = std::string(TRAINER_BIN_DIR) + "/trainer --db " + db_file.string() +
                             " --content " TRAINER_SOURCE_DIR "/content report rollout";
    std::string out;
    CHECK(test::run_command(base + " --team team-west --format csv --out " + (dir / "a.csv").string(), &out) == 1);
    CHECK(out.find("no team 'team-west'; known teams: team-north, team-south") != std::string::npos);
    CHECK(test::run_command(base + " --team team-north --rollout nope --format csv", &out) == 1);
    CHECK(out.find("no rollout 'nope'") != std::string::npos);
    CHECK(test::run_command(base + " --team team-north --since 2026-11-10 --until 2026-11-01", &out) == 2);
    CHECK(out.find("backwards") != std::string::npos);
    CHECK(test::run_command(base + " --team team-north --format pdf", &out) == 2);
    CHECK(test::run_command(base + " --team team-north --format html --out " + (dir / "no-such-dir/r.html").string(), &out) == 1);
    CHECK(out.find("does not exist") != std::string::npos);
    std::filesystem::create_directory(dir / "ro");
    std::filesystem::permissions(dir / "ro", std::filesystem::perms::owner_read | std::filesystem::perms::owner_exec);
    if (::geteuid() != 0) { // root may write anywhere
        CHECK(test::run_command(base + " --team team-north --format html --out " + (dir / "ro/r.html").string(), &out) == 1);
        CHECK(std::filesystem::is_empty(dir / "ro"));
    }
    CHECK(test::run_command(base + " --team team-north --format html --lang pl --out " + (dir / "r.html").string(), &out) == 0);
    CHECK(test::read_file(dir / "r.html").find("Raport z wdrożenia") != std::string::npos);
    for (const auto& e : std::filesystem::directory_iterator(dir.path()))
        CHECK(e.path().filename().string().find(".tmp-") == std::string::npos);
}
