// Content loading: typed decks and cards, and every broken file refused with file:line:column.
#include "support.hpp"

#include "trainer/content/json_source.hpp"
#include "trainer/content/loader.hpp"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <random>

using namespace trainer::content;

namespace {

const std::string kData = TRAINER_TEST_DATA;
const std::string kGood = kData + "/content_good";
const std::string kBad = kData + "/content_bad";

const Diagnostic* find_diag(const LoadResult& r, const std::string& pointer, Severity s) {
    for (const auto& d : r.diagnostics)
        if (d.pointer == pointer && d.severity == s) return &d;
    return nullptr;
}

std::string all_of(const LoadResult& r) {
    std::string s;
    for (const auto& d : r.diagnostics)
        s += d.to_string() + "\n";
    return s;
}

// A valid deck file with one byte sequence injected into the Polish deck title (line 4).
std::string good_deck_with(const std::string& inject) {
    std::string text = test::read_file(kGood + "/decks/01-first-contact.json");
    const auto at = text.find("Pierwszy");
    REQUIRE(at != std::string::npos);
    return text.replace(at + 5, 0, inject); // "Pierw<bytes>szy"
}

} // namespace

TEST_CASE("a diagnostic prints like a compiler message editors can jump to") {
    Diagnostic d{Severity::Error,          "content/decks/01-first-contact.json",   12, 5,
                 "/cards/3/text/en/title", "expected a string, found a number (42)"};
    CHECK(d.to_string() ==
          "content/decks/01-first-contact.json:12:5: error: /cards/3/text/en/title: "
          "expected a string, found a number (42)");
    Diagnostic w{Severity::Warning, "x.json", 0, 0, "", "no decks"};
    CHECK(w.to_string() == "x.json: warning: no decks");

    // Keys come from the file: a newline in one must not split the diagnostic line.
    const auto src = JsonSource::from_text("{\"a\\nb\": 1, \"a\\nb\": 2}", "k.json");
    REQUIRE(src.diagnostics().size() == 1);
    CHECK(src.diagnostics()[0].to_string() ==
          "k.json:1:13: error: /a\\nb: duplicate key 'a\\nb' (also at line 1, column 2); only one "
          "may be given");
}

TEST_CASE("every json pointer maps to the line and character column where its value starts") {
    const auto src = JsonSource::from_text("{\n  \"a/b\": [1, {\"~k\": \"Привет\", \"n\": null}],\n"
                                           "  \"ру\": \"x\", \"c\": \"é\"\n}",
                                           "t.json");
    REQUIRE(src.parsed());
    CHECK(src.diagnostics().empty());
    auto at = [&](const char* p, Anchor a = Anchor::Value) {
        auto pos = src.position_of(p, a);
        return std::to_string(pos.line) + ":" + std::to_string(pos.column);
    };
    CHECK(at("") == "1:1");
    CHECK(at("/a~1b") == "2:10");
    CHECK(at("/a~1b", Anchor::Key) == "2:3");
    CHECK(at("/a~1b/0") == "2:11");
    CHECK(at("/a~1b/1/~0k") == "2:21");
    CHECK(at("/a~1b/1/n") == "2:36"); // "Привет" counts 6 columns, not 12 bytes
    CHECK(at("/ру") == "3:9");
    CHECK(at("/c") == "3:19");
    CHECK(at("/a~1b/1/missing") == "2:14"); // a missing member points at its object
}

TEST_CASE("a syntax error is reported at its line and column, not as a byte offset") {
    const auto src = JsonSource::from_text("{\n  \"ключ\": 1,\n  \"b\": tru\n}", "s.json");
    CHECK_FALSE(src.parsed());
    REQUIRE(src.diagnostics().size() == 1);
    const auto& d = src.diagnostics()[0];
    CHECK(d.severity == Severity::Error);
    CHECK(d.line == 3);
    CHECK(d.column == 8); // the start of the bad token "tru", not where the lexer gave up
    CHECK(d.message.find("invalid JSON") == 0);

    const auto tab = JsonSource::from_text("{\"a\": \"x\ty\"}", "t.json");
    REQUIRE(tab.diagnostics().size() == 1);
    CHECK(tab.diagnostics()[0].column == 9); // the raw tab inside the string
    const auto cut = JsonSource::from_text("{\"a\": [1,\n 2", "c.json");
    REQUIRE(cut.diagnostics().size() == 1);
    CHECK(cut.diagnostics()[0].line == 2);
    CHECK(cut.diagnostics()[0].message.find("end of input") != std::string::npos);

    const auto empty = JsonSource::from_text("", "e.json");
    REQUIRE(empty.diagnostics().size() == 1);
    CHECK(empty.diagnostics()[0].line == 1);
}

