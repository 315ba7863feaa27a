#include "support.hpp"

#include "trainer/content/library.hpp"
#include "trainer/identity/idle.hpp"

#include <catch2/catch.hpp>

using namespace trainer;

namespace {

void copy_good_content(const std::filesystem::path& to) {
    std::filesystem::create_directories(to);
    std::filesystem::copy(TRAINER_TEST_DATA "/content_good", to, std::filesystem::copy_options::recursive);
}

std::filesystem::path first_deck(const std::filesystem::path& dir) {
    for (const auto& e : std::filesystem::directory_iterator(dir / "decks"))
        if (e.path().extension() == ".json") return e.path();
    return {};
}

} // namespace

TEST_CASE("a content update with an error is refused and the last good content stays in use") {
    test::TempDir tmp;
    const auto dir = tmp / "content";
    copy_good_content(dir);
    auto db = store::Database::open_memory();
    FixedClock clock(1'000'000);
    content::ContentLibrary lib(dir, &db, clock);
    const auto& first = lib.reload();
    REQUIRE(first.content);
    REQUIRE(first.refused.empty());
    const std::size_t cards = first.content->cards.size();
    CHECK_FALSE(lib.changed_on_disk());

    test::write_file(first_deck(dir), "{ \"id\": \"broken\", ");
    CHECK(lib.changed_on_disk());
    const auto& after = lib.reload();
    REQUIRE(after.content);
    CHECK(after.content->cards.size() == cards);
    REQUIRE_FALSE(after.refused.empty());
    CHECK(after.refused.front().file.find(first_deck(dir).filename().string()) != std::string::npos);
    CHECK(after.refused.front().line >= 1);
}

TEST_CASE("starting again on the same content writes nothing to the database") {
    test::TempDir tmp;
    const auto dir = tmp / "content";
    copy_good_content(dir);
    auto db = store::Database::open_memory();
    FixedClock clock(1'000'000);
    content::ContentLibrary(dir, &db, clock).reload();
    clock.advance_ms(60'000);
    content::ContentLibrary(dir, &db, clock).reload();
    auto st = db.prepare("SELECT min(saved_ms), max(saved_ms) FROM content_snapshot");
    REQUIRE(st.step());
    CHECK(st.int64(0) == 1'000'000);
    CHECK(st.int64(1) == 1'000'000);
}

TEST_CASE("a kiosk that starts on a broken content folder shows the last good content from its database") {
    test::TempDir tmp;
    const auto dir = tmp / "content";
    copy_good_content(dir);
    auto db = store::Database::open_memory();
    FixedClock clock(1'000'000);
    std::size_t cards = 0;
    {
        content::ContentLibrary lib(dir, &db, clock);
        cards = lib.reload().content->cards.size();
    }
    test::write_file(first_deck(dir), "not json at all");
    content::ContentLibrary restarted(dir, &db, clock);
    const auto& st = restarted.reload();
    REQUIRE(st.content);
    CHECK(st.from_snapshot);
    CHECK(st.content->cards.size() == cards);
    CHECK_FALSE(st.refused.empty());

    content::ContentLibrary without_db(dir, nullptr, clock);
    CHECK_FALSE(without_db.reload().content);
}

TEST_CASE("an idle session warns for the last ten seconds, then ends") {
    identity::IdlePolicy p; // 90 s, warning 10 s
    CHECK(identity::idle_state(p, 0, 79'999).phase == identity::IdlePhase::Active);
    const auto warn = identity::idle_state(p, 0, 80'000);
    CHECK(warn.phase == identity::IdlePhase::Warning);
    CHECK(warn.remaining_ms == 10'000);
    CHECK(identity::idle_state(p, 0, 90'000).phase == identity::IdlePhase::Expired);
    CHECK(identity::idle_state(p, 50'000, 90'000).phase == identity::IdlePhase::Active);
}
