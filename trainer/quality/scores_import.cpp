// [SECTION] Rows → evaluations (every problem collected)
// [SECTION] The tool's rubric: per-evaluation checks (totals agree, weights, scoring)
// [SECTION] Writing (one transaction, idempotent)
#include "trainer/quality/scores_import.hpp"

#include "trainer/core/record_date.hpp"

#include "trainer/content/quality_model.hpp"
#include "trainer/core/text_policy.hpp"
#include "trainer/core/case_fold.hpp"
#include "trainer/core/time.hpp"
#include "trainer/quality/coaching.hpp"
#include "trainer/quality/records.hpp"
#include "trainer/quality/rubric_score.hpp"

#include <algorithm>
#include <cmath>
#include <set>
#include <sstream>

namespace trainer::quality {

namespace {

std::string lower(std::string s) {
    for (char& c : s)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return s;
}

std::string num(double v) {
    std::ostringstream o;
    o << v;
    return o.str();
}

const content::Scorecard* find_scorecard(const content::ContentSet& c, const std::string& id) {
    return c.quality ? c.quality->find(id) : nullptr;
}

// The tools' true/false columns: "true"/"false", "yes"/"no", "1"/"0", "x"/"" (a ticked box).
std::optional<bool> parse_flag(const std::string& v) {
    const std::string s = fold_case(v);
    if (s == "true" || s == "yes" || s == "y" || s == "1" || s == "x") return true;
    if (s.empty() || s == "false" || s == "no" || s == "n" || s == "0") return false;
    return std::nullopt;
}

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

struct Field {
    std::optional<std::size_t> index;
    const std::string* get(const csv::Row& row) const {
        return index && *index < row.fields.size() ? &row.fields[*index] : nullptr;
    }
};

} // namespace

// [SECTION] Rows → evaluations ----------------------------------------------------------------

ScoresImportResult import_scores(store::EventStore& events, const content::ContentSet& content,
                                 const identity::Actor& actor, const ScoresMapping& m,
                                 const csv::Table& table) {
    require_may_import(actor, "QA scores");
    ScoresImportResult res;
    IssueList out{table, table.issues};
    res.rows = table.rows.size();
    const csv::Columns cols(table.header);
    std::map<std::string, Field> f;
    for (const auto& [field, header] : m.base.columns) {
        f[field].index = cols.find(header);
        if (!f[field].index)
            out.header(header, "the mapping names column '" + header + "' for " + field +
                                   ", but the file has no such column");
    }
    const bool per_criterion = m.layout == ScoresLayout::PerCriterion;
    const bool tool = per_criterion && m.total.has_value();
    const content::Scorecard* sc = find_scorecard(content, m.scorecard);
    if (per_criterion && !tool && !sc) out.header("", "unknown scorecard '" + m.scorecard + "'");
    if (out.issues.size() > table.issues.size() || table.rows.empty()) {
        if (table.rows.empty() && out.issues.empty())
            out.header("", "the file has a header but no rows");
        res.issues = std::move(out.issues);
        return res;
    }
    const PersonMatcher people(events.db());
    std::map<std::string, Pending> pending;
    std::vector<std::string> order;
    std::set<std::string> with_bad_rows; // no "missing criterion" noise on top of their errors
    const double met_at = m.met_at.value_or(m.score_max);
    for (const csv::Row& row : table.rows) {
        if (row.fields.size() != table.header.size()) continue; // already reported by the reader
        auto value = [&](const char* field) { return trim(f.count(field) && f[field].get(row) ? *f[field].get(row) : ""); };
        auto has = [&](const char* field) { return f.count(field) && f[field].index; };
        const std::size_t before = out.issues.size();
        const std::string id = value("evaluation_id");
        if (id.empty()) out.add(row, f["evaluation_id"].index, "empty evaluation id");
        else if (auto e = text::problem(id, text::Kind::Id))
            out.add(row, f["evaluation_id"].index, "evaluation id: " + *e);
        for (const char* one_line : {"agent", "evaluator", "channel"})
            if (auto e = text::problem(value(one_line), text::Kind::Name))
                if (!value(one_line).empty()) out.add(row, f[one_line].index, std::string(one_line) + ": " + *e);
        const std::string agent = value("agent");
        std::optional<std::string> person = people.match(agent);
        if (!person)
            out.add(row, f["agent"].index, "unknown person '" + agent +
                                               "': nobody has this external id or e-mail");
        else if (!may_import_for(actor, *person))
            out.add(row, f["agent"].index, "'" + agent + "' (" + *person +
                                               ") is outside the teams " + actor.label() + " leads");
        const std::string raw_date = value("date");
        const auto date = parse_tool_date(raw_date, m.base.date_format);
        if (!date)
            out.add(row, f["date"].index, "date '" + raw_date + "' does not parse as " +
                                              date_format_name(m.base.date_format));
        else if (auto e = record_date_problem(*date, events.clock().now_ms()))
            out.add(row, f["date"].index, *e);
        std::optional<std::string> criterion;
        std::optional<Outcome> outcome;
        std::optional<double> total;
        std::optional<RubricAnswer> answer;
        bool na = false;
        const std::string raw = value("score");
        if (tool) {
            // The tool's rubric: raw of max, weight, N/A and critical from the row or the mapping.
            const std::string name = value("criterion");
            const std::string key = fold_case(name);
            RubricAnswer a;
            a.row = row.row;
            a.question = name;
            if (name.empty()) out.add(row, f["criterion"].index, "empty criterion name");
            // Every question of the rubric is listed (linked or not): a misspelt one is caught.
            const auto q = m.questions.find(key);
            if (q == m.questions.end() && !name.empty())
                out.add(row, f["criterion"].index, "criterion '" + name + "' is not in the mapping's 'criteria' "
                                                   "(list it with our criterion id, or {} to count it unlinked)");
            if (q != m.questions.end()) {
                if (!q->second.criterion.empty()) criterion = q->second.criterion;
                a.weight = q->second.weight.value_or(1);
                a.critical = q->second.critical;
            }
            a.min = m.score_min;
            a.max = m.score_max;
            if (has("min_score")) {
                if (auto v = parse_decimal(value("min_score")))
                    a.min = *v;
                else
                    out.add(row, f["min_score"].index, "min score '" + value("min_score") + "' is not a number");
            }
            if (has("max_score")) {
                if (auto v = parse_decimal(value("max_score")))
                    a.max = *v;
                else
                    out.add(row, f["max_score"].index, "max score '" + value("max_score") + "' is not a number");
            }
            if (a.max <= a.min)
                out.add(row, f["max_score"].index, "criterion '" + name + "' has max score " + num(a.max) +
                                                       (a.min == 0 ? "" : " (min " + num(a.min) + ")") +
                                                       ": nothing can be scored out of it");
            for (const char* flag : {"na", "critical"}) {
                if (!has(flag)) continue;
                const auto v = parse_flag(value(flag));
                if (!v)
                    out.add(row, f[flag].index, std::string(flag) + " '" + value(flag) +
                                                    "' is not true/false (also yes/no, 1/0, x/empty)");
                else if (std::string(flag) == "na")
                    a.na = *v;
                else
                    a.critical = *v;
            }
            if (has("weight")) {
                const auto w = parse_decimal(value("weight"));
                if (!w || *w < 0)
                    out.add(row, f["weight"].index, "weight '" + value("weight") + "' is not a number >= 0");
                else
                    a.weight = *w;
            }
            if (is_na(m.base, raw) || (raw.empty() && a.na)) {
                a.na = true;
            } else if (!a.na) {
                if (auto v = parse_decimal(raw); !v)
                    out.add(row, f["score"].index, "score '" + raw + "' is not a number or an N/A marker");
                else if (*v > a.max && a.max > a.min)
                    out.add(row, f["score"].index, "score " + raw + " is above its max " + num(a.max));
                else if (*v < a.min)
                    out.add(row, f["score"].index, "score " + raw + " is below its min " + num(a.min));
                else
                    a.raw = *v;
            }
            if (criterion)
                outcome = a.na ? Outcome::NotApplicable
                               : (a.fraction() >= 1 ? Outcome::Met : Outcome::NotMet);
            answer = a;
        } else if (per_criterion) {
            const std::string name = value("criterion");
            if (auto it = m.criteria.find(fold_case(name)); it != m.criteria.end())
                criterion = it->second;
            else
                out.add(row, f["criterion"].index,
                        "criterion '" + name + "' is not in the mapping's 'criteria'");
            const content::Criterion* k = criterion ? sc->find_criterion(*criterion) : nullptr;
            auto in = [&](const std::vector<std::string>& v) {
                return std::any_of(v.begin(), v.end(), [&](const std::string& s) { return lower(s) == lower(raw); });
            };
            if (is_na(m.base, raw)) {
                if (k && !k->allow_na)
                    out.add(row, f["score"].index, "criterion '" + k->id + "' cannot be N/A");
                else
                    outcome = Outcome::NotApplicable;
            } else if (in(m.met_values)) {
                outcome = Outcome::Met;
            } else if (in(m.not_met_values)) {
                outcome = Outcome::NotMet;
            } else if (auto v = parse_decimal(raw); !v) {
                out.add(row, f["score"].index, thousands_separator_problem(raw) ? "score " + *thousands_separator_problem(raw) : "score '" + raw + "' is not a number or an N/A marker");
            } else if (*v < m.score_min || *v > m.score_max) {
                out.add(row, f["score"].index, "score " + raw + " is outside its range " +
                                                   num(m.score_min) + "-" + num(m.score_max));
            } else {
                outcome = *v >= met_at ? Outcome::Met : Outcome::NotMet;
            }
        } else if (is_na(m.base, raw)) {
            na = true;
        } else if (auto v = parse_decimal(raw); !v) {
            out.add(row, f["score"].index, thousands_separator_problem(raw) ? "score " + *thousands_separator_problem(raw) : "score '" + raw + "' is not a number or an N/A marker");
        } else if (*v < m.score_min || *v > m.score_max) {
            out.add(row, f["score"].index, "score " + raw + " is outside its range " +
                                               num(m.score_min) + "-" + num(m.score_max));
        } else {
            total = round2(100.0 * (*v - m.score_min) / (m.score_max - m.score_min));
        }
        // The tool's total, repeated on every row of an evaluation (adopted or only checked).
        const std::string total_text = tool && has("total") ? value("total") : "";
        std::optional<double> tool_total;
        bool tool_total_na = false;
        if (tool && has("total")) {
            if (is_na(m.base, total_text) || (total_text.empty() && *m.total == ToolTotal::Recompute))
                tool_total_na = true;
            else if (auto v = parse_decimal(total_text); !v)
                out.add(row, f["total"].index, "total '" + total_text + "' is not a number or an N/A marker");
            else if (*v < 0 || *v > 100)
                out.add(row, f["total"].index, "total " + total_text + " is outside 0-100 %");
            else
                tool_total = round2(*v);
        }
        if (out.issues.size() != before || id.empty()) {
            with_bad_rows.insert(id);
            continue;
        }

        auto [it, fresh] = pending.try_emplace(id);
        Pending& p = it->second;
        if (fresh) {
            order.push_back(id);
            p.first = &row;
            p.tool_id = id;
            p.person = *person;
            p.date = *date;
            if (auto t = parse_iso_ms(raw_date)) p.evaluated_at = format_iso_ms(*t);
            p.channel = value("channel").empty() ? m.default_channel : lower(value("channel"));
            p.evaluator = value("evaluator");
            p.comment = value("comment");
            if (tool && has("total")) {
                p.total_row = &row;
                p.total_text = total_text;
                p.total = tool_total;
                p.scored = !tool_total_na;
            }
        } else if (!per_criterion) {
            out.add(row, f["evaluation_id"].index, "evaluation '" + id + "' already appears in row " +
                                                       std::to_string(p.first->row));
            continue;
        } else if (p.person != *person) {
            out.add(row, f["agent"].index, "evaluation '" + id + "' is for " + p.person + " in row " +
                                               std::to_string(p.first->row) + ", not " + *person);
            continue;
        } else if (p.date != *date) {
            out.add(row, f["date"].index, "evaluation '" + id + "' is dated " + p.date + " in row " +
                                              std::to_string(p.first->row));
            continue;
        } else if (tool && has("total") && *m.total == ToolTotal::Adopt &&
                   (p.total != tool_total || p.scored == tool_total_na)) {
            out.add(row, f["total"].index, "evaluation '" + id + "' has total '" + total_text +
                                               "' here but '" + p.total_text + "' in row " +
                                               std::to_string(p.total_row->row) +
                                               ": the rows of one evaluation must agree");
            continue;
        }
        if (answer) {
            for (const RubricAnswer& a : p.answers)
                if (fold_case(a.question) == fold_case(answer->question)) {
                    out.add(row, f["criterion"].index, "criterion '" + answer->question + "' of evaluation '" +
                                                           id + "' already appears in row " + std::to_string(a.row));
                    answer.reset();
                    break;
                }
            if (!answer) continue;
            p.answers.push_back(*answer);
        }
        if (per_criterion && criterion) {
            if (auto [c, added] = p.criterion_row.emplace(*criterion, row.row); !added) {
                if (!tool)
                    out.add(row, f["criterion"].index, "criterion '" + *criterion + "' of evaluation '" +
                                                           id + "' already appears in row " +
                                                           std::to_string(c->second));
                // Two tool questions linked to one of our criteria: the worse outcome counts.
                if (tool && *outcome == Outcome::NotMet) p.outcomes[*criterion] = Outcome::NotMet;
                continue;
            }
            p.outcomes[*criterion] = *outcome;
        }
        if (per_criterion) {
            if (p.comment.empty()) p.comment = value("comment");
        } else {
            p.total = total;
            p.scored = !na;
        }
    }

    // [SECTION] The tool's rubric: per-evaluation checks ------------------------------------
    std::map<std::string, Score> tool_scores;
    if (tool)
        for (const auto& id : order) {
            const Pending& p = pending[id];
            if (with_bad_rows.count(id)) continue;
            double sum = 0;
            for (const RubricAnswer& a : p.answers)
                sum += a.weight;
            if (m.weights == WeightScale::Percent && sum > 100 + 1e-9)
                out.add(*p.first, f.count("weight") ? f["weight"].index : f["criterion"].index,
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
    else if (per_criterion)
        for (const auto& id : order) {
            Pending& p = pending[id];
            for (const content::Criterion* k : sc->criteria()) {
                if (p.outcomes.count(k->id)) continue;
                if (!k->allow_na && !with_bad_rows.count(id))
                    out.add(*p.first, f["criterion"].index,
                            "evaluation '" + id + "' has no row for criterion '" + k->id +
                                "', which cannot be N/A");
                p.outcomes[k->id] = Outcome::NotApplicable; // a step the tool did not ask about
            }
        }
    res.evaluations = order.size();
    if (!out.issues.empty()) {
        std::stable_sort(out.issues.begin(), out.issues.end(),
                         [](const csv::Issue& a, const csv::Issue& b) { return a.row < b.row; });
        res.issues = std::move(out.issues);
        return res;
    }

    // [SECTION] Writing ---------------------------------------------------------------------
    store::Transaction tx(events.db());
    for (const auto& id : order) {
        const Pending& p = pending[id];
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
        if (tool) {
            e.scorecard_id = sc ? sc->id : m.scorecard;
            e.scorecard_version = sc ? sc->version : 0;
            if (sc) {
                for (const content::Criterion* k : sc->criteria()) {
                    const auto o = p.outcomes.find(k->id);
                    e.criteria.push_back({k->id, o == p.outcomes.end() ? Outcome::NotApplicable : o->second});
                }
            }
            e.score = tool_scores.at(id);
        } else if (per_criterion) {
            e.scorecard_id = sc->id;
            e.scorecard_version = sc->version;
            for (const content::Criterion* k : sc->criteria())
                e.criteria.push_back({k->id, p.outcomes.at(k->id)});
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
        if (per_criterion && sc)
            res.coaching_assigned += assign_coaching_for(events, *sc, e, actor.person_id).size();
    }
    tx.commit();
    return res;
}

ScoresImportResult import_scores_file(store::EventStore& events,
                                      const content::ContentSet& content,
                                      const identity::Actor& actor, const ScoresMapping& mapping,
                                      const std::filesystem::path& csv_file) {
    return import_scores(events, content, actor, mapping, csv::read_file(csv_file));
}

} // namespace trainer::quality
