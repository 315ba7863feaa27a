#include "trainer/content/onboarding_parser.hpp"

// [SECTION] Shared pieces: unique ids, per-item locale completeness
// [SECTION] Lesson pages
// [SECTION] Assessments: quiz, scenarios, checklist
// [SECTION] Module and track documents

#include "trainer/content/field_reader.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <climits>
#include <set>

namespace trainer::content {

namespace {

using nlohmann::json;
using Locales = std::vector<std::string>;

constexpr std::size_t kMinOptions = 2, kMaxOptions = 8;
constexpr std::size_t kMinScenarioOptions = 3, kMaxScenarioOptions = 5;
constexpr int kMaxMinutes = 600;

Locales all_locales() { return {std::begin(kLocales), std::end(kLocales)}; }

void intersect(Locales& into, const Locales& other) {
    into.erase(std::remove_if(into.begin(), into.end(),
                              [&](const std::string& l) {
                                  return std::find(other.begin(), other.end(), l) == other.end();
                              }),
               into.end());
}

// [SECTION] Shared pieces -----------------------------------------------------------------

// Reads "id" of an item and checks it is unique among `seen` (ids of its siblings).
std::optional<std::string> unique_id(FieldReader& r, const json& v, const std::string& p,
                                     std::set<std::string>& seen, const std::string& what) {
    const json* j = r.required(v, p, "id");
    if (!j) return std::nullopt;
    auto id = r.id(*j, p + "/id");
    if (id && !seen.insert(*id).second) {
        r.error(p + "/id", "duplicate " + what + " id '" + *id + "'");
        return std::nullopt;
    }
    return id;
}

void add_cards(FieldReader& r, const json& obj, const std::string& p,
               std::vector<std::string>& cards, std::vector<IdAt>& links, bool required) {
    auto it = obj.find("cards");
    if (it == obj.end()) {
        if (required) r.error(p, "missing required key 'cards'");
        return;
    }
    for (auto& [id, at] : r.id_list(*it, p + "/cards", "card ids")) {
        cards.push_back(id);
        links.emplace_back(id, at);
    }
}

// [SECTION] Lesson pages ------------------------------------------------------------------

LessonPage read_page(FieldReader& r, const json& v, const std::string& p, ParsedModule& pm) {
    LessonPage page;
    if (!r.object(v, p, {"title", "text", "image", "cards"})) return page;
    page.title = r.local_member(v, p, "title", "page title", pm.complete_locales);
    page.text = r.local_member(v, p, "text", "page text", pm.complete_locales);
    if (auto it = v.find("image"); it != v.end())
        if (auto s = r.text(*it, p + "/image")) {
            const bool under_assets = s->rfind("assets/", 0) == 0 && s->size() > 7;
            if (!under_assets || s->find("..") != std::string::npos || s->find('\\') != std::string::npos)
                r.error(p + "/image", "expected a path under assets/ (e.g. 'assets/onboarding/x.png'), "
                                      "found " + quoted_input(*s));
            else
                page.image = *s;
        }
    add_cards(r, v, p, page.cards, pm.card_links, false);
    return page;
}

// [SECTION] Assessments -------------------------------------------------------------------

void count_complete(std::map<std::string, int>& counts, const Locales& complete) {
    for (const auto& l : complete)
        ++counts[l];
}

Quiz read_quiz(FieldReader& r, const json& v, const std::string& p, ParsedModule& pm) {
    Quiz quiz;
    if (!r.object(v, p, {"pass_mark", "questions"})) return quiz;
    if (const json* j = r.required(v, p, "pass_mark"))
        if (auto f = r.fraction(*j, p + "/pass_mark")) quiz.pass_mark = *f;
    const json* qs = r.required(v, p, "questions");
    if (!qs || !r.array(*qs, p + "/questions", "questions", 1)) return quiz;
    std::set<std::string> ids;
    for (std::size_t i = 0; i < qs->size(); ++i) {
        const std::string qp = pointer_append(p + "/questions", i);
        const json& qv = (*qs)[i];
        if (!r.object(qv, qp, {"id", "kind", "prompt", "options", "explanation"})) continue;
        ++pm.questions;
        Locales complete = all_locales();
        QuizQuestion q;
        auto id = unique_id(r, qv, qp, ids, "question");
        bool kind_ok = false;
        if (const json* k = r.required(qv, qp, "kind")) {
            if (k->is_string() && (*k == "single" || *k == "multiple")) {
                q.kind = *k == "single" ? QuestionKind::Single : QuestionKind::Multiple;
                kind_ok = true;
            } else {
                r.error(qp + "/kind", "expected \"single\" or \"multiple\", found " +
                                          (k->is_string() ? quoted_input(k->get<std::string>())
                                                          : describe_found(*k)));
            }
        }
        q.prompt = r.local_member(qv, qp, "prompt", "question prompt", complete);
        q.explanation = r.local_member(qv, qp, "explanation", "explanation", complete);
        std::set<std::string> option_ids;
        if (const json* os = r.required(qv, qp, "options");
            os && r.array(*os, qp + "/options", "options", kMinOptions, kMaxOptions)) {
            for (std::size_t k = 0; k < os->size(); ++k) {
                const std::string op = pointer_append(qp + "/options", k);
                const json& ov = (*os)[k];
                if (!r.object(ov, op, {"id", "text", "correct", "feedback"})) continue;
                QuizOption o;
                auto oid = unique_id(r, ov, op, option_ids, "option");
                o.text = r.local_member(ov, op, "text", "option text", complete);
                o.feedback = r.local_member(ov, op, "feedback", "option feedback", complete);
                if (const json* c = r.required(ov, op, "correct"))
                    if (auto b = r.boolean(*c, op + "/correct")) o.correct = *b;
                if (oid) {
                    o.id = *oid;
                    q.options.push_back(std::move(o));
                }
            }
            const int correct = q.correct_count();
            if (kind_ok && q.kind == QuestionKind::Single && correct != 1)
                r.error(qp + "/options", "a single-choice question needs exactly one correct option, found " +
                                             std::to_string(correct));
            if (kind_ok && q.kind == QuestionKind::Multiple && correct == 0)
                r.error(qp + "/options", "a multiple-choice question needs at least one correct option, found none");
        }
        count_complete(pm.complete_questions, complete);
        intersect(pm.complete_locales, complete);
        if (id) {
            q.id = *id;
            quiz.questions.push_back(std::move(q));
        }
    }
    return quiz;
}

std::vector<Scenario> read_scenarios(FieldReader& r, const json& v, const std::string& p,
                                     ParsedModule& pm) {
    std::vector<Scenario> out;
    if (!r.array(v, p, "scenarios", 1)) return out;
    std::set<std::string> ids;
    for (std::size_t i = 0; i < v.size(); ++i) {
        const std::string sp = pointer_append(p, i);
        const json& sv = v[i];
        if (!r.object(sv, sp, {"id", "situation", "options", "reflection"})) continue;
        ++pm.scenarios;
        Locales complete = all_locales();
        Scenario s;
        auto id = unique_id(r, sv, sp, ids, "scenario");
        s.situation = r.local_member(sv, sp, "situation", "situation", complete);
        s.reflection = r.local_member(sv, sp, "reflection", "reflection prompt", complete);
        std::set<std::string> option_ids;
        if (const json* os = r.required(sv, sp, "options");
            os && r.array(*os, sp + "/options", "responses", kMinScenarioOptions, kMaxScenarioOptions))
            for (std::size_t k = 0; k < os->size(); ++k) {
                const std::string op = pointer_append(sp + "/options", k);
                const json& ov = (*os)[k];
                if (!r.object(ov, op, {"id", "text", "value", "feedback"})) continue;
                ScenarioOption o;
                auto oid = unique_id(r, ov, op, option_ids, "response");
                o.text = r.local_member(ov, op, "text", "response text", complete);
                o.feedback = r.local_member(ov, op, "feedback", "customer experience feedback", complete);
                bool value_ok = false;
                if (const json* val = r.required(ov, op, "value"))
                    if (auto n = r.integer(*val, op + "/value", kMinValuation, kMaxValuation)) {
                        o.value = *n;
                        value_ok = true;
                    }
                if (oid && value_ok) {
                    o.id = *oid;
                    s.options.push_back(std::move(o));
                }
            }
        count_complete(pm.complete_scenarios, complete);
        intersect(pm.complete_locales, complete);
        if (id) {
            s.id = *id;
            out.push_back(std::move(s));
        }
    }
    return out;
}

Checklist read_checklist(FieldReader& r, const json& v, const std::string& p, ParsedModule& pm) {
    Checklist c;
    if (!r.object(v, p, {"pass_mark", "steps"})) return c;
    if (const json* j = r.required(v, p, "pass_mark"))
        if (auto f = r.fraction(*j, p + "/pass_mark")) c.pass_mark = *f;
    const json* steps = r.required(v, p, "steps");
    if (!steps || !r.array(*steps, p + "/steps", "steps", 1)) return c;
    std::set<std::string> ids;
    for (std::size_t i = 0; i < steps->size(); ++i) {
        const std::string sp = pointer_append(p + "/steps", i);
        const json& sv = (*steps)[i];
        if (!r.object(sv, sp, {"id", "text", "cards"})) continue;
        ChecklistStep step;
        auto id = unique_id(r, sv, sp, ids, "step");
        step.text = r.local_member(sv, sp, "text", "step text", pm.complete_locales);
        add_cards(r, sv, sp, step.cards, pm.card_links, true);
        if (id) {
            step.id = *id;
            c.steps.push_back(std::move(step));
        }
    }
    return c;
}

} // namespace

// [SECTION] Module and track documents ----------------------------------------------------

std::optional<ParsedModule> parse_module(const JsonSource& source, std::vector<Diagnostic>& out) {
    FieldReader r(source, out);
    const json& v = source.value();
    if (!r.object(v, "", {"id", "pillar", "version", "title", "summary", "minutes", "pages", "quiz",
                          "scenarios", "checklist"}))
        return std::nullopt;
    ParsedModule pm;
    pm.complete_locales = all_locales();
    Module& m = pm.module;
    m.file = source.file();
    std::optional<std::string> id;
    if (const json* j = r.required(v, "", "id")) id = r.id(*j, "/id");
    std::optional<Pillar> pillar;
    if (const json* j = r.required(v, "", "pillar")) {
        if (j->is_string()) pillar = parse_pillar(j->get<std::string>());
        if (!pillar)
            r.error("/pillar", "expected \"knowledge\", \"attitude\" or \"skills\", found " +
                                   (j->is_string() ? quoted_input(j->get<std::string>()) : describe_found(*j)));
        else
            m.pillar = *pillar;
    }
    if (const json* j = r.required(v, "", "version"))
        if (auto n = r.integer(*j, "/version", 1, INT_MAX)) m.version = *n;
    m.title = r.local_member(v, "", "title", "title", pm.complete_locales);
    m.summary = r.local_member(v, "", "summary", "summary", pm.complete_locales);
    if (const json* j = r.required(v, "", "minutes"))
        if (auto n = r.integer(*j, "/minutes", 1, kMaxMinutes)) m.minutes = *n;
    if (const json* pages = r.required(v, "", "pages"); pages && r.array(*pages, "/pages", "pages", 1))
        for (std::size_t i = 0; i < pages->size(); ++i)
            m.pages.push_back(read_page(r, (*pages)[i], pointer_append("/pages", i), pm));

    // Exactly one assessment, the one that belongs to the pillar.
    struct Kind { const char* key; Pillar pillar; const char* what; };
    const Kind kinds[] = {{"quiz", Pillar::Knowledge, "a quiz"},
                          {"scenarios", Pillar::Attitude, "scenarios"},
                          {"checklist", Pillar::Skills, "a checklist"}};
    for (const Kind& k : kinds) {
        auto it = v.find(k.key);
        if (pillar && *pillar != k.pillar && it != v.end())
            r.error(std::string("/") + k.key,
                    std::string("a ") + pillar_name(*pillar) + " module cannot have '" + k.key +
                        "': " + k.what + " is the assessment of " + pillar_name(k.pillar) +
                        " modules",
                    Anchor::Key);
        if (pillar && *pillar == k.pillar && it == v.end())
            r.error("", std::string("missing required key '") + k.key + "': a " + pillar_name(k.pillar) +
                            " module is assessed by " + k.what);
        if (it == v.end() || (pillar && *pillar != k.pillar)) continue;
        const std::string p = std::string("/") + k.key;
        if (k.pillar == Pillar::Knowledge) m.quiz = read_quiz(r, *it, p, pm);
        if (k.pillar == Pillar::Attitude) m.scenarios = read_scenarios(r, *it, p, pm);
        if (k.pillar == Pillar::Skills) m.checklist = read_checklist(r, *it, p, pm);
    }
    if (!id) return std::nullopt;
    m.id = *id;
    return pm;
}

std::optional<ParsedTrack> parse_track(const JsonSource& source, std::vector<Diagnostic>& out) {
    FieldReader r(source, out);
    const json& v = source.value();
    if (!r.object(v, "", {"id", "version", "title", "description", "auto_assign_within_days", "modules"}))
        return std::nullopt;
    ParsedTrack pt;
    pt.complete_locales = all_locales();
    Track& t = pt.track;
    t.file = source.file();
    std::optional<std::string> id;
    if (const json* j = r.required(v, "", "id")) id = r.id(*j, "/id");
    if (const json* j = r.required(v, "", "version"))
        if (auto n = r.integer(*j, "/version", 1, INT_MAX)) t.version = *n;
    t.title = r.local_member(v, "", "title", "title", pt.complete_locales);
    t.description = r.local_member(v, "", "description", "description", pt.complete_locales);
    if (auto it = v.find("auto_assign_within_days"); it != v.end())
        if (auto n = r.integer(*it, "/auto_assign_within_days", 0, 3650)) t.auto_assign_within_days = *n;
    const json* mods = r.required(v, "", "modules");
    if (mods && r.array(*mods, "/modules", "modules", 1))
        for (std::size_t i = 0; i < mods->size(); ++i) {
            const std::string mp = pointer_append("/modules", i);
            const json& mv = (*mods)[i];
            if (!r.object(mv, mp, {"module", "requires"})) continue;
            TrackModule tm;
            std::vector<IdAt> prereqs;
            if (auto it = mv.find("requires"); it != mv.end())
                prereqs = r.id_list(*it, mp + "/requires", "module ids");
            const json* mid = r.required(mv, mp, "module");
            auto module_id = mid ? r.id(*mid, mp + "/module") : std::nullopt;
            if (!module_id) continue;
            tm.module = *module_id;
            for (const auto& [pre, at] : prereqs)
                tm.prerequisites.push_back(pre);
            pt.module_links.emplace_back(*module_id, mp + "/module");
            pt.prerequisite_links.push_back(std::move(prereqs));
            t.modules.push_back(std::move(tm));
        }
    if (!id) return std::nullopt;
    t.id = *id;
    return pt;
}

} // namespace trainer::content
