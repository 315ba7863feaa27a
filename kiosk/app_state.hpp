#pragma once
// The kiosk's state between frames: which screens are open, the language, the loaded content
// and database. Screens return intents; apply() turns them into changes through trainer.
#include "kiosk/badge_reader.hpp"
#include "kiosk/flows/lead_flow.hpp"
#include "kiosk/flows/lookup_flow.hpp"
#include "kiosk/flows/onboarding_flow.hpp"
#include "kiosk/flows/quality_flow.hpp"
#include "kiosk/flows/sign_in_flow.hpp"
#include "kiosk/flows/review_flow.hpp"
#include "kiosk/screen_id.hpp"
#include "kiosk/fonts.hpp"
#include "kiosk/images.hpp"
#include "kiosk/intent.hpp"
#include "kiosk/options.hpp"
#include "kiosk/screens/home_screen.hpp"
#include "kiosk/screens/login_screen.hpp"
#include "kiosk/screens/review_screen.hpp"
#include "trainer/cards/review_service.hpp"
#include "trainer/cards/review_session.hpp"
#include "kiosk/screens/evaluation_screen.hpp"
#include "kiosk/screens/survey_screen.hpp"
#include "trainer/change/checkin.hpp"
#include "trainer/quality/entry.hpp"
#include "trainer/quality/motivation_config.hpp"
#include "trainer/onboarding/service.hpp"
#include "trainer/onboarding/signoff.hpp"
#include "kiosk/ui_context.hpp"
#include "trainer/content/library.hpp"
#include "trainer/core/clock.hpp"
#include "trainer/i18n/catalog.hpp"
#include "trainer/identity/access.hpp"
#include "trainer/identity/auth.hpp"
#include "trainer/identity/idle.hpp"
#include "trainer/store/event_store.hpp"
#include "trainer/central/background_sync.hpp"

#include <future>
#include <utility>
#include "trainer/store/database.hpp"

#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace kiosk {

// What a PIN typed on the Sign screen is for.
enum class SignPurpose { Signoff, Evaluation };

// Who is signed in at this kiosk, if anyone.
struct Session {
    trainer::identity::Person person;
    trainer::identity::Actor actor;
    trainer::TimeMs last_input_ms = 0;
};


class App {
public:
    // `preloaded`: the content folder already read (on another thread while the window opened).
    App(Options options, Fonts fonts, trainer::content::LoadResult preloaded);

    // Builds the whole UI for one frame.
    void draw_frame();
    // Checks the content folder for changes (cheap; called on a timer) and reloads if needed;
    // true when it did (the screen must be drawn again).
    bool poll_content();
    const std::string& locale() const { return locale_; }
    // The screen on top, by a stable name ("decks", "login", "scores", ...; "search" while search
    // results cover it, "desk" in desk mode): what --dump-text reports.
    std::string screen_name() const;
    // Seconds the loop may sleep before the app needs a frame (timers, a PIN check running).
    double wake_timeout_seconds() const;
    // True once after a frame that changed what the next frame shows (an intent was applied).
    bool take_redraw_request() { return std::exchange(redraw_, false); }
    // A PIN is being checked on the worker thread (screenshots wait for it).
    bool busy() const { return sign_in_flow_.busy() || sign_check_.valid(); }
    // A tour step (kiosk/tour.hpp): `what` in `lang`, from the bottom of the stack (app_tour.cpp).
    void tour_show(const std::string& lang, const std::string& what);
    ~App();

private:
    void apply(const Intent& intent);
    void relocalise(); // after a language switch: what is open, rebuilt in the new language
    UiContext ui() const { return UiContext{catalog_, locale_, fonts_, options_.scale}; }
    Intent draw_top_bar(const UiContext& ui, const trainer::content::ContentSet& set);
    void sync_reviews();
    void refresh_home();
    // The review job (kiosk/flows/review_flow.hpp); `false` when nobody is signed in.
    bool apply_review(const Intent& intent);
    std::optional<ReviewFlow::Env> review_env(const UiContext& ui);
    void draw_banners(const UiContext& ui);
    // The lookup job (kiosk/flows/lookup_flow.hpp): decks, cards, search; no sign-in needed.
    // The content on show (an empty set when none could be loaded).
    const trainer::content::ContentSet& content() const {
        const auto& c = library_->state().content;
        return c ? *c : empty_content_;
    }
    const trainer::content::ContentSet empty_content_{};
    LookupFlow::Env lookup_env(const UiContext& ui, const trainer::content::ContentSet& set);
    // The screen on top, drawn by the flow the registry (kiosk/screen_id.hpp) names for it.
    Intent draw_screen(const UiContext& ui, const trainer::content::ContentSet& set);
    Intent draw_sign_in(const UiContext& ui, ScreenId top);                                        // app_session.cpp
    Intent draw_onboarding(const UiContext& ui, ScreenId top, const trainer::content::ContentSet& set); // app_onboarding.cpp
    Intent draw_lead(const UiContext& ui, ScreenId top, const trainer::content::ContentSet& set);       // app_change.cpp
    void draw_idle_overlay(const UiContext& ui, trainer::TimeMs remaining_ms);
    void note_input();
    // The sign-in job (kiosk/flows/sign_in_flow.hpp); a finished PIN check starts the session.
    SignInFlow::Env sign_in_env(const UiContext& ui);
    void finish_pin_check();
    void end_session(const std::string& reason);
    void open_on_start(const std::string& what); // Options::open, after the sign-in

