// [SECTION] Mapping
// [SECTION] Rows → evaluations (every problem collected)
// [SECTION] Writing (one transaction, idempotent)
#include "trainer/quality/scores_import.hpp"

#include "trainer/core/record_date.hpp"

#include "trainer/content/quality_model.hpp"
#include "trainer/core/text_policy.hpp"
#include "trainer/quality/coaching.hpp"
#include "trainer/quality/records.hpp"

#include <algorithm>
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

} // namespace

// [SECTION] Mapping ---------------------------------------------------------------------------

ScoresMapping read_scores_mapping(const std::filesystem::path& path,
                                  const content::ContentSet* content) {
    MappingReader r(path);
    ScoresMapping m;
    const auto layout = r.string("layout");
    const bool per_criterion = !layout || *layout == "per_criterion";
    if (layout && *layout != "per_criterion" && *layout != "per_evaluation")
        r.error("/layout", "expected \"per_criterion\" or \"per_evaluation\", found '" + *layout + "'");
    m.layout = per_criterion ? ScoresLayout::PerCriterion : ScoresLayout::PerEvaluation;
    std::vector<std::string> required = {"evaluation_id", "agent", "date", "score"};
    if (per_criterion) required.push_back("criterion");
    m.base = r.base(required, {"channel", "evaluator", "comment", "criterion"},
                    {"tool", "layout", "scorecard", "columns", "criteria", "score_range", "met_at",
                     "met_values", "not_met_values", "na_values", "date_format", "channel",
                     "description"});
    if (auto s = r.string("scorecard")) m.scorecard = *s;
    if (per_criterion && m.scorecard.empty() && !r.root().contains("scorecard"))
        r.error("", "missing required key 'scorecard' (per_criterion rows are scored with it)");
    const content::Scorecard* sc =
        content && !m.scorecard.empty() ? find_scorecard(*content, m.scorecard) : nullptr;
    if (content && !m.scorecard.empty() && !sc)
        r.error("/scorecard", "unknown scorecard '" + m.scorecard + "' (not in content/quality)");
    if (r.root().is_object() && r.root().contains("criteria")) {
        const auto& c = r.root().at("criteria");
        if (!c.is_object())
            r.error("/criteria", "expected an object: the tool's criterion name → our criterion id");
        else
            for (const auto& [name, id] : c.items()) {
                const std::string p = content::pointer_append("/criteria", name);
                if (!id.is_string())
                    r.error(p, "expected a criterion id (a string), found " + id.dump());
                else if (sc && !sc->find_criterion(id.get<std::string>()))
                    r.error(p, "criterion '" + id.get<std::string>() + "' is not on scorecard '" +
                                   sc->id + "'");
                else
                    m.criteria[lower(trim(name))] = id.get<std::string>();
            }
    } else if (per_criterion) {
        r.error("", "missing required key 'criteria' (the tool's criterion names → our ids)");
    }
    if (r.root().is_object() && r.root().contains("score_range")) {
        const auto& sr = r.root().at("score_range");
        if (!sr.is_object() || !sr.contains("min") || !sr.contains("max") ||
            !sr.at("min").is_number() || !sr.at("max").is_number() ||
            sr.at("min").get<double>() >= sr.at("max").get<double>())
            r.error("/score_range", "expected {\"min\": number, \"max\": number} with min < max");
        else
            m.score_min = sr.at("min").get<double>(), m.score_max = sr.at("max").get<double>();
    } else if (!per_criterion) {
        m.score_min = 0, m.score_max = 100;
    }
    m.met_at = r.number("met_at");
    if (m.met_at && (*m.met_at < m.score_min || *m.met_at > m.score_max))
        r.error("/met_at", "met_at " + num(*m.met_at) + " is outside score_range");
    m.met_values = r.strings("met_values");
    m.not_met_values = r.strings("not_met_values");
    if (auto ch = r.string("channel")) m.default_channel = *ch;
    r.finish();
    return m;
}

// [SECTION] Rows → evaluations ----------------------------------------------------------------

namespace {

struct Pending {
    const csv::Row* first = nullptr;
    std::string person, date, channel, evaluator, comment, tool_id;
    std::map<std::string, Outcome> outcomes;
    std::map<std::string, std::size_t> criterion_row; // criterion → row number
    std::optional<double> total;                       // per evaluation: percent
    bool scored = true;
};

struct Field {
    std::optional<std::size_t> index;
    const std::string* get(const csv::Row& row) const {
        return index && *index < row.fields.size() ? &row.fields[*index] : nullptr;
    }
};

} // namespace

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
    const content::Scorecard* sc = find_scorecard(content, m.scorecard);
    if (per_criterion && !sc) out.header("", "unknown scorecard '" + m.scorecard + "'");
    // Without the mapped columns no row can be read; ragged rows alone do not stop the others.
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
        bool na = false;
        const std::string raw = value("score");
        if (per_criterion) {
            const std::string name = value("criterion");
            if (auto it = m.criteria.find(lower(name)); it != m.criteria.end())
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
            p.channel = value("channel").empty() ? m.default_channel : lower(value("channel"));
            p.evaluator = value("evaluator");
            p.comment = value("comment");
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
        }
        if (per_criterion) {
            if (auto [c, added] = p.criterion_row.emplace(*criterion, row.row); !added) {
                out.add(row, f["criterion"].index, "criterion '" + *criterion + "' of evaluation '" +
                                                       id + "' already appears in row " +
                                                       std::to_string(c->second));
                continue;
            }
            p.outcomes[*criterion] = *outcome;
            if (p.comment.empty()) p.comment = value("comment");
        } else {
            p.total = total;
            p.scored = !na;
        }
    }
    if (per_criterion)
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
        e.channel = p.channel;
        e.evaluator = p.evaluator;
        e.comment = p.comment;
        e.source = "import:" + m.base.tool;
        e.external_id = id;
        if (per_criterion) {
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
        if (per_criterion)
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
