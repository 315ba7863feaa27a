// One row of a QA tool's scores file read into a part of an evaluation: the fields every layout
// has (id, agent, date), the score as the layout reads it (the tool's rubric, our criterion, the
// evaluation's total), and the row added to its evaluation (rows of one evaluation must agree).
//
// [SECTION] Fields every row has
// [SECTION] The score, by layout
// [SECTION] The row added to its evaluation
#include "trainer/quality/scores_rows.hpp"

#include "trainer/content/quality_model.hpp"
#include "trainer/core/case_fold.hpp"
#include "trainer/core/record_date.hpp"
#include "trainer/core/text_policy.hpp"
#include "trainer/core/time.hpp"

#include <algorithm>

namespace trainer::quality::scores {

namespace {

// The tools' true/false columns: "true"/"false", "yes"/"no", "1"/"0", "x"/"" (a ticked box).
std::optional<bool> parse_flag(const std::string& v) {
    const std::string s = fold_case(v);
    if (s == "true" || s == "yes" || s == "y" || s == "1" || s == "x") return true;
    if (s.empty() || s == "false" || s == "no" || s == "n" || s == "0") return false;
    return std::nullopt;
}

// [SECTION] Fields every row has ----------------------------------------------------------------

struct Common {
    std::string id, raw_date;
    std::optional<std::string> person, date;
};

Common read_common(const Import& im, const csv::Row& row, const PersonMatcher& people, store::EventStore& events,
                   const identity::Actor& actor, IssueList& out) {
    const Columns& c = im.cols;
    Common r;
    r.id = c.value(row, "evaluation_id");
    if (r.id.empty()) out.add(row, c.index("evaluation_id"), "empty evaluation id");
    else if (auto e = text::problem(r.id, text::Kind::Id))
        out.add(row, c.index("evaluation_id"), "evaluation id: " + *e);
    for (const char* one_line : {"agent", "evaluator", "channel"})
        if (auto e = text::problem(c.value(row, one_line), text::Kind::Name))
            if (!c.value(row, one_line).empty()) out.add(row, c.index(one_line), std::string(one_line) + ": " + *e);
    const std::string agent = c.value(row, "agent");
    r.person = people.match(agent);
    if (!r.person)
        out.add(row, c.index("agent"), "unknown person '" + agent + "': nobody has this external id or e-mail");
    else if (!may_import_for(actor, *r.person))
        out.add(row, c.index("agent"), "'" + agent + "' (" + *r.person + ") is outside the teams " + actor.label() +
                                           " leads");
    r.raw_date = c.value(row, "date");
    r.date = parse_tool_date(r.raw_date, im.m.base.date_format);
    if (!r.date)
        out.add(row, c.index("date"), "date '" + r.raw_date + "' does not parse as " +
                                          date_format_name(im.m.base.date_format));
    else if (auto e = record_date_problem(*r.date, events.clock().now_ms()))
        out.add(row, c.index("date"), *e);
    return r;
}

// [SECTION] The score, by layout ----------------------------------------------------------------

struct RowScore {
    std::optional<std::string> criterion;
    std::optional<Outcome> outcome;
    std::optional<double> total;        // per evaluation: percent
    bool na = false;                    // per evaluation: not scored
    std::optional<RubricAnswer> answer; // the tool's rubric
};

// The tool's rubric: raw of max, weight, N/A and critical from the row or the mapping.
void read_tool_answer(const Import& im, const csv::Row& row, const std::string& raw, IssueList& out, RowScore& s) {
    const ScoresMapping& m = im.m;
    const Columns& c = im.cols;
    const std::string name = c.value(row, "criterion");
    const std::string key = fold_case(name);
    RubricAnswer a;
    a.row = row.row;
    a.question = name;
    if (name.empty()) out.add(row, c.index("criterion"), "empty criterion name");
    // Every question of the rubric is listed (linked or not): a misspelt one is caught.
    const auto q = m.questions.find(key);
    if (q == m.questions.end() && !name.empty())
        out.add(row, c.index("criterion"), "criterion '" + name + "' is not in the mapping's 'criteria' "
                                           "(list it with our criterion id, or {} to count it unlinked)");
    if (q != m.questions.end()) {
        if (!q->second.criterion.empty()) s.criterion = q->second.criterion;
        a.weight = q->second.weight.value_or(1);
        a.critical = q->second.critical;
    }
    a.min = m.score_min;
    a.max = m.score_max;
    if (c.has("min_score")) {
        if (auto v = parse_decimal(c.value(row, "min_score")))
            a.min = *v;
        else
            out.add(row, c.index("min_score"), "min score '" + c.value(row, "min_score") + "' is not a number");
    }
    if (c.has("max_score")) {
        if (auto v = parse_decimal(c.value(row, "max_score")))
            a.max = *v;
        else
            out.add(row, c.index("max_score"), "max score '" + c.value(row, "max_score") + "' is not a number");
    }
    if (a.max <= a.min)
        out.add(row, c.index("max_score"), "criterion '" + name + "' has max score " + num(a.max) +
                                               (a.min == 0 ? "" : " (min " + num(a.min) + ")") +
                                               ": nothing can be scored out of it");
    for (const char* flag : {"na", "critical"}) {
        if (!c.has(flag)) continue;
        const auto v = parse_flag(c.value(row, flag));
        if (!v)
            out.add(row, c.index(flag), std::string(flag) + " '" + c.value(row, flag) +
                                            "' is not true/false (also yes/no, 1/0, x/empty)");
        else if (std::string(flag) == "na")
            a.na = *v;
        else
            a.critical = *v;
    }
    if (c.has("weight")) {
        const auto w = parse_decimal(c.value(row, "weight"));
        if (!w || *w < 0)
            out.add(row, c.index("weight"), "weight '" + c.value(row, "weight") + "' is not a number >= 0");
        else
            a.weight = *w;
    }
    if (is_na(m.base, raw) || (raw.empty() && a.na)) {
        a.na = true;
    } else if (!a.na) {
        if (auto v = parse_decimal(raw); !v)
            out.add(row, c.index("score"), "score '" + raw + "' is not a number or an N/A marker");
        else if (*v > a.max && a.max > a.min)
            out.add(row, c.index("score"), "score " + raw + " is above its max " + num(a.max));
        else if (*v < a.min)
            out.add(row, c.index("score"), "score " + raw + " is below its min " + num(a.min));
        else
            a.raw = *v;
    }
    if (s.criterion) s.outcome = a.na ? Outcome::NotApplicable : (a.fraction() >= 1 ? Outcome::Met : Outcome::NotMet);
    s.answer = a;
}

std::string not_a_score(const std::string& raw) {
    const auto separator = thousands_separator_problem(raw);
    return separator ? "score " + *separator : "score '" + raw + "' is not a number or an N/A marker";
}

// One of our scorecard's criteria: met, not met or N/A, from a number or a text answer.
void read_criterion(const Import& im, const csv::Row& row, const std::string& raw, IssueList& out, RowScore& s) {
    const ScoresMapping& m = im.m;
    const Columns& c = im.cols;
    const std::string name = c.value(row, "criterion");
    if (auto it = m.criteria.find(fold_case(name)); it != m.criteria.end())
        s.criterion = it->second;
    else
        out.add(row, c.index("criterion"), "criterion '" + name + "' is not in the mapping's 'criteria'");
    const content::Criterion* k = s.criterion ? im.sc->find_criterion(*s.criterion) : nullptr;
    auto in = [&](const std::vector<std::string>& v) {
        return std::any_of(v.begin(), v.end(), [&](const std::string& x) { return lower(x) == lower(raw); });
    };
    if (is_na(m.base, raw)) {
        if (k && !k->allow_na)
            out.add(row, c.index("score"), "criterion '" + k->id + "' cannot be N/A");
        else
            s.outcome = Outcome::NotApplicable;
    } else if (in(m.met_values)) {
        s.outcome = Outcome::Met;
    } else if (in(m.not_met_values)) {
        s.outcome = Outcome::NotMet;
    } else if (auto v = parse_decimal(raw); !v) {
        out.add(row, c.index("score"), not_a_score(raw));
    } else if (*v < m.score_min || *v > m.score_max) {
        out.add(row, c.index("score"), "score " + raw + " is outside its range " + num(m.score_min) + "-" +
                                           num(m.score_max));
    } else {
        s.outcome = *v >= m.met_at.value_or(m.score_max) ? Outcome::Met : Outcome::NotMet;
    }
}

// One row per evaluation: the tool's total as a percent of its range, or N/A.
void read_total(const Import& im, const csv::Row& row, const std::string& raw, IssueList& out, RowScore& s) {
    const ScoresMapping& m = im.m;
    if (is_na(m.base, raw)) {
        s.na = true;
    } else if (auto v = parse_decimal(raw); !v) {
        out.add(row, im.cols.index("score"), not_a_score(raw));
    } else if (*v < m.score_min || *v > m.score_max) {
        out.add(row, im.cols.index("score"), "score " + raw + " is outside its range " + num(m.score_min) + "-" +
                                                 num(m.score_max));
    } else {
        s.total = round2(100.0 * (*v - m.score_min) / (m.score_max - m.score_min));
    }
}

// The tool's total, repeated on every row of an evaluation (adopted or only checked).
struct ToolTotalCell {
    std::string text;
    std::optional<double> value;
    bool na = false;
};

ToolTotalCell read_tool_total(const Import& im, const csv::Row& row, IssueList& out) {
    ToolTotalCell t;
    if (!im.tool() || !im.cols.has("total")) return t;
    t.text = im.cols.value(row, "total");
    if (is_na(im.m.base, t.text) || (t.text.empty() && *im.m.total == ToolTotal::Recompute))
        t.na = true;
    else if (auto v = parse_decimal(t.text); !v)
        out.add(row, im.cols.index("total"), "total '" + t.text + "' is not a number or an N/A marker");
    else if (*v < 0 || *v > 100)
        out.add(row, im.cols.index("total"), "total " + t.text + " is outside 0-100 %");
    else
        t.value = round2(*v);
    return t;
}

// [SECTION] The row added to its evaluation -----------------------------------------------------

void add_row(const Import& im, const csv::Row& row, const Common& r, RowScore& s, const ToolTotalCell& total,
             IssueList& out, Batch& batch) {
    const ScoresMapping& m = im.m;
    const Columns& c = im.cols;
    const bool per_criterion = im.per_criterion(), tool = im.tool();
    const std::string& id = r.id;
    auto [it, fresh] = batch.pending.try_emplace(id);
    Pending& p = it->second;
    if (fresh) {
        batch.order.push_back(id);
        p.first = &row;
        p.tool_id = id;
        p.person = *r.person;
        p.date = *r.date;
        if (auto t = parse_iso_ms(r.raw_date)) p.evaluated_at = format_iso_ms(*t);
        p.channel = c.value(row, "channel").empty() ? m.default_channel : lower(c.value(row, "channel"));
        p.evaluator = c.value(row, "evaluator");
        p.comment = c.value(row, "comment");
        if (tool && c.has("total")) {
            p.total_row = &row;
            p.total_text = total.text;
            p.total = total.value;
            p.scored = !total.na;
        }
    } else if (!per_criterion) {
        out.add(row, c.index("evaluation_id"), "evaluation '" + id + "' already appears in row " +
                                                   std::to_string(p.first->row));
        return;
    } else if (p.person != *r.person) {
        out.add(row, c.index("agent"), "evaluation '" + id + "' is for " + p.person + " in row " +
                                           std::to_string(p.first->row) + ", not " + *r.person);
        return;
    } else if (p.date != *r.date) {
        out.add(row, c.index("date"), "evaluation '" + id + "' is dated " + p.date + " in row " +
                                          std::to_string(p.first->row));
        return;
    } else if (tool && c.has("total") && *m.total == ToolTotal::Adopt &&
               (p.total != total.value || p.scored == total.na)) {
        out.add(row, c.index("total"), "evaluation '" + id + "' has total '" + total.text + "' here but '" +
                                           p.total_text + "' in row " + std::to_string(p.total_row->row) +
                                           ": the rows of one evaluation must agree");
        return;
    }
    if (s.answer) {
        for (const RubricAnswer& a : p.answers)
            if (fold_case(a.question) == fold_case(s.answer->question)) {
                out.add(row, c.index("criterion"), "criterion '" + s.answer->question + "' of evaluation '" + id +
                                                       "' already appears in row " + std::to_string(a.row));
                return;
            }
        p.answers.push_back(*s.answer);
    }
    if (per_criterion && s.criterion) {
        if (auto [at, added] = p.criterion_row.emplace(*s.criterion, row.row); !added) {
            if (!tool)
                out.add(row, c.index("criterion"), "criterion '" + *s.criterion + "' of evaluation '" + id +
                                                       "' already appears in row " + std::to_string(at->second));
            // Two tool questions linked to one of our criteria: the worse outcome counts.
            if (tool && *s.outcome == Outcome::NotMet) p.outcomes[*s.criterion] = Outcome::NotMet;
            return;
        }
        p.outcomes[*s.criterion] = *s.outcome;
    }
    if (per_criterion) {
        if (p.comment.empty()) p.comment = c.value(row, "comment");
    } else {
        p.total = s.total;
        p.scored = !s.na;
    }
}

} // namespace

void read_rows(const Import& im, const csv::Table& table, store::EventStore& events, const identity::Actor& actor,
               IssueList& out, Batch& batch) {
    const PersonMatcher people(events.db());
    for (const csv::Row& row : table.rows) {
        if (row.fields.size() != table.header.size()) continue; // already reported by the reader
        const std::size_t before = out.issues.size();
        const Common r = read_common(im, row, people, events, actor, out);
        const std::string raw = im.cols.value(row, "score");
        RowScore s;
        if (im.tool()) read_tool_answer(im, row, raw, out, s);
        else if (im.per_criterion()) read_criterion(im, row, raw, out, s);
        else read_total(im, row, raw, out, s);
        const ToolTotalCell total = read_tool_total(im, row, out);
        if (out.issues.size() != before || r.id.empty()) {
            batch.with_bad_rows.insert(r.id);
            continue;
        }
        add_row(im, row, r, s, total, out, batch);
    }
}

} // namespace trainer::quality::scores
