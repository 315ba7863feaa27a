#include "kiosk/flows/signature_flow.hpp"

#include "kiosk/flows/sign_in_flow.hpp" // check_pin_async

#include <algorithm>
#include <chrono>

namespace kiosk {

void SignatureFlow::fill_pad(Env& env) {
    const auto& name = env.signer.display_name;
    pad_.display_name = env.ui.tr("sign.as", {{"name", name}});
    pad_.signing_heading = env.ui.tr("sign.pad_heading", {{"name", name}});
    pad_.signing_what = env.what ? env.what(purpose_) : std::string();
}

void SignatureFlow::apply(const SignatureIntent& intent, Env& env) {
    if (std::holds_alternative<CancelSignature>(intent)) {
        if (!busy() && env.stack.back() == ScreenId::Sign) env.stack.pop_back();
        return;
    }
    if (!env.auth || busy()) return;
    purpose_ = env.stack.back() == ScreenId::Evaluation ? SignPurpose::Evaluation : SignPurpose::Signoff;
    pad_.reset();
    pad_.step = LoginScreen::Step::Pin;
    pad_.person_id = env.signer.id;
    fill_pad(env);
    if (env.stack.back() != ScreenId::Sign) env.stack.push_back(ScreenId::Sign);
}

bool SignatureFlow::apply(const ScreenIntent& intent, Env& env) {
    if (env.stack.back() != ScreenId::Sign) return false;
    if (const auto* pin = std::get_if<SubmitPin>(&intent)) {
        std::string digits = pin->pin;
        pad_.wipe_pin();
        if (!env.auth || busy()) return true;
        attempt_ = env.auth->begin_by_id(env.signer.id);
        pad_.busy = true;
        check_ = check_pin_async(*env.auth, attempt_, std::move(digits));
        return true;
    }
    if (std::holds_alternative<Back>(intent)) { // the pad's Cancel: back to the form
        if (!busy()) env.stack.pop_back();
        return true;
    }
    return false;
}

Intent SignatureFlow::draw(ScreenId screen, Env& env) {
    return screen == ScreenId::Sign ? pad_.draw(env.ui, {}) : Intent{NoIntent{}};
}

std::optional<SignatureFlow::Checked> SignatureFlow::finish(Env& env) {
    if (!check_.valid() || check_.wait_for(std::chrono::seconds(0)) != std::future_status::ready) return std::nullopt;
    Checked done{purpose_, attempt_, check_.get()};
    pad_.busy = false;
    if (attempt_.throttled) {
        pad_.wipe_pin();
        pad_.message = env.ui.count("login.throttled", std::max<long long>(1, (attempt_.retry_after_ms + 999) / 1000));
        return std::nullopt;
    }
    return done;
}

void SignatureFlow::refuse(const std::string& why) {
    pad_.wipe_pin();
    pad_.message = why;
}

void SignatureFlow::relocalise(Env& env) {
    if (std::find(env.stack.begin(), env.stack.end(), ScreenId::Sign) != env.stack.end()) fill_pad(env);
}

void SignatureFlow::reset() {
    wait();
    pad_.reset();
    attempt_ = {};
}

} // namespace kiosk
