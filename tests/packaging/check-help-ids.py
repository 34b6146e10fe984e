#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""check-help-ids.py SOURCE_ROOT: F1 in each page of the window opens
help:shangce/<id> (page_info[] in src/ui/sc-main-window-private.h); a help/C page
with that id must exist, be listed in help/meson.build and say which page
it describes, or F1 opens an error page in Yelp."""
import os
import re
import sys
import xml.etree.ElementTree as ET

MAL = "{http://projectmallard.org/1.0/}"


def main():
    root = sys.argv[1]
    errors = []
    with open(os.path.join(root, "src", "ui", "sc-main-window-private.h"), encoding="utf-8") as f:
        src = f.read()
    table = re.search(r"page_info\[\]\s*=\s*\{(.*?)\};", src, re.S)
    if not table:
        print("sc-main-window-private.h: page_info[] not found", file=sys.stderr)
        sys.exit(1)
    # { "overview", N_("Overview"), "view-grid-symbolic", "overview" },
    rows = re.findall(r'\{\s*"([^"]+)",\s*N_\("([^"]+)"\),\s*"[^"]*",\s*"([^"]+)"\s*\}',
                      table.group(1))
    if len(rows) < 4:
        errors.append(f"expected the four window pages in page_info[], found {len(rows)}")

    with open(os.path.join(root, "help", "meson.build"), encoding="utf-8") as f:
        listed = set(re.findall(r"'([\w-]+\.page)'", f.read()))

    for name, title, help_id in rows:
        page = os.path.join(root, "help", "C", help_id + ".page")
        if not os.path.isfile(page):
            errors.append(f"F1 on the {title} page opens help:shangce/{help_id}, "
                          f"but help/C/{help_id}.page does not exist")
            continue
        doc = ET.parse(page).getroot()
        if doc.get("id") != help_id:
            errors.append(f"help/C/{help_id}.page has id {doc.get('id')!r}, not {help_id!r}")
        if help_id + ".page" not in listed:
            errors.append(f"help/C/{help_id}.page is not in help/meson.build: it would not be installed")
        text = ET.tostring(doc, encoding="unicode", method="text")
        if title not in text:
            errors.append(f"help/C/{help_id}.page never names the {title!r} page")
        print(f"ok: {name} -> help:shangce/{help_id}")

    for e in errors:
        print("help ids: " + e, file=sys.stderr)
    sys.exit(1 if errors else 0)


if __name__ == "__main__":
    main()
