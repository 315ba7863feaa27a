#pragma once
// `--central` for `trainer report` and `trainer motivation` (README "A central store for many
// desks"): the command runs on a scratch copy of every record this desk's credential may read at
// the centre — row-level security decides, not the desk — so a lead's desk reports on its teams
// and an `all` desk (headquarters, payroll) on the whole organisation. The copy lives in a private
// temporary folder and is deleted afterwards; what the command recorded there (its export.* audit
// entry) is recorded in the desk's own log.
#include "trainer/cli/cli.hpp"

namespace trainer::cli {

// Runs `run` with --db pointing at the scratch copy. Exit 3 when the centre is out of reach, 1
// when this desk has not joined one or the centre refuses it.
int run_on_central_copy(const Args& a, Io& io, int (*run)(const Args&, Io&));

} // namespace trainer::cli
