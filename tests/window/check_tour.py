#!/usr/bin/env python3
"""Checks every dump a kiosk tour wrote (--tour DIR; kiosk/tour.hpp): the screen each target must
bring up, and no text cut off or drawn over other text (check_dump.check), at every size and in
every language of the tour.

usage: check_tour.py DIR EXPECTED_COUNT [--known-clipped STR]... [--signed-in NAME]
EXPECTED_COUNT: how many dumps the tour must have written (targets x languages x sizes), so a tour
cut short fails too.
--signed-in NAME: every screen shows who is signed in — the name whole, or shortened the way the
kiosk shortens it in a narrow top bar ("Dmitri V.", "D. V.", "Dmitri…"); never left out.
Every screen with the top bar's search field (all but the names grid and the PIN pads) shows the
field's whole hint ("Найти стандарт…"): the field is never squeezed narrower than it (issue 14).
No text shows a machine date ("QA score of 2026-11-06", "2026-12-06T09:23:35Z"): dates are in
words (a date field of a form holds exactly "2026-12-06" and is left alone).
"""
import glob
import json
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import check_dump  # noqa: E402

# The screen name (App::screen_name) each tour target must show.
SCREEN_OF = {
    "decks": "decks", "card": "card", "card-back": "card", "search": "search", "login": "login",
    "pin": "pin", "home": "home", "team": "team", "tracks": "tracks", "module": "module",
    "dashboard": "dashboard", "heatmap": "dashboard", "phases": "dashboard", "quality": "dashboard",
    "signoffs": "dashboard", "maturity": "maturity", "person": "person", "scores": "scores",
    "evaluate": "evaluation", "signoff": "signoff", "sign": "sign", "review": "review", "review-back": "review",
}


def catalog(lang):
    with open(os.path.join(HERE, "..", "..", "assets", "i18n", lang + ".json"), encoding="utf-8") as f:
        return json.load(f)


# The screens drawn without the top bar's search field.
NO_SEARCH_FIELD = {"login", "pin"}
MACHINE_DATE = re.compile(r"\b[0-9]{4}-[0-9]{2}-[0-9]{2}\b")


def name_forms(name):
    """The forms of a person's name the top bar may show: whole, "Dmitri V.", "D. V."."""
    words = name.split(" ")
    if len(words) < 2:
        return {name}
    first, last = words[0], words[-1]
    return {name, f"{first} {last[0]}.", f"{first[0]}. {last[0]}."}


def main(argv):
    if len(argv) < 2:
        raise SystemExit(__doc__)
    folder, count = argv[0], int(argv[1])
    known = []
    signed_in = None
    rest = argv[2:]
    while rest:
        if rest[0] not in ("--known-clipped", "--signed-in") or len(rest) < 2:
            raise SystemExit(f"check_tour: bad argument '{rest[0]}'\n{__doc__}")
        if rest[0] == "--signed-in":
            signed_in = rest[1]
        else:
            known.append(rest[1])
        rest = rest[2:]
    dumps = sorted(glob.glob(os.path.join(folder, "*.json")))
    failed = 0
    if len(dumps) != count:
        print(f"{folder}: {len(dumps)} dumps, expected {count}")
        failed += 1
    for path in dumps:
        m = re.match(r"(.+)-(en|pl|ru)-(\d+x\d+)\.json$", os.path.basename(path))
        if not m:
            print(f"{path}: not a tour dump name")
            failed += 1
            continue
        stem, lang = m.group(1), m.group(2)
        target = stem.split("_", 1)[0]
        want = {"screen": SCREEN_OF.get(target), "lang": lang, "i18n": None, "key": [], "text": [],
                "absent": [], "known-clipped": known}
        if want["screen"] is None:
            print(f"{path}: unknown tour target '{target}'")
            failed += 1
            continue
        with open(path, encoding="utf-8") as f:
            drawn = json.load(f)
        problems = check_dump.check(drawn, want, False)
        if signed_in and not any(it["text"] in name_forms(signed_in) or
                                 (it["text"].endswith("…") and signed_in.startswith(it["text"][:-1]) and len(it["text"]) > 2)
                                 for it in drawn.get("items", [])):
            problems.append(f"the signed-in name '{signed_in}' is not shown, not even shortened")
        if not drawn.get("items"):
            problems.append("nothing drawn")
        texts = [it["text"] for it in drawn.get("items", [])]
        if want["screen"] not in NO_SEARCH_FIELD and target != "search":  # (search:TEXT: the field holds TEXT)
            hint = catalog(lang)["search.hint"]
            if hint not in texts:
                shown = [t for t in texts if t.endswith("…") and hint.startswith(t[:-1].rstrip()[:3])]
                problems.append(f"the search field is narrower than its hint '{hint}' (shows {shown or 'none'})")
        for t in texts:
            # (a field that holds exactly a date is a form's date field, echoed in words beside it)
            if MACHINE_DATE.search(t) and not MACHINE_DATE.fullmatch(t.strip()):
                problems.append(f"a machine date, not one in words: '{t[:80]}'")
        if problems:
            failed += 1
            print(f"{os.path.basename(path)}: screen '{drawn.get('screen')}'")
            for p in problems:
                print("  " + p)
    print(f"{len(dumps)} screens checked, {failed} with problems")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
