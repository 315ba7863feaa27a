#!/usr/bin/env python3
"""Checks what the kiosk drew in its last frame (--dump-text FILE; kiosk/text_dump.hpp).

usage: check_dump.py DUMP [--screen NAME] [--lang L --i18n DIR] [--key KEY]... [--text STR]...
                     [--absent STR]... [--allow-clipped] [--known-clipped STR]...

--screen   the screen on top must be NAME ("scores", "pin", "dashboard", ...)
--key      a catalog key whose text, in --lang, must appear (the part before its first
           placeholder, so "Team dashboard: {team}" matches "Team dashboard: Team North")
--text     a literal string that must appear (a person's name); spaces do not count, so "85 %"
           matches "85%" (en, pl) and "85\u00a0%" (ru), as each locale writes a percentage
--date     a day (YYYY-MM-DD) that must appear as the kiosk writes dates in every language: its
           day and year as numbers in one text item ("Dec 6, 2026", "6 gru 2026", "6 дек. 2026 г.")
--absent   a string that must not appear anywhere (another agent's name)
Unless --allow-clipped: no text item may be cut off by the window or cell that clips it, and no
two text items of one window may be drawn over each other (overlaps());
--known-clipped STR: a layout defect already known and still to fix — cut-off text whose window
name (e.g. "##tile") or text contains STR is listed but does not fail, so the rest stays checked.
Every failure is listed, with what was on screen instead.
"""
import json
import re
import sys

SPACES = re.compile(r"[\s\u00a0\u202f]+")


def squeezed(text):
    return SPACES.sub("", text)


def shows_day(texts, day):
    year, month, dom = day.split("-")
    pattern = re.compile(r"(?<!\d)" + str(int(dom)) + r"(?!\d)")
    return any(year in t and pattern.search(t.replace(year, " ")) for t in texts)


def catalog_text(i18n, lang, key):
    with open(f"{i18n}/{lang}.json", encoding="utf-8") as f:
        value = json.load(f).get(key)
    if not isinstance(value, str):
        raise SystemExit(f"check_dump: {i18n}/{lang}.json has no plain string for key '{key}'")
    return value.split("{", 1)[0].strip()


def visible(it):
    """The part of a text item's rectangle inside its clip rectangle: x1, y1, x2, y2."""
    c = it["clip"]
    return (max(it["x"], c[0]), max(it["y"], c[1]), min(it["x"] + it["w"], c[2]), min(it["y"] + it["h"], c[3]))


def overlaps(items, slack=2.0):
    """Pairs of text items of one window whose visible rectangles cover each other by more than
    `slack` pixels both ways: text written over text. Items of different windows (a popup over
    the screen, a scrolling child over its parent's background) are not compared."""
    found = []
    by_window = {}
    for it in items:
        by_window.setdefault(it["window"], []).append(it)
    for window, group in by_window.items():
        rects = [(visible(it), it) for it in group]
        rects.sort(key=lambda r: r[0][1])
        for i, (a, ia) in enumerate(rects):
            for b, ib in rects[i + 1:]:
                if b[1] >= a[3] - slack:
                    break  # sorted by top: nothing further down reaches into a
                dx = min(a[2], b[2]) - max(a[0], b[0])
                dy = min(a[3], b[3]) - max(a[1], b[1])
                if dx > slack and dy > slack:
                    found.append((ia, ib, window))
    return found


def check(drawn, want, allow_clipped):
    """Everything wrong with one dump, as lines."""
    items = drawn.get("items", [])
    texts = [it["text"] for it in items]
    problems = []
    if want["screen"] and drawn.get("screen") != want["screen"]:
        problems.append(f"screen is '{drawn.get('screen')}', expected '{want['screen']}'")
    expected = list(want["text"])
    for key in want["key"]:
        if not want["i18n"]:
            raise SystemExit("check_dump: --key needs --i18n DIR")
        expected.append(catalog_text(want["i18n"], want["lang"], key))
    for s in expected:
        if not any(squeezed(s) in squeezed(t) for t in texts):
            problems.append(f"'{s}' is not on screen")
    for day in want.get("date", []):
        if not shows_day(texts, day):
            problems.append(f"the day {day} is not on screen")
    for s in want["absent"]:
        for t in texts:
            if s in t:
                problems.append(f"'{s}' is on screen (in '{t}')")
    if not allow_clipped:
        for it in items:
            known = any(k in it["window"] or k in it["text"] for k in want["known-clipped"])
            if it["clipped"] and known:
                print("known layout defect, cut off: '{}' in {}".format(it["text"][:60], it["window"]))
            elif it["clipped"]:
                problems.append(
                    "clipped: '{}' at {:.0f},{:.0f} size {:.0f}x{:.0f} outside {} in window {}".format(
                        it["text"][:60], it["x"], it["y"], it["w"], it["h"],
                        [round(c) for c in it["clip"]], it["window"]))
        for a, b, window in overlaps(items):
            problems.append("overlap: '{}' at {:.0f},{:.0f} and '{}' at {:.0f},{:.0f} in window {}".format(
                a["text"][:40], a["x"], a["y"], b["text"][:40], b["x"], b["y"], window))
    return problems


def main(argv):
    if not argv:
        raise SystemExit(__doc__)
    dump, args = argv[0], argv[1:]
    want = {"screen": None, "lang": "en", "i18n": None, "key": [], "text": [], "date": [], "absent": [],
            "known-clipped": []}
    allow_clipped = False
    i = 0
    while i < len(args):
        a = args[i]
        if a == "--allow-clipped":
            allow_clipped = True
            i += 1
            continue
        name = a[2:]
        if not a.startswith("--") or name not in want or i + 1 >= len(args):
            raise SystemExit(f"check_dump: bad argument '{a}'\n{__doc__}")
        if isinstance(want[name], list):
            want[name].append(args[i + 1])
        else:
            want[name] = args[i + 1]
        i += 2
    try:
        with open(dump, encoding="utf-8") as f:
            drawn = json.load(f)
    except (OSError, ValueError) as e:
        raise SystemExit(f"check_dump: cannot read {dump}: {e}")
    problems = check(drawn, want, allow_clipped)
    texts = [it["text"] for it in drawn.get("items", [])]
    if problems:
        print(f"{dump}: screen '{drawn.get('screen')}', {len(texts)} text items")
        for p in problems:
            print("  " + p)
        print("  on screen: " + " | ".join(t.replace("\n", " ")[:50] for t in texts[:40]))
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
