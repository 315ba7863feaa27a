#include "kiosk/app_state.hpp"

#include "kiosk/theme.hpp"
#include "kiosk/screen_parts.hpp"
#include "kiosk/widgets.hpp"
#include "trainer/cards/browse.hpp"
#include "trainer/identity/pin_key.hpp"

#include <imgui.h>
#include <imgui_internal.h>
#include <sodium.h>
#include <sqlite3.h>

#include <cstdlib>
#include <iostream>
#include <thread>

namespace kiosk {

App::App(Options options, Fonts fonts, trainer::content::LoadResult preloaded)
    : options_(std::move(options)), fonts_(fonts), locale_(options_.lang) {
    catalog_ = trainer::i18n::Catalog::load(options_.assets / "i18n", &catalog_problems_);
    for (const auto& p : catalog_problems_) std::cerr << "kiosk: " << p << "\n";
    try {
        trainer::store::OpenOptions o;
        o.create_if_missing = true;
        o.quick_check_first = true; // a damaged file: a calm banner, nothing written (issue #16)
        if (options_.db.has_parent_path()) std::filesystem::create_directories(options_.db.parent_path());
        db_.emplace(trainer::store::Database::open(options_.db, o));
        // Every commit is already durable in the WAL (synchronous=FULL); leave checkpointing to
        // SQLite's automatic one and the next opener, so closing the kiosk never waits on fsync.
        sqlite3_db_config(db_->handle(), SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, 1, nullptr);
        for (const auto& w : trainer::identity::install_pin_key_for(options_.db, true)) std::cerr << "kiosk: " << w << "\n";
    } catch (const std::exception& e) {
        // Browsing standards needs no database: say so calmly and carry on.
        db_problem_ = e.what();
        std::cerr << "kiosk: " << db_problem_ << "\n";
    }
    if (db_) {
        events_ = std::make_unique<trainer::store::EventStore>(*db_, clock_, trainer::store::kiosk_id_of(*db_));
        auth_ = std::make_unique<trainer::identity::AuthService>(*db_, *events_, clock_);
        sync_ = trainer::central::BackgroundSync::start_if_joined(options_.db, *db_);
    }
    const bool shared_kiosk = options_.fullscreen;
    idle_.timeout_ms = 1000LL * (options_.idle_seconds > 0 ? options_.idle_seconds : shared_kiosk ? 90 : 15 * 60);
    library_ = std::make_unique<trainer::content::ContentLibrary>(options_.content,
                                                                  db_ ? &*db_ : nullptr, clock_);
    library_->reload(std::move(preloaded));
    for (const auto& d : library_->state().refused) std::cerr << "kiosk: " << d.to_string() << "\n";
    if (!library_->state().snapshot_problem.empty())
        std::cerr << "kiosk: last good content not saved: " << library_->state().snapshot_problem << "\n";
    sync_features(); // onboarding, change and QA services; recent hires get their tracks
    if (!options_.open_deck.empty()) {
        apply(OpenDeck{options_.open_deck});
        card_screen_.flipped = options_.flip;
    }
    search_query_ = options_.search;
    if (!options_.login_as.empty() && db_) {
        apply(StartLogin{});
        if (auto p = trainer::identity::read_person(*db_, options_.login_as)) {
            apply(PickPerson{p->id, p->display_name});
            if (options_.pin_stdin) {
                std::string pin;
                std::getline(std::cin, pin);
                apply(SubmitPin{pin});
                sodium_memzero(pin.data(), pin.size());
            }
        }
    }
}

App::~App() {
    if (pin_check_.valid()) pin_check_.wait();
    if (sign_check_.valid()) sign_check_.wait();
    login_screen_.wipe_pin();
}

double App::wake_timeout_seconds() const {
    if (pin_check_.valid() || sign_check_.valid()) return 0.05; // animate the progress, pick up the result promptly
    double t = review_flow_.retry_pending() ? 0.25 : 2.0; // retry an unsaved grade; content folder poll
    if (session_) {
        const auto st = trainer::identity::idle_state(idle_, session_->last_input_ms, clock_.now_ms());
        const double left = static_cast<double>(st.remaining_ms - (st.phase == trainer::identity::IdlePhase::Active
                                                                       ? idle_.warning_ms
                                                                       : 0)) / 1000.0;
        t = std::min(t, st.phase == trainer::identity::IdlePhase::Warning ? 0.25 : std::max(0.05, left));
    }
    return t;
}

void App::note_input() {
    if (!session_) return;
    const ImGuiIO& io = ImGui::GetIO();
    bool any = io.MouseDelta.x != 0 || io.MouseDelta.y != 0 || io.MouseWheel != 0 ||
               io.InputQueueCharacters.Size > 0;
    for (bool down : io.MouseDown) any = any || down;
    for (bool down : io.KeysDown) any = any || down;
    if (any) session_->last_input_ms = clock_.now_ms();
}

bool App::poll_content() {
    if (!library_->changed_on_disk()) return false;
    library_->reload();
    for (const auto& d : library_->state().refused) std::cerr << "kiosk: " << d.to_string() << "\n";
    return true;
}

void App::apply(const Intent& intent) {
    if (is_none(intent)) return;
    static const bool trace = std::getenv("KIOSK_TRACE") != nullptr; // debugging scripted input
    if (trace)
        std::cerr << "kiosk: frame " << (ImGui::GetCurrentContext() ? ImGui::GetFrameCount() : -1) << " intent #"
                  << intent.index() << "\n";
    redraw_ = true;
    notice_.clear();
    if (stack_.back() == ScreenId::Sign) {
        // The PIN pad of a signature: its OK signs, its Cancel goes back to the form.
        if (const auto* pin = std::get_if<SubmitPin>(&intent)) {
            std::string digits = pin->pin;
            sign_pad_.wipe_pin();
            start_sign_check(std::move(digits));
            return;
        }
        if (std::holds_alternative<Back>(intent) || std::holds_alternative<CancelSignature>(intent)) {
            if (!sign_check_.valid()) stack_.pop_back();
            return;
        }
    }
    if (std::holds_alternative<BeginSignature>(intent)) {
        begin_signature(stack_.back() == ScreenId::Evaluation ? SignPurpose::Evaluation : SignPurpose::Signoff);
        return;
    }
    if (apply_review(intent) || apply_onboarding(intent) || apply_change(intent) || apply_quality(intent)) return;
    if (std::holds_alternative<StartReview>(intent) || std::holds_alternative<GradeCard>(intent)) return;
    std::visit(
        [this](const auto& i) {
            using T = std::decay_t<decltype(i)>;
            if constexpr (std::is_same_v<T, Back>) {
                if (stack_.back() == ScreenId::Login && login_screen_.step == LoginScreen::Step::Pin &&
                    !login_screen_.person_id.empty()) {
                    login_screen_.reset(); // from the PIN back to the names
                } else if (stack_.size() > 1) {
                    if (stack_.back() == ScreenId::Login) login_screen_.reset();
                    stack_.pop_back();
                    // What the screen below shows may have changed while the other was open.
                    if (stack_.back() == ScreenId::Home) refresh_home();
                    if (stack_.back() == ScreenId::Tracks) refresh_tracks();
                    if (stack_.back() == ScreenId::Module) refresh_module();
                }
            } else if constexpr (std::is_same_v<T, OpenDeck>) {
                card_screen_ = CardScreen{i.deck_id, 0, false};
                stack_.push_back(ScreenId::Card);
            } else if constexpr (std::is_same_v<T, OpenCard>) {
                const auto& content = library_->state().content;
                if (!content) return;
                const auto face = trainer::cards::card_face(*content, i.card_id, locale_);
                if (face.id.empty()) return;
                // A lookup wants the standard itself: open on the back.
                card_screen_ = CardScreen{face.deck_id, face.index, true, options_.desk};
                if (stack_.back() != ScreenId::Card) stack_.push_back(ScreenId::Card);
                search_screen_.remember(face.id);
                record_lookup(face.id, std::exchange(search_query_, {}));
            } else if constexpr (std::is_same_v<T, ClearSearch>) {
                record_unopened_search();
                search_query_.clear();
                if (options_.desk) stack_.assign(1, ScreenId::Decks);
                focus_search_ = true;
            } else if constexpr (std::is_same_v<T, FlipCard>) {
                card_screen_.flipped = !card_screen_.flipped; // in a review, the flow turned it
            } else if constexpr (std::is_same_v<T, NextCard>) {
                ++card_screen_.index;
                card_screen_.flipped = false;
            } else if constexpr (std::is_same_v<T, PrevCard>) {
                card_screen_.index = std::max(0, card_screen_.index - 1);
                card_screen_.flipped = false;
            } else if constexpr (std::is_same_v<T, SetLanguage>) {
                locale_ = i.locale;
                relocalise();
            } else if constexpr (std::is_same_v<T, StartLogin>) {
                login_screen_.reset();
                if (stack_.back() != ScreenId::Login) stack_.push_back(ScreenId::Login);
            } else if constexpr (std::is_same_v<T, PickPerson>) {
                login_screen_.step = LoginScreen::Step::Pin;
                login_screen_.person_id = i.person_id;
                login_screen_.display_name = i.display_name;
                login_screen_.message.clear();
                if (auth_) attempt_ = auth_->begin_by_id(i.person_id);
                if (attempt_.throttled) login_screen_.message = LoginScreen::locked_message(ui(), attempt_.retry_after_ms);
                else if (!attempt_.person_id.empty() && attempt_.pin_hash.empty()) // picked by name: no secret told
                    login_screen_.message = ui().tr("login.no_pin");
            } else if constexpr (std::is_same_v<T, BadgeScanned>) {
                begin_badge_login(i.badge);
            } else if constexpr (std::is_same_v<T, SubmitPin>) {
                if (auth_ && !pin_check_.valid()) {
                    std::string pin = i.pin;
                    login_screen_.wipe_pin();
                    start_pin_check(attempt_, std::move(pin));
                }
            } else if constexpr (std::is_same_v<T, Logout>) {
                end_session(i.reason);
            } else if constexpr (std::is_same_v<T, GoHome>) {
                refresh_home();
                stack_.assign(1, session_ ? ScreenId::Home : ScreenId::Decks);
            } else if constexpr (std::is_same_v<T, ShowDecks>) {
                stack_.push_back(ScreenId::Decks);
            } else if constexpr (std::is_same_v<T, ShowTeam>) {
                refresh_team();
                stack_.push_back(ScreenId::Team);
            } else if constexpr (std::is_same_v<T, UnlockPerson>) {
                if (session_ && auth_) {
                    try {
                        auth_->reset_throttle(session_->actor, i.person_id); // checks the team, audited
                    } catch (const std::exception& e) {
                        std::cerr << "kiosk: " << e.what() << "\n";
                    }
                    refresh_team();
                    if (stack_.back() == ScreenId::Home) refresh_home(); // the row goes from the lead's home
                }
            } else if constexpr (std::is_same_v<T, StillHere>) {
                if (session_) session_->last_input_ms = clock_.now_ms();
            }
        },
        intent);
}

void App::draw_frame() {
    note_input();
    finish_pin_check();
    finish_sign_check();
    // Typing a PIN on the keyboard must not look like a badge scan.
    const bool typing_pin = (stack_.back() == ScreenId::Login && login_screen_.step == LoginScreen::Step::Pin) ||
                            stack_.back() == ScreenId::Sign;
    // A badge id with a letter in it is a badge even over an open PIN pad (a lead scanning in to
    // unlock someone's sign-in); digits alone there are a PIN typed fast.
    if (auto badge = badge_reader_.poll(ImGui::GetTime());
        badge && db_ && (!typing_pin || badge->find_first_not_of("0123456789") != std::string::npos))
        apply(BadgeScanned{*badge});
    const UiContext ui = this->ui();
    const ImGuiViewport* vp = ImGui::GetMainViewport();
    ImGui::SetNextWindowPos(vp->WorkPos);
    ImGui::SetNextWindowSize(vp->WorkSize);
    ImGui::PushFont(ui.fonts.body);
    ImGui::Begin("##kiosk", nullptr,
                 ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                     ImGuiWindowFlags_NoBringToFrontOnFocus | ImGuiWindowFlags_NoSavedSettings |
                     // glClear already paints the background colour: no second full-screen fill
                     ImGuiWindowFlags_NoBackground);
    const auto& content = library_->state().content;
    static const trainer::content::ContentSet kEmpty;
    const auto& set = content ? *content : kEmpty;
    if (options_.desk) {
        draw_banners(ui);
        draw_desk(ui, set);
        ImGui::End();
        ImGui::PopFont();
        return;
    }
    Intent intent = draw_top_bar(ui, set);
    draw_banners(ui);
    Intent screen_intent;
    if (!search_query_.empty() && stack_.back() != ScreenId::Login) {
        screen_intent = search_screen_.draw(ui, search_results(set), false);
    } else switch (stack_.back()) {
    case ScreenId::Decks:
        screen_intent = deck_browser_.draw(ui, trainer::cards::deck_summaries(set, locale_));
        break;
    case ScreenId::Card:
        screen_intent = card_screen_.draw(
            ui, trainer::cards::card_at(set, card_screen_.deck_id, card_screen_.index, locale_));
        break;
    case ScreenId::Home:
        screen_intent = home_screen_.draw(ui, home_view_, set);
        break;
    case ScreenId::Review:
    case ScreenId::ReviewSummary:
        if (auto env = review_env(ui)) screen_intent = review_flow_.draw(stack_.back(), *env);
        break;
    case ScreenId::Team:
        screen_intent = team_screen_.draw(ui, team_rows_, clock_.now_ms());
        break;
    case ScreenId::Tracks:
        screen_intent = track_map_screen_.draw(ui, tracks_);
        break;
    case ScreenId::Module:
        if (!pictures_) pictures_ = std::make_unique<ImageCache>(options_.content.parent_path()); // "assets/..." paths
        module_screen_.picture = [this](const std::string& path) { return pictures_->get(path); };
        screen_intent = module_screen_.draw(ui, module_view_, set);
        break;
    case ScreenId::Signoff:
        screen_intent = signoff_screen_.draw(ui, set);
        break;
    case ScreenId::Sign:
        screen_intent = sign_pad_.draw(ui, {});
        break;
    case ScreenId::Checkin:
        screen_intent = draw_checkin(ui);
        break;
    case ScreenId::Maturity:
        screen_intent = draw_maturity(ui);
        break;
    case ScreenId::Dashboard:
        screen_intent = dashboard_screen_.draw(ui, dash_, set);
        break;
    case ScreenId::Person:
        screen_intent = person_screen_.draw(ui, person_, motivation_, set);
        break;
    case ScreenId::Evaluation:
    case ScreenId::Scores:
        if (auto env = quality_env(ui)) screen_intent = quality_flow_.draw(stack_.back(), *env);
        break;
    case ScreenId::Login: {
        std::vector<trainer::identity::RosterEntry> roster;
        if (db_) roster = trainer::identity::PeopleService(*db_, *events_).roster();
        screen_intent = login_screen_.draw(ui, roster);
        break;
    }
    }
    if (session_) {
        const auto idle = trainer::identity::idle_state(idle_, session_->last_input_ms, clock_.now_ms());
        if (idle.phase == trainer::identity::IdlePhase::Warning) draw_idle_overlay(ui, idle.remaining_ms);
        if (idle.phase == trainer::identity::IdlePhase::Expired) intent = Logout{"idle"};
    }
    ImGui::End();
    ImGui::PopFont();
    if (!is_none(screen_intent)) intent = screen_intent;
    apply(intent);
}

} // namespace kiosk

namespace kiosk {

std::string App::screen_name() const {
    if (options_.desk) return "desk";
    if (!search_query_.empty() && stack_.back() != ScreenId::Login) return "search";
    switch (stack_.back()) {
    case ScreenId::Decks: return "decks";
    case ScreenId::Card: return "card";
    case ScreenId::Login: return login_screen_.step == LoginScreen::Step::Pin ? "pin" : "login";
    case ScreenId::Home: return "home";
    case ScreenId::Review: return "review";
    case ScreenId::ReviewSummary: return "review-summary";
    case ScreenId::Team: return "team";
    case ScreenId::Tracks: return "tracks";
    case ScreenId::Module: return "module";
    case ScreenId::Signoff: return "signoff";
    case ScreenId::Sign: return "sign";
    case ScreenId::Checkin: return "checkin";
    case ScreenId::Dashboard: return "dashboard";
    case ScreenId::Person: return "person";
    case ScreenId::Maturity: return "maturity";
    case ScreenId::Evaluation: return "evaluation";
    case ScreenId::Scores: return "scores";
    }
    return "unknown";
}

} // namespace kiosk
