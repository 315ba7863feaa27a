#pragma once
// Where a person reopening a module lands (DESIGN §4.3 "Continue where you left off"): the page
// they last read, or the assessment once they have begun it — after a sign-out, a restart or a
// crash alike, since the view is rebuilt from their events.
#include "trainer/onboarding/module_view.hpp"

namespace trainer::onboarding {

// True once the person has begun the assessment: passed, a sign-off asked for, a quiz attempt
// started or a scenario answered.
bool assessment_begun(const ModuleView& v);

// The page to show: 0..pages-1 a lesson page, pages.size() the assessment.
int resume_page(const ModuleView& v);

// Whether showing `page` counts as reading it (recorded for the next resume): a lesson page of a
// module not yet passed.
bool records_page_view(const ModuleView& v, int page);

} // namespace trainer::onboarding
