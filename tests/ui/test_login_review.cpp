#include "harness.hpp"

#include "kiosk/input.hpp"
#include "kiosk/screens/login_screen.hpp"
#include "kiosk/screens/review_screen.hpp"
#include "kiosk/screens/search_screen.hpp"

#include "trainer/content/loader.hpp"

#include <catch2/catch.hpp>
#include <imgui_internal.h>

using namespace kiosk;

TEST_CASE("tapping a name on the sign-in grid picks that person") {
    test::UiHarness h;
    LoginScreen screen;
    screen.focus_filter = false;
    const std::vector<trainer::identity::RosterEntry> roster = {{"anna.kowalska", "Anna Kowalska", "pl"},
                                                                {"emily.carter", "Emily Carter", "en"}};
    auto draw = [&](const UiContext& ui) { return screen.draw(ui, roster); };
    h.frame(draw);
    const Intent i = h.click(150, 200, draw); // the first name, below the search field
    REQUIRE(intent_is<PickPerson>(i));
    CHECK(intent_as<PickPerson>(i)->person_id == "anna.kowalska");
}

TEST_CASE("the PIN keypad collects digits and submits only from four digits on") {
    test::UiHarness h;
    LoginScreen screen;
    screen.step = LoginScreen::Step::Pin;
    screen.display_name = "Anna Kowalska";
    auto draw = [&](const UiContext& ui) { return screen.draw(ui, {}); };
    h.frame(draw);
    // Keyboard digits work as well as the keypad.
    for (int d : {1, 2, 3}) h.press(input::digit_code(d), draw);
    CHECK(screen.pin == "123");
    CHECK(is_none(h.press(input::code(input::Key::Enter), draw)));
    h.press(input::digit_code(4), draw);
    const Intent i = h.press(input::code(input::Key::Enter), draw);
    REQUIRE(intent_is<SubmitPin>(i));
    CHECK(intent_as<SubmitPin>(i)->pin == "1234");
    h.press(input::code(input::Key::Backspace), draw);
    CHECK(screen.pin == "123");
}

TEST_CASE("the keypad's digit keys are touch targets, and a tap on 7 types a 7") {
    test::UiHarness h;
    LoginScreen screen;
    screen.step = LoginScreen::Step::Pin;
    auto draw = [&](const UiContext& ui) { return screen.draw(ui, {}); };
    h.frame(draw);
    // The keypad is centred: 3 keys of 112 px with 12 px gaps; row 3 holds 7 8 9.
    const float x0 = (1280 - (3 * 112 + 2 * 12)) / 2.0f + 20; // + window padding
    float seven_y = 0;
    for (float y = 150; y < 700 && screen.pin.empty(); y += 20) {
        h.click(x0 + 40, y, draw);
        if (!screen.pin.empty()) seven_y = y;
        if (screen.pin != "7") screen.wipe_pin();
    }
    CHECK(screen.pin == "7");
    CHECK(seven_y > 0);
}

TEST_CASE("while the PIN is being checked the keypad takes no input") {
    test::UiHarness h;
    LoginScreen screen;
    screen.step = LoginScreen::Step::Pin;
    screen.busy = true;
    auto draw = [&](const UiContext& ui) { return screen.draw(ui, {}); };
    h.frame(draw);
    h.press(input::digit_code(5), draw);
    CHECK(screen.pin.empty());
}

namespace {

ReviewView sample_review() {
    ReviewView v;
    v.card.id = "cn-say-what-next";
    v.card.deck_title = "Closing";
    v.card.text.title = "Say what happens next";
    v.card.text.front = "The customer asks what now.";
    v.card.text.back = "Name who does what by when.";
    v.card.text.why = "Certainty.";
    v.buttons = {{1, "1 min"}, {2, "6 min"}, {3, "10 min"}, {4, "8 days"}};
    v.total = 10;
    return v;
}

} // namespace