TEST_CASE("duplicate object keys are errors naming both places") {
    const auto src =
        JsonSource::from_text("{\"a\": 1,\n \"b\": {\"x\": 1, \"x\": 2},\n \"a\": 3}", "d.json");
    REQUIRE(src.parsed());
    REQUIRE(src.diagnostics().size() == 2);
    CHECK(src.diagnostics()[0].to_string() == "d.json:2:16: error: /b/x: duplicate key 'x' (also "
                                              "at line 2, column 8); only one may be given");
    CHECK(src.diagnostics()[1].to_string() == "d.json:3:2: error: /a: duplicate key 'a' (also at "
                                              "line 1, column 2); only one may be given");
}

TEST_CASE("ill-formed UTF-8 sequences are found, well-formed ones are not") {
    CHECK(find_invalid_utf8("plain ascii, zażółć, ёлка, 😀").empty());
    auto one = [](const std::string& s) {
        auto v = find_invalid_utf8(s);
        return v.size() == 1 ? std::to_string(v[0].offset) + "+" + std::to_string(v[0].length)
                             : "n=" + std::to_string(v.size());
    };
    CHECK(one("a\xFF"
              "b") == "1+1");                // never valid
    CHECK(one("a\x80") == "1+1");            // stray continuation
    CHECK(one("\xC0\xAF") == "n=2");         // overlong '/' (C0 and AF both invalid)
    CHECK(one("ab\xE2\x82") == "2+2");       // truncated euro sign
    CHECK(one("\xED\xA0\x80") == "n=3");     // UTF-16 surrogate
    CHECK(one("\xF4\x90\x80\x80") == "n=4"); // above U+10FFFF
    CHECK(one("x\xE2\x82(") == "1+2");       // bad third byte
}

TEST_CASE("deep nesting is refused without exhausting the stack") {
    const std::string deep = std::string(5000, '[') + std::string(5000, ']');
    const auto src = JsonSource::from_text(deep, "deep.json");
    bool reported =
        std::any_of(src.diagnostics().begin(), src.diagnostics().end(), [](const Diagnostic& d) {
            return d.message.find("nested deeper") != std::string::npos;
        });
    CHECK(reported);
}

TEST_CASE("a valid content folder loads into typed decks and cards in journey order") {
    const auto r = load_content(kGood);
    INFO(all_of(r));
    REQUIRE(r.ok());
    REQUIRE(r.content);
    CHECK(r.warning_count() == 0);
    const ContentSet& c = *r.content;
    REQUIRE(c.decks.size() == 2);
    CHECK(c.decks[0].id == "first-contact");
    CHECK(c.decks[1].id == "closing");
    CHECK(pick(c.decks[0].title, "ru") == "Первый контакт");
    REQUIRE(c.cards.size() == 2);
    const Card* greet = c.find_card("fc-greet-by-name");
    REQUIRE(greet);
    CHECK(greet->deck_id == "first-contact");
    CHECK(greet->version == 1);
    CHECK(greet->tags == std::vector<std::string>{"greeting", "name"});
    CHECK(greet->moment_of_truth);
    CHECK_FALSE(greet->customer_effort);
    CHECK(greet->text_for("pl").title == "Zwracaj się po imieniu");
    CHECK(greet->text_for("en").phrasings.size() == 1);
    const Card* close = c.find_card("close-next-step");
    REQUIRE(close);
    CHECK(close->version == 2);
    CHECK(close->customer_effort);
    CHECK(c.cards_of("closing").size() == 1);

    const auto s = summarize(r);
    CHECK(s["ok"] == true);
    CHECK(s["counts"]["decks"] == 2);
    CHECK(s["counts"]["cards"] == 2);
    CHECK(s["coverage"]["cards"]["pl"] == 2);
    CHECK(s["errors"] == 0);
}

