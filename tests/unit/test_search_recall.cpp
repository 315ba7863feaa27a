// Search as agents type (README "Search"): recall on the query sets of tests/data/search,
// word forms, typos, keywords, ranking and bad input, on the bundled content.
#include "support.hpp"
#include "trainer/content/loader.hpp"
#include "trainer/search/fold.hpp"
#include "trainer/search/index.hpp"
#include "trainer/search/lexicon.hpp"
#include "trainer/search/lexicon_builder.hpp"
#include "trainer/search/recall.hpp"
#include "trainer/search/typo.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <fstream>
#include <sstream>
#include <string>

namespace {

using trainer::search::Hit;
using trainer::search::Lexicon;
using trainer::search::MatchKind;
using trainer::search::SearchIndex;

const trainer::content::ContentSet& bundled() {
    static const auto set = trainer::content::load_content(TRAINER_SOURCE_DIR "/content").content;
    REQUIRE(set);
    return *set;
}

Lexicon bundled_lexicon() {
    std::string problem;
    auto lex = Lexicon::load(trainer::search::lexicon_path(TRAINER_SOURCE_DIR "/content"), problem);
    INFO(problem);
    REQUIRE(problem.empty());
    return lex;
}

const SearchIndex& index() {
    static const SearchIndex i(bundled(), bundled_lexicon());
    return i;
}

std::string first(std::string_view query, std::string_view locale) {
    const auto hits = index().search(query, locale, 3);
    return hits.empty() ? std::string() : hits[0].card_id;
}

bool in_top3(std::string_view query, std::string_view locale, std::string_view id) {
    for (const Hit& h : index().search(query, locale, 3))
        if (h.card_id == id) return true;
    return false;
}

// Recall at 3 of tests/data/search/FILE.tsv (at least `min_queries` queries) is 95 % or more.
void check_recall_at3(const std::string& file, const std::string& locale, std::size_t min_queries) {
    INFO(file);
    std::string problem;
    const auto set = trainer::search::read_query_set(TRAINER_TEST_DATA "/search/" + file + ".tsv", problem);
    INFO(problem);
    REQUIRE(problem.empty());
    REQUIRE(set.size() >= min_queries);
    const auto r = trainer::search::measure_recall(index(), set, locale);
    for (const auto& m : r.missed_at3)
        UNSCOPED_INFO(locale << " missed: " << m);
    INFO(locale << ": recall@1 " << r.r1() << ", recall@3 " << r.r3());
    CHECK(r.r3() >= 0.95);
}

} // namespace

// The threshold is what the engine reaches on these sets, rounded down; the target
// is 95 % in every language. Both tuning sets: the words agents type (queries-<l>.tsv) and the
// situations they meet (queries-<l>-situations.tsv, session 8), which the cards' keywords
// answer; a keyword edit that pulls another card up fails here.
TEST_CASE("recall at 3 on the agents' query sets holds in every language", "[search]") {
    for (const std::string file :
         {"queries-en", "queries-pl", "queries-ru", "queries-en-situations",
          "queries-pl-situations", "queries-ru-situations"}) {
        check_recall_at3(file, file.substr(8, 2), 50);
    }
}

// Sets nobody tuned for: held out since sessions 4-6 ("unseen"), session 7 ("fresh") and session 8's
// blind set ("blind3", written from the cards' titles, situations and rules without reading a
// keyword). They guard the kind of query the issue names, not the queries themselves: a change that
// helps the tuning sets by overfitting them shows here first.
TEST_CASE("recall at 3 on the query sets kept out of tuning holds in every language", "[search]") {
    for (const std::string held_out : {"unseen", "fresh", "blind3"})
        for (const std::string locale : {"en", "pl", "ru"}) {
            check_recall_at3("queries-" + locale + "-" + held_out, locale, 40);
        }
}

TEST_CASE("inflected forms meet their card in Polish, Russian and English", "[search]") {
    CHECK(in_top3("жалобой ", "ru", "af-close-complaint-loop"));
    CHECK(in_top3("reklamacją ", "pl", "af-close-complaint-loop"));
    CHECK(in_top3("oddzwonię ", "pl", "af-call-back-on-time"));
    CHECK(in_top3("объяснение ", "ru", "sa-plain-language"));
    CHECK(in_top3("wyjaśniać ", "pl", "sa-plain-language"));
    CHECK(in_top3("refunded ", "en", "sa-honest-about-limits"));
    // Russian infinitive against the card's imperative, where the dictionary lists the
    // imperative as an entry of its own (назовите -> назови, joined to назвать).
    CHECK(in_top3("назвать номер обращения ", "ru", "cn-give-reference-number"));
    const Lexicon lexicon = bundled_lexicon();
    const auto lemmas = lexicon.lemmas("назовите");
    CHECK(std::find(lemmas.begin(), lemmas.end(), "назвать") != lemmas.end());
    const auto hits = index().search("жалобой ", "ru", 1);
    REQUIRE_FALSE(hits.empty());
    CHECK(hits[0].matches.at(0).kind == MatchKind::form);
}

