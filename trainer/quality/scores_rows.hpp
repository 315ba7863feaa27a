#pragma once
// The parts of import_scores (scores_import.cpp), internal to trainer/quality: which file column
// holds each mapped field (scores_columns.cpp), one row read into a part of an evaluation
// (scores_rows.cpp), each evaluation checked as a whole (scores_checks.cpp) and the evaluations
// written (scores_write.cpp).
#include "trainer/quality/import_common.hpp"
#include "trainer/quality/records.hpp"
#include "trainer/quality/rubric_score.hpp"
#include "trainer/quality/scores_import.hpp"

#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace trainer::quality::scores {

// The file column of each field the mapping names (scores_columns.cpp).
class Columns {
public:
    // Reports each column the mapping names that the file lacks.
    Columns(const ScoresMapping& m, const csv::Table& table, IssueList& out);
    bool has(const char* field) const;                        // mapped to a column of the file
    std::optional<std::size_t> index(const char* field) const; // nullopt when not mapped
    std::string value(const csv::Row& row, const char* field) const; // trimmed; "" when not mapped

private:
    std::map<std::string, std::optional<std::size_t>> index_;
};

// An evaluation as its rows are read.
struct Pending {
    const csv::Row* first = nullptr;
    std::string person, date, evaluated_at, channel, evaluator, comment, tool_id;
    std::map<std::string, Outcome> outcomes;
    std::map<std::string, std::size_t> criterion_row; // criterion → row number
    std::optional<double> total;                       // per evaluation or adopted: percent
    bool scored = true;
    std::vector<RubricAnswer> answers; // the tool's rubric
    const csv::Row* total_row = nullptr;
    std::string total_text;
};

// The evaluations of a file, in the order they first appear.
struct Batch {
    std::map<std::string, Pending> pending;
    std::vector<std::string> order;
    std::set<std::string> with_bad_rows; // no "missing criterion" noise on top of their errors
};

// Who reads the rows: the mapping, its scorecard (null for the tool's rubric), the file's columns.
struct Import {
    const ScoresMapping& m;
    const content::Scorecard* sc;
    const Columns& cols;
    bool per_criterion() const { return m.layout == ScoresLayout::PerCriterion; }
    bool tool() const { return per_criterion() && m.total.has_value(); }
};

// Reads every row into `batch`; each problem goes to `out` (scores_rows.cpp).
void read_rows(const Import& im, const csv::Table& table, store::EventStore& events, const identity::Actor& actor,
               IssueList& out, Batch& batch);

// Checks each evaluation as a whole: the tool's rubric scored (by evaluation id), or every
// criterion of our scorecard present (scores_checks.cpp).
std::map<std::string, Score> check_evaluations(const Import& im, Batch& batch, IssueList& out);

// Stores the evaluations in one transaction (scores_write.cpp); counts go to `res`.
void write_evaluations(const Import& im, const Batch& batch, const std::map<std::string, Score>& tool_scores,
                       store::EventStore& events, const identity::Actor& actor, ScoresImportResult& res);

// Text helpers shared by the parts.
std::string lower(std::string s);
std::string num(double v);

} // namespace trainer::quality::scores
