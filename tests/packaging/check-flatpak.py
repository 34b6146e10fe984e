#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""check-flatpak.py MANIFEST: the Flatpak manifest builds Shangce with meson
from this source tree on the GNOME runtime and asks for no more than a
window needs. flatpak-builder --show-manifest (with fatal warnings, so an
unknown key or a wrong type fails) runs too when it is installed."""
import json
import os
import shutil
import subprocess
import sys
import tempfile

APP_ID = "io.github.shangce.Shangce"
ALLOWED = {"--socket=wayland", "--socket=fallback-x11", "--share=ipc", "--device=dri"}


def fail(msg):
    print(f"{sys.argv[1]}: {msg}", file=sys.stderr)
    sys.exit(1)


def main():
    path = sys.argv[1]
    try:
        with open(path, encoding="utf-8") as f:
            m = json.load(f)
    except json.JSONDecodeError as e:
        fail(f"{e.lineno}:{e.colno}: {e.msg}")

    for key, want in (("id", APP_ID), ("runtime", "org.gnome.Platform"),
                      ("sdk", "org.gnome.Sdk"), ("runtime-version", "47"),
                      ("command", "shangce")):
        if m.get(key) != want:
            fail(f"'{key}' is {m.get(key)!r}, expected {want!r}")

    args = m.get("finish-args", [])
    extra = [a for a in args if a not in ALLOWED]
    if extra:
        fail(f"finish-args broader than a window needs: {', '.join(extra)}")
    missing = ALLOWED - set(args)
    if missing:
        fail(f"finish-args lack {', '.join(sorted(missing))}")

    modules = m.get("modules", [])
    if not modules or not isinstance(modules[-1], dict):
        fail("no modules")
    app = modules[-1]
    if app.get("name") != "shangce" or app.get("buildsystem") != "meson":
        fail("the last module must be 'shangce' built with meson")
    sources = app.get("sources", [])
    if not any(s.get("type") == "dir" and s.get("path") == ".." for s in sources):
        fail("the shangce module must build from the local tree (type dir, path '..')")
    top = os.path.join(os.path.dirname(os.path.abspath(path)), "..")
    if not os.path.isfile(os.path.join(top, "meson.build")):
        fail("'..' holds no meson.build")

    builder = shutil.which("flatpak-builder")
    if builder:
        env = dict(os.environ, G_DEBUG="fatal-warnings")
        # It leaves a .flatpak-builder folder in its working directory.
        with tempfile.TemporaryDirectory() as cwd:
            r = subprocess.run([builder, "--show-manifest", os.path.abspath(path)], env=env, cwd=cwd,
                               stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
        if r.returncode != 0:
            fail("flatpak-builder --show-manifest: " + (r.stderr.strip() or f"exit {r.returncode}"))
        print("flatpak-builder --show-manifest: ok")
    else:
        print("flatpak-builder not found: checked the JSON and keys only")
    print(f"ok: {path}")


if __name__ == "__main__":
    main()