TEST_CASE("a finished word tolerates 1 typo from 5 letters and 2 from 9", "[search]") {
    CHECK(trainer::search::allowed_typos(4) == 0);
    CHECK(trainer::search::allowed_typos(5) == 1);
    CHECK(trainer::search::allowed_typos(9) == 2);
    using trainer::search::code_points;
    CHECK(trainer::search::osa_distance(code_points("жалоба"), code_points("жалбоа"), 2) == 1);
    CHECK(trainer::search::osa_distance(code_points("abc"), code_points("xyz"), 1) == 2);
    CHECK(first("rekalmacja ", "pl") == "af-close-complaint-loop");        // a swap, 10 letters
    CHECK(first("opoznienai ", "pl") == "af-warn-about-delays");          // 2 edits at 10 letters
    CHECK(first("klnt ", "pl").empty() == index().search("klnt ", "pl", 1).empty());
    CHECK(index().search("xqzvw ", "en", 3).empty()); // a word in no dictionary and no card
}

TEST_CASE("author keywords find cards by the words agents say", "[search]") {
    CHECK(first("klient bluzga ", "pl") == "ch-calm-boundary");
    CHECK(first("awantura ", "pl") == "ch-let-emotion-out");
    CHECK(first("нецензурная брань ", "ru") == "ch-calm-boundary");
    CHECK(first("грубиян ", "ru") == "ch-difficult-moment");
    CHECK(first("case number ", "en") == "cn-give-reference-number");
    CHECK(first("ring back ", "en") == "af-call-back-on-time");
}

TEST_CASE("ranking: more words, exact above form above typo, explained per word", "[search]") {
    // Both words beat one word, whatever the field.
    const auto hits = index().search("numer reklamacji ", "pl", 5);
    REQUIRE(hits.size() >= 2);
    CHECK(hits[0].words_matched == 2);
    CHECK(hits[0].words_matched >= hits[1].words_matched);
    // Each matched word says how and where it matched.
    for (const auto& m : hits[0].matches) {
        CHECK_FALSE(m.word.empty());
        CHECK(m.points > 0);
    }
    // Stable ties: the same query twice gives the same list.
    const auto again = index().search("numer reklamacji ", "pl", 5);
    for (std::size_t i = 0; i < hits.size(); ++i)
        CHECK(hits[i].card_id == again[i].card_id);
}

// Bad input named in issue 19, one case each.
TEST_CASE("a 10,000-character query, and one of 2,000 words, give at most the limit", "[search]") {
    const std::string huge(10000, 'a');
    CHECK(index().search(huge, "pl", 5).size() <= 5);
    std::string words;
    for (int i = 0; i < 2000; ++i)
        words += "reklamacja ";
    const auto hits = index().search(words, "pl", 5);
    CHECK(hits.size() <= 5);
    REQUIRE_FALSE(hits.empty()); // the words it keeps still find their card
    CHECK(in_top3(words, "pl", "af-close-complaint-loop"));
}

TEST_CASE("control characters in a query separate words as spaces do", "[search]") {
    const std::string ctrl = std::string("rekla\x01macja\x7f\x1b[2J") + '\0' + "skarga";
    CHECK(index().search(ctrl, "pl", 5).size() <= 5);
    CHECK(in_top3(std::string("\x1bskarga\x07 "), "pl", "af-close-complaint-loop"));
    CHECK(in_top3(std::string("skarga\t\r\n"), "pl", "af-close-complaint-loop"));
    CHECK(in_top3(std::string("domknij\x01reklamacje "), "pl", "af-close-complaint-loop"));
}

TEST_CASE("a query mixing scripts finds each word's own locale's cards", "[search]") {
    CHECK(in_top3("skarga претензия ", "pl", "af-close-complaint-loop"));
    CHECK(in_top3("претензия skarga ", "ru", "af-close-complaint-loop"));
}

TEST_CASE("a query of punctuation only, or of invalid UTF-8, finds nothing and does not fail", "[search]") {
    CHECK(index().search("?!... --- ,,, «»", "ru", 5).empty());
    CHECK(index().search("\xff\xfe\xc3", "pl", 5).empty());
}

TEST_CASE("a word no dictionary knows finds nothing alone and does not spoil the other words", "[search]") {
    CHECK(index().search("qzxjvw ", "pl", 5).empty());
    CHECK(index().search("ывщшзхъ ", "ru", 5).empty());
    CHECK(in_top3("reklamacja qzxjvw ", "pl", "af-close-complaint-loop"));
    CHECK(in_top3("жалоба ывщшзхъ ", "ru", "af-close-complaint-loop"));
}

