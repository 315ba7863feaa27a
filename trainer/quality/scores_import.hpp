#pragma once
// `trainer scores import FILE.csv --mapping MAP.json` (DESIGN §4.5): QA evaluations from a QA
// tool's CSV export, either one row per criterion (scored with our scorecard, feeding the coaching
// loop) or one row per evaluation (the tool's total). All or nothing: every bad row is reported by
// row and column and nothing is written; idempotent on the tool's evaluation id (event id
// "qa:<tool>:<id>"): evaluations already stored are left as they are.
// Mapping format: docs/quality-import.md; shipped mappings: content/quality/mappings/.
#include "trainer/content/model.hpp"
#include "trainer/core/clock.hpp"
#include "trainer/csv/csv.hpp"
#include "trainer/identity/access.hpp"
#include "trainer/quality/import_common.hpp"
#include "trainer/store/event_store.hpp"

#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace trainer::quality {

enum class ScoresLayout { PerCriterion, PerEvaluation };

// Per-criterion rows are scored either with our scorecard (no "total" key) or with the tool's own
// rubric (rubric_score.hpp): its total adopted from the file, or recomputed from raw/max/weight.
enum class ToolTotal { Adopt, Recompute };
// "relative": weights are importance factors; "percent": each is its share of 100, so the weights
// of one evaluation may add up to at most 100.
enum class WeightScale { Relative, Percent };

// A question of the tool's rubric as the mapping describes it.
struct ToolQuestion {
    std::string criterion;        // our criterion id ("" = counted in the score, not linked)
    std::optional<double> weight; // when the file has no weight column
    bool critical = false;        // when the file has no critical column
};

struct ScoresMapping {
    MappingBase base;
    ScoresLayout layout = ScoresLayout::PerCriterion;
    std::string scorecard;                      // our scorecard: required unless `total` is set
    std::map<std::string, std::string> criteria; // tool's criterion name (folded) → our id
    std::optional<ToolTotal> total;              // set: the tool's rubric decides the score
    std::map<std::string, ToolQuestion> questions; // tool's question name (folded) → details
    WeightScale weights = WeightScale::Relative;
    double critical_fail_below = 1.0;            // raw/max under this fails a critical question
    double score_min = 0, score_max = 1;
    std::optional<double> met_at;                // per criterion: score >= met_at is met (default max)
    std::vector<std::string> met_values, not_met_values; // text answers ("Yes", "Fail")
    std::string default_channel = "call";
};

// Reads and checks a mapping (MappingError listing every problem). With content, the scorecard
// and criterion ids are checked against it.
ScoresMapping read_scores_mapping(const std::filesystem::path& path,
                                  const content::ContentSet* content);

struct ScoresImportResult {
    std::size_t rows = 0;
    std::size_t evaluations = 0;      // in the file
    std::size_t imported = 0;         // newly stored
    std::size_t already_stored = 0;   // same tool id stored before: unchanged
    std::size_t coaching_assigned = 0;
    std::vector<csv::Issue> issues;   // non-empty: nothing was written
    bool ok() const { return issues.empty(); }
};

// Imports a parsed table. identity::AccessDenied for an agent; rows about people outside a
// lead's teams are issues like any other bad row.
ScoresImportResult import_scores(store::EventStore& events, const content::ContentSet& content,
                                 const identity::Actor& actor, const ScoresMapping& mapping,
                                 const csv::Table& table);
ScoresImportResult import_scores_file(store::EventStore& events,
                                      const content::ContentSet& content,
                                      const identity::Actor& actor, const ScoresMapping& mapping,
                                      const std::filesystem::path& csv_file);

} // namespace trainer::quality
