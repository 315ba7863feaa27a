#pragma once
// One onboarding module (DESIGN §4.3): its lesson pages (with links that open the standards they
// teach), then its assessment — a knowledge quiz with feedback per question, attitude scenarios
// valued on the touchpoint scale with a private reflection, or a skills checklist the lead signs.
#include "kiosk/intent.hpp"
#include "kiosk/ui_context.hpp"
#include "trainer/content/model.hpp"
#include "trainer/onboarding/module_view.hpp"

#include <functional>
#include <optional>
#include <set>
#include <string>

namespace kiosk {

struct ModuleScreen {
    std::string module_id;
    int page = 0;                    // 0..pages-1: a lesson page; pages: the assessment
    std::set<std::string> selected;  // options ticked in the current question
    std::string shown_question;      // a just-answered question whose feedback stays on screen
    std::optional<trainer::onboarding::QuestionView> last_feedback; // that question, revealed
    std::string scenario_option;     // the response picked in the current scenario
    std::string reflection;          // what the person wrote (private)
    std::string shown_scenario;      // a just-answered scenario whose feedback stays on screen
    std::string message;             // why the last action was refused (translated)

    // The assessment's next step (check, next question, answer, ask for sign-off): drawn in the
    // bottom bar where "Next" was on the lesson pages, run on a tap or Enter.
    struct Action {
        std::string label;
        bool enabled = true;
        std::function<Intent()> run;
    };
    std::optional<Action> action;

    // Shows a lesson page's picture ("assets/..."): the app's texture cache; nullptr = none.
    std::function<const struct Picture*(const std::string&)> picture;

    void open(const std::string& id, int resume_page);
    Intent draw(const UiContext& ui, const trainer::onboarding::ModuleView& view,
                const trainer::content::ContentSet& set);

private:
    Intent draw_page(const UiContext& ui, const trainer::onboarding::ModuleView& v,
                     const trainer::content::ContentSet& set);
    Intent draw_quiz(const UiContext& ui, const trainer::onboarding::ModuleView& v);
    Intent draw_scenarios(const UiContext& ui, const trainer::onboarding::ModuleView& v);
    Intent draw_checklist(const UiContext& ui, const trainer::onboarding::ModuleView& v,
                          const trainer::content::ContentSet& set);
};

// Buttons that open the linked standards (cards) by title.
Intent draw_card_links(const UiContext& ui, const std::vector<std::string>& card_ids,
                       const trainer::content::ContentSet& set);

} // namespace kiosk
