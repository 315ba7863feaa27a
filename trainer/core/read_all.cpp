#include "trainer/core/read_all.hpp"

#include <istream>

namespace trainer {

std::string read_all(std::istream& in) {
    std::string out;
    auto* buffer = in.rdbuf();
    if (!buffer) return out;
    char block[1 << 16];
    for (;;) {
        const std::streamsize n = buffer->sgetn(block, sizeof block);
        if (n <= 0) break;
        out.append(block, static_cast<std::size_t>(n));
    }
    return out;
}

} // namespace trainer
