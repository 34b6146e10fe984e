#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""What each program loads at start-up (its DT_NEEDED entries).

`shangce` is the command line: no GTK or libadwaita (the window is
shangce-app), and no libxlsxwriter, which with libminizip and libcrypto
costs every command about 1 ms; --format xlsx is handed to shangce-xlsx
(src/cli/sc-cli-xlsx.h). Nor libxml2, which with ICU and libstdc++ costs
about 1.3 ms: it is opened when the command first reads XML
(src/core/sc-xml-lazy.c), unless meson found no way to, which it says in
its log ("libxml2 opened on first use"). This fails when a change links
them again.
"""
import subprocess
import sys


def needed(path):
    out = subprocess.run(["readelf", "-d", path], check=True, capture_output=True, text=True).stdout
    return [line.split("[", 1)[1].split("]", 1)[0] for line in out.splitlines() if "(NEEDED)" in line]


def main():
    shangce, xlsx, app = sys.argv[1:4]
    lazy_xml = len(sys.argv) > 4 and sys.argv[4] == "lazy-xml"
    problems = []
    cli = needed(shangce)
    for lib in cli:
        for banned in ("libgtk-4", "libadwaita", "libxlsxwriter", "libcrypto", "libminizip"):
            if lib.startswith(banned):
                problems.append(f"{shangce} loads {lib}")
        if lib.startswith("libxml2") and lazy_xml:
            problems.append(f"{shangce} loads {lib} at start: a libxml2 function the core now calls "
                            "is missing from SC_XML_LAZY_FUNCTIONS (src/core/sc-xml-lazy.c)")
    if not any(lib.startswith("libxlsxwriter") for lib in needed(xlsx)):
        problems.append(f"{xlsx} does not load libxlsxwriter: it could not write workbooks")
    if not any(lib.startswith("libgtk-4") for lib in needed(app)):
        problems.append(f"{app} does not load GTK")
    for p in problems:
        print(p)
    print(f"{shangce}: {len(cli)} libraries: {' '.join(cli)}")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
