// libFuzzer: any bytes → text::problem (every kind) and text::escape_for_display. Promises under
// test: the escape never lets a control, bidi or line-separator character through, and a value
// the policy accepts as an id or a name has none either.
#include "trainer/core/text_policy.hpp"

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

using namespace trainer;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view in(reinterpret_cast<const char*>(data), size);
    const std::string shown = text::escape_for_display(in);
    // The escaped text is itself acceptable as one line (no controls, valid UTF-8).
    if (shown.size() <= text::max_bytes(text::Kind::MultiLine) && text::problem(shown, text::Kind::MultiLine))
        std::abort();
    if (shown.find('\n') != std::string::npos || shown.find('\x1b') != std::string::npos) std::abort();
    if (!text::problem(in, text::Kind::Name) && in.find_first_of(std::string_view("\0\n\r\x1b\x7f", 5)) != std::string_view::npos)
        std::abort();
    for (auto k : {text::Kind::Id, text::Kind::Line, text::Kind::MultiLine}) (void)text::problem(in, k);
    return 0;
}
