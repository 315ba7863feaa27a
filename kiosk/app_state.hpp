#pragma once
// The kiosk's state between frames: the router over the screen stack, the language, the loaded
// content and database and the services over them. Each job is a flow (kiosk/flows/) that owns
// its screens' view state; screens return intents, and the router (kiosk/app_router.cpp) hands
// each to the flow that owns it.
#include "kiosk/badge_reader.hpp"
#include "kiosk/flows/home_flow.hpp"
#include "kiosk/flows/lead_flow.hpp"
#include "kiosk/flows/lookup_flow.hpp"
#include "kiosk/flows/onboarding_flow.hpp"
#include "kiosk/flows/quality_flow.hpp"
#include "kiosk/flows/review_flow.hpp"
#include "kiosk/flows/sign_in_flow.hpp"
#include "kiosk/flows/signature_flow.hpp"
#include "kiosk/fonts.hpp"
#include "kiosk/images.hpp"
#include "kiosk/intent.hpp"
#include "kiosk/options.hpp"
#include "kiosk/screen_id.hpp"
#include "kiosk/ui_context.hpp"
#include "trainer/cards/review_service.hpp"
#include "trainer/central/background_sync.hpp"
#include "trainer/change/checkin.hpp"
#include "trainer/content/library.hpp"
#include "trainer/core/clock.hpp"
#include "trainer/i18n/catalog.hpp"
#include "trainer/identity/access.hpp"
#include "trainer/identity/auth.hpp"
#include "trainer/identity/idle.hpp"
#include "trainer/onboarding/service.hpp"
#include "trainer/onboarding/signoff.hpp"
#include "trainer/quality/entry.hpp"
#include "trainer/quality/motivation_config.hpp"
#include "trainer/store/database.hpp"
#include "trainer/store/event_store.hpp"

#include <future>

#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace kiosk {

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
    // The database opened and passed its check (what a clean close may record as checked).
    bool database_sound() const { return db_.has_value() && db_problem_.empty(); }
    // True once after a frame that changed what the next frame shows (an intent was applied).
    bool take_redraw_request() { return std::exchange(redraw_, false); }
    // A PIN is being checked on the worker thread (screenshots wait for it).
    bool busy() const { return sign_in_flow_.busy() || signature_flow_.busy(); }
    // A tour step (kiosk/tour.hpp): `what` in `lang`, from the bottom of the stack (app_tour.cpp).
    void tour_show(const std::string& lang, const std::string& what);
    ~App();

private:
    // --- the router (app_router.cpp) ---
    void apply(const Intent& intent);
    // A screen intent (Back, FlipCard, SubmitPin) to the flow that owns the screen on top; false
    // when it did not take it.
    bool apply_on_top(const ScreenIntent& intent);
    // The one rule for figures on screen (kiosk/resume_rule.hpp): the screen on top reads them
    // again when it comes back on top, or when another flow acted while it was on top.
    void resume_if_due(const std::vector<ScreenId>& before, FlowId acted);
    void resume(ScreenId screen);
    // The screen on top, drawn by the flow the registry (kiosk/screen_id.hpp) names for it.
    Intent draw_screen(const UiContext& ui, const trainer::content::ContentSet& set);
    void relocalise(); // after a language switch: what is open, rebuilt in the new language

    UiContext ui() const { return UiContext{catalog_, locale_, fonts_, options_.scale}; }
    // The content on show (an empty set when none could be loaded).
    const trainer::content::ContentSet& content() const {
        const auto& c = library_->state().content;
        return c ? *c : empty_content_;
    }
    const trainer::content::ContentSet empty_content_{};
    const Session* session() const { return sign_in_flow_.session(); }
    Session* session() { return sign_in_flow_.session(); }

    // --- what each flow is lent for one call (null when its job cannot run now) ---
    SignInFlow::Env sign_in_env(const UiContext& ui);                                          // app_session.cpp
    LookupFlow::Env lookup_env(const UiContext& ui, const trainer::content::ContentSet& set); // app_router.cpp
    std::optional<HomeFlow::Env> home_env(const UiContext& ui);                                // app_reviews.cpp
    std::optional<ReviewFlow::Env> review_env(const UiContext& ui);                            // app_reviews.cpp
    std::optional<OnboardingFlow::Env> onboarding_env(const UiContext& ui);                    // app_onboarding.cpp
    std::optional<LeadFlow::Env> lead_env(const UiContext& ui);                                // app_change.cpp
    std::optional<QualityFlow::Env> quality_env(const UiContext& ui);                          // app_quality.cpp
    std::optional<SignatureFlow::Env> signature_env(const UiContext& ui);                      // app_signature.cpp

    // --- the frame around the screens (app_chrome.cpp) ---
    Intent draw_top_bar(const UiContext& ui, const trainer::content::ContentSet& set);
    void draw_banners(const UiContext& ui);
    std::string sync_status_line(const UiContext& ui) const;
    float least_search_width(const UiContext& ui) const;  // the top bar's search field, never narrower
    float top_bar_right_width(const UiContext& ui) const; // what the top bar needs right of that field
    void draw_idle_overlay(const UiContext& ui, trainer::TimeMs remaining_ms);

    // --- the session (app_session.cpp) ---
    void note_input();
    void finish_pin_check(); // a finished PIN check starts the session
    void end_session(const std::string& reason);
    void open_on_start(const std::string& what); // Options::open, after the sign-in
    void after_login();
    void finish_sign_check(); // a finished signature PIN check: the form's flow signs (app_signature.cpp)

    // --- services over the current content; rebuilt when the content is reloaded ---
    void sync_reviews();
    void sync_features();
    void sync_change_and_quality();

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
    trainer::identity::IdlePolicy idle_;
    BadgeReader badge_reader_;

    bool redraw_ = false;
    std::string notice_; // a calm line after an action ("Signed", "Saved"); cleared by the next one
    std::vector<ScreenId> stack_{ScreenId::Decks};

    std::unique_ptr<trainer::cards::ReviewService> reviews_;
    std::shared_ptr<const trainer::content::ContentSet> reviews_content_; // what reviews_ points at
    std::shared_ptr<const trainer::content::ContentSet> features_content_;
    std::unique_ptr<trainer::onboarding::OnboardingService> onboarding_;
    std::unique_ptr<trainer::onboarding::SignoffService> signoff_;
    std::unique_ptr<trainer::change::CheckinService> checkin_;
    trainer::quality::MotivationConfig motivation_;
    std::unique_ptr<trainer::quality::EvaluationService> evaluations_;
    std::unique_ptr<ImageCache> pictures_; // lesson pictures; textures made while drawing

    // The flows: one per job, each owning its screens' view state.
    SignInFlow sign_in_flow_;
    LookupFlow lookup_flow_;
    HomeFlow home_flow_;
    ReviewFlow review_flow_;
    OnboardingFlow onboarding_flow_;
    LeadFlow lead_flow_;
    QualityFlow quality_flow_;
    SignatureFlow signature_flow_;
};

} // namespace kiosk
