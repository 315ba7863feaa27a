#!/usr/bin/env python3
"""Reads a live text dump (kiosk --dump-text FILE without --frames) for end-to-end scripts.

usage: dump_query.py DUMP screen              prints the screen on top
       dump_query.py DUMP has TEXT            exit 0 when some text item contains TEXT
       dump_query.py DUMP centre TEXT         prints "X Y" of the first item whose text is TEXT
                                              (exactly, else containing it): where to tap
       dump_query.py DUMP wait-screen NAME [S] waits up to S seconds (default 30) until NAME is the
                                              screen on top: a script waits for what it needs to
                                              see instead of sleeping a guessed time
       dump_query.py DUMP wait-text TEXT [S]  waits until some text item contains TEXT
       dump_query.py DUMP wait-exact TEXT [S] waits until some text item is TEXT exactly (what a
                                              text field holds while someone types into it)
"""
import json
import sys
import time


def load(path):
    for _ in range(50):  # the kiosk renames a fresh dump over it after each frame
        try:
            with open(path, encoding="utf-8") as f:
                return json.load(f)
        except (OSError, ValueError):
            time.sleep(0.1)
    raise SystemExit(f"dump_query: cannot read {path}")


def wait(path, what, value, seconds):
    deadline = time.monotonic() + seconds
    while True:
        try:  # the first frame may not be drawn yet; a fresh dump is renamed over the old one
            with open(path, encoding="utf-8") as f:
                drawn = json.load(f)
        except (OSError, ValueError):
            drawn = {}
        if what == "screen" and drawn.get("screen", "") == value:
            return 0
        if what == "text" and any(value in it["text"] for it in drawn.get("items", [])):
            return 0
        if what == "exact" and any(value == it["text"] for it in drawn.get("items", [])):
            return 0
        if time.monotonic() > deadline:
            shown = " | ".join(it["text"][:40] for it in drawn.get("items", [])[:30])
            print(f"waited {seconds} s for {what} '{value}'; the screen is '{drawn.get('screen', '')}': {shown}",
                  file=sys.stderr)
            return 1
        time.sleep(0.1)


def main(argv):
    if len(argv) < 2:
        raise SystemExit(__doc__)
    if argv[1] in ("wait-screen", "wait-text", "wait-exact") and len(argv) >= 3:
        seconds = float(argv[3]) if len(argv) > 3 else 30.0
        return wait(argv[0], argv[1][5:], argv[2], seconds)
    drawn = load(argv[0])
    items = drawn.get("items", [])
    if argv[1] == "screen":
        print(drawn.get("screen", ""))
        return 0
    if len(argv) < 3:
        raise SystemExit(__doc__)
    text = argv[2]
    if argv[1] == "has":
        return 0 if any(text in it["text"] for it in items) else 1
    if argv[1] == "centre":
        hits = [it for it in items if it["text"] == text] or [it for it in items if text in it["text"]]
        if not hits:
            print(f"'{text}' is not on screen; on screen: " + " | ".join(it["text"][:40] for it in items),
                  file=sys.stderr)
            return 1
        it = hits[0]
        print(f"{round(it['x'] + it['w'] / 2)} {round(it['y'] + it['h'] / 2)}")
        return 0
    raise SystemExit(__doc__)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