    Options options_;
    Fonts fonts_;
    trainer::SystemClock clock_;
    trainer::i18n::Catalog catalog_;
    std::vector<std::string> catalog_problems_;
    std::string locale_;
    std::optional<trainer::store::Database> db_;
    std::string db_problem_;
    bool motivation_problem_ = false; // config/motivation.json refused (log has the detail)
    std::unique_ptr<trainer::content::ContentLibrary> library_;
    std::unique_ptr<trainer::store::EventStore> events_;
    std::unique_ptr<trainer::identity::AuthService> auth_;
    // Sync with the central store on its own thread (issue 18); null when this desk has not joined.
    std::unique_ptr<trainer::central::BackgroundSync> sync_;
    std::string sync_status_line(const UiContext& ui) const; // app_chrome.cpp
    trainer::identity::IdlePolicy idle_;

    std::optional<Session> session_;
    BadgeReader badge_reader_;

    bool redraw_ = false;
    std::vector<ScreenId> stack_{ScreenId::Decks};
    SignInFlow sign_in_flow_;
    HomeScreen home_screen_;
    HomeView home_view_;
    std::unique_ptr<trainer::cards::ReviewService> reviews_;
    std::shared_ptr<const trainer::content::ContentSet> reviews_content_; // what reviews_ points at
    ReviewFlow review_flow_;
    LookupFlow lookup_flow_;

    // --- features beyond flashcards (app_onboarding.cpp, app_change.cpp, app_quality.cpp) ---
    // Services over the current content; rebuilt when the content is reloaded.
    void sync_features();
    bool apply_onboarding(const Intent& intent);
    // The onboarding job (kiosk/flows/onboarding_flow.hpp); nullopt when nobody is signed in.
    std::optional<OnboardingFlow::Env> onboarding_env(const UiContext& ui);
    void revealed(ScreenId screen); // Back uncovered `screen`: show what changed meanwhile
    void after_login();
    std::string refusal(const std::exception& e) const; // a calm, translated line + the reason
    std::shared_ptr<const trainer::content::ContentSet> features_content_;
    std::unique_ptr<trainer::onboarding::OnboardingService> onboarding_;
    std::unique_ptr<trainer::onboarding::SignoffService> signoff_;
    OnboardingFlow onboarding_flow_;
    std::unique_ptr<ImageCache> pictures_; // lesson pictures; textures made while drawing

    // Signing with the lead's own PIN (sign-offs, QA evaluations): checked off the UI thread.
    void begin_signature(SignPurpose purpose);
    void start_sign_check(std::string pin);
    void finish_sign_check();
    SignPurpose sign_purpose_ = SignPurpose::Signoff;
    LoginScreen sign_pad_;
    trainer::identity::LoginAttempt sign_attempt_;
    std::future<trainer::identity::PinCheck> sign_check_;
    std::string notice_; // a calm line after an action ("Signed", "Saved"); cleared by the next one

    // Change and the lead dashboard (app_change.cpp).
    void sync_change_and_quality();
    bool apply_change(const Intent& intent); // the check-in
    // The lead's job (kiosk/flows/lead_flow.hpp); nullopt unless someone is signed in.
    std::optional<LeadFlow::Env> lead_env(const UiContext& ui);
    bool apply_lead(const Intent& intent);
    void offer_checkin();
    Intent draw_checkin(const UiContext& ui);
    std::unique_ptr<trainer::change::CheckinService> checkin_;
    std::string checkin_rollout_;
    SurveyScreen checkin_screen_;
    LeadFlow lead_flow_;

    // Quality: a flow (kiosk/flows/quality_flow.hpp); app_quality.cpp lends it the services.
    std::optional<QualityFlow::Env> quality_env(const UiContext& ui);
    bool apply_quality(const Intent& intent);
    void finish_evaluation_signature(const trainer::identity::PinCheck& check);
    std::string signing_what(SignPurpose purpose) const;
    trainer::quality::MotivationConfig motivation_;
    std::unique_ptr<trainer::quality::EvaluationService> evaluations_;
    QualityFlow quality_flow_;
};

} // namespace kiosk
