#include "trainer/quality/scoring.hpp"

#include <cmath>
#include <stdexcept>

namespace trainer::quality {

const char* outcome_name(Outcome o) {
    switch (o) {
    case Outcome::Met: return "met";
    case Outcome::NotMet: return "not_met";
    case Outcome::NotApplicable: return "na";
    }
    return "?";
}

std::optional<Outcome> parse_outcome(std::string_view s) {
    if (s == "met") return Outcome::Met;
    if (s == "not_met") return Outcome::NotMet;
    if (s == "na") return Outcome::NotApplicable;
    return std::nullopt;
}

double round2(double v) { return std::round(v * 100.0) / 100.0; }

Score score(const std::vector<CriterionInput>& criteria) {
    Score s;
    for (const auto& c : criteria) {
        if (c.outcome == Outcome::NotApplicable) continue;
        s.possible += c.weight;
        if (c.outcome == Outcome::Met)
            s.earned += c.weight;
        else if (c.critical)
            s.critical_failed = true;
    }
    s.scored = s.possible > 0;
    if (!s.scored || s.critical_failed) return s; // percent stays 0
    s.percent = round2(100.0 * s.earned / s.possible);
    return s;
}

Score score(const content::Scorecard& card, const std::map<std::string, Outcome>& outcomes) {
    std::vector<CriterionInput> in;
    for (const content::Criterion* c : card.criteria()) {
        auto it = outcomes.find(c->id);
        if (it == outcomes.end())
            throw std::invalid_argument("no outcome for criterion '" + c->id + "' of scorecard '" +
                                        card.id + "'");
        in.push_back({c->weight, c->critical, it->second});
    }
    return score(in);
}

} // namespace trainer::quality
