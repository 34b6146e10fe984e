#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""check-app-id.py SOURCE_ROOT BUILT_DESKTOP BUILT_METAINFO: one application
id everywhere (desktop file, metainfo, GSettings schema, icons, MIME file,
GResource prefix, Flatpak), one binary name and one gettext domain."""
import configparser
import json
import os
import sys
import xml.etree.ElementTree as ET

APP_ID = "io.github.shangce.Shangce"
PREFIX = "/io/github/shangce/Shangce"
errors = []


def check(cond, msg):
    if not cond:
        errors.append(msg)


def main():
    root, desktop, metainfo = sys.argv[1:4]

    d = configparser.RawConfigParser(strict=False, interpolation=None)
    d.optionxform = str
    d.read(desktop, encoding="utf-8")
    entry = d["Desktop Entry"]
    check(os.path.basename(desktop) == APP_ID + ".desktop", "desktop file name")
    check(entry.get("Icon") == APP_ID, f"desktop Icon={entry.get('Icon')}")
    check(entry.get("Exec", "").split()[0] == "shangce", "desktop Exec is not shangce")
    check("application/x-shangce-profile;" in entry.get("MimeType", ""), "desktop MimeType")
    check("Name[zh_CN]" in entry, "desktop file has no zh_CN name (translation not merged)")

    m = ET.parse(metainfo).getroot()
    check(m.findtext("id") == APP_ID, "metainfo id")
    check(m.findtext("launchable") == APP_ID + ".desktop", "metainfo launchable")
    check(m.findtext("provides/binary") == "shangce", "metainfo binary")
    check(m.findtext("translation") == "shangce", "metainfo gettext domain")
    check(m.findtext("project_license") == "GPL-3.0-or-later", "project licence")
    check(m.findtext("metadata_license") == "CC0-1.0", "metadata licence")
    rel = m.find("releases/release")
    check(rel is not None and rel.get("version") == "0.1.0" and rel.get("date") == "2026-11-22",
          "release 0.1.0 dated 2026-11-22")
    zh = [s for s in m.iter("summary")
          if s.get("{http://www.w3.org/XML/1998/namespace}lang") == "zh_CN"]
    check(bool(zh), "metainfo has no zh_CN summary (translation not merged)")

    s = ET.parse(os.path.join(root, "data", APP_ID + ".gschema.xml")).getroot()
    check(s.get("gettext-domain") == "shangce", "schema gettext-domain")
    schema = s.find("schema")
    check(schema.get("id") == APP_ID, "schema id")
    check(schema.get("path") == PREFIX + "/", "schema path")

    for p in ("data/icons/hicolor/scalable/apps/" + APP_ID + ".svg",
              "data/icons/hicolor/symbolic/apps/" + APP_ID + "-symbolic.svg",
              "data/" + APP_ID + ".mime.xml",
              "flatpak/" + APP_ID + ".json"):
        check(os.path.isfile(os.path.join(root, p)), f"missing {p}")

    res = ET.parse(os.path.join(root, "src", "ui", "shangce.gresource.xml")).getroot()
    for g in res.iter("gresource"):
        check(g.get("prefix").rstrip("/").startswith(PREFIX), f"GResource prefix {g.get('prefix')}")

    with open(os.path.join(root, "flatpak", APP_ID + ".json"), encoding="utf-8") as f:
        check(json.load(f).get("id") == APP_ID, "Flatpak id")

    with open(os.path.join(root, "meson.build"), encoding="utf-8") as f:
        mb = f.read()
    check(f"app_id = '{APP_ID}'" in mb, "meson.build app_id")
    check("project('shangce'" in mb, "meson project name (binary, gettext domain)")

    for e in errors:
        print("app id: " + e, file=sys.stderr)
    if not errors:
        print("ok: " + APP_ID)
    sys.exit(1 if errors else 0)


if __name__ == "__main__":
    main()
