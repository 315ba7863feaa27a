// The App's QA side (DESIGN §4.5): a lead's evaluation signed with their PIN, and the agent's own
// evaluations, trend and motivation index (nobody else's: the services check who is asking).
#include "kiosk/app_state.hpp"
#include "trainer/core/org_time_zone.hpp"

#include "trainer/core/time.hpp"
#include "trainer/quality/motivation.hpp"

#include <iostream>

namespace kiosk {

bool App::apply_quality(const Intent& intent) {
    if (!session_ || !evaluations_) return false;
    try {
        if (const auto* s = std::get_if<ShowScores>(&intent)) {
            const std::string who = s->person_id.empty() ? session_->person.id : s->person_id;
            my_scores_ = evaluations_->scores(session_->actor, who);
            my_motivation_.reset();
            if (const auto period = trainer::quality::period_of(trainer::org_today(clock_), motivation_.period))
                my_motivation_ = trainer::quality::motivation_for(*db_, *events_, clock_, *features_content_, motivation_,
                                                                  session_->actor, who, *period);
            stack_.push_back(ScreenId::Scores);
        } else if (const auto* e = std::get_if<StartEvaluation>(&intent)) {
            if (!features_content_->quality || features_content_->quality->scorecards.empty()) return true;
            auto form = evaluations_->form(session_->actor, features_content_->quality->scorecards.front().id, locale_);
            std::string name = e->person_id;
            for (const auto& a : form.agents)
                if (a.id == e->person_id) name = a.display_name;
            evaluation_screen_.open(std::move(form), e->person_id, name);
            stack_.push_back(ScreenId::Evaluation);
        } else {
            return false;
        }
    } catch (const std::exception& e) {
        notice_ = refusal(e);
    }
    return true;
}

void App::finish_evaluation_signature(const trainer::identity::PinCheck& check) {
    const UiContext ui = this->ui();
    try {
        const auto res = evaluations_->submit_checked(session_->actor, evaluation_screen_.draft, sign_attempt_, check);
        const auto& s = res.evaluation.score;
        notice_ = ui.tr("qa.saved", {{"name", evaluation_screen_.agent_name},
                                     {"score", s.scored ? std::to_string(static_cast<int>(s.percent + 0.5)) + " %" : "—"}});
        if (!res.coached_cards.empty()) {
            notice_ += ' ';
            notice_ += ui.count("sign.coached", static_cast<long long>(res.coached_cards.size()));
        }
        while (stack_.size() > 1 && (stack_.back() == ScreenId::Sign || stack_.back() == ScreenId::Evaluation)) stack_.pop_back();
        refresh_dashboard();
        if (stack_.back() == ScreenId::Person) refresh_person(evaluation_screen_.draft.person_id);
    } catch (const trainer::quality::SignatureRejected& e) {
        sign_pad_.wipe_pin();
        sign_pad_.message = e.status() == trainer::identity::LoginStatus::Throttled
                                ? ui.count("login.throttled", std::max<long long>(1, (e.retry_after_ms() + 999) / 1000))
                                : ui.tr("sign.rejected");
    } catch (const trainer::quality::DraftError& e) {
        evaluation_screen_.problems = e.problems();
        if (stack_.back() == ScreenId::Sign) stack_.pop_back();
    } catch (const std::exception& e) {
        sign_pad_.wipe_pin();
        sign_pad_.message = refusal(e);
    }
}

} // namespace kiosk
