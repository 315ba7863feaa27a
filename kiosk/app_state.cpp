#include "kiosk/app_state.hpp"

#include "kiosk/theme.hpp"
#include "kiosk/widgets.hpp"
#include "trainer/cards/browse.hpp"

#include <imgui.h>
#include <imgui_internal.h>
#include <sodium.h>

#include <iostream>
#include <thread>

namespace kiosk {

App::App(Options options, Fonts fonts)
    : options_(std::move(options)), fonts_(fonts), locale_(options_.lang) {
    catalog_ = trainer::i18n::Catalog::load(options_.assets / "i18n", &catalog_problems_);
    for (const auto& p : catalog_problems_) std::cerr << "kiosk: " << p << "\n";
    try {
        trainer::store::OpenOptions o;
        o.create_if_missing = true;
        if (options_.db.has_parent_path()) std::filesystem::create_directories(options_.db.parent_path());
        db_.emplace(trainer::store::Database::open(options_.db, o));
    } catch (const std::exception& e) {
        // Browsing standards needs no database: say so calmly and carry on.
        db_problem_ = e.what();
        std::cerr << "kiosk: " << db_problem_ << "\n";
    }
    if (db_) {
        events_ = std::make_unique<trainer::store::EventStore>(*db_, clock_, trainer::store::kiosk_id_of(*db_));
        auth_ = std::make_unique<trainer::identity::AuthService>(*db_, *events_, clock_);
    }
    const bool shared_kiosk = options_.fullscreen;
    idle_.timeout_ms = 1000LL * (options_.idle_seconds > 0 ? options_.idle_seconds : shared_kiosk ? 90 : 15 * 60);
    library_ = std::make_unique<trainer::content::ContentLibrary>(options_.content,
                                                                  db_ ? &*db_ : nullptr, clock_);
    library_->reload();
    for (const auto& d : library_->state().refused) std::cerr << "kiosk: " << d.to_string() << "\n";
    if (!options_.open_deck.empty()) {
        apply(OpenDeck{options_.open_deck});
        card_screen_.flipped = options_.flip;
    }
    if (!options_.login_as.empty() && db_) {
        apply(StartLogin{});
        if (auto p = trainer::identity::read_person(*db_, options_.login_as))
            apply(PickPerson{p->id, p->display_name});
    }
}

App::~App() {
    if (pin_check_.valid()) pin_check_.wait();
    login_screen_.wipe_pin();
}

double App::wake_timeout_seconds() const {
    if (pin_check_.valid()) return 0.05; // animate the progress and pick up the result promptly
    double t = 2.0;                       // content folder poll
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

void App::start_pin_check(trainer::identity::LoginAttempt attempt, std::string pin) {
    attempt_ = std::move(attempt);
    login_screen_.busy = true;
    const trainer::identity::AuthService* auth = auth_.get();
    // Argon2id takes a noticeable moment: keep the window responsive while it runs.
    pin_check_ = std::async(std::launch::async, [auth, a = attempt_, pin = std::move(pin)]() mutable {
        auto check = a.needs_check() ? auth->check(a, pin) : trainer::identity::PinCheck{};
        sodium_memzero(pin.data(), pin.size());
        return check;
    });
}

void App::finish_pin_check() {
    if (!pin_check_.valid() ||
        pin_check_.wait_for(std::chrono::seconds(0)) != std::future_status::ready)
        return;
    const auto check = pin_check_.get();
    login_screen_.busy = false;
    const auto result = auth_->finish(attempt_, check);
    using trainer::identity::LoginStatus;
    const UiContext ui = this->ui();
    if (result.status == LoginStatus::Ok && result.person) {
        session_ = Session{*result.person, trainer::identity::actor_for(*db_, result.person->id), clock_.now_ms()};
        locale_ = result.person->locale; // the kiosk speaks the person's language
        login_screen_.reset();
        stack_.assign(1, ScreenId::Decks);
    } else if (result.status == LoginStatus::Throttled) {
        login_screen_.wipe_pin();
        login_screen_.message =
            ui.count("login.throttled", std::max<long long>(1, (result.retry_after_ms + 999) / 1000));
    } else {
        // Wrong PIN, unknown badge and inactive account read the same: nothing to learn from it.
        login_screen_.wipe_pin();
        login_screen_.message = ui.tr("login.rejected");
    }
}

void App::end_session(const std::string& reason) {
    if (session_ && auth_) auth_->logout(session_->person.id, reason);
    session_.reset();
    login_screen_.reset();
    locale_ = options_.lang;
    stack_.assign(1, ScreenId::Decks);
}

void App::begin_badge_login(const std::string& badge) {
    if (!auth_ || pin_check_.valid()) return;
    if (session_) end_session("badge"); // a new badge means a new person at the kiosk
    login_screen_.reset();
    login_screen_.step = LoginScreen::Step::Pin;
    attempt_ = auth_->begin_by_badge(badge);
    if (stack_.back() != ScreenId::Login) stack_.push_back(ScreenId::Login);
}

void App::poll_content() {
    if (library_->changed_on_disk()) {
        library_->reload();
        for (const auto& d : library_->state().refused) std::cerr << "kiosk: " << d.to_string() << "\n";
    }
}

void App::apply(const Intent& intent) {
    if (!is_none(intent)) redraw_ = true;
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
                }
            } else if constexpr (std::is_same_v<T, OpenDeck>) {
                card_screen_ = CardScreen{i.deck_id, 0, false};
                stack_.push_back(ScreenId::Card);
            } else if constexpr (std::is_same_v<T, FlipCard>) {
                card_screen_.flipped = !card_screen_.flipped;
            } else if constexpr (std::is_same_v<T, NextCard>) {
                ++card_screen_.index;
                card_screen_.flipped = false;
            } else if constexpr (std::is_same_v<T, PrevCard>) {
                card_screen_.index = std::max(0, card_screen_.index - 1);
                card_screen_.flipped = false;
            } else if constexpr (std::is_same_v<T, SetLanguage>) {
                locale_ = i.locale;
            } else if constexpr (std::is_same_v<T, StartLogin>) {
                login_screen_.reset();
                if (stack_.back() != ScreenId::Login) stack_.push_back(ScreenId::Login);
            } else if constexpr (std::is_same_v<T, PickPerson>) {
                login_screen_.step = LoginScreen::Step::Pin;
                login_screen_.person_id = i.person_id;
                login_screen_.display_name = i.display_name;
                login_screen_.message.clear();
                if (auth_) attempt_ = auth_->begin_by_id(i.person_id);
            } else if constexpr (std::is_same_v<T, BadgeScanned>) {
                begin_badge_login(i.badge);
            } else if constexpr (std::is_same_v<T, SubmitPin>) {
                if (auth_ && !pin_check_.valid()) {
                    std::string pin = i.pin;
                    login_screen_.wipe_pin();
                    start_pin_check(attempt_, std::move(pin));
                }
            } else if constexpr (std::is_same_v<T, Logout>) {
                end_session("user");
            } else if constexpr (std::is_same_v<T, StillHere>) {
                if (session_) session_->last_input_ms = clock_.now_ms();
            }
        },
        intent);
}