TEST_CASE("each broken deck file is refused with the file, line, column and pointer of its error") {
    struct Case {
        const char* dir;
        const char* file;
        int line, column;
        const char* pointer;
        const char* message;
    };
    const Case cases[] = {
        {"syntax", "01-first-contact.json", 4, 3, "",
         "invalid JSON: syntax error while parsing object"},
        {"wrong-type", "01-first-contact.json", 11, 25, "/cards/0/text/en/title",
         "expected a string, found a number (42)"},
        {"unknown-key", "01-first-contact.json", 10, 7, "/cards/0/moment_of_truht",
         "unknown key 'moment_of_truht' (did you mean 'moment_of_truth'?)"},
        {"duplicate-card-id", "02-closing.json", 8, 13, "/cards/0/id",
         "duplicate card id 'fc-greet-by-name', already used at "},
        {"duplicate-key", "01-first-contact.json", 10, 7, "/cards/0/version",
         "duplicate key 'version' (also at line 9, column 7)"},
        {"missing-english", "01-first-contact.json", 10, 15, "/cards/0/text",
         "missing English (en) text"},
        {"bad-id", "01-first-contact.json", 8, 13, "/cards/0/id", "'FC_greet' is not a valid id"},
    };
    for (const auto& c : cases) {
        SECTION(c.dir) {
            const auto r = load_content(kBad + "/" + c.dir);
            INFO(all_of(r));
            CHECK_FALSE(r.ok());
            CHECK(r.content == nullptr);
            CHECK(r.error_count() == 1);
            const Diagnostic* d = find_diag(r, c.pointer, Severity::Error);
            REQUIRE(d);
            CHECK(d->file == kBad + "/" + c.dir + "/decks/" + c.file);
            CHECK(d->line == c.line);
            CHECK(d->column == c.column);
            CHECK(d->message.find(c.message) != std::string::npos);
        }
    }
}

TEST_CASE("a duplicate card id names the first place it was defined") {
    const auto r = load_content(kBad + "/duplicate-card-id");
    const Diagnostic* d = find_diag(r, "/cards/0/id", Severity::Error);
    REQUIRE(d);
    CHECK(d->message.find("duplicate-card-id/decks/01-first-contact.json:8:13") !=
          std::string::npos);
}

TEST_CASE("invalid UTF-8 bytes are refused at their line and column with the string's pointer") {
    test::TempDir dir;
    std::filesystem::create_directories(dir / "decks");
    const auto file = dir / "decks/01-first-contact.json";
    test::write_file(file, good_deck_with("\xFF"));
    const auto r = load_content(dir.path());
    INFO(all_of(r));
    CHECK(r.content == nullptr);
    REQUIRE(r.error_count() == 1);
    const Diagnostic* d = find_diag(r, "/title/pl", Severity::Error);
    REQUIRE(d);
    CHECK(d->file == file.string());
    CHECK(d->line == 4);
    CHECK(d->column ==
          48); // "  \"title\": {\"en\": \"First contact\", \"pl\": \"Pierw" is 47 characters
    CHECK(d->message == "invalid UTF-8 (byte 0xFF); save the file as UTF-8");

    test::write_file(file, good_deck_with("\xE2\x82"));
    const auto r2 = load_content(dir.path());
    REQUIRE(r2.error_count() == 1);
    CHECK(r2.diagnostics[0].message.find("bytes 0xE2 0x82") != std::string::npos);
}

TEST_CASE("missing Polish text is only a warning and English is shown instead") {
    const auto r = load_content(kBad + "/missing-polish");
    INFO(all_of(r));
    REQUIRE(r.ok());
    REQUIRE(r.content);
    CHECK(r.warning_count() == 1);
    const Diagnostic* w = find_diag(r, "/cards/0/text", Severity::Warning);
    REQUIRE(w);
    CHECK(w->line == 10);
    CHECK(w->column == 15);
    CHECK(w->message == "no Polish (pl) text; English is shown instead");
    const Card* card = r.content->find_card("fc-greet-by-name");
    REQUIRE(card);
    CHECK(card->text_for("pl").title == "Greet by name");
    CHECK(card->text_for("ru").title == "Обращайтесь по имени");
    CHECK(summarize(r)["coverage"]["cards"]["pl"] == 0);
    CHECK(summarize(r)["coverage"]["cards"]["ru"] == 1);
}

