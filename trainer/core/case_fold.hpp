#pragma once
// Unicode full case folding (ICU u_strFoldCase, default rules): what "the same e-mail or id,
// whatever the case" means for people's identifiers outside ASCII — "Łukasz.Żak@Example.com"
// and "łukasz.żak@example.com", "Дмитрий.Иванов@…" and "дмитрий.иванов@…" fold alike.
#include <string>
#include <string_view>

namespace trainer {

// The case-folded UTF-8 text; invalid UTF-8 is folded byte-wise for ASCII and kept otherwise.
std::string fold_case(std::string_view utf8);

} // namespace trainer
