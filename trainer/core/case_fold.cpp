#include "trainer/core/case_fold.hpp"

#include <unicode/uchar.h>
#include <unicode/ustring.h>

#include <vector>

namespace trainer {

namespace {

std::string ascii_lower(std::string_view s) {
    std::string out(s);
    for (char& c : out)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return out;
}

} // namespace

std::string fold_case(std::string_view utf8) {
    if (utf8.empty()) return {};
    UErrorCode err = U_ZERO_ERROR;
    int32_t len16 = 0;
    u_strFromUTF8(nullptr, 0, &len16, utf8.data(), static_cast<int32_t>(utf8.size()), &err);
    if (err != U_BUFFER_OVERFLOW_ERROR && U_FAILURE(err)) return ascii_lower(utf8);
    err = U_ZERO_ERROR;
    std::vector<UChar> in(static_cast<std::size_t>(len16) + 1);
    u_strFromUTF8(in.data(), len16 + 1, nullptr, utf8.data(), static_cast<int32_t>(utf8.size()), &err);
    if (U_FAILURE(err)) return ascii_lower(utf8);
    // Full folding may lengthen the text (ß → ss): room for three units per unit is enough.
    std::vector<UChar> folded(static_cast<std::size_t>(len16) * 3 + 1);
    const int32_t flen = u_strFoldCase(folded.data(), static_cast<int32_t>(folded.size()), in.data(),
                                       len16, U_FOLD_CASE_DEFAULT, &err);
    if (U_FAILURE(err)) return ascii_lower(utf8);
    int32_t len8 = 0;
    u_strToUTF8(nullptr, 0, &len8, folded.data(), flen, &err);
    if (err != U_BUFFER_OVERFLOW_ERROR && U_FAILURE(err)) return ascii_lower(utf8);
    err = U_ZERO_ERROR;
    std::string out(static_cast<std::size_t>(len8), '\0');
    u_strToUTF8(out.data(), len8, nullptr, folded.data(), flen, &err);
    if (U_FAILURE(err) && err != U_STRING_NOT_TERMINATED_WARNING) return ascii_lower(utf8);
    return out;
}

} // namespace trainer
