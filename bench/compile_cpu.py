#!/usr/bin/env python3
"""CPU seconds to compile translation units as the build does (bench/results.md, "Light headers").

Usage: bench/compile_cpu.py BUILD/compile_commands.json [UNIT...|@LIST]
Runs each unit's compile command from the compilation database one at a time (ccache stripped,
object written to a temporary file) and prints the user+sys CPU seconds of the compilers. With no
units named, compiles every unit: the CPU time of a clean build without linking. CPU time, not
wall time, so the figure holds on a shared, loaded machine.
"""
import json
import os
import resource
import shlex
import subprocess
import sys
import tempfile


def main():
    db_path = sys.argv[1]
    wanted = []
    for a in sys.argv[2:]:
        if a.startswith('@'):
            wanted += [l.strip() for l in open(a[1:]) if l.strip()]
        else:
            wanted.append(a)
    units = json.load(open(db_path))
    chosen = [u for u in units if not wanted or any(u['file'].endswith('/' + w) for w in wanted)]
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    with tempfile.TemporaryDirectory() as tmp:
        obj = os.path.join(tmp, 'unit.o')
        for u in chosen:
            args = u['arguments'] if 'arguments' in u else shlex.split(u['command'])
            if os.path.basename(args[0]) == 'ccache':
                args = args[1:]
            out = []
            skip = False
            for a in args:
                if skip:
                    skip = False
                    continue
                if a == '-o':
                    out += ['-o', obj]
                    skip = True
                    continue
                if a in ('-MD', '-MMD'):
                    continue
                if a in ('-MF', '-MT', '-MQ'):
                    skip = True
                    continue
                out.append(a)
            subprocess.run(out, cwd=u['directory'], check=True)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    print(f'{len(chosen)} units: {cpu:.1f} CPU s')


if __name__ == '__main__':
    main()
