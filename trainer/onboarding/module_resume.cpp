#include "trainer/onboarding/module_resume.hpp"

#include <algorithm>

namespace trainer::onboarding {

bool assessment_begun(const ModuleView& v) {
    return v.passed || v.signoff_pending || (v.quiz && v.quiz->attempt > 0) ||
           std::any_of(v.scenarios.begin(), v.scenarios.end(), [](const ScenarioView& s) { return s.answered; });
}

int resume_page(const ModuleView& v) {
    const int pages = static_cast<int>(v.pages.size());
    return assessment_begun(v) ? pages : std::clamp(v.current_page, 0, pages);
}

bool records_page_view(const ModuleView& v, int page) {
    return !v.passed && page >= 0 && page < static_cast<int>(v.pages.size());
}

} // namespace trainer::onboarding
