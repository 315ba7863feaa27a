#include "trainer/onboarding/service.hpp"

#include "trainer/content/adopted_content.hpp"

#include "trainer/core/text_policy.hpp"
#include "trainer/store/events.hpp"

// [SECTION] Checks shared by every action
// [SECTION] Views
// [SECTION] Knowledge: quiz
// [SECTION] Attitude: scenarios
// [SECTION] Skills: sign-off request

#include "trainer/onboarding/attitude.hpp"
#include "trainer/change/projection.hpp"
#include "trainer/content/onboarding_events.hpp"
#include "trainer/onboarding/projection.hpp"
#include "trainer/onboarding/quiz.hpp"

#include <algorithm>
#include <optional>
#include <set>

namespace trainer::onboarding {

namespace {
using Code = OnboardingError::Code;

constexpr std::size_t kMaxReflectionBytes = 4000; // a few paragraphs; the kiosk box is small

std::string list(const std::vector<std::string>& ids) {
    std::string out;
    for (const auto& id : ids)
        out += (out.empty() ? "'" : ", '") + id + "'";
    return out;
}
} // namespace

OnboardingService::OnboardingService(store::EventStore& events, const content::OnboardingContent& content)
    : events_(events), content_(content) {}

// [SECTION] Checks shared by every action -------------------------------------------------

const content::Module& OnboardingService::open_module(const identity::Actor& me, const std::string& id,
                                                      std::optional<content::Pillar> pillar) {
    if (me.person_id.empty() || !me.role)
        throw OnboardingError(Code::BadInput, "only a logged-in person can work on their onboarding");
    const content::Module* m = content_.find_module(id);
    if (!m) throw OnboardingError(Code::UnknownModule, "no onboarding module '" + id + "'");
    if (pillar && m->pillar != *pillar)
        throw OnboardingError(Code::WrongPillar, "module '" + id + "' is a " + content::pillar_name(m->pillar) +
                                                     " module, not a " + content::pillar_name(*pillar) + " one");
    const auto records = load_records(events_.db(), me.person_id);
    bool assigned = false;
    std::vector<std::string> missing;
    for (const auto& track_id : assigned_tracks(events_.db(), me.person_id)) {
        const content::Track* t = content_.find_track(track_id);
        if (!t || !t->find(id)) continue;
        if (module_status(*t, *m, records) != ModuleStatus::Locked) return *m;
        assigned = true;
        for (const auto& pre : missing_prerequisites(*t->find(id), records))
            if (std::find(missing.begin(), missing.end(), pre) == missing.end()) missing.push_back(pre);
    }
    if (!assigned)
        throw OnboardingError(Code::NotAssigned, "module '" + id + "' is in no track assigned to " + me.person_id);
    throw OnboardingError(Code::Locked, "module '" + id + "' is locked until " + list(missing) + " is passed");
}

store::Event OnboardingService::append(ModuleRecord& r, int version, const std::string& type,
                                       store::Payload payload) {
    payload.set("person", r.person);
    payload.set("module", r.module);
    payload.set("version", version);
    const store::Event e = events_.append({type, r.person, std::move(payload)});
    apply(r, e);
    update_derived(events_.db(), r, e);
    // The change dashboard counts finished modules too (change_module_done): same transaction.
    change::apply_change_event(events_.db(), e);
    return e;
}

void OnboardingService::start_attempt(ModuleRecord& r, const content::Module& m) {
    append(r, m.version, kAttemptStarted,
           {{"attempt", r.attempts + 1}, {"seed", m.pillar == content::Pillar::Knowledge ? new_attempt_seed() : 0}});
}

// [SECTION] Views -------------------------------------------------------------------------

std::vector<TrackMap> OnboardingService::track_maps(const identity::Actor& actor, const std::string& person,
                                                    std::string_view locale) {
    identity::require_view_person(actor, person);
    const auto records = load_records(events_.db(), person);
    // Status against the module versions the organisation adopted, not this desk's folder
    // (content/adopted_content.hpp); a copy only where the folder differs from them.
    const auto adopted = content::with_adopted_modules(content_, content::adopted_of(events_.db(), "module"));
    const content::OnboardingContent& current = adopted ? *adopted : content_;
    std::vector<TrackMap> out;
    for (const auto& id : assigned_tracks(events_.db(), person))
        if (const content::Track* t = current.find_track(id))
            out.push_back(build_track_map(*t, current, records, locale));
    return out;
}

ModuleView OnboardingService::module_view(const identity::Actor& actor, const std::string& person,
                                          const std::string& module, std::string_view locale) {
    identity::require_view_person(actor, person);
    const content::Module* m = content_.find_module(module);
    if (!m) throw OnboardingError(Code::UnknownModule, "no onboarding module '" + module + "'");
    return build_module_view(*m, load_record(events_.db(), person, module), locale,
                             actor.person_id == person);
}

void OnboardingService::view_page(const identity::Actor& me, const std::string& module, int page) {
    const content::Module& m = open_module(me, module, std::nullopt);
    if (page < 0 || page >= static_cast<int>(m.pages.size()))
        throw OnboardingError(Code::BadInput, "module '" + module + "' has pages 0.." +
                                                  std::to_string(m.pages.size() - 1) + ", not " + std::to_string(page));
    store::Transaction tx(events_.db());
    ModuleRecord r = load_record(events_.db(), me.person_id, module);
    if (r.current_for(m.version) && r.page == page) return; // already there: nothing new to record
    append(r, m.version, kPageViewed, {{"page", page}});
    tx.commit();
}

// [SECTION] Knowledge: quiz ---------------------------------------------------------------

QuizView OnboardingService::start_quiz(const identity::Actor& me, const std::string& module,
                                       std::string_view locale) {
    const content::Module& m = open_module(me, module, content::Pillar::Knowledge);
    store::Transaction tx(events_.db());
    ModuleRecord r = load_record(events_.db(), me.person_id, module);
    if (!r.passed_in(m.version) && !(r.current_for(m.version) && r.attempt_open)) start_attempt(r, m);
    tx.commit();
    return *build_module_view(m, r, locale, true).quiz;
}

AnswerFeedback OnboardingService::answer_question(const identity::Actor& me, const std::string& module,
                                                  const std::string& question,
                                                  const std::vector<std::string>& chosen,
                                                  std::string_view locale) {
    const content::Module& m = open_module(me, module, content::Pillar::Knowledge);
    const content::QuizQuestion* q = m.quiz.find_question(question);
    if (!q)
        throw OnboardingError(Code::UnknownQuestion,
                              "module '" + module + "' has no question '" + question + "'; nothing was recorded");
    if (chosen.empty()) throw OnboardingError(Code::BadInput, "choose at least one option");
    std::set<std::string> distinct;
    for (const auto& o : chosen) {
        if (!q->find_option(o))
            throw OnboardingError(Code::UnknownOption, "question '" + question + "' has no option '" + o + "'");
        if (!distinct.insert(o).second)
            throw OnboardingError(Code::BadInput, "option '" + o + "' was chosen twice");
    }
    if (q->kind == content::QuestionKind::Single && chosen.size() != 1)
        throw OnboardingError(Code::BadInput, "question '" + question + "' takes exactly one answer, got " +
                                                  std::to_string(chosen.size()));
    store::Transaction tx(events_.db());
    ModuleRecord r = load_record(events_.db(), me.person_id, module);
    if (r.passed_in(m.version))
        throw OnboardingError(Code::AlreadyDone, "module '" + module + "' is already passed");
    if (!(r.current_for(m.version) && r.attempt_open)) start_attempt(r, m);
    if (r.answers.count(question))
        throw OnboardingError(Code::AlreadyAnswered, "question '" + question + "' is already answered in attempt " +
                                                         std::to_string(r.attempt));
    AnswerFeedback fb;
    fb.question_id = question;
    fb.score = score_question(*q, chosen);
    for (const auto& o : q->options)
        if (o.correct) fb.correct_options.push_back(o.id);
    append(r, m.version, kQuizAnswered, {{"attempt", r.attempt}, {"question", question}, {"chosen", chosen}, {"score", fb.score}});
    if (r.answers.size() == m.quiz.questions.size()) {
        std::vector<double> scores;
        for (const auto& [id, a] : r.answers)
            scores.push_back(a.score);
        const QuizScore s = score_attempt(scores, m.quiz.pass_mark);
        const TimeMs now = events_.clock().now_ms();
        append(r, m.version, kAttemptFinished, {{"attempt", r.attempt}, {"started_ms", r.started_ms}, {"ended_ms", now},
                                     {"score", s.score}, {"passed", s.passed}});
        fb.finished = r.completions.back();
    }
    tx.commit();
    // The view of the finished attempt keeps the answers: rebuild it from the record before closing.
    ModuleRecord shown = r;
    shown.attempt_open = true;
    const QuizView v = *build_module_view(m, shown, locale, true).quiz;
    for (const auto& qv : v.questions)
        if (qv.id == question) fb.question = qv;
    return fb;
}

// [SECTION] Attitude: scenarios -----------------------------------------------------------

ScenarioFeedback OnboardingService::answer_scenario(const identity::Actor& me, const std::string& module,
                                                    const std::string& scenario, const std::string& option,
                                                    const std::string& reflection, std::string_view locale) {
    const content::Module& m = open_module(me, module, content::Pillar::Attitude);
    const content::Scenario* s = m.find_scenario(scenario);
    if (!s)
        throw OnboardingError(Code::UnknownScenario,
                              "module '" + module + "' has no scenario '" + scenario + "'; nothing was recorded");
    const content::ScenarioOption* o = s->find_option(option);
    if (!o) throw OnboardingError(Code::UnknownOption, "scenario '" + scenario + "' has no response '" + option + "'");
    if (auto e = text::problem(reflection, text::Kind::MultiLine))
        throw OnboardingError(Code::BadInput, "the reflection: " + *e);
    if (reflection.size() > kMaxReflectionBytes)
        throw OnboardingError(Code::BadInput, "the reflection is longer than " +
                                                  std::to_string(kMaxReflectionBytes) + " bytes");
    store::Transaction tx(events_.db());
    ModuleRecord r = load_record(events_.db(), me.person_id, module);
    if (r.passed_in(m.version))
        throw OnboardingError(Code::AlreadyDone, "module '" + module + "' is already complete");
    if (!(r.current_for(m.version) && r.attempt_open)) start_attempt(r, m);
    if (r.scenarios.count(scenario))
        throw OnboardingError(Code::AlreadyAnswered, "scenario '" + scenario + "' is already answered");
    append(r, m.version, kScenarioAnswered, {{"attempt", r.attempt}, {"scenario", scenario}, {"option", option},
                                  {"value", o->value}, {"reflection", reflection}});
    ScenarioFeedback fb{scenario, o->value, content::pick(o->feedback, locale), std::nullopt};
    if (r.scenarios.size() == m.scenarios.size()) {
        std::vector<int> values;
        for (const auto& [id, a] : r.scenarios)
            values.push_back(a.value);
        const TimeMs now = events_.clock().now_ms();
        append(r, m.version, kAttemptFinished, {{"attempt", r.attempt}, {"started_ms", r.started_ms}, {"ended_ms", now},
                                     {"score", attitude_score(values)}, {"passed", true}});
        fb.finished = r.completions.back();
    }
    tx.commit();
    return fb;
}

// [SECTION] Skills: sign-off request ------------------------------------------------------

void OnboardingService::request_signoff(const identity::Actor& me, const std::string& module) {
    const content::Module& m = open_module(me, module, content::Pillar::Skills);
    store::Transaction tx(events_.db());
    ModuleRecord r = load_record(events_.db(), me.person_id, module);
    if (r.passed_in(m.version))
        throw OnboardingError(Code::AlreadyDone, "module '" + module + "' is already signed off");
    if (r.current_for(m.version) && r.signoff_requested_ms) return; // already in the lead's queue
    if (!(r.current_for(m.version) && r.attempt_open)) start_attempt(r, m);
    append(r, m.version, kSignoffRequested, {{"attempt", r.attempt}});
    tx.commit();
}

} // namespace trainer::onboarding
