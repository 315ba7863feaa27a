// The screen registry (kiosk/screen_id.hpp): one line per screen. The names are what --dump-text
// reports and the window tests assert, so two screens must never share one; a PIN pad or a form
// with its own digits must never send letters to search.
#include "kiosk/screen_id.hpp"

#include <catch2/catch.hpp>

#include <set>
#include <string>

using namespace kiosk;

TEST_CASE("every screen in the registry has its own name and an owning flow", "[registry]") {
    std::set<std::string_view> names;
    for (const auto& s : kScreens) {
        CHECK_FALSE(s.name.empty());
        CHECK(names.insert(s.name).second);
    }
    CHECK(names.size() == std::size(kScreens));
    CHECK(screen_info(ScreenId::Scores).name == "scores");
    CHECK(screen_info(ScreenId::ReviewSummary).name == "review-summary");
    CHECK(screen_info(ScreenId::Dashboard).flow == FlowId::Lead);
    CHECK(screen_info(ScreenId::Card).flow == FlowId::Lookup);
}

TEST_CASE("letters typed on a screen whose keys mean something there never start a search", "[registry]") {
    for (ScreenId id : {ScreenId::Login, ScreenId::Sign, ScreenId::Review, ScreenId::Module, ScreenId::Checkin,
                        ScreenId::Maturity, ScreenId::Evaluation, ScreenId::Signoff})
        CHECK_FALSE(screen_info(id).letters_go_to_search);
    for (ScreenId id : {ScreenId::Decks, ScreenId::Card, ScreenId::Home, ScreenId::Dashboard, ScreenId::Scores})
        CHECK(screen_info(id).letters_go_to_search);
}
