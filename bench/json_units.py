#!/usr/bin/env python3
"""Counts the translation units that include nlohmann/json (bench/results.md, "Light headers").

Usage: bench/json_units.py [build/compile_commands.json [SOURCE_DIR]] [--list]
(SOURCE_DIR defaults to the current directory.)
Follows the project's own #include "..." and <trainer/...> lines from every unit in the
compilation database (conditional includes counted as taken); a unit counts when it reaches
<nlohmann/json.hpp> (the full header; <nlohmann/json_fwd.hpp> alone does not count).
"""
import json
import os
import re
import sys

INCLUDE = re.compile(r'^\s*#\s*include\s*([<"])([^">]+)[">]', re.M)


def main():
    args = [a for a in sys.argv[1:] if not a.startswith('--')]
    db_path = args[0] if args else 'build/compile_commands.json'
    with open(db_path) as f:
        units = json.load(f)
    root = os.path.abspath(args[1] if len(args) > 1 else '.')
    memo = {}

    def reaches(path, stack):
        if path in memo:
            return memo[path]
        if path in stack:
            return False
        stack.add(path)
        try:
            text = open(path, encoding='utf-8', errors='replace').read()
        except OSError:
            memo[path] = False
            return False
        found = False
        for kind, name in INCLUDE.findall(text):
            if name == 'nlohmann/json.hpp':
                found = True
                break
            for base in ([os.path.dirname(path)] if kind == '"' else []) + [root]:
                cand = os.path.normpath(os.path.join(base, name))
                if os.path.isfile(cand):
                    if reaches(cand, stack):
                        found = True
                    break
            if found:
                break
        stack.discard(path)
        memo[path] = found
        return found

    files = sorted({os.path.normpath(os.path.join(u['directory'], u['file'])) for u in units})
    files = [f for f in files if f.startswith(root)]
    hits = [f for f in files if reaches(f, set())]
    if '--list' in sys.argv:
        for h in hits:
            print(os.path.relpath(h, root))
    print(f'{len(hits)} of {len(files)} translation units include nlohmann/json.hpp')
    # The product's own units (issue 13's target: <= 40), without tests, bench and generated code.
    product = lambda f: os.path.relpath(f, root).split(os.sep)[0] in ('trainer', 'kiosk')
    print(f'{sum(map(product, hits))} of {sum(map(product, files))} trainer/ + kiosk/ units include it')


if __name__ == '__main__':
    main()