TEST_CASE("a review shows the situation first; Space turns it, then keys 1-4 grade") {
    test::UiHarness h;
    ReviewScreen screen;
    const auto v = sample_review();
    auto draw = [&](const UiContext& ui) { return screen.draw(ui, v); };
    h.frame(draw);
    // Before turning, digits do not grade.
    CHECK(is_none(h.press(input::digit_code(3), draw)));
    CHECK(intent_is<FlipCard>(h.press(input::code(input::Key::Space), draw)));
    screen.flipped = true;
    h.frame(draw);
    const Intent again = h.press(input::digit_code(1), draw);
    REQUIRE(intent_is<GradeCard>(again));
    CHECK(intent_as<GradeCard>(again)->rating == 1);
    const Intent easy = h.press(input::digit_code(4), draw);
    REQUIRE(intent_is<GradeCard>(easy));
    CHECK(intent_as<GradeCard>(easy)->rating == 4);
    const Intent good = h.press(input::code(input::Key::Space), draw);
    REQUIRE(intent_is<GradeCard>(good));
    CHECK(intent_as<GradeCard>(good)->rating == 3);
}

TEST_CASE("in pass/fail mode there are two grade buttons and key 2 means Good") {
    test::UiHarness h;
    ReviewScreen screen;
    screen.flipped = true;
    auto v = sample_review();
    v.buttons = {{1, "10 min"}, {3, "2 days"}};
    auto draw = [&](const UiContext& ui) { return screen.draw(ui, v); };
    h.frame(draw);
    const Intent i = h.press(input::digit_code(2), draw);
    REQUIRE(intent_is<GradeCard>(i));
    CHECK(intent_as<GradeCard>(i)->rating == 3);
    CHECK(is_none(h.press(input::digit_code(4), draw)));
}

TEST_CASE("Enter in the search field opens the top hit") {
    test::UiHarness h;
    std::string query = "next";
    SearchScreen screen;
    std::vector<trainer::cards::SearchRow> rows(1);
    rows[0].card_id = "cn-say-what-next";
    rows[0].title = "Say what happens next";
    auto draw = [&](const UiContext& ui) { return draw_search_field(ui, screen, query, 400, true, false, rows); };
    h.frame(draw);
    h.frame(draw);
    const Intent i = h.press(input::code(input::Key::Enter), draw);
    REQUIRE(intent_is<OpenCard>(i));
    CHECK(intent_as<OpenCard>(i)->card_id == "cn-say-what-next");
}

TEST_CASE("arrow keys move through the results and Enter opens the selected one") {
    test::UiHarness h;
    std::string query = "klient";
    SearchScreen screen;
    std::vector<trainer::cards::SearchRow> rows(3);
    rows[0].card_id = "a";
    rows[1].card_id = "b";
    rows[2].card_id = "c";
    auto draw = [&](const UiContext& ui) { return draw_search_field(ui, screen, query, 400, true, false, rows); };
    h.frame(draw);
    h.frame(draw);
    // As the GLFW backend maps them (GLFW_KEY_DOWN, GLFW_KEY_UP).
    const int down = 264, up = 265;
    ImGui::GetIO().KeyMap[ImGuiKey_DownArrow] = down;
    ImGui::GetIO().KeyMap[ImGuiKey_UpArrow] = up;
    h.press(down, draw);
    h.press(down, draw);
    h.press(down, draw); // stops at the last row
    CHECK(screen.selected == 2);
    h.press(up, draw);
    CHECK(screen.selected == 1);
    const Intent i = h.press(input::code(input::Key::Enter), draw);
    REQUIRE(intent_is<OpenCard>(i));
    CHECK(intent_as<OpenCard>(i)->card_id == "b");
}

