#pragma once
// Sign in: pick your name from a searchable grid (or scan a badge), then type a PIN on a large
// keypad (keyboard digits work too). The PIN check runs off the UI thread; `busy` shows progress.
#include "kiosk/intent.hpp"
#include "kiosk/ui_context.hpp"
#include "trainer/identity/people.hpp"

#include <string>
#include <vector>

namespace kiosk {

struct LoginScreen {
    enum class Step { Pick, Pin };
    Step step = Step::Pick;
    std::string filter;       // name search
    std::string person_id;    // chosen on the Pick step (empty after a badge scan)
    std::string display_name;
    std::string pin;          // digits typed so far; wiped after submit
    std::string message;      // why the last try failed (already translated)
    bool busy = false;        // the PIN is being checked
    bool focus_filter = true; // put the cursor in the name search when the step opens
    bool skip_keys = false;   // a badge was scanned this frame: its digits and Enter are not a PIN
    // A signature, not a sign-in: the pad says who signs and what, and its button says "Sign".
    std::string signing_heading; // e.g. "Sign with your PIN, Natalia Ivanova"
    std::string signing_what;    // e.g. "Anna Kowalska · Observed call · 5 of 7 steps · passed"

    Intent draw(const UiContext& ui, const std::vector<trainer::identity::RosterEntry>& roster);
    // The message for a locked sign-in: when to try again, and that a lead can unlock it now.
    static std::string locked_message(const UiContext& ui, long long retry_after_ms);
    // Back to a clean first step (after success, cancel, or another badge).
    void reset();
    void wipe_pin();

private:
    Intent draw_pick(const UiContext& ui, const std::vector<trainer::identity::RosterEntry>& roster);
    Intent draw_pin(const UiContext& ui);
};

} // namespace kiosk
