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
#include "trainer/store/events.hpp"

#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace trainer::quality {

enum class ScoresLayout { PerCriterion, PerEvaluation };

struct ScoresMapping {
    MappingBase base;
    ScoresLayout layout = ScoresLayout::PerCriterion;
    std::string scorecard;                      // per criterion: required; per evaluation: optional
    std::map<std::string, std::string> criteria; // tool's criterion name (lowercased) → our id
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
