#!/usr/bin/env python3
"""Only the central store's rows of bench/report.py's table (issue 18), printed; results.md untouched.
   BUILD=build [CENTRAL_AGENTS=2000] bench/central_report.py        runs central_bench on a throwaway cluster
   bench/central_report.py SAVED_OUTPUT AGENTS                        formats a saved central_bench output
bench/run measures these with everything else and rewrites bench/results.md."""
import os
import re
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import report  # noqa: E402

if len(sys.argv) == 3:
    with open(sys.argv[1]) as f:
        kv = {m.group(1): float(m.group(2)) for m in re.finditer(r"^(\w+)\s+([-0-9.eE+]+)\s*$", f.read(), re.M)}
    rows = report.central_table(kv, sys.argv[2])
else:
    rows = report.central_rows()
print("| benchmark | ours | baseline | ratio | target | met? |\n|---|---|---|---|---|---|")
for name, ours, base, ratio, target, met in rows:
    fmt = lambda v: "—" if v is None else (f"{v:.4g}" if isinstance(v, float) else str(v))
    print(f"| {name} | {fmt(ours)} | {fmt(base)} | {fmt(ratio)} | {target} | {'yes' if met else 'NO'} |")
