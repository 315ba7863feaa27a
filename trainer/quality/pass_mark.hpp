#pragma once
// Whether a QA score passes (DESIGN §4.5): the pass mark is configurable (`qa_pass_mark` in the
// motivation config, docs/motivation.md), and every place that colours, counts or exports a pass
// asks here — the xAPI export, the lead's dashboard and the agent's own scores alike.
#include "trainer/quality/scoring.hpp"

namespace trainer::quality {

// A mean or single score in % reaches the pass mark (in %).
bool meets_qa_pass_mark(double percent, double pass_mark);

// An evaluation passes when it was scored, no critical criterion failed and its score reaches
// the pass mark.
bool evaluation_passes(const Score& s, double pass_mark);

} // namespace trainer::quality
