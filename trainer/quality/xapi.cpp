#include "trainer/quality/xapi.hpp"
#include "trainer/quality/pass_mark.hpp"

#include "trainer/content/onboarding_model.hpp"
#include "trainer/core/time.hpp"
#include "trainer/core/uuid.hpp"
#include "trainer/identity/people.hpp"
#include "trainer/quality/name_uuid.hpp"
#include "trainer/quality/records.hpp"
#include "trainer/store/events.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>
#include <iterator>
#include <map>
#include <stdexcept>

namespace trainer::quality {

namespace {

using nlohmann::json;

// Our own namespace for statement ids of non-UUID events: UUID v5 of our URL in the URL space.
std::string trainer_namespace() { return uuid_v5(kUrlNamespace, "https://standards-trainer.local/xapi"); }

constexpr std::pair<const char*, const char*> kLanguages[] = {{"en", "en-US"}, {"pl", "pl-PL"}, {"ru", "ru-RU"}};

json verb(const char* iri) {
    std::string word = iri;
    word = word.substr(word.rfind('/') + 1);
    // Impersonal forms: the display must read right for anyone.
    static const std::map<std::string, std::pair<const char*, const char*>> kWords = {
        {"answered", {"udzielono odpowiedzi", "дан ответ"}},
        {"completed", {"ukończono", "завершено"}},
        {"passed", {"zaliczono", "сдано"}},
        {"failed", {"nie zaliczono", "не сдано"}},
        {"experienced", {"zapoznano się", "просмотрено"}}};
    json display = {{"en-US", word}};
    if (auto it = kWords.find(word); it != kWords.end())
        display["pl-PL"] = it->second.first, display["ru-RU"] = it->second.second;
    return {{"id", iri}, {"display", display}};
}

// A language map from a text per locale (en, pl, ru); the id when nothing is known.
template <typename F>
json language_map(F&& text_in, const std::string& fallback) {
    json m = json::object();
    for (const auto& [loc, tag] : kLanguages) {
        const std::string t = text_in(loc);
        if (!t.empty()) m[tag] = t;
    }
    if (m.empty()) m["en-US"] = fallback;
    return m;
}

json score(double raw, double min, double max) {
    raw = std::clamp(raw, min, max);
    // xAPI: scaled in [-1, 1]; for a 0-based or positive scale it is raw/max, for a scale that
    // starts above 0 the position within it (a rating 1-4 → 0..1), for a signed one raw/|max|.
    double scaled = min > 0 ? (raw - min) / (max - min) : raw / std::max(std::abs(min), std::abs(max));
    scaled = std::round(scaled * 10000.0) / 10000.0;
    return {{"scaled", scaled}, {"raw", raw}, {"min", min}, {"max", max}};
}

json activity(const XapiOptions& o, const std::string& path, const json& name, const char* type) {
    return {{"objectType", "Activity"},
            {"id", o.activity_base + "/" + path},
            {"definition", {{"name", name}, {"type", type}}}};
}

json card_title(const content::ContentSet* c, const std::string& id) {
    const content::Card* card = c ? c->find_card(id) : nullptr;
    return language_map([&](const char* loc) { return card ? card->text_for(loc).title : std::string(); }, id);
}

json module_title(const content::ContentSet* c, const std::string& id) {
    const content::Module* m = c && c->onboarding ? c->onboarding->find_module(id) : nullptr;
    return language_map([&](const char* loc) { return m ? content::pick(m->title, loc) : std::string(); }, id);
}

json with_suffix(json name, const std::string& suffix) {
    for (auto& [tag, text] : name.items())
        text = text.get<std::string>() + suffix;
    return name;
}

bool is_attitude(const content::ContentSet* c, const std::string& id) {
    if (c && c->onboarding)
        if (const content::Module* m = c->onboarding->find_module(id)) return m->pillar == content::Pillar::Attitude;
    return false;
}

std::string subject_of(const store::Event& e) {
    return e.payload.find_string("person").value_or(e.person_id);
}

constexpr const char* kInteraction = "http://adlnet.gov/expapi/activities/cmi.interaction";
constexpr const char* kCourse = "http://adlnet.gov/expapi/activities/course";
constexpr const char* kObjective = "http://adlnet.gov/expapi/activities/objective";

// A mailto IRI as RFC 6068 writes it: bytes outside ASCII percent-encoded (łukasz.żak@…).
std::string mailto(const std::string& address) {
    static const char* kHex = "0123456789ABCDEF";
    std::string out = "mailto:";
    for (unsigned char c : address) {
        if (c < 0x80 && c > 0x20) {
            out += static_cast<char>(c);
        } else {
            out += '%';
            out += kHex[c >> 4];
            out += kHex[c & 15];
        }
    }
    return out;
}

json interaction(json object, const char* interaction_type) {
    object["definition"]["interactionType"] = interaction_type;
    return object;
}

// The deck a card belongs to, as a grouping activity.
json deck_grouping(const XapiOptions& o, const content::ContentSet* c, const std::string& card_id) {
    json grouping = json::array();
    const content::Card* card = c ? c->find_card(card_id) : nullptr;
    if (const content::Deck* d = card ? c->find_deck(card->deck_id) : nullptr)
        grouping.push_back(activity(o, "decks/" + d->id,
                                    language_map([&](const char* loc) { return content::pick(d->title, loc); }, d->id),
                                    kObjective));
    return grouping;
}

// The tracks a module is part of, as grouping activities.
json track_grouping(const XapiOptions& o, const content::ContentSet* c, const std::string& module) {
    json grouping = json::array();
    if (c && c->onboarding)
        for (const auto& t : c->onboarding->tracks)
            if (t.find(module))
                grouping.push_back(activity(o, "tracks/" + t.id,
                                            language_map([&](const char* loc) { return content::pick(t.title, loc); }, t.id),
                                            kCourse));
    return grouping;
}
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
    const json& p = e.payload.json();
    json st;
    json result;
    json context_activities = json::object();
    std::string happened; // ISO time the experience happened, when not the event's own
    if (e.type == "card.reviewed" && p.contains("card") && p.contains("rating")) {
        const std::string card = p.at("card").get<std::string>();
        const int rating = p.at("rating").get<int>();
        st["verb"] = verb(kVerbAnswered);
        // A self-rating of recall on a four-step scale (Again, Hard, Good, Easy).
        st["object"] = interaction(activity(o, "standards/" + card, card_title(content, card), kInteraction), "likert");
        result = {{"score", score(rating, 1, 4)}, {"success", rating >= 3}, {"completion", true}};
        context_activities["grouping"] = deck_grouping(o, content, card);
    } else if (e.type == "card.looked_up" && p.contains("card")) {
        const std::string card = p.at("card").get<std::string>();
        st["verb"] = verb(kVerbExperienced);
        st["object"] = interaction(activity(o, "standards/" + card, card_title(content, card), kInteraction), "other");
        context_activities["grouping"] = deck_grouping(o, content, card);
    } else if (e.type == "module.completed" && p.contains("module")) {
        const std::string module = p.at("module").get<std::string>();
        const auto passed = p.find("passed");
        st["verb"] = verb(passed != p.end() && passed->is_boolean()
                              ? (passed->get<bool>() ? kVerbPassed : kVerbFailed)
                              : kVerbCompleted);
        st["object"] = activity(o, "modules/" + module, module_title(content, module), kModule);
        context_activities["grouping"] = track_grouping(o, content, module);
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
        context_activities["grouping"] = track_grouping(o, content, module);
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
        st["object"] = interaction(activity(o, "modules/" + module + (quiz ? "/questions/" : "/scenarios/") + item,
                                            with_suffix(module_title(content, module), ": " + item), kInteraction),
                                   quiz ? "choice" : "likert");
        context_activities["parent"] = json::array({activity(o, "modules/" + module, module_title(content, module), kModule)});
        context_activities["grouping"] = track_grouping(o, content, module);
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
        st["object"] = activity(o, "qa/" + what,
                                {{"en-US", "QA evaluation: " + what}, {"pl-PL", "Ocena QA: " + what},
                                 {"ru-RU", "Оценка QA: " + what}},
                                kAssessment);
        result = {{"success", passed}, {"completion", true}};
        if (ev.score.scored) result["score"] = score(ev.score.percent, 0, 100);
        // When it happened, not when it was imported: the tool's time, else the contact's day.
        if (!ev.evaluated_at.empty())
            happened = ev.evaluated_at;
        else if (format_date(e.at_ms) != ev.date)
            happened = ev.date + "T00:00:00.000Z";
    } else {
        return std::nullopt;
    }
    const std::string subject = subject_of(e);
    if (subject.empty()) return std::nullopt; // anonymous: no learner to attribute it to
    st["id"] = statement_id(e.id);
    const auto ext = o.external_ids.find(subject);
    if (o.actor == "email" && ext != o.external_ids.end() && ext->second.find('@') != std::string::npos)
        st["actor"] = {{"objectType", "Agent"}, {"mbox", mailto(ext->second)}};
    else if (o.actor == "external_id" && ext != o.external_ids.end())
        st["actor"] = {{"objectType", "Agent"}, {"account", {{"homePage", o.home_page}, {"name", ext->second}}}};
    else
        st["actor"] = {{"objectType", "Agent"},
                       {"account", {{"homePage", o.home_page}, {"name", opaque_actor(o.salt, subject)}}}};
    if (!result.empty()) st["result"] = result;
    st["timestamp"] = happened.empty() ? format_iso_ms(e.at_ms) : happened;
    st["context"] = {{"platform", "standards-trainer"}};
    // One registration per onboarding attempt: an LRS groups the attempt's answers and outcome.
    if (p.contains("module") && p["module"].is_string() && p.contains("attempt") && p["attempt"].is_number_integer())
        st["context"]["registration"] = uuid_v5(trainer_namespace(), "registration:" + subject + ":" +
                                                                      p["module"].get<std::string>() + ":" +
                                                                      std::to_string(p["attempt"].get<int>()));
    for (auto it = context_activities.begin(); it != context_activities.end();)
        it = it->empty() ? context_activities.erase(it) : std::next(it);
    if (!context_activities.empty()) st["context"]["contextActivities"] = context_activities;
    return st;
}

void check_actor_kind(const std::string& kind) {
    if (kind != "opaque" && kind != "external_id" && kind != "email")
        throw std::invalid_argument("unknown actor identifier '" + kind + "' (expected opaque, external_id or email)");
}

XapiOptions prepared_options(store::EventStore& events, XapiOptions options) {
    check_actor_kind(options.actor);
    if (options.salt.empty()) options.salt = actor_salt(events.db());
    if (options.actor != "opaque" && options.external_ids.empty())
        for (const auto& p : identity::PeopleService(events.db(), events).list(identity::cli_admin()))
            if (p.external_id) options.external_ids[p.id] = *p.external_id;
    return options;
}

json export_statements(store::EventStore& events, const content::ContentSet* content,
                       TimeMs since_ms, XapiOptions options) {
    options = prepared_options(events, std::move(options));
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
