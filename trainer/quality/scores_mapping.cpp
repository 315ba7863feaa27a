// `trainer scores import --mapping MAP.json`: reading and checking a QA-score mapping
// (docs/quality-import.md). Every problem is collected with its JSON position.
#include "trainer/quality/scores_import.hpp"
#include "trainer/quality/mapping_reader.hpp"

#include "trainer/content/quality_model.hpp"
#include "trainer/core/case_fold.hpp"

#include <nlohmann/json.hpp>

#include <sstream>

namespace trainer::quality {

namespace {

std::string num(double v) {
    std::ostringstream o;
    o << v;
    return o.str();
}

// "criteria": {"Tool question": "our-id"} or {"Tool question": {"criterion": "our-id",
// "weight": 2, "critical": true}} (the object form only for the tool's rubric).
void read_criteria(MappingReader& r, ScoresMapping& m, const content::Scorecard* sc, bool tool) {
    const auto& c = r.root().at("criteria");
    if (!c.is_object()) {
        r.error("/criteria", "expected an object: the tool's criterion name → our criterion id");
        return;
    }
    for (const auto& [name, v] : c.items()) {
        const std::string p = content::pointer_append("/criteria", name);
        ToolQuestion q;
        if (v.is_string()) {
            q.criterion = v.get<std::string>();
        } else if (tool && v.is_object()) {
            for (const auto& [k, x] : v.items()) {
                const std::string kp = content::pointer_append(p, k);
                if (k == "criterion" && x.is_string())
                    q.criterion = x.get<std::string>();
                else if (k == "weight" && x.is_number() && x.get<double>() >= 0)
                    q.weight = x.get<double>();
                else if (k == "critical" && x.is_boolean())
                    q.critical = x.get<bool>();
                else if (k == "criterion" || k == "weight" || k == "critical")
                    r.error(kp, "expected " + std::string(k == "criterion" ? "a criterion id (a string)"
                                                          : k == "weight"  ? "a weight >= 0"
                                                                           : "true or false") +
                                    ", found " + x.dump());
                else
                    r.error(kp, "unknown key '" + k + "'; allowed: criterion, weight, critical");
            }
        } else {
            r.error(p, tool ? "expected a criterion id or {\"criterion\", \"weight\", \"critical\"}, found " + v.dump()
                            : "expected a criterion id (a string), found " + v.dump());
            continue;
        }
        if (!q.criterion.empty() && m.scorecard.empty()) {
            r.error(p, "linking a question to criterion '" + q.criterion + "' needs 'scorecard'");
            continue;
        }
        if (!q.criterion.empty() && sc && !sc->find_criterion(q.criterion)) {
            r.error(p, "criterion '" + q.criterion + "' is not on scorecard '" + sc->id + "'");
            continue;
        }
        const std::string key = fold_case(trim(name));
        if (!q.criterion.empty()) m.criteria[key] = q.criterion;
        m.questions[key] = q;
    }
}

} // namespace

ScoresMapping read_scores_mapping(const std::filesystem::path& path,
                                  const content::ContentSet* content) {
    MappingReader r(path);
    ScoresMapping m;
    const auto layout = r.string("layout");
    const bool per_criterion = !layout || *layout == "per_criterion";
    if (layout && *layout != "per_criterion" && *layout != "per_evaluation")
        r.error("/layout", "expected \"per_criterion\" or \"per_evaluation\", found '" + *layout + "'");
    m.layout = per_criterion ? ScoresLayout::PerCriterion : ScoresLayout::PerEvaluation;
    if (auto t = r.string("total")) {
        if (*t == "adopt")
            m.total = ToolTotal::Adopt;
        else if (*t == "recompute" && per_criterion)
            m.total = ToolTotal::Recompute;
        else
            r.error("/total", per_criterion ? "expected \"adopt\" (the tool's total) or \"recompute\" "
                                              "(from raw, max and weight), found '" + *t + "'"
                                            : "one row per evaluation has only the tool's total: "
                                              "expected \"adopt\", found '" + *t + "'");
    }
    const bool tool = per_criterion && m.total;
    std::vector<std::string> required = {"evaluation_id", "agent", "date", "score"};
    std::vector<std::string> optional = {"channel", "evaluator", "comment", "criterion"};
    if (per_criterion) required.push_back("criterion");
    if (tool) {
        for (const char* f : {"min_score", "max_score", "na", "critical", "weight"})
            optional.push_back(f);
        if (*m.total == ToolTotal::Adopt)
            required.push_back("total");
        else
            optional.push_back("total");
    }
    m.base = r.base(required, optional,
                    {"tool", "layout", "scorecard", "columns", "criteria", "score_range", "met_at",
                     "met_values", "not_met_values", "na_values", "date_format", "channel",
                     "description", "total", "weights", "critical_fail_below"});
    if (auto s = r.string("scorecard")) m.scorecard = *s;
    if (per_criterion && !tool && m.scorecard.empty() && !r.has("scorecard"))
        r.error("", "missing required key 'scorecard' (per_criterion rows are scored with it, "
                    "or set \"total\" to score them with the tool's own rubric)");
    const content::Scorecard* sc =
        content && !m.scorecard.empty() && content->quality ? content->quality->find(m.scorecard) : nullptr;
    if (content && !m.scorecard.empty() && !sc)
        r.error("/scorecard", "unknown scorecard '" + m.scorecard + "' (not in content/quality)");
    if (r.has("criteria"))
        read_criteria(r, m, sc, tool);
    else if (per_criterion && !tool)
        r.error("", "missing required key 'criteria' (the tool's criterion names → our ids)");
    if (auto w = r.string("weights")) {
        if (*w == "percent")
            m.weights = WeightScale::Percent;
        else if (*w != "relative")
            r.error("/weights", "expected \"relative\" or \"percent\", found '" + *w + "'");
    }
    if (auto c = r.number("critical_fail_below")) {
        if (*c <= 0 || *c > 1)
            r.error("/critical_fail_below", "expected a share of the question's max, above 0 and at most 1");
        else
            m.critical_fail_below = *c;
    }
    if (r.has("score_range")) {
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

} // namespace trainer::quality
