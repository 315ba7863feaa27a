// The HTML report a lead forwards (trainer/dashboard/report_html.cpp), from the demo database as
// `trainer report rollout --format html` writes it: localised, period stated, team averages,
// labelled heatmap, QA and motivation sections, names not ids, A4 print styles.
#include "support.hpp"

#include "trainer/content/loader.hpp"
#include "trainer/content/onboarding_model.hpp"

#include <catch2/catch.hpp>

#include <regex>

using namespace trainer;

TEST_CASE("the HTML report reads as a lead would send it, in Polish and Russian") {
    test::TempDir dir;
    const std::string bin = std::string(TRAINER_BIN_DIR) + "/trainer";
    const std::string db = (dir / "demo.db").string();
    std::string out;
    REQUIRE(test::run_command(bin + " demo create --db " + db, &out) == 0);
    const auto loaded = content::load_content(TRAINER_SOURCE_DIR "/content");
    REQUIRE(loaded.ok());
    const auto& content = *loaded.content;
    REQUIRE(content.onboarding);
    const content::Module* observed = content.onboarding->find_module("s-observed-call");
    REQUIRE(observed);

    for (const char* lang : {"pl", "ru"}) {
        INFO(lang);
        const auto path = dir / (std::string("north-") + lang + ".html");
        REQUIRE(test::run_command(bin + " report rollout --db " + db + " --team \"Team North\" --format html --lang " +
                                      lang + " --out " + path.string(), &out) == 0);
        const std::string html = test::read_file(path);
        // Numbers: decimal comma, CLDR percent ("59,5%" in pl, "59,5 %" with a no-break space in ru).
        CHECK_FALSE(std::regex_search(html, std::regex("[0-9]\\.[0-9]+ ?%")));
        CHECK(std::regex_search(html, std::regex(std::string(lang) == "pl" ? "[0-9],[0-9]%" : "[0-9],[0-9]\u00a0%")));
        // No machine timestamps or ISO week codes for people to decode.
        CHECK_FALSE(std::regex_search(html, std::regex("[0-9]{4}-[0-9]{2}-[0-9]{2}T")));
        CHECK_FALSE(std::regex_search(html, std::regex(">[0-9]{4}-W[0-9]{2}<|>W[0-9]{2}<")));
        CHECK(html.find(std::string(lang) == "pl" ? "tydz.\u00a0" : "нед.\u00a0") != std::string::npos);
        // The period is stated; team averages close the table.
        CHECK(html.find(std::string(lang) == "pl" ? "Okres:" : "Период:") != std::string::npos);
        CHECK(html.find(std::string(lang) == "pl" ? "Średnio w zespole" : "В среднем по команде") != std::string::npos);
        // Sign-offs by name and module title, never the module's id.
        CHECK(html.find("Anna Kowalska") != std::string::npos);
        CHECK(html.find(content::pick(observed->title, lang)) != std::string::npos);
        CHECK(html.find("s-observed-call") == std::string::npos);
        // The heatmap names its standards as text on the page, not only on hover.
        const std::string first_title = content.cards.front().text_for(lang).title;
        CHECK(html.find(first_title.substr(0, first_title.find(' '))) != std::string::npos);
        CHECK(html.find("<title>") == html.rfind("<title>")); // only the document's own title
        // QA and motivation sections.
        CHECK(html.find(std::string(lang) == "pl" ? "Ocena QA zespołu" : "Оценка QA команды") != std::string::npos);
        CHECK(html.find(std::string(lang) == "pl" ? "Motywacja — " : "Мотивация — ") != std::string::npos);
        // Print: A4 pages, a heading never left alone at the bottom of a page.
        CHECK(html.find("@page{size:A4") != std::string::npos);
        CHECK(html.find("h2{") != std::string::npos);
        CHECK(html.find("break-after:avoid") != std::string::npos);
        CHECK(html.find("section{break-inside:avoid") != std::string::npos);
    }
}

// Issue 14: the QA chart's dashed line and its caption are the motivation config's pass mark (as
// the kiosk's dashboard colours by it), not a fixed 85 %.
TEST_CASE("the HTML report's QA pass mark comes from the motivation config, localised") {
    test::TempDir dir;
    const std::string bin = std::string(TRAINER_BIN_DIR) + "/trainer";
    const std::string db = (dir / "demo.db").string();
    std::string out;
    REQUIRE(test::run_command(bin + " demo create --db " + db, &out) == 0);
    std::string config = test::read_file(TRAINER_SOURCE_DIR "/config/motivation.json");
    const auto at = config.find("\"qa_pass_mark\": 85");
    REQUIRE(at != std::string::npos);
    config.replace(at, 18, "\"qa_pass_mark\": 92.5");
    test::write_file(dir / "motivation.json", config);
    // The y of the dashed line in the QA chart (the only dashed line of the report).
    const auto dashed_y = [](const std::string& html) {
        std::smatch m;
        REQUIRE(std::regex_search(html, m, std::regex("<line [^>]*y1=\"([0-9.]+)\"[^>]*stroke-dasharray")));
        return std::stod(m[1].str());
    };
    const auto report = [&](const std::string& env, const char* lang) {
        const auto path = dir / (std::string("r-") + lang + ".html");
        REQUIRE(test::run_command(env + bin + " report rollout --db " + db + " --team \"Team North\" --format html --lang " +
                                      lang + " --out " + path.string(), &out) == 0);
        return test::read_file(path);
    };
    const std::string env = "TRAINER_MOTIVATION_CONFIG=" + (dir / "motivation.json").string() + " ";
    struct Case {
        const char *lang, *usual, *configured;
    };
    for (const Case c : {Case{"en", "the pass mark, 85%.", "the pass mark, 92.5%."},
                         Case{"pl", "próg zaliczenia: 85%.", "próg zaliczenia: 92,5%."},
                         Case{"ru", "проходной балл: 85\u00a0%.", "проходной балл: 92,5\u00a0%."}}) {
        INFO(c.lang);
        const std::string usual = report("", c.lang);
        const std::string configured = report(env, c.lang);
        CHECK(usual.find(c.usual) != std::string::npos);
        CHECK(configured.find(c.configured) != std::string::npos);
        CHECK(configured.find(c.usual) == std::string::npos);
        CHECK(dashed_y(configured) < dashed_y(usual)); // a higher mark draws the line higher
    }
}
