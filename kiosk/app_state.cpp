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
        // Browsing standards needs no database: say so calmly and carry on. A full disk gets its
        // own words, since the person can do something about it (tell the administrator now).
        // db_problem_ keeps the banner's catalog key; the detail (file, next step) is logged.
        const auto* store_error = dynamic_cast<const trainer::store::StoreError*>(&e);
        const bool disk_full = store_error && (store_error->code() & 0xFF) == SQLITE_FULL;
        db_problem_ = disk_full ? "banner.disk_full" : "banner.db_unavailable";
        std::cerr << "kiosk: " << e.what() << "\n";
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
        lookup_flow_.card().flipped = options_.flip;
    }
    lookup_flow_.set_query(options_.search);
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
    sign_in_flow_.wait();
    signature_flow_.wait();
}

double App::wake_timeout_seconds() const {
    if (busy()) return 0.05; // animate the progress, pick up the result promptly
    double t = review_flow_.retry_pending() ? 0.25 : 2.0; // retry an unsaved grade; content folder poll
    if (const Session* s = session()) {
        const auto st = trainer::identity::idle_state(idle_, s->last_input_ms, clock_.now_ms());
        const double left = static_cast<double>(st.remaining_ms - (st.phase == trainer::identity::IdlePhase::Active
                                                                       ? idle_.warning_ms
                                                                       : 0)) / 1000.0;
        t = std::min(t, st.phase == trainer::identity::IdlePhase::Warning ? 0.25 : std::max(0.05, left));
    }
    return t;
}

void App::note_input() {
    if (!session()) return;
    const ImGuiIO& io = ImGui::GetIO();
    bool any = io.MouseDelta.x != 0 || io.MouseDelta.y != 0 || io.MouseWheel != 0 ||
               io.InputQueueCharacters.Size > 0;
    for (bool down : io.MouseDown) any = any || down;
    for (bool down : io.KeysDown) any = any || down;
    if (any) session()->last_input_ms = clock_.now_ms();
}

bool App::poll_content() {
    if (!library_->changed_on_disk()) return false;
    library_->reload();
    for (const auto& d : library_->state().refused) std::cerr << "kiosk: " << d.to_string() << "\n";
    return true;
}

void App::draw_frame() {
    note_input();
    finish_pin_check();
    finish_sign_check();
    // Typing a PIN on the keyboard must not look like a badge scan.
    const bool typing_pin = (stack_.back() == ScreenId::Login && sign_in_flow_.pin_step()) ||
                            stack_.back() == ScreenId::Sign;
    // A badge id with a letter in it is a badge even over an open PIN pad (a lead scanning in to
    // unlock someone's sign-in); digits alone there are a PIN typed fast.
    if (auto badge = badge_reader_.poll();
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
    const auto& set = content();
    if (options_.desk) {
        draw_banners(ui);
        auto env = lookup_env(ui, set);
        const Intent intent = lookup_flow_.draw_desk(env);
        ImGui::End();
        ImGui::PopFont();
        apply(intent);
        return;
    }
    Intent intent = draw_top_bar(ui, set);
    draw_banners(ui);
    const Intent screen_intent = draw_screen(ui, set);
    if (const Session* s = session()) {
        const auto idle = trainer::identity::idle_state(idle_, s->last_input_ms, clock_.now_ms());
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
    if (lookup_flow_.searching() && stack_.back() != ScreenId::Login) return "search";
    if (stack_.back() == ScreenId::Login && sign_in_flow_.pin_step()) return "pin";
    return std::string(screen_info(stack_.back()).name);
}

} // namespace kiosk