TEST_CASE("building the lexicon without a dictionary names what is missing and builds the rest", "[search]") {
    const auto build = trainer::search::build_lexicon(bundled(), "/nonexistent/hunspell");
    CHECK(build.forms == 0);
    std::string notes;
    for (const auto& n : build.notes)
        notes += n + "\n";
    INFO(notes);
    CHECK(notes.find("/nonexistent/hunspell") != std::string::npos);
    CHECK(notes.find("pl") != std::string::npos);
    CHECK(notes.find("ru") != std::string::npos);
    std::string problem;
    const Lexicon empty = Lexicon::parse(build.text, problem); // still a well-formed (empty) table
    CHECK(problem.empty());
    CHECK(empty.empty());
}

TEST_CASE("building the lexicon from a damaged dictionary says which file and builds nothing from it", "[search]") {
    const test::TempDir dir;
    // Polish: an affix file and a word list of garbage bytes; Russian: a .dic cut to its count line.
    test::write_file(dir / "pl_PL.aff", "SET UTF-8\nSFX A Y 1\nSFX A 0 x .\n\x01\x02\xff");
    const char garbage[] = "3\n\xff\xfe\x00zzz/A\n\x07\x1b[2J\nqqq\n";
    test::write_file(dir / "pl_PL.dic", std::string(garbage, sizeof garbage - 1));
    test::write_file(dir / "ru_RU.aff", "SET UTF-8\n");
    test::write_file(dir / "ru_RU.dic", "146000\n");
    const auto build = trainer::search::build_lexicon(bundled(), dir.path());
    std::string notes;
    for (const auto& n : build.notes)
        notes += n + "\n";
    INFO(notes);
    CHECK(build.forms == 0);
    CHECK(notes.find((dir / "pl_PL.dic").string()) != std::string::npos);
    CHECK(notes.find((dir / "ru_RU.dic").string()) != std::string::npos);
    CHECK(notes.find("gave no lemma") != std::string::npos);
    std::string problem;
    CHECK(Lexicon::parse(build.text, problem).empty());
    CHECK(problem.empty()); // an empty table, still well formed: search falls back as when missing
}

TEST_CASE("a missing or corrupt lexicon leaves exact and prefix search working", "[search]") {
    std::string problem;
    const Lexicon missing = Lexicon::load("/nonexistent/lexicon.tsv", problem);
    CHECK(missing.empty());
    CHECK(problem.find("/nonexistent/lexicon.tsv") != std::string::npos);
    const Lexicon corrupt = Lexicon::parse("# trainer search lexicon 1\nno tab here\n", problem);
    CHECK(corrupt.empty());
    CHECK(problem.find("line 2") != std::string::npos);
    Lexicon::parse("garbage", problem);
    CHECK(problem.find("line 1") != std::string::npos);
    const SearchIndex plain(bundled(), corrupt);
    CHECK_FALSE(plain.has_lexicon());
    const auto hits = plain.search("Domknij reklam", "pl", 3);
    REQUIRE_FALSE(hits.empty());
    CHECK(hits[0].card_id == "af-close-complaint-loop");
}

// content/search/lexicon.tsv is derived from the card texts (README "Search: word forms"); a card
// edited without re-running `trainer cards lexicon` silently loses its Polish and Russian word
// forms, so the committed table must be exactly what the current content gives.
TEST_CASE("the committed search lexicon is what the current content produces", "[search]") {
    const std::filesystem::path dicts = "/usr/share/hunspell"; // hunspell-pl, hunspell-ru (scripts/lib.sh)
    const auto build = trainer::search::build_lexicon(bundled(), dicts);
    std::string notes;
    for (const auto& note : build.notes)
        notes += note + "\n";
    INFO(notes);
    REQUIRE(build.forms > 0);
    std::ifstream f(trainer::search::lexicon_path(TRAINER_SOURCE_DIR "/content"), std::ios::binary);
    std::stringstream committed;
    committed << f.rdbuf();
    const std::string have = committed.str();
    if (have == build.text) return;
    // Name the first line that differs, so the failure says which word changed.
    std::istringstream a(have), b(build.text);
    std::string la, lb;
    int line = 0;
    while (true) {
        ++line;
        const bool ga = static_cast<bool>(std::getline(a, la)), gb = static_cast<bool>(std::getline(b, lb));
        if (!ga && !gb) break;
        if (la != lb || ga != gb) {
            FAIL("content/search/lexicon.tsv is stale: line " << line << " is '" << (ga ? la : "<end>")
                 << "', the current content gives '" << (gb ? lb : "<end>")
                 << "'. Run `build/bin/trainer cards lexicon` and commit content/search/lexicon.tsv.");
        }
    }
    FAIL("content/search/lexicon.tsv differs from the current content's (line endings?); run `build/bin/trainer "
         "cards lexicon` and commit it.");
}
