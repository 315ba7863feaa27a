#include "trainer/change/phase_rule.hpp"

#include <cstdio>

namespace trainer::change {

namespace {
constexpr double kNeutral = 3.0; // the middle of the 1..5 scale
constexpr double kStrong = 4.0;  // "agree" on average
} // namespace

const std::vector<RuleRow>& phase_rule() {
    static const std::vector<RuleRow> kRule = {
        {Phase::Denial, {{Dimension::Awareness, Comparison::Below, kNeutral}, {Dimension::Practice, Comparison::Below, kNeutral}}},
        {Phase::Resistance, {{Dimension::Acceptance, Comparison::Below, kNeutral}}},
        {Phase::Commitment, {{Dimension::Practice, Comparison::AtLeast, kStrong}, {Dimension::Ownership, Comparison::AtLeast, kStrong}}},
        {Phase::Exploration, {}},
    };
    return kRule;
}

namespace {

bool holds(const Condition& c, const std::array<double, 4>& scores) {
    const double s = scores[static_cast<std::size_t>(c.dimension)];
    return c.comparison == Comparison::Below ? s < c.threshold : s >= c.threshold;
}

Condition negate(const Condition& c) {
    return {c.dimension, c.comparison == Comparison::Below ? Comparison::AtLeast : Comparison::Below, c.threshold};
}

std::string number(double v) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.1f", v);
    return buf;
}

} // namespace

std::string Reason::to_string() const {
    std::string s = std::string(content::dimension_id(dimension)) + " " + number(score) +
                    (comparison == Comparison::Below ? " < " : " >= ") + number(threshold) + " (";
    for (std::size_t i = 0; i < answers.size(); ++i) {
        const auto& a = answers[i];
        s += (i ? ", " : "") + a.statement_id + " " + std::to_string(a.answer);
        if (a.reverse) s += " reversed -> " + std::to_string(a.scored);
    }
    return s + ")";
}

PhaseResult classify(const std::vector<content::PulseStatement>& pulse, const std::map<std::string, int>& answers) {
    std::string problems;
    auto problem = [&](const std::string& p) { problems += (problems.empty() ? "" : "; ") + p; };
    std::array<std::vector<ScoredAnswer>, 4> by_dim;
    for (const auto& st : pulse) {
        auto it = answers.find(st.id);
        if (it == answers.end()) {
            problem("no answer for statement '" + st.id + "'");
            continue;
        }
        if (it->second < content::kPulseMin || it->second > content::kPulseMax) {
            problem("answer " + std::to_string(it->second) + " for '" + st.id + "' is outside 1-5");
            continue;
        }
        const int scored = st.reverse ? content::kPulseMin + content::kPulseMax - it->second : it->second;
        by_dim[static_cast<std::size_t>(st.dimension)].push_back({st.id, it->second, st.reverse, scored});
    }
    for (const auto& [id, value] : answers) {
        bool known = false;
        for (const auto& st : pulse) known = known || st.id == id;
        if (!known) problem("'" + id + "' is not a statement of this pulse");
    }
    for (Dimension d : content::kDimensions)
        if (by_dim[static_cast<std::size_t>(d)].empty() && problems.empty())
            problem(std::string("no statement measures ") + content::dimension_id(d));
    if (!problems.empty()) throw PulseError("the check-in cannot be scored: " + problems);

    PhaseResult r;
    for (std::size_t d = 0; d < 4; ++d) {
        double sum = 0;
        for (const auto& a : by_dim[d]) sum += a.scored;
        r.scores[d] = sum / static_cast<double>(by_dim[d].size());
    }
    auto reason = [&](const Condition& c) {
        const auto d = static_cast<std::size_t>(c.dimension);
        return Reason{c.dimension, r.scores[d], c.comparison, c.threshold, by_dim[d]};
    };
    const auto& rule = phase_rule();
    for (std::size_t i = 0; i < rule.size(); ++i) {
        const RuleRow& row = rule[i];
        bool all = true;
        for (const auto& c : row.all) all = all && holds(c, r.scores);
        if (!all) continue;
        r.phase = row.phase;
        for (const auto& c : row.all) r.reasons.push_back(reason(c));
        if (row.all.empty()) {
            // The fallback: explain it by the earlier rows that did not hold (their first failing
            // condition each), so a lead sees e.g. "acceptance 3.5 >= 3" and "practice 3.0 < 4".
            for (std::size_t k = 0; k < i; ++k)
                for (const auto& c : rule[k].all)
                    if (!holds(c, r.scores)) {
                        r.reasons.push_back(reason(negate(c)));
                        break;
                    }
        }
        break;
    }
    return r;
}

} // namespace trainer::change
