// trainer fsrs replay [FILE]
#include "trainer/cli/cli.hpp"
#include "trainer/core/read_all.hpp"
#include "trainer/fsrs/replay.hpp"

#include <fstream>
#include <iterator>
#include <sstream>
#include <stdexcept>

namespace trainer::cli {
namespace {

int cmd_fsrs_replay(const Args& a, Io& io) {
    std::string text;
    if (a.positional.empty() || a.positional[0] == "-") {
        text = read_all(io.in);
    } else {
        std::ifstream in(a.positional[0], std::ios::binary);
        if (!in) throw std::runtime_error("cannot read " + a.positional[0]);
        text = read_all(in);
        if (in.bad()) throw std::runtime_error("cannot read " + a.positional[0]);
    }
    // The whole output is built before anything is written: an error never leaves a partial array.
    const std::string out = fsrs::replay(text);
    io.out << out;
    return 0;
}

const Registration kFsrsReplay{
    {"fsrs replay", "trainer fsrs replay [FILE]",
     "replay reviews {params, reviews:[{time, rating}]} through the FSRS-6 scheduler (FILE or stdin)",
     {}, cmd_fsrs_replay, 1}};

} // namespace
} // namespace trainer::cli
