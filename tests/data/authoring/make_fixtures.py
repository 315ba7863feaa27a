#!/usr/bin/env python3
"""Writes the bad authoring files of this folder from tests/data/content_good (run by hand when
the sheet format changes; the tests only read the files). expected.tsv says what each must print."""
import csv, io, json, pathlib, zipfile
from xml.sax.saxutils import escape

HERE = pathlib.Path(__file__).parent
GOOD = HERE.parent / "content_good" / "decks"
FIELDS = ["title", "front", "back", "why", "phrasings", "avoid", "keywords"]
COLUMNS = ["id", "deck", "version", "flags", "tags"] + [f"{l} {f}" for l in ("en", "pl", "ru") for f in FIELDS]


def rows():
    out = [COLUMNS]
    for path in sorted(GOOD.glob("*.json")):
        deck = json.loads(path.read_text())
        for c in deck["cards"]:
            flags = [n for k, n in (("moment_of_truth", "moment-of-truth"), ("customer_effort", "customer-effort")) if c.get(k)]
            r = [c["id"], deck["id"], str(c["version"]), ", ".join(flags), ", ".join(c.get("tags", []))]
            for l in ("en", "pl", "ru"):
                t = c["text"].get(l, {})
                for f in FIELDS:
                    v = t.get(f, "")
                    r.append("\n".join(v) if isinstance(v, list) else v)
            out.append(r)
    return out


def write_csv(name, table):
    buf = io.StringIO()
    csv.writer(buf, lineterminator="\r\n").writerows(table)
    (HERE / name).write_text(buf.getvalue(), encoding="utf-8")


def col(i):
    s = ""
    i += 1
    while i:
        i, r = divmod(i - 1, 26)
        s = chr(65 + r) + s
    return s


