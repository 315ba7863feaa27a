#include "trainer/quality/xapi.hpp"
#include "trainer/quality/pass_mark.hpp"

#include "trainer/content/onboarding_model.hpp"
#include "trainer/core/time.hpp"
#include "trainer/core/uuid.hpp"
#include "trainer/quality/name_uuid.hpp"
#include "trainer/quality/records.hpp"

#include <algorithm>
#include <cmath>

namespace trainer::quality {

namespace {

using nlohmann::json;

// Our own namespace for statement ids of non-UUID events: UUID v5 of our URL in the URL space.
std::string trainer_namespace() { return uuid_v5(kUrlNamespace, "https://standards-trainer.local/xapi"); }

json verb(const char* iri) {
    std::string word = iri;
    word = word.substr(word.rfind('/') + 1);
    return {{"id", iri}, {"display", {{"en-US", word}}}};
}

json score(double raw, double min, double max) {
    raw = std::clamp(raw, min, max);
    // xAPI: scaled in [-1, 1]; for a 0-based or positive scale it is raw/max, for a scale that
    // starts above 0 the position within it (a rating 1-4 → 0..1), for a signed one raw/|max|.
    double scaled = min > 0 ? (raw - min) / (max - min) : raw / std::max(std::abs(min), std::abs(max));
    scaled = std::round(scaled * 10000.0) / 10000.0;
    return {{"scaled", scaled}, {"raw", raw}, {"min", min}, {"max", max}};
}

json activity(const XapiOptions& o, const std::string& path, const std::string& name,
              const char* type) {
    return {{"objectType", "Activity"},
            {"id", o.activity_base + "/" + path},
            {"definition", {{"name", {{"en-US", name}}}, {"type", type}}}};
}

std::string card_title(const content::ContentSet* c, const std::string& id) {
    if (c)
        if (const content::Card* card = c->find_card(id)) return card->text_for("en").title;
    return id;
}

std::string module_title(const content::ContentSet* c, const std::string& id) {
    if (c && c->onboarding)
        if (const content::Module* m = c->onboarding->find_module(id)) return content::pick(m->title, "en");
    return id;
}

bool is_attitude(const content::ContentSet* c, const std::string& id) {
    if (c && c->onboarding)
        if (const content::Module* m = c->onboarding->find_module(id)) return m->pillar == content::Pillar::Attitude;
    return false;
}

std::string subject_of(const store::Event& e) {
    if (auto it = e.payload.find("person"); it != e.payload.end() && it->is_string())
        return it->get<std::string>();
    return e.person_id;
}

constexpr const char* kInteraction = "http://adlnet.gov/expapi/activities/cmi.interaction";
constexpr const char* kModule = "http://adlnet.gov/expapi/activities/module";
constexpr const char* kAssessment = "http://adlnet.gov/expapi/activities/assessment";

} // namespace

std::string statement_id(const std::string& event_id) {
    if (is_uuid(event_id)) {
        std::string s = event_id;
        std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
        return s;
    }
    return uuid_v5(trainer_namespace(), event_id);
}

std::string opaque_actor(const std::string& salt, const std::string& person_id) {
    return uuid_v5(trainer_namespace(), "actor:" + salt + ":" + person_id);
}

std::string actor_salt(store::Database& db) {
    if (auto s = store::meta_get(db, "xapi_actor_salt")) return *s;
    const std::string salt = new_uuid();
    store::meta_set(db, "xapi_actor_salt", salt);
    return salt;
}

std::optional<json> to_statement(const store::Event& e, const content::ContentSet* content,
                                 const XapiOptions& o) {
    const json& p = e.payload;
    json st;
    json result;
    if (e.type == "card.reviewed" && p.contains("card") && p.contains("rating")) {
        const std::string card = p.at("card").get<std::string>();
        const int rating = p.at("rating").get<int>();
        st["verb"] = verb(kVerbAnswered);
        st["object"] = activity(o, "standards/" + card, card_title(content, card), kInteraction);
        result = {{"score", score(rating, 1, 4)}, {"success", rating >= 3}, {"completion", true}};
    } else if (e.type == "card.looked_up" && p.contains("card")) {
        const std::string card = p.at("card").get<std::string>();
        st["verb"] = verb(kVerbExperienced);
        st["object"] = activity(o, "standards/" + card, card_title(content, card), kInteraction);
    } else if (e.type == "module.completed" && p.contains("module")) {
        const std::string module = p.at("module").get<std::string>();
        const auto passed = p.find("passed");
        st["verb"] = verb(passed != p.end() && passed->is_boolean()
                              ? (passed->get<bool>() ? kVerbPassed : kVerbFailed)
                              : kVerbCompleted);
        st["object"] = activity(o, "modules/" + module, module_title(content, module), kModule);
        result = {{"completion", true}};
        if (passed != p.end() && passed->is_boolean()) result["success"] = passed->get<bool>();
        if (auto s = p.find("score"); s != p.end() && s->is_number() && s->get<double>() >= 0 &&
                                      s->get<double>() <= 100)
            result["score"] = score(s->get<double>(), 0, 100); // onboarding records a percentage
    } else if (e.type == "onboarding.attempt_finished" || e.type == "skills.signed_off") {
        const std::string module = p.value("module", "");
        const bool passed = p.value("passed", false);
        st["verb"] = verb(passed ? kVerbPassed : kVerbFailed);
        st["object"] = activity(o, "modules/" + module, module_title(content, module), kModule);
        result = {{"success", passed}, {"completion", true}};
        if (auto sc = p.find("score"); sc != p.end() && sc->is_number()) {
            // Attitude scores are mean valuations (-2 .. +2); quiz and sign-off scores 0 .. 1.
            const double v = sc->get<double>();
            if (is_attitude(content, module) || v < 0 || v > 1)
                result["score"] = score(v, -2, 2);
            else
                result["score"] = score(v, 0, 1);
        }
    } else if (e.type == "onboarding.quiz_answered" || e.type == "onboarding.scenario_answered") {
        const bool quiz = e.type == "onboarding.quiz_answered";
        const std::string module = p.value("module", "");
        const std::string item = p.value(quiz ? "question" : "scenario", "");
        st["verb"] = verb(kVerbAnswered);
        st["object"] = activity(o, "modules/" + module + (quiz ? "/questions/" : "/scenarios/") + item,
                                module_title(content, module) + ": " + item, kInteraction);
        if (auto sc = p.find(quiz ? "score" : "value"); sc != p.end() && sc->is_number()) {
            if (quiz) {
                result = {{"score", score(sc->get<double>(), 0, 1)}, {"success", sc->get<double>() >= 1}};
            } else {
                result = {{"score", score(sc->get<double>(), -2, 2)}}; // touchpoint scale -2 .. +2
            }
        }
    } else if (e.type == kQaEvaluated) {
        const Evaluation ev = evaluation_from_event(e);
        const bool passed = evaluation_passes(ev.score, o.qa_pass_mark);
        st["verb"] = verb(passed ? kVerbPassed : kVerbFailed);
        const std::string what = ev.scorecard_id.empty() ? ev.source : ev.scorecard_id;
        st["object"] = activity(o, "qa/" + what, "QA evaluation: " + what, kAssessment);
        result = {{"success", passed}, {"completion", true}};
        if (ev.score.scored) result["score"] = score(ev.score.percent, 0, 100);
    } else {
        return std::nullopt;
    }
    const std::string subject = subject_of(e);
    if (subject.empty()) return std::nullopt; // anonymous: no learner to attribute it to
    st["id"] = statement_id(e.id);
    st["actor"] = {{"objectType", "Agent"},
                   {"account", {{"homePage", o.home_page}, {"name", opaque_actor(o.salt, subject)}}}};
    if (!result.empty()) st["result"] = result;
    st["timestamp"] = format_iso_ms(e.at_ms);
    st["context"] = {{"platform", "standards-trainer"}};
    st["version"] = "1.0.3";
    return st;
}

json export_statements(store::EventStore& events, const content::ContentSet* content,
                       TimeMs since_ms, XapiOptions options) {
    if (options.salt.empty()) options.salt = actor_salt(events.db());
    json out = json::array();
    store::EventFilter f;
    f.since_ms = since_ms;
    events.for_each(f, [&](const store::Event& e) {
        try {
            if (auto st = to_statement(e, content, options)) out.push_back(std::move(*st));
        } catch (const std::exception& x) {
            throw std::runtime_error(e.type + " event " + e.id + ": cannot be exported: " + x.what());
        }
    });
    return out;
}

} // namespace trainer::quality
