#pragma once
// Typed change content (DESIGN §4.4, format in content/README.md "Change"): the pulse check-in
// statements, the four phases of change with the suggested lead action, the service maturity
// self-check and the rollouts (named change initiatives) defined in content.
#include "trainer/content/model.hpp"

#include <array>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace trainer::content {

// The four phases people go through when a standard changes how they work.
enum class Phase { Denial = 0, Resistance = 1, Exploration = 2, Commitment = 3 };
inline constexpr std::array<Phase, 4> kPhases = {Phase::Denial, Phase::Resistance,
                                                 Phase::Exploration, Phase::Commitment};
const char* phase_id(Phase p); // "denial", "resistance", "exploration", "commitment"
std::optional<Phase> phase_from_id(std::string_view id);

// What a pulse statement measures (the phase rule in trainer/change/phase_rule.hpp reads these).
enum class Dimension { Awareness = 0, Acceptance = 1, Practice = 2, Ownership = 3 };
inline constexpr std::array<Dimension, 4> kDimensions = {Dimension::Awareness, Dimension::Acceptance,
                                                         Dimension::Practice, Dimension::Ownership};
const char* dimension_id(Dimension d); // "awareness", "acceptance", "practice", "ownership"
std::optional<Dimension> dimension_from_id(std::string_view id);

inline constexpr int kPulseMin = 1, kPulseMax = 5;         // the answer scale
inline constexpr int kMinStatements = 4, kMaxStatements = 8;

struct PulseStatement {
    std::string id;
    Dimension dimension = Dimension::Awareness;
    bool reverse = false; // agreeing means LESS of the dimension: scored 6 - answer
    LocalText text;
};

struct PhaseInfo {
    Phase phase = Phase::Denial;
    LocalText name;
    LocalText description; // how the phase shows in a person's words and work
    LocalText lead_action; // what the lead should do now
};

inline constexpr int kMaturityQuestions = 15;
inline constexpr int kMaturityMaxAnswer = 2; // 0 not applied, 1 partly, 2 applied

struct MaturityQuestion {
    std::string id;
    LocalText text;
};

// The maturity reading of a total: < 20 alarm, 20-24 work to do, 25-30 fully satisfactory.
enum class MaturityBand { Alarm = 0, WorkToDo = 1, Satisfactory = 2 };
const char* band_id(MaturityBand b); // "alarm", "work-to-do", "satisfactory"
MaturityBand band_of(int total);

struct Rollout {
    std::string id;
    LocalText title;
    LocalText description; // may be empty
    std::vector<std::string> cards;   // standard card ids (checked against the decks)
    std::vector<std::string> modules; // onboarding module ids; may be empty
    std::vector<std::string> teams;   // team ids ("team-north")
    std::string start_date;           // YYYY-MM-DD
    std::string target_date;          // YYYY-MM-DD, not before start_date
};

struct ChangeContent {
    std::array<LocalText, 5> scale;               // labels of answers 1..5
    std::vector<PulseStatement> pulse;            // 4-8, every dimension at least once
    std::array<PhaseInfo, 4> phases;              // indexed by Phase
    std::vector<MaturityQuestion> maturity;       // exactly 15
    std::array<LocalText, 3> maturity_answers;    // labels of 0, 1, 2
    std::array<LocalText, 3> maturity_bands;      // indexed by MaturityBand: what the total means
    std::vector<Rollout> rollouts;

    const Rollout* find_rollout(std::string_view id) const;
    const PulseStatement* find_statement(std::string_view id) const;
    const PhaseInfo& phase(Phase p) const { return phases[static_cast<std::size_t>(p)]; }
};

} // namespace trainer::content
