#include "trainer/i18n/catalog.hpp"
#include "trainer/i18n/plural.hpp"

#include <catch2/catch.hpp>

using namespace trainer::i18n;

namespace {

Catalog bundled(std::vector<std::string>* problems = nullptr) {
    return Catalog::load(TRAINER_SOURCE_DIR "/assets/i18n", problems);
}

} // namespace

TEST_CASE("Polish and Russian plural categories follow the one/few/many rules") {
    CHECK(plural_category("pl", 1) == PluralCategory::One);
    CHECK(plural_category("pl", 2) == PluralCategory::Few);
    CHECK(plural_category("pl", 4) == PluralCategory::Few);
    CHECK(plural_category("pl", 5) == PluralCategory::Many);
    CHECK(plural_category("pl", 12) == PluralCategory::Many);
    CHECK(plural_category("pl", 21) == PluralCategory::Many);
    CHECK(plural_category("pl", 22) == PluralCategory::Few);
    CHECK(plural_category("ru", 1) == PluralCategory::One);
    CHECK(plural_category("ru", 21) == PluralCategory::One);
    CHECK(plural_category("ru", 11) == PluralCategory::Many);
    CHECK(plural_category("ru", 3) == PluralCategory::Few);
    CHECK(plural_category("ru", 14) == PluralCategory::Many);
    CHECK(plural_category("ru", 0) == PluralCategory::Many);
    CHECK(plural_category("en", 1) == PluralCategory::One);
    CHECK(plural_category("en", 0) == PluralCategory::Other);
}

TEST_CASE("counted phrases read correctly: 1 karta / 2 karty / 5 kart; 1 карточка / 2 карточки / 5 карточек") {
    Catalog c;
    c.add_plural("pl", "cards", {{"one", "{n} karta"}, {"few", "{n} karty"}, {"many", "{n} kart"}});
    c.add_plural("ru", "cards", {{"one", "{n} карточка"}, {"few", "{n} карточки"}, {"many", "{n} карточек"}});
    c.add_plural("en", "cards", {{"one", "{n} card"}, {"other", "{n} cards"}});
    CHECK(c.count("pl", "cards", 1) == "1 karta");
    CHECK(c.count("pl", "cards", 2) == "2 karty");
    CHECK(c.count("pl", "cards", 5) == "5 kart");
    CHECK(c.count("pl", "cards", 22) == "22 karty");
    CHECK(c.count("ru", "cards", 1) == "1 карточка");
    CHECK(c.count("ru", "cards", 2) == "2 карточки");
    CHECK(c.count("ru", "cards", 5) == "5 карточек");
    CHECK(c.count("ru", "cards", 101) == "101 карточка");
    CHECK(c.count("en", "cards", 1) == "1 card");
    CHECK(c.count("en", "cards", 7) == "7 cards");
}

TEST_CASE("a missing translation falls back to English, and a missing key shows the key") {
    Catalog c;
    c.add("en", "nav.back", "Back");
    c.add("pl", "nav.next", "Dalej");
    CHECK(c.text("pl", "nav.back") == "Back");
    CHECK(c.text("pl", "nav.next") == "Dalej");
    CHECK(c.text("ru", "no.such.key") == "no.such.key");
    // An English entry used for Polish picks English plural forms.
    c.add_plural("en", "items", {{"one", "{n} item"}, {"other", "{n} items"}});
    CHECK(c.count("pl", "items", 3) == "3 items");
}

TEST_CASE("placeholders are replaced by name") {
    CHECK(substitute("Card {i} of {n}", {{"i", "3"}, {"n", "7"}}) == "Card 3 of 7");
    CHECK(substitute("{unknown} stays", {}) == "{unknown} stays");
}

TEST_CASE("the bundled catalogs are complete in every language, with every plural form") {
    std::vector<std::string> problems;
    const Catalog c = bundled(&problems);
    for (const auto& p : problems) UNSCOPED_INFO(p);
    CHECK(problems.empty());
    CHECK(c.keys("en").size() > 20);
    CHECK(c.keys("pl").size() == c.keys("en").size());
    CHECK(c.keys("ru").size() == c.keys("en").size());
}

TEST_CASE("review intervals read naturally in each language") {
    const Catalog c = bundled();
    CHECK(format_interval(c, "en", 10) == "10 min");
    CHECK(format_interval(c, "en", 1440) == "1 day");
    CHECK(format_interval(c, "en", 3 * 1440) == "3 days");
    CHECK(format_interval(c, "pl", 1440) == "1 dzień");
    CHECK(format_interval(c, "pl", 5 * 1440) == "5 dni");
    CHECK(format_interval(c, "ru", 2 * 1440) == "2 дня");
    CHECK(format_interval(c, "ru", 5 * 1440) == "5 дней");
    CHECK(format_interval(c, "ru", 21 * 1440) == "21 день");
    CHECK(format_interval(c, "pl", 60 * 1440) == "2 miesiące");
    CHECK(format_interval(c, "ru", 400 * 1440) == "1 год");
}

TEST_CASE("grade buttons never show two different intervals under the same label") {
    const Catalog c = bundled();
    // Good in 59 days and Easy in 68 days both round to "2 miesiące": both are said in days.
    const auto pl = format_intervals(c, "pl", {10, 1440, 59 * 1440, 68 * 1440});
    CHECK(pl[0] == "10 min");
    CHECK(pl[1] == "1 dzień");
    CHECK(pl[2] == "59 dni");
    CHECK(pl[3] == "68 dni");
    CHECK(pl[2] != pl[3]);
    // Labels that already differ stay in their usual unit.
    const auto en = format_intervals(c, "en", {10, 1440, 3 * 1440, 60 * 1440});
    CHECK(en == std::vector<std::string>{"10 min", "1 day", "3 days", "2 months"});
    // The same interval twice is the same label (nothing to tell apart).
    CHECK(format_intervals(c, "ru", {400 * 1440, 400 * 1440}) == std::vector<std::string>{"1 год", "1 год"});
    // Two yearly intervals that read "1 год" go to months.
    const auto ru = format_intervals(c, "ru", {400 * 1440, 500 * 1440});
    CHECK(ru[0] == "13 месяцев");
    CHECK(ru[1] == "16 месяцев");
}

TEST_CASE("a broken catalog file is reported with its file name and the rest still loads") {
    // Uses the loader on a directory where one language file is not JSON.
    const std::string dir = TRAINER_TEST_DATA "/i18n_bad";
    std::vector<std::string> problems;
    const Catalog c = Catalog::load(dir, &problems);
    REQUIRE_FALSE(problems.empty());
    bool named = false;
    for (const auto& p : problems) named = named || p.find("pl.json") != std::string::npos;
    CHECK(named);
    CHECK(c.text("en", "hello") == "Hello");
    // A key given twice in a file is named (only its last text would ever show).
    bool twice = false;
    for (const auto& p : problems)
        twice = twice || (p.find("en.json: /bye: the key is given twice") != std::string::npos);
    CHECK(twice);
}