Intent App::draw_top_bar(const UiContext& ui) {
    Intent intent;
    ImGui::PushFont(ui.fonts.large);
    ImGui::AlignTextToFramePadding();
    ImGui::TextColored(theme::kAccent, "%s", ui.tr("app.title").c_str());
    ImGui::PopFont();
    static constexpr const char* kLangs[] = {"en", "pl", "ru"};
    static constexpr const char* kLangLabels[] = {"EN", "PL", "RU"};
    const float bw = ui.px(64);
    const float gap = ImGui::GetStyle().ItemSpacing.x;
    const std::string who = session_ ? session_->person.display_name : std::string();
    const std::string account = session_ ? ui.tr("nav.sign_out") : ui.tr("nav.sign_in");
    ImGui::PushFont(ui.fonts.body);
    const float account_w = ImGui::CalcTextSize(account.c_str()).x + ImGui::GetStyle().FramePadding.x * 2;
    const float who_w = who.empty() ? 0.0f : ImGui::CalcTextSize(who.c_str()).x + gap;
    ImGui::SameLine(ImGui::GetWindowContentRegionMax().x - 3 * bw - 3 * gap - account_w - who_w - ui.px(24));
    if (!who.empty()) {
        ImGui::AlignTextToFramePadding();
        ImGui::TextUnformatted(who.c_str());
        ImGui::SameLine();
    }
    if (db_ && stack_.back() != ScreenId::Login && widgets::button(ui, account, account_w))
        intent = session_ ? Intent{Logout{}} : Intent{StartLogin{}};
    ImGui::PopFont();
    ImGui::SameLine(ImGui::GetWindowContentRegionMax().x - 3 * bw - 2 * gap);
    for (int k = 0; k < 3; ++k) {
        if (k) ImGui::SameLine();
        const bool active = locale_ == kLangs[k];
        if (widgets::button(ui, kLangLabels[k], bw, active) && !active) intent = SetLanguage{kLangs[k]};
    }
    ImGui::Separator();
    return intent;
}

