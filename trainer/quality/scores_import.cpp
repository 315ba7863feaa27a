// `trainer scores import`: a QA tool's scores file in four steps, each in its own file — the
// mapping's columns found in the file (scores_columns.cpp), every row read into its evaluation
// (scores_rows.cpp), each evaluation checked as a whole (scores_checks.cpp), then written in one
// transaction (scores_write.cpp). Any problem: every one is reported and nothing is written.
#include "trainer/quality/scores_import.hpp"

#include "trainer/content/adopted_content.hpp"
#include "trainer/content/quality_model.hpp"
#include "trainer/quality/scores_rows.hpp"

#include <algorithm>

namespace trainer::quality {

ScoresImportResult import_scores(store::EventStore& events, const content::ContentSet& content,
                                 const identity::Actor& actor, const ScoresMapping& m,
                                 const csv::Table& table) {
    require_may_import(actor, "QA scores");
    ScoresImportResult res;
    IssueList out{table, table.issues};
    res.rows = table.rows.size();
    const scores::Columns cols(m, table, out);
    const content::Scorecard* sc = content.quality ? content.quality->find(m.scorecard) : nullptr;
    const scores::Import im{m, sc, cols};
    if (im.per_criterion() && !im.tool() && !sc) out.header("", "unknown scorecard '" + m.scorecard + "'");
    // Evaluations are stored on the scorecard version the organisation adopted, as a lead's entry
    // is (entry.cpp): a desk whose folder has another version imports nothing on it until updated.
    if (sc)
        if (const int adopted = content::current_version(content::adopted_of(events.db(), "scorecard"), sc->id, sc->version);
            adopted != sc->version)
            out.header("", "this desk has version " + std::to_string(sc->version) + " of scorecard '" + sc->id +
                               "', but the organisation adopted version " + std::to_string(adopted) +
                               ": update this desk's content before importing scores on it");
    if (out.issues.size() > table.issues.size() || table.rows.empty()) {
        if (table.rows.empty() && out.issues.empty()) out.header("", "the file has a header but no rows");
        res.issues = std::move(out.issues);
        return res;
    }
    scores::Batch batch;
    scores::read_rows(im, table, events, actor, out, batch);
    const auto tool_scores = scores::check_evaluations(im, batch, out);
    res.evaluations = batch.order.size();
    if (!out.issues.empty()) {
        std::stable_sort(out.issues.begin(), out.issues.end(),
                         [](const csv::Issue& a, const csv::Issue& b) { return a.row < b.row; });
        res.issues = std::move(out.issues);
        return res;
    }
    scores::write_evaluations(im, batch, tool_scores, events, actor, res);
    return res;
}

ScoresImportResult import_scores_file(store::EventStore& events,
                                      const content::ContentSet& content,
                                      const identity::Actor& actor, const ScoresMapping& mapping,
                                      const std::filesystem::path& csv_file) {
    return import_scores(events, content, actor, mapping, csv::read_file(csv_file));
}

} // namespace trainer::quality
