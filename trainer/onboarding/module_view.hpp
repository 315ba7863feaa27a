#pragma once
// What a module screen shows to the person doing it, rebuilt from the content and their record:
// the page they were on, the quiz in this attempt's option order with the answers and feedback so
// far, the scenarios answered, the checklist and whether a sign-off is pending. Pure functions.
#include "trainer/content/onboarding_model.hpp"
#include "trainer/onboarding/record.hpp"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace trainer::onboarding {

struct PageView {
    std::string title;
    std::string text;
    std::string image;              // "assets/..." or empty
    std::vector<std::string> cards; // card ids: the screen opens the card on a tap
};

struct OptionView {
    std::string id;
    std::string text;
    bool chosen = false;
    // Revealed only once the question is answered:
    bool correct = false;
    std::string feedback;
};

struct QuestionView {
    std::string id;
    content::QuestionKind kind = content::QuestionKind::Single;
    std::string prompt;
    std::vector<OptionView> options; // in this attempt's shuffled order
    bool answered = false;
    double score = 0;
    std::string explanation;         // revealed once answered
};

struct QuizView {
    int attempt = 0;        // 0: no attempt yet
    bool attempt_open = false;
    double pass_mark = 0;
    int answered = 0;
    std::vector<QuestionView> questions;
    std::optional<Completion> last_result; // the latest finished attempt of this version
    std::vector<QuestionView> missed;      // no attempt open: that attempt's questions not fully right, revealed
};

struct ScenarioOptionView {
    std::string id;
    std::string text;
    bool chosen = false;
    int value = 0;          // revealed once answered
    std::string feedback;   // what the customer experiences; revealed once answered
};

struct ScenarioView {
    std::string id;
    std::string situation;
    std::vector<ScenarioOptionView> options;
    std::string reflection_prompt;
    bool answered = false;
    std::string reflection; // the person's own text; empty unless the viewer is that person
};

struct StepView {
    std::string id;
    std::string text;
    std::vector<std::string> cards;
};

struct ModuleView {
    std::string module_id;
    content::Pillar pillar = content::Pillar::Knowledge;
    int version = 1;
    std::string title;
    std::string summary;
    int minutes = 0;
    int current_page = 0; // where to resume
    std::vector<PageView> pages;
    std::optional<QuizView> quiz;         // knowledge
    std::vector<ScenarioView> scenarios;  // attitude
    std::vector<StepView> steps;          // skills
    double checklist_pass_mark = 0;
    bool signoff_pending = false;
    std::optional<Completion> passed;     // passed completion of this version
};

// `with_private` includes the person's reflections (only when the viewer is that person).
ModuleView build_module_view(const content::Module& m, const ModuleRecord& r,
                             std::string_view locale, bool with_private);

// The same question in another language (the person switched language with its feedback on
// screen): prompt, options, explanation and revealed feedback from `m`; ids, order, what was
// chosen and the score stay. A question `m` no longer has is returned unchanged.
QuestionView relocalised(const content::Module& m, QuestionView q, std::string_view locale);

} // namespace trainer::onboarding
