#pragma once
// Onboarding content (DESIGN §4.3): tracks of modules on the knowledge / attitude / skills
// triangle. What content/modules/*.json and content/tracks/*.json become after validation
// (format: content/README.md). Every LocalText has "en"; pl/ru may be missing (English shown).
#include "trainer/content/model.hpp"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace trainer::content {

enum class Pillar { Knowledge, Attitude, Skills };
const char* pillar_name(Pillar p); // "knowledge" | "attitude" | "skills"
std::optional<Pillar> parse_pillar(std::string_view s);

struct LessonPage {
    LocalText title;
    LocalText text;
    std::string image;              // "assets/..." or empty
    std::vector<std::string> cards; // standard cards this page links to (they exist)
};

enum class QuestionKind { Single, Multiple };
const char* question_kind_name(QuestionKind k); // "single" | "multiple"

struct QuizOption {
    std::string id;
    LocalText text;
    bool correct = false;
    LocalText feedback; // shown after answering, whatever was chosen
};

struct QuizQuestion {
    std::string id;
    QuestionKind kind = QuestionKind::Single;
    LocalText prompt;
    std::vector<QuizOption> options; // authoring order; shuffled per attempt when shown
    LocalText explanation;
    const QuizOption* find_option(std::string_view id) const;
    int correct_count() const;
};

struct Quiz {
    double pass_mark = 0.8; // 0..1 of the mean question score
    std::vector<QuizQuestion> questions;
    const QuizQuestion* find_question(std::string_view id) const;
};

// The touchpoint valuation scale: -2 (far below what the customer expects) .. 0 (what they
// expect) .. +2 (well above).
inline constexpr int kMinValuation = -2, kMaxValuation = 2;

struct ScenarioOption {
    std::string id;
    LocalText text;
    int value = 0;      // kMinValuation..kMaxValuation
    LocalText feedback; // what the customer experiences
};

struct Scenario {
    std::string id;
    LocalText situation;
    std::vector<ScenarioOption> options; // 3..5
    LocalText reflection;                // prompt for private free text
    const ScenarioOption* find_option(std::string_view id) const;
};

struct ChecklistStep {
    std::string id;
    LocalText text;
    std::vector<std::string> cards; // pushed to the review queue when the step is not shown
};

struct Checklist {
    double pass_mark = 0.8; // 0..1 of the steps shown
    std::vector<ChecklistStep> steps;
    const ChecklistStep* find_step(std::string_view id) const;
};

struct Module {
    std::string id;
    Pillar pillar = Pillar::Knowledge;
    int version = 1; // raised when the module changes: it re-opens for everyone
    LocalText title;
    LocalText summary;
    int minutes = 0; // estimate shown on the track map
    std::vector<LessonPage> pages;
    // Exactly one assessment, the one of the pillar.
    Quiz quiz;                        // knowledge
    std::vector<Scenario> scenarios;  // attitude
    Checklist checklist;              // skills
    std::string file;                 // where it was defined (for messages)

    const Scenario* find_scenario(std::string_view id) const;
    // Items of the assessment: questions, scenarios, or 1 (the sign-off) for skills.
    int assessment_items() const;
};

struct TrackModule {
    std::string module;
    std::vector<std::string> prerequisites; // module ids of the same track
};

struct Track {
    std::string id;
    int version = 1;
    LocalText title;
    LocalText description;
    std::optional<int> auto_assign_within_days; // assign to people hired within N days
    std::vector<TrackModule> modules;           // display order
    std::string file;
    const TrackModule* find(std::string_view module_id) const;
};

struct OnboardingContent {
    std::vector<Module> modules; // file-name order
    std::vector<Track> tracks;
    const Module* find_module(std::string_view id) const;
    const Track* find_track(std::string_view id) const;
};

// A prerequisite cycle of a track as the module ids along it, the first repeated at the end
// ("a", "b", "a"); empty when there is none. Prerequisites outside the track and a module
// requiring itself are ignored (the loader reports those on their own).
std::vector<std::string> find_prerequisite_cycle(const Track& track);

} // namespace trainer::content