TEST_CASE("a partial translation is completed from English field by field") {
    test::TempDir dir;
    std::filesystem::create_directories(dir / "decks");
    std::string text = test::read_file(kGood + "/decks/01-first-contact.json");
    const auto at = text.find("\"why\": \"Klient");
    REQUIRE(at != std::string::npos);
    text.erase(at, text.find('"', text.find(':', at) + 3) + 3 - at); // drop "why": "...", from pl
    test::write_file(dir / "decks/01-first-contact.json", text);
    const auto r = load_content(dir.path());
    INFO(all_of(r));
    REQUIRE(r.ok());
    CHECK(r.warning_count() == 1);
    const Card* card = r.content->find_card("fc-greet-by-name");
    REQUIRE(card);
    CHECK(card->text_for("pl").why == card->text_for("en").why);
    CHECK(card->text_for("pl").title == "Zwracaj się po imieniu");
}

TEST_CASE("the loader collects every error of a file, not just the first") {
    const auto r = load_content(kBad + "/several-errors");
    INFO(all_of(r));
    CHECK(r.content == nullptr);
    const char* expected[] = {"/id",
                              "/order",
                              "/title/de",
                              "/cards/0/version",
                              "/cards/0/tags",
                              "/cards/0/text/en/why",
                              "/cards/0/text/en/phrasings",
                              "/cards/0/text/en"};
    for (const char* p : expected) {
        INFO(p);
        CHECK(find_diag(r, p, Severity::Error));
    }
    CHECK(r.error_count() == 8);
    CHECK(find_diag(r, "/title", Severity::Warning)); // no Russian title
}

TEST_CASE("a missing folder or an empty decks folder is an error, not a crash") {
    test::TempDir dir;
    CHECK_FALSE(load_content(dir / "nope").ok());
    CHECK_FALSE(load_content(dir.path()).ok());
    std::filesystem::create_directories(dir / "decks");
    const auto r = load_content(dir.path());
    CHECK_FALSE(r.ok());
    CHECK(all_of(r).find("no deck files") != std::string::npos);
}

TEST_CASE("a stray file in any content folder is named and passed over; quality/mappings/ is not a stray") {
    test::TempDir dir;
    std::filesystem::copy(TRAINER_SOURCE_DIR "/content", dir.path(), std::filesystem::copy_options::recursive);
    for (const char* folder : {"decks", "modules", "tracks", "quality", "rules"})
        test::write_file(dir / folder / "notes.txt", "not content");
    test::write_file(dir / "decks" / ".swp", "an editor's swap file");
    const auto r = load_content(dir.path());
    const std::string text = all_of(r);
    INFO(text);
    CHECK(r.ok()); // warnings only
    for (const char* what : {"decks", "modules", "tracks", "scorecards", "local rules"})
        CHECK(text.find(std::string("ignored: ") + what + " are *.json files") != std::string::npos);
    CHECK(text.find("mappings") == std::string::npos);
    CHECK(text.find(".swp") == std::string::npos);
}

TEST_CASE("the bundled content loads with no errors") {
    const auto r = load_content(TRAINER_SOURCE_DIR "/content");
    INFO(all_of(r));
    CHECK(r.ok());
    CHECK(r.counts.at("decks") >= 1);
}

TEST_CASE("every deck file satisfies the JSON schema authors' editors use") {
    test::TempDir tmp;
    test::write_file(tmp / "check.py",
                     "import json, sys, jsonschema\n"
                     "schema = json.load(open(sys.argv[1], encoding='utf-8'))\n"
                     "jsonschema.Draft202012Validator.check_schema(schema)\n"
                     "v = jsonschema.Draft202012Validator(schema)\n"
                     "bad = 0\n"
                     "for f in sys.argv[2:]:\n"
                     "    for e in v.iter_errors(json.load(open(f, encoding='utf-8'))):\n"
                     "        print(f, e.json_path, e.message); bad += 1\n"
                     "sys.exit(1 if bad else 0)\n");
    const std::string schema = TRAINER_SOURCE_DIR "/content/schema/deck.schema.json";
    const std::string run = "/usr/bin/python3 " + (tmp / "check.py").string() + " " + schema;
    std::string files;
    for (const std::string& dir :
         {std::string(TRAINER_SOURCE_DIR "/content/decks"), kGood + "/decks"})
        for (const auto& e : std::filesystem::directory_iterator(dir))
            if (e.path().extension() == ".json") files += " '" + e.path().string() + "'";
    std::string out;
    const int status = test::run_command(run + files, &out);
    INFO(out);
    CHECK(status == 0);

    // The schema agrees with the loader on what is wrong.
    for (const char* bad :
         {"wrong-type", "unknown-key", "missing-english", "bad-id", "several-errors"}) {
        INFO(bad);
        CHECK(test::run_command(run + " " + kBad + "/" + bad + "/decks/01-first-contact.json",
                                &out) == 1);
    }
    CHECK(test::run_command(run + " " + kBad + "/missing-polish/decks/01-first-contact.json",
                            &out) == 0);
}

