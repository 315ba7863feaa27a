#pragma once
// A tour (`--tour DIR`): one kiosk start renders many screens, each in several languages and window
// sizes, and writes what each drew (DIR/<screen>-<lang>-<W>x<H>.json, kiosk/text_dump.hpp; with
// --tour-png also the PNG). The window tests check every screen at every size in every language
// this way without a kiosk start per combination (tests/window/tour_test.sh).
#include <cstddef>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace kiosk {

struct TourSize {
    int width = 0, height = 0;
};

// What --tour asks for. Targets: decks, card:DECK, card-back:DECK, search:TEXT, login, pin:PERSON
// (no one signed in), and with --login PERSON --pin-stdin: home, team, sign:PERSON/MODULE and
// every --open target (tracks, module:ID, dashboard, ...).
struct TourPlan {
    std::filesystem::path dir;        // empty: no tour
    std::vector<std::string> targets;
    std::vector<std::string> langs;   // empty: --lang only
    std::vector<TourSize> sizes;      // empty: --size only
    bool png = false;
};

// Parses one tour option ("--tour", "--tour-screens", "--tour-langs", "--tour-sizes") with its
// value into `plan`; the message on a mistake.
std::optional<std::string> parse_tour_option(const std::string& option, const std::string& value, TourPlan& plan);
// Checks the plan as a whole (targets given, sign-in targets only with a sign-in); the message.
std::optional<std::string> check_tour_plan(const TourPlan& plan, bool signed_in);
// The file name part for a target ("module:k-no-repeat-calls" -> "module_k-no-repeat-calls").
std::string tour_file_stem(const std::string& target);

// One step: a target in a language at a size.
struct TourStep {
    std::string target;
    std::string lang;
    TourSize size;
    // DIR/<stem>-<lang>-<W>x<H> (without extension)
    std::filesystem::path out_stem(const std::filesystem::path& dir) const;
};

// The steps in order: for each language, for each size, every target (so a language switch and a
// resize happen with a screen open, as they do at a real kiosk).
class Tour {
public:
    Tour(TourPlan plan, std::string lang, TourSize size);
    bool active() const { return !plan_.dir.empty(); }
    const TourPlan& plan() const { return plan_; }
    // The step being rendered (none before the first next()).
    const TourStep* current() const { return index_ > 0 && index_ <= steps_.size() ? &steps_[index_ - 1] : nullptr; }
    // Moves on; null when every step is done.
    const TourStep* next();
    std::size_t size() const { return steps_.size(); }

private:
    TourPlan plan_;
    std::vector<TourStep> steps_;
    std::size_t index_ = 0;
};

} // namespace kiosk
