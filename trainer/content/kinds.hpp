#pragma once
// Content kinds beyond the decks. Each reads its own folder under the content directory, adds
// its typed content to the set, its counts to r.counts / r.complete_text, and every problem
// (with file, line, column, JSON pointer) to r.diagnostics. A kind whose folder is absent adds
// nothing. They run after the decks, so card links can be checked against set.card_index.
#include "trainer/content/loader.hpp"

#include <filesystem>

namespace trainer::content {

// content/modules/*.json and content/tracks/*.json (trainer/content/onboarding_loader.cpp)
void load_onboarding(const std::filesystem::path& dir, ContentSet& set, LoadResult& r);
// content/change/*.json: rollouts, pulse statements, phase actions, maturity questions
// (trainer/content/change_loader.cpp)
void load_change(const std::filesystem::path& dir, ContentSet& set, LoadResult& r);
// content/quality/*.json: QA scorecards (trainer/content/quality_loader.cpp)
void load_quality(const std::filesystem::path& dir, ContentSet& set, LoadResult& r);
// content/rules/*.json: local rules per country, e.g. complaint deadlines
// (trainer/content/rules_loader.cpp)
void load_rules(const std::filesystem::path& dir, ContentSet& set, LoadResult& r);

} // namespace trainer::content
