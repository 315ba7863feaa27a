#pragma once
// The onboarding service behind the track map and module screens (DESIGN §4.3): what a person
// sees, and each thing they do as one durable event (plus its derived rows, same transaction).
// A refused request throws OnboardingError (or identity::AccessDenied) and writes nothing.
#include "trainer/content/onboarding_model.hpp"
#include "trainer/core/clock.hpp"
#include "trainer/identity/access.hpp"
#include "trainer/onboarding/module_view.hpp"
#include "trainer/onboarding/track_map.hpp"
#include "trainer/store/event_store.hpp"
#include "trainer/store/payload.hpp"

#include <stdexcept>
#include <string>
#include <vector>

namespace trainer::onboarding {

class OnboardingError : public std::runtime_error {
  public:
    enum class Code {
        UnknownTrack, UnknownModule, UnknownPerson, UnknownQuestion, UnknownOption,
        UnknownScenario, UnknownStep, WrongPillar, NotAssigned, Locked, AlreadyAnswered,
        AlreadyDone, NoRequest, BadInput
    };
    OnboardingError(Code code, const std::string& what) : std::runtime_error(what), code_(code) {}
    Code code() const { return code_; }

  private:
    Code code_;
};

// Feedback right after answering one quiz question.
struct AnswerFeedback {
    std::string question_id;
    double score = 0;                        // 0..1 (quiz.hpp)
    std::vector<std::string> correct_options;
    QuestionView question;                   // options with chosen/correct/feedback revealed
    std::optional<Completion> finished;      // set when this answer completed the attempt
};

struct ScenarioFeedback {
    std::string scenario_id;
    int value = 0;                       // -2..+2
    std::string feedback;                // what the customer experiences
    std::optional<Completion> finished;  // set when every scenario is answered
};

class OnboardingService {
  public:
    OnboardingService(store::EventStore& events, const content::OnboardingContent& content);

    // The person's assigned tracks as maps. Needs can_view_person.
    std::vector<TrackMap> track_maps(const identity::Actor& actor, const std::string& person,
                                     std::string_view locale);
    // One module as the person left it. Needs can_view_person; reflections only for the person.
    ModuleView module_view(const identity::Actor& actor, const std::string& person,
                           const std::string& module, std::string_view locale);

    // The acting person's own steps (actor.person_id is the learner).
    void view_page(const identity::Actor& me, const std::string& module, int page);
    // Resumes the open attempt of the current version, or starts the next one (a retry).
    QuizView start_quiz(const identity::Actor& me, const std::string& module, std::string_view locale);
    AnswerFeedback answer_question(const identity::Actor& me, const std::string& module,
                                   const std::string& question, const std::vector<std::string>& chosen,
                                   std::string_view locale);
    ScenarioFeedback answer_scenario(const identity::Actor& me, const std::string& module,
                                     const std::string& scenario, const std::string& option,
                                     const std::string& reflection, std::string_view locale);
    // Puts the person in their lead's sign-off queue.
    void request_signoff(const identity::Actor& me, const std::string& module);

  private:
    const content::Module& open_module(const identity::Actor& me, const std::string& module,
                                       std::optional<content::Pillar> pillar);
    store::Event append(ModuleRecord& r, int version, const std::string& type, store::Payload payload);
    void start_attempt(ModuleRecord& r, const content::Module& m);

    store::EventStore& events_;
    const content::OnboardingContent& content_;
};

} // namespace trainer::onboarding
