// The App's side of a tour (`--tour`, kiosk/tour.hpp) and of a language switch: whatever is open is
// rebuilt in the new language, down to a question's feedback already on screen (issue 14, point 6).
#include "kiosk/app_state.hpp"

#include "trainer/identity/people.hpp"

namespace kiosk {

void App::relocalise() {
    if (!session_) return;
    for (const ScreenId id : stack_) switch (id) {
        case ScreenId::Home: refresh_home(); break;
        case ScreenId::Tracks: refresh_tracks(); break;
        case ScreenId::Module:
            refresh_module();
            if (module_screen_.last_feedback && features_content_ && features_content_->onboarding)
                if (const auto* m = features_content_->onboarding->find_module(module_screen_.module_id))
                    module_screen_.last_feedback =
                        trainer::onboarding::relocalised(*m, std::move(*module_screen_.last_feedback), locale_);
            break;
        case ScreenId::Signoff:
            // The steps and the module's title in the new language; what the lead ticked stays.
            if (signoff_)
                for (auto& r : signoff_->queue(session_->actor, locale_))
                    if (r.person_id == signoff_screen_.request.person_id && r.module_id == signoff_screen_.request.module_id)
                        signoff_screen_.request = std::move(r);
            break;
        case ScreenId::Sign:
            sign_pad_.display_name = ui().tr("sign.as", {{"name", session_->person.display_name}});
            sign_pad_.signing_heading = ui().tr("sign.heading", {{"name", session_->person.display_name}});
            sign_pad_.signing_what = signing_what(sign_purpose_);
            break;
        case ScreenId::Dashboard: refresh_dashboard(); break;
        case ScreenId::Person: refresh_person(person_.row.person_id); break;
        default: break;
        }
}

void App::tour_show(const std::string& lang, const std::string& what) {
    const auto arg = [&](const char* prefix) { return what.substr(std::string(prefix).size()); };
    search_query_.clear();
    notice_.clear();
    options_.lang = lang; // open_on_start and a sign-out keep the tour's language
    locale_ = lang;
    if (!session_) {
        stack_.assign(1, ScreenId::Decks);
        if (what.rfind("card:", 0) == 0) apply(OpenDeck{arg("card:")});
        else if (what.rfind("card-back:", 0) == 0) {
            apply(OpenDeck{arg("card-back:")});
            card_screen_.flipped = true;
        } else if (what.rfind("search:", 0) == 0) search_query_ = arg("search:");
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
