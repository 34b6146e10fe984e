#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""check-screenshots.py SOURCE_ROOT METAINFO: every screenshot the metainfo
names is a file in data/screenshots/ (its URL is the file on the main
branch) with the width and height the metainfo states, so software centres
neither show a broken image nor lay it out at the wrong size."""
import os
import struct
import sys
import xml.etree.ElementTree as ET

PREFIX = "https://raw.githubusercontent.com/shangce/shangce/main/"


def png_size(path):
    with open(path, "rb") as f:
        head = f.read(24)
    if head[:8] != b"\x89PNG\r\n\x1a\n" or head[12:16] != b"IHDR":
        return None
    return struct.unpack(">II", head[16:24])


def main():
    root, metainfo = sys.argv[1:3]
    errors = []
    images = ET.parse(metainfo).getroot().findall("screenshots/screenshot/image")
    if not images:
        errors.append("no screenshots")
    for img in images:
        url = (img.text or "").strip()
        if not url.startswith(PREFIX):
            errors.append(f"{url}: not under {PREFIX}")
            continue
        rel = url[len(PREFIX):]
        path = os.path.join(root, rel)
        if not os.path.isfile(path):
            errors.append(f"{url}: {rel} is not in the tree")
            continue
        size = png_size(path)
        want = (int(img.get("width", 0)), int(img.get("height", 0)))
        if size != want:
            errors.append(f"{rel}: the metainfo says {want[0]}x{want[1]}, the file is "
                          + (f"{size[0]}x{size[1]}" if size else "not a PNG"))
        else:
            print(f"ok: {rel} {size[0]}x{size[1]}")
    for e in errors:
        print("screenshots: " + e, file=sys.stderr)
    sys.exit(1 if errors else 0)


if __name__ == "__main__":
    main()
