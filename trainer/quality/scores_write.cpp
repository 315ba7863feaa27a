// The evaluations of a checked QA scores file stored in one transaction; an evaluation already
// stored under the same tool id ("qa:<tool>:<id>") is left as it is. A scored evaluation of our
// scorecard feeds the coaching loop.
#include "trainer/quality/scores_rows.hpp"

#include "trainer/content/quality_model.hpp"
#include "trainer/quality/coaching.hpp"

namespace trainer::quality::scores {

void write_evaluations(const Import& im, const Batch& batch, const std::map<std::string, Score>& tool_scores,
                       store::EventStore& events, const identity::Actor& actor, ScoresImportResult& res) {
    const ScoresMapping& m = im.m;
    const content::Scorecard* sc = im.sc;
    store::Transaction tx(events.db());
    for (const auto& id : batch.order) {
        const Pending& p = batch.pending.at(id);
        Evaluation e;
        e.event_id = "qa:" + m.base.tool + ":" + id;
        e.person_id = p.person;
        e.date = p.date;
        e.evaluated_at = p.evaluated_at;
        e.channel = p.channel;
        e.evaluator = p.evaluator;
        e.comment = p.comment;
        e.source = "import:" + m.base.tool;
        e.external_id = id;
        if (im.tool()) {
            e.scorecard_id = sc ? sc->id : m.scorecard;
            e.scorecard_version = sc ? sc->version : 0;
            if (sc) {
                for (const content::Criterion* k : sc->criteria()) {
                    const auto o = p.outcomes.find(k->id);
                    e.criteria.push_back({k->id, o == p.outcomes.end() ? Outcome::NotApplicable : o->second});
                }
            }
            e.score = tool_scores.at(id);
        } else if (im.per_criterion()) {
            e.scorecard_id = sc->id;
            e.scorecard_version = sc->version;
            for (const content::Criterion* k : sc->criteria()) e.criteria.push_back({k->id, p.outcomes.at(k->id)});
            e.score = score(*sc, p.outcomes);
        } else {
            e.scorecard_id = m.scorecard;
            e.score.scored = p.scored;
            e.score.percent = p.total.value_or(0);
        }
        if (!store_evaluation(events, e, actor.person_id)) {
            ++res.already_stored;
            continue;
        }
        ++res.imported;
        if (im.per_criterion() && sc) res.coaching_assigned += assign_coaching_for(events, *sc, e, actor.person_id).size();
    }
    tx.commit();
}

} // namespace trainer::quality::scores