TEST_CASE("trainer content validate reports diagnostics and exits 1 only on errors") {
    const std::string bin = TRAINER_BIN_DIR "/trainer content validate";
    std::string out;
    REQUIRE(test::run_command(bin + " --json " + kGood + " 2>/dev/null", &out) == 0);
    auto j = nlohmann::json::parse(out);
    CHECK(j["ok"] == true);
    CHECK(j["counts"]["decks"] == 2);
    CHECK(j["diagnostics"].empty());

    CHECK(test::run_command(bin + " --json " + kBad + "/unknown-key", &out) == 1);
    j = nlohmann::json::parse(out);
    CHECK(j["errors"] == 1);
    REQUIRE(j["diagnostics"].size() == 1);
    CHECK(j["diagnostics"][0]["pointer"] == "/cards/0/moment_of_truht");
    CHECK(j["diagnostics"][0]["line"] == 10);

    CHECK(test::run_command(bin + " " + kBad + "/syntax", &out) == 1);
    CHECK(out.find("/decks/01-first-contact.json:4:3: error: invalid JSON") != std::string::npos);
    CHECK(test::run_command(bin + " " + kBad + "/missing-polish", &out) == 0);
    CHECK(out.find(":10:15: warning: /cards/0/text: no Polish (pl) text") != std::string::npos);
    CHECK(out.find("content OK") != std::string::npos);
}

TEST_CASE("a deck id used by two files is refused naming the first file") {
    test::TempDir dir;
    std::filesystem::create_directories(dir / "decks");
    const std::string text = test::read_file(kGood + "/decks/01-first-contact.json");
    test::write_file(dir / "decks/01-a.json", text);
    test::write_file(dir / "decks/02-b.json", text);
    const auto r = load_content(dir.path());
    INFO(all_of(r));
    REQUIRE(r.error_count() == 1);
    CHECK(r.diagnostics[0].file == (dir / "decks/02-b.json").string());
    CHECK(r.diagnostics[0].pointer == "/id");
    CHECK(r.diagnostics[0].message == "duplicate deck id 'first-contact', already used at " +
                                          (dir / "decks/01-a.json").string() + ":2:9");
}

TEST_CASE("mangled deck files never crash the loader and every error has a position") {
    test::TempDir dir;
    std::filesystem::create_directories(dir / "decks");
    const std::string good = test::read_file(kGood + "/decks/01-first-contact.json");
    std::mt19937 rng(20261122); // fixed seed: the same mutations on every run
    const char junk[] = {'{',  '}', '[', ']', '"',    ',',    ':',
                         '\\', '0', 'x', ' ', '\xFF', '\xD0', '\n'};
    int refused = 0;
    for (int round = 0; round < 300; ++round) {
        std::string text = good;
        const int edits = 1 + static_cast<int>(rng() % 4);
        for (int e = 0; e < edits && !text.empty(); ++e) {
            const std::size_t at = rng() % text.size();
            switch (rng() % 3) {
            case 0:
                text[at] = junk[rng() % sizeof junk];
                break;
            case 1:
                text.erase(at, 1 + rng() % 20);
                break;
            default:
                text.resize(at);
                break;
            }
        }
        test::write_file(dir / "decks/01-x.json", text);
        LoadResult r;
        REQUIRE_NOTHROW(r = load_content(dir.path()));
        if (!r.ok()) ++refused;
        CHECK((r.ok() == (r.content != nullptr)));
        for (const auto& d : r.diagnostics)
            if (d.severity == Severity::Error &&
                d.message.find("more invalid UTF-8") == std::string::npos) {
                INFO(d.to_string());
                CHECK(d.line >= 1);
                CHECK(d.column >= 1);
            }
    }
    CHECK(refused > 250);
}