def write_xlsx(name, table, formula=None, merged=None, edit=None):
    """A minimal workbook with inline strings; formula = (row, col, expr); merged = "A2:B2";
    edit(xml) -> xml changes the sheet's XML (damaged workbooks)."""
    sheet = ['<?xml version="1.0" encoding="UTF-8" standalone="yes"?>',
             '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>']
    for r, row in enumerate(table, 1):
        sheet.append(f'<row r="{r}">')
        for c, v in enumerate(row):
            ref = f"{col(c)}{r}"
            if formula and formula[:2] == (r, c):
                sheet.append(f'<c r="{ref}" t="str"><f>{escape(formula[2])}</f><v>{escape(v)}</v></c>')
            elif v:
                sheet.append(f'<c r="{ref}" t="inlineStr"><is><t xml:space="preserve">{escape(v)}</t></is></c>')
        sheet.append("</row>")
    sheet.append("</sheetData>")
    if merged:
        sheet.append(f'<mergeCells count="1"><mergeCell ref="{merged}"/></mergeCells>')
    sheet.append("</worksheet>")
    with zipfile.ZipFile(HERE / name, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>')
        z.writestr("xl/workbook.xml", '<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="cards" sheetId="1" r:id="rId1"/></sheets></workbook>')
        z.writestr("xl/_rels/workbook.xml.rels", '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>')
        xml = "".join(sheet)
        z.writestr("xl/worksheets/sheet1.xml", edit(xml) if edit else xml)


def po(name, header, entries):
    text = 'msgid ""\nmsgstr ""\n' + "".join(f'"{h}\\n"\n' for h in header) + "\n" + entries
    (HERE / name).write_text(text, encoding="utf-8")


base = rows()
ix = {name: i for i, name in enumerate(COLUMNS)}

write_csv("missing-locale.csv", [[v for i, v in enumerate(r) if not COLUMNS[i].startswith("ru ")] for r in base])
t = [list(r) for r in base]
t[0][ix["pl title"]] = "pl titel"
write_csv("unknown-column.csv", t)
t = [list(r) for r in base]
t[1][0] = "fc-greet-with-name"
write_csv("renamed.csv", t)
t = [list(r) for r in base]
for c in COLUMNS:
    if c[:3] in ("pl ", "ru "):
        t[2][ix[c]] = ""
write_csv("only-english.csv", t)
t = [list(r) for r in base]
t[1][ix["deck"]] = "no-such-deck"
t[1][ix["flags"]] = "moment-of-trust"
t[2][ix["en back"]] = ""
t[2][ix["en why"]] = "=HYPERLINK(\"http://example.com\")"
write_csv("bad-cells.csv", t)
t = [list(r) for r in base]
t[1][ix["version"]] = "0"
write_csv("version-zero.csv", t)
write_xlsx("merged.xlsx", base, merged="A2:B2")
write_xlsx("formula.xlsx", base, formula=(2, ix["en why"], 'CONCATENATE("Being named", " matters")'))
t = [list(r) for r in base]
t[1][ix["pl back"]] = ""
write_xlsx("emptied-translation.xlsx", t)
(HERE / "not-a-workbook.xlsx").write_text("id,deck\n", encoding="utf-8")
# A workbook whose sheet part no longer matches its checksum (a damaged copy): the CRC-32 of
# xl/worksheets/sheet1.xml is flipped in both its local header and the central directory.
write_xlsx("crc-mismatch.xlsx", base)
data = bytearray((HERE / "crc-mismatch.xlsx").read_bytes())
part = b"xl/worksheets/sheet1.xml"
for sig, crc_at, name_at in ((b"PK\x03\x04", 14, 30), (b"PK\x01\x02", 16, 46)):
    at = data.find(sig)
    while at >= 0:
        if data[at + name_at:at + name_at + len(part)] == part:
            data[at + crc_at] ^= 0xFF
        at = data.find(sig, at + 4)
(HERE / "crc-mismatch.xlsx").write_bytes(bytes(data))
# Sheets no spreadsheet program writes (seen while writing the xlsx fuzz target): a column far beyond XFD, a
# row number that is not a number, a shared string the workbook does not have.
write_xlsx("far-column.xlsx", base, edit=lambda x: x.replace('r="A2"', 'r="AAAAA2"', 1))
write_xlsx("row-number-text.xlsx", base, edit=lambda x: x.replace('<row r="2">', '<row r="two">', 1))
write_xlsx("shared-string-missing.xlsx", base,
           edit=lambda x: x.replace('<row r="2">', '<row r="2"><c r="Z2" t="s"><v>7</v></c>', 1))

PL = ["Project-Id-Version: trainer-content-cards", "Language: pl", "MIME-Version: 1.0",
      "Content-Type: text/plain; charset=UTF-8", "Content-Transfer-Encoding: 8bit",
      "Plural-Forms: nplurals=3; plural=(n==1 ? 0 : n%10>=2 && n%10<=4 && (n%100<10 || n%100>=20) ? 1 : 2);"]
title = 'msgctxt "fc-greet-by-name|title"\nmsgid "Greet by name"\nmsgstr "Witaj klienta po imieniu"\n'
po("other-project.po", ["Project-Id-Version: shop-checkout 2.1"] + PL[1:], title)
po("fuzzy.po", PL, "#, fuzzy\n" + title)
po("source-changed.po", PL, 'msgctxt "fc-greet-by-name|back"\nmsgid "Use the name once."\nmsgstr "Użyj imienia raz."\n\n' + title)
# A line the PO reader does not know that starts with a terminal escape: the finding quotes it escaped.
po("terminal-escape.po", PL, '\x1b[2Jmsgstr "x"\n\n' + title)
po("plural.po", PL, title + '\nmsgctxt "fc-greet-by-name|title"\nmsgid "one card"\nmsgid_plural "%d cards"\nmsgstr[0] "karta"\nmsgstr[1] "karty"\n')
po("plural-header.po", PL[:5] + ["Plural-Forms: nplurals=2; plural=(n != 1);"], title)

# Excel's "CSV (comma delimited)" in a Polish Windows: cp1250, the Russian text turned into '?'.
buf = io.StringIO()
csv.writer(buf, lineterminator="\r\n").writerows(base)
(HERE / "cp1250.csv").write_bytes(buf.getvalue().encode("cp1250", errors="replace"))