TEST_CASE("a letter typed with no field focused starts a search only where letters are free") {
    for (const bool take : {true, false}) {
        test::UiHarness h;
        std::string query;
        SearchScreen screen;
        const std::vector<trainer::cards::SearchRow> rows;
        auto draw = [&](const UiContext& ui) { return draw_search_field(ui, screen, query, 400, false, take, rows); };
        h.frame(draw);
        ImGui::GetIO().AddInputCharactersUTF8("żal");
        h.frame(draw);
        for (int k = 0; k < 4; ++k)
            h.frame(draw);
        INFO("take_typing " << take);
        CHECK(query == (take ? "żal" : ""));
        if (!take) continue;
        ImGui::GetIO().AddInputCharacter('e'); // the field has the keyboard now: typing goes on
        h.frame(draw);
        CHECK(query == "żale");
    }
    // Digits never start a search (they grade and choose on other screens).
    test::UiHarness h;
    std::string query;
    SearchScreen screen;
    const std::vector<trainer::cards::SearchRow> rows;
    auto draw = [&](const UiContext& ui) { return draw_search_field(ui, screen, query, 400, false, true, rows); };
    h.frame(draw);
    ImGui::GetIO().AddInputCharactersUTF8("3 ");
    for (int k = 0; k < 3; ++k)
        h.frame(draw);
    CHECK(query.empty());
}

TEST_CASE("recent lookups are remembered newest first, at most five") {
    SearchScreen screen;
    for (const char* id : {"a", "b", "c", "d", "e", "f", "b"})
        screen.remember(id);
    CHECK(screen.recent == std::vector<std::string>{"b", "f", "e", "d", "c"});
}

TEST_CASE("the main window's empty search field drops down the recent lookups: Down and Enter, or a tap, open one") {
    const auto loaded = trainer::content::load_content(TRAINER_SOURCE_DIR "/content");
    REQUIRE(loaded.content);
    test::UiHarness h;
    std::string query;
    SearchScreen screen;
    for (const char* id : {"cn-say-what-next", "af-close-complaint-loop", "ch-calm-boundary"})
        screen.remember(id); // newest first: calm boundary, close the loop, say what next
    const std::vector<trainer::cards::SearchRow> rows;
    bool focus = true;
    auto draw = [&](const UiContext& ui) {
        const Intent i = draw_search_field(ui, screen, query, 400, focus, true, rows, loaded.content.get());
        focus = false;
        return i;
    };
    h.frame(draw);
    h.frame(draw);
    const ImGuiWindow* list = ImGui::FindWindowByName("##recent_lookups");
    REQUIRE(list);
    CHECK(list->Active); // drawn under the field this frame
    const int down = 264;
    ImGui::GetIO().KeyMap[ImGuiKey_DownArrow] = down;
    h.press(down, draw);
    CHECK(screen.selected == 1);
    const Intent by_key = h.press(input::code(input::Key::Enter), draw);
    REQUIRE(intent_is<OpenCard>(by_key));
    CHECK(intent_as<OpenCard>(by_key)->card_id == "af-close-complaint-loop");

    // A tap on the field opens the list again; a tap on its last row opens that card.
    focus = true;
    h.frame(draw);
    h.frame(draw);
    REQUIRE(list->Active);
    const Intent by_tap = h.click(list->Pos.x + 40, list->Pos.y + list->Size.y - 24, draw);
    REQUIRE(intent_is<OpenCard>(by_tap));
    CHECK(intent_as<OpenCard>(by_tap)->card_id == "cn-say-what-next");

    // Typing hides it: the results take over.
    focus = true;
    h.frame(draw);
    ImGui::GetIO().AddInputCharactersUTF8("kl");
    h.frame(draw);
    h.frame(draw);
    CHECK(query == "kl");
    CHECK_FALSE(list->Active);
}

TEST_CASE("desk mode's search field keeps its own recent list: no drop-down without the content") {
    test::UiHarness h;
    std::string query;
    SearchScreen screen;
    screen.remember("cn-say-what-next");
    const std::vector<trainer::cards::SearchRow> rows;
    auto draw = [&](const UiContext& ui) { return draw_search_field(ui, screen, query, 400, true, true, rows); };
    h.frame(draw);
    h.frame(draw);
    const ImGuiWindow* list = ImGui::FindWindowByName("##recent_lookups");
    CHECK((list == nullptr || !list->Active));
}
