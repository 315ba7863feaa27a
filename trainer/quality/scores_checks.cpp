// Each evaluation of a QA scores file checked as a whole, once all its rows are read: the tool's
// rubric scored (its weights may add up to at most 100 when they are shares), or every criterion
// of our scorecard present (a criterion that cannot be N/A must have its row).
#include "trainer/quality/scores_rows.hpp"

#include "trainer/content/quality_model.hpp"

namespace trainer::quality::scores {

std::map<std::string, Score> check_evaluations(const Import& im, Batch& batch, IssueList& out) {
    const ScoresMapping& m = im.m;
    std::map<std::string, Score> tool_scores;
    if (im.tool())
        for (const auto& id : batch.order) {
            const Pending& p = batch.pending[id];
            if (batch.with_bad_rows.count(id)) continue;
            double sum = 0;
            for (const RubricAnswer& a : p.answers) sum += a.weight;
            if (m.weights == WeightScale::Percent && sum > 100 + 1e-9)
                out.add(*p.first, im.cols.has("weight") ? im.cols.index("weight") : im.cols.index("criterion"),
                        "the weights of evaluation '" + id + "' (rows " + std::to_string(p.answers.front().row) +
                            "-" + std::to_string(p.answers.back().row) + ") add up to " + num(round2(sum)) +
                            "; as shares of the total they may add up to at most 100");
            Score s = score_rubric(p.answers, m.critical_fail_below);
            if (*m.total == ToolTotal::Adopt) {
                s.scored = p.scored;
                s.percent = p.total.value_or(0);
            }
            tool_scores[id] = s;
        }
    else if (im.per_criterion())
        for (const auto& id : batch.order) {
            Pending& p = batch.pending[id];
            for (const content::Criterion* k : im.sc->criteria()) {
                if (p.outcomes.count(k->id)) continue;
                if (!k->allow_na && !batch.with_bad_rows.count(id))
                    out.add(*p.first, im.cols.index("criterion"),
                            "evaluation '" + id + "' has no row for criterion '" + k->id + "', which cannot be N/A");
                p.outcomes[k->id] = Outcome::NotApplicable; // a step the tool did not ask about
            }
        }
    return tool_scores;
}

} // namespace trainer::quality::scores
