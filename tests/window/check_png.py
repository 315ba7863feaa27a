#!/usr/bin/env python3
"""Checks a kiosk screenshot: expected size, and not blank (enough ink and colours).

usage: check_png.py FILE WIDTH HEIGHT
A dependency-free PNG reader (8-bit RGB/RGBA, non-interlaced: what stb_image_write produces).
"""
import struct
import sys
import zlib


def read_png(path):
    data = open(path, "rb").read()
    if data[:8] != b"\x89PNG\r\n\x1a\n":
        raise ValueError(f"{path}: not a PNG file")
    pos, idat, width = 8, b"", None
    while pos < len(data):
        length, kind = struct.unpack(">I4s", data[pos:pos + 8])
        body = data[pos + 8:pos + 8 + length]
        if kind == b"IHDR":
            width, height, depth, ctype, _, _, interlace = struct.unpack(">IIBBBBB", body)
            if depth != 8 or ctype not in (2, 6) or interlace:
                raise ValueError(f"{path}: unsupported PNG layout")
            bpp = 3 if ctype == 2 else 4
        elif kind == b"IDAT":
            idat += body
        pos += 12 + length
    raw = zlib.decompress(idat)
    stride = width * bpp
    if len(raw) != height * (stride + 1):
        raise ValueError(f"{path}: {len(raw)} bytes of image data, expected {height * (stride + 1)}")
    if all(raw[y * (stride + 1)] == 0 for y in range(height)):
        # No row filtered (the kiosk writes its screenshots so): the rows are the bytes as they are.
        return width, height, bpp, [raw[y * (stride + 1) + 1:(y + 1) * (stride + 1)] for y in range(height)]
    rows, prev = [], bytearray(stride)
    for y in range(height):
        f = raw[y * (stride + 1)]
        line = bytearray(raw[y * (stride + 1) + 1:(y + 1) * (stride + 1)])
        for i in range(stride):
            a = line[i - bpp] if i >= bpp else 0
            b = prev[i]
            c = prev[i - bpp] if i >= bpp else 0
            if f == 1:
                line[i] = (line[i] + a) & 255
            elif f == 2:
                line[i] = (line[i] + b) & 255
            elif f == 3:
                line[i] = (line[i] + (a + b) // 2) & 255
            elif f == 4:
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                line[i] = (line[i] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 255
        rows.append(bytes(line))
        prev = line
    return width, height, bpp, rows


def main():
    path, want_w, want_h = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
    w, h, bpp, rows = read_png(path)
    if (w, h) != (want_w, want_h):
        sys.exit(f"{path}: size {w}x{h}, expected {want_w}x{want_h}")
    background = rows[h - 1][0:3]
    colours, ink = set(), 0
    for y in range(0, h, 2):
        row = rows[y]
        for x in range(0, w * bpp, bpp * 2):
            px = row[x:x + 3]
            colours.add(px)
            if px != background:
                ink += 1
    sampled = (h // 2) * (w // 2)
    share = ink / sampled
    if len(colours) < 50 or share < 0.03:
        sys.exit(f"{path}: looks blank ({len(colours)} colours, {share:.1%} non-background)")
    print(f"{path}: {w}x{h}, {len(colours)} colours, {share:.1%} non-background: ok")


if __name__ == "__main__":
    main()
