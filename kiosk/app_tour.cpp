// The App's side of a tour (`--tour`, kiosk/tour.hpp) and of a language switch: whatever is open is
// rebuilt in the new language, down to a question's feedback already on screen (issue 14, point 6).
#include "kiosk/app_state.hpp"

#include "trainer/identity/people.hpp"

namespace kiosk {

void App::relocalise() {
    if (!session_) return;
    const UiContext ui = this->ui();
    for (const ScreenId id : stack_)
        if (id == ScreenId::Home) refresh_home();
    if (auto env = onboarding_env(ui)) onboarding_flow_.relocalise(*env, content());
    if (auto env = lead_env(ui)) lead_flow_.relocalise(*env);
    for (const ScreenId id : stack_)
        if (id == ScreenId::Sign) {
            sign_pad_.display_name = ui.tr("sign.as", {{"name", session_->person.display_name}});
            sign_pad_.signing_heading = ui.tr("sign.heading", {{"name", session_->person.display_name}});
            sign_pad_.signing_what = signing_what(sign_purpose_);
        }
}

void App::tour_show(const std::string& lang, const std::string& what) {
    const auto arg = [&](const char* prefix) { return what.substr(std::string(prefix).size()); };
    lookup_flow_.set_query({});
    notice_.clear();
    options_.lang = lang; // open_on_start and a sign-out keep the tour's language
    locale_ = lang;
    if (!session_) {
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
    refresh_home();
    if (what == "home") return;
    if (what == "team") apply(ShowTeam{});
    else if (what.rfind("sign:", 0) == 0) {
        open_on_start("signoff:" + arg("sign:"));
        if (stack_.back() == ScreenId::Signoff) apply(BeginSignature{});
    } else open_on_start(what);
}

} // namespace kiosk
