#pragma once
// The documented rule that maps a pulse check-in to a phase of change (DESIGN §4.4; the table is
// in content/README.md "Phase rule"). Pure: no database, no clock.
//
// Each statement measures one dimension; a reverse statement is scored 6 - answer. A dimension's
// score is the mean of its statements (1..5). The rows below are tried top to bottom and the first
// whose conditions all hold wins:
//
//   phase        conditions                              reading
//   denial       awareness < 3  and  practice < 3        does not see why, keeps the old ways
//   resistance   acceptance < 3                          sees the change, objects to it
//   commitment   practice >= 4  and  ownership >= 4      uses the standards and carries them
//   exploration  (otherwise)                             accepts and is trying them out
//
// Denial comes first because someone who neither sees the point nor practises has not yet reached
// the stage of arguing with the change, whatever they say about it; 3 is the scale's neutral middle.
#include "trainer/content/change_model.hpp"

#include <array>
#include <map>
#include <stdexcept>
#include <string>
#include <vector>

namespace trainer::change {

using content::Dimension;
using content::Phase;

// Answers that cannot be scored (missing, unknown statement, outside 1..5); names every problem.
class PulseError : public std::invalid_argument {
public:
    using std::invalid_argument::invalid_argument;
};

enum class Comparison { Below, AtLeast };

struct Condition {
    Dimension dimension;
    Comparison comparison;
    double threshold;
};

struct RuleRow {
    Phase phase;
    std::vector<Condition> all; // empty: always holds (the fallback row)
};

// The rule, in the order it is applied.
const std::vector<RuleRow>& phase_rule();

// One answer as it entered a dimension score.
struct ScoredAnswer {
    std::string statement_id;
    int answer = 0;  // what the person chose, 1..5
    bool reverse = false;
    int scored = 0;  // answer, or 6 - answer for a reverse statement
};

// Why: a condition that held for the chosen phase, with the answers behind its dimension.
struct Reason {
    Dimension dimension;
    double score = 0;
    Comparison comparison = Comparison::Below;
    double threshold = 0;
    std::vector<ScoredAnswer> answers;
    // "awareness 2.0 < 3 (aw-why 2, aw-passes-by 4 reversed → 2)"
    std::string to_string() const;
};

struct PhaseResult {
    Phase phase = Phase::Exploration;
    std::array<double, 4> scores{}; // by Dimension
    std::vector<Reason> reasons;
};

// Scores a complete set of answers (statement id → 1..5) against the pulse statements.
PhaseResult classify(const std::vector<content::PulseStatement>& pulse, const std::map<std::string, int>& answers);

} // namespace trainer::change
