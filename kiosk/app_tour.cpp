// The App's side of a tour (`--tour`, kiosk/tour.hpp) and of a language switch: whatever is open is
// rebuilt in the new language, down to a question's feedback already on screen (issue 14, point 6).
#include "kiosk/app_state.hpp"

#include "trainer/identity/people.hpp"

namespace kiosk {

void App::relocalise() {
    if (!session()) return;
    const UiContext ui = this->ui();
    if (auto env = home_env(ui)) home_flow_.on_resume(ScreenId::Home, *env);
    if (auto env = onboarding_env(ui)) onboarding_flow_.relocalise(*env, content());
    if (auto env = lead_env(ui)) lead_flow_.relocalise(*env);
    if (auto env = signature_env(ui)) signature_flow_.relocalise(*env);
}

void App::tour_show(const std::string& lang, const std::string& what) {
    const auto arg = [&](const char* prefix) { return what.substr(std::string(prefix).size()); };
    lookup_flow_.set_query({});
    notice_.clear();
    options_.lang = lang; // open_on_start and a sign-out keep the tour's language
    locale_ = lang;
    if (!session()) {
        stack_.assign(1, ScreenId::Decks);
        if (what.rfind("card:", 0) == 0) apply(OpenDeck{arg("card:")});
        else if (what.rfind("card-back:", 0) == 0) {
            apply(OpenDeck{arg("card-back:")});
            lookup_flow_.card().flipped = true;
        } else if (what.rfind("search:", 0) == 0) lookup_flow_.set_query(arg("search:"));
        else if (what == "login") apply(StartLogin{});
        else if (what.rfind("pin:", 0) == 0) {
            apply(StartLogin{});
            if (db_)
                if (auto p = trainer::identity::read_person(*db_, arg("pin:"))) apply(PickPerson{p->id, p->display_name});
        }
        return;
    }
    stack_.assign(1, ScreenId::Home);
    resume(ScreenId::Home); // the home comes on top: read afresh
    if (what == "home") return;
    if (what == "team") apply(ShowTeam{});
    else if (what == "review-back") { // the card under review turned: the grade buttons with their intervals
        open_on_start("review");
        if (stack_.back() == ScreenId::Review) apply(FlipCard{});
    }
    else if (what.rfind("sign:", 0) == 0) {
        open_on_start("signoff:" + arg("sign:"));
        if (stack_.back() == ScreenId::Signoff) apply(BeginSignature{});
    } else open_on_start(what);
}

} // namespace kiosk