void App::draw_banners(const UiContext& ui) {
    const auto& st = library_->state();
    if (!st.refused.empty()) {
        const std::string file = st.refused.front().file;
        widgets::banner(ui,
                        st.content ? ui.count("banner.content_refused", static_cast<long long>(st.refused.size()),
                                              {{"file", file}})
                                   : ui.count("banner.content_missing", static_cast<long long>(st.refused.size()),
                                              {{"file", file}}),
                        true);
    }
    if (!db_problem_.empty()) widgets::banner(ui, ui.tr("banner.db_unavailable"), true);
}

void App::draw_idle_overlay(const UiContext& ui, trainer::TimeMs remaining_ms) {
    const ImGuiViewport* vp = ImGui::GetMainViewport();
    ImDrawList* dl = ImGui::GetForegroundDrawList();
    dl->AddRectFilled(vp->Pos, ImVec2(vp->Pos.x + vp->Size.x, vp->Pos.y + vp->Size.y), IM_COL32(20, 24, 30, 140));
    ImGui::SetNextWindowPos(ImVec2(vp->Pos.x + vp->Size.x * 0.5f, vp->Pos.y + vp->Size.y * 0.5f), 0,
                            ImVec2(0.5f, 0.5f));
    ImGui::SetNextWindowSize(ImVec2(ui.px(560), 0));
    ImGui::Begin("##idle", nullptr, ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoSavedSettings);
    ImGui::BringWindowToDisplayFront(ImGui::GetCurrentWindow());
    widgets::text(ui.fonts.title, ui.tr("idle.heading"), theme::kInk);
    widgets::text(ui.fonts.body, ui.count("idle.countdown", (remaining_ms + 999) / 1000), theme::kMuted);
    if (widgets::button(ui, ui.tr("idle.stay"), -1.0f, true)) apply(StillHere{});
    ImGui::End();
}

void App::draw_frame() {
    note_input();
    finish_pin_check();
    // Typing a PIN on the keyboard must not look like a badge scan.
    const bool typing_pin = stack_.back() == ScreenId::Login && login_screen_.step == LoginScreen::Step::Pin;
    if (auto badge = badge_reader_.poll(ImGui::GetTime()); badge && db_ && !typing_pin)
        apply(BadgeScanned{*badge});
    const UiContext ui = this->ui();
    const ImGuiViewport* vp = ImGui::GetMainViewport();
    ImGui::SetNextWindowPos(vp->WorkPos);
    ImGui::SetNextWindowSize(vp->WorkSize);
    ImGui::PushFont(ui.fonts.body);
    ImGui::Begin("##kiosk", nullptr,
                 ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                     ImGuiWindowFlags_NoBringToFrontOnFocus | ImGuiWindowFlags_NoSavedSettings);
    Intent intent = draw_top_bar(ui);
    draw_banners(ui);
    const auto& content = library_->state().content;
    static const trainer::content::ContentSet kEmpty;
    const auto& set = content ? *content : kEmpty;
    Intent screen_intent;
    switch (stack_.back()) {
    case ScreenId::Decks:
        screen_intent = deck_browser_.draw(ui, trainer::cards::deck_summaries(set, locale_));
        break;
    case ScreenId::Card:
        screen_intent = card_screen_.draw(
            ui, trainer::cards::card_at(set, card_screen_.deck_id, card_screen_.index, locale_));
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
        if (idle.phase == trainer::identity::IdlePhase::Expired) intent = Logout{};
    }
    ImGui::End();
    ImGui::PopFont();
    if (!is_none(screen_intent)) intent = screen_intent;
    apply(intent);
}

} // namespace kiosk
