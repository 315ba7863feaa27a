// Placeholder until the change content kind lands: no folder is read yet.
#include "trainer/content/kinds.hpp"

namespace trainer::content {

void load_change(const std::filesystem::path&, ContentSet&, LoadResult&) {}

} // namespace trainer::content
