#pragma once
// The screens the kiosk can show, one per entry of the app's stack.
namespace kiosk {

enum class ScreenId {
    Decks, Card, Login, Home, Review, ReviewSummary, Team,
    Tracks, Module, Signoff, Sign, // onboarding; Sign: a lead signs with their PIN
    Checkin, Dashboard, Person, Maturity, // change and the lead dashboard
    Evaluation, Scores                    // quality
};

} // namespace kiosk
