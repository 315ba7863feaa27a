#include "trainer/quality/pass_mark.hpp"

namespace trainer::quality {

bool meets_qa_pass_mark(double percent, double pass_mark) { return percent >= pass_mark; }

bool evaluation_passes(const Score& s, double pass_mark) {
    return s.scored && !s.critical_failed && meets_qa_pass_mark(s.percent, pass_mark);
}

} // namespace trainer::quality
