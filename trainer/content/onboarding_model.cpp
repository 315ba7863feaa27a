#include "trainer/content/onboarding_model.hpp"

#include <algorithm>
#include <functional>
#include <map>

namespace trainer::content {

namespace {
template <class T> const T* find_by_id(const std::vector<T>& items, std::string_view id) {
    auto it = std::find_if(items.begin(), items.end(), [&](const T& x) { return x.id == id; });
    return it == items.end() ? nullptr : &*it;
}
} // namespace

const char* pillar_name(Pillar p) {
    switch (p) {
    case Pillar::Knowledge: return "knowledge";
    case Pillar::Attitude: return "attitude";
    case Pillar::Skills: return "skills";
    }
    return "unknown";
}

std::optional<Pillar> parse_pillar(std::string_view s) {
    for (Pillar p : {Pillar::Knowledge, Pillar::Attitude, Pillar::Skills})
        if (s == pillar_name(p)) return p;
    return std::nullopt;
}

const char* question_kind_name(QuestionKind k) {
    return k == QuestionKind::Single ? "single" : "multiple";
}

const QuizOption* QuizQuestion::find_option(std::string_view option_id) const {
    return find_by_id(options, option_id);
}

int QuizQuestion::correct_count() const {
    return static_cast<int>(
        std::count_if(options.begin(), options.end(), [](const QuizOption& o) { return o.correct; }));
}

const QuizQuestion* Quiz::find_question(std::string_view question_id) const {
    return find_by_id(questions, question_id);
}

const ScenarioOption* Scenario::find_option(std::string_view option_id) const {
    return find_by_id(options, option_id);
}

const ChecklistStep* Checklist::find_step(std::string_view step_id) const {
    return find_by_id(steps, step_id);
}

const Scenario* Module::find_scenario(std::string_view scenario_id) const {
    return find_by_id(scenarios, scenario_id);
}

int Module::assessment_items() const {
    switch (pillar) {
    case Pillar::Knowledge: return static_cast<int>(quiz.questions.size());
    case Pillar::Attitude: return static_cast<int>(scenarios.size());
    case Pillar::Skills: return 1;
    }
    return 0;
}

const TrackModule* Track::find(std::string_view module_id) const {
    auto it = std::find_if(modules.begin(), modules.end(),
                           [&](const TrackModule& m) { return m.module == module_id; });
    return it == modules.end() ? nullptr : &*it;
}

const Module* OnboardingContent::find_module(std::string_view id) const {
    return find_by_id(modules, id);
}

const Track* OnboardingContent::find_track(std::string_view id) const {
    return find_by_id(tracks, id);
}

std::vector<std::string> find_prerequisite_cycle(const Track& track) {
    // Depth-first search with three colours; the grey path is the stack of the current walk.
    enum class Colour { White, Grey, Black };
    std::map<std::string, Colour, std::less<>> colour;
    for (const auto& m : track.modules)
        colour[m.module] = Colour::White;
    std::vector<std::string> path, cycle;
    std::function<bool(const std::string&)> visit = [&](const std::string& id) {
        colour[id] = Colour::Grey;
        path.push_back(id);
        if (const TrackModule* tm = track.find(id))
            for (const auto& next : tm->prerequisites) {
                auto it = colour.find(next);
                if (it == colour.end() || next == id) continue; // reported on their own
                if (it->second == Colour::Grey) {
                    auto from = std::find(path.begin(), path.end(), next);
                    cycle.assign(from, path.end());
                    cycle.push_back(next);
                    return true;
                }
                if (it->second == Colour::White && visit(next)) return true;
            }
        path.pop_back();
        colour[id] = Colour::Black;
        return false;
    };
    for (const auto& m : track.modules)
        if (colour[m.module] == Colour::White && visit(m.module)) return cycle;
    return {};
}

} // namespace trainer::content
