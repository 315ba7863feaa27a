// Placeholder until the onboarding content kind lands: no folder is read yet.
#include "trainer/content/kinds.hpp"

namespace trainer::content {

void load_onboarding(const std::filesystem::path&, ContentSet&, LoadResult&) {}

} // namespace trainer::content
