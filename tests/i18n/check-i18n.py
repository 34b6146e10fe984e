#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Checks of the zh_CN translation, each printing TAP.

  check-i18n.py po-complete PO           msgfmt --check passes; 0 untranslated, 0 fuzzy
  check-i18n.py po-current SRCROOT PO    a template made now from POTFILES.in, merged
                                         into PO, leaves nothing untranslated or fuzzy
  check-i18n.py help-current PO PAGE...  the same for the help: a template made now from
                                         the pages with itstool leaves nothing untranslated
  check-i18n.py potfiles SRCROOT         every file with translatable strings is listed
                                         in po/POTFILES.in, sorted, and every listed one exists
  check-i18n.py report SHANGCE LOCALEDIR DATADIR
                                         the report in Chinese via --lang zh_CN and via
                                         LANGUAGE=zh_CN under LANG=C; English via --lang en
"""

import os
import re
import subprocess
import sys
import tempfile

# The same keywords and flags as meson's i18n "glib" preset.
XGETTEXT_ARGS = [
    '--from-code=UTF-8', '--add-comments',
    '--keyword=_', '--keyword=N_', '--keyword=C_:1c,2', '--keyword=NC_:1c,2',
    '--keyword=g_dcgettext:2', '--keyword=g_dngettext:2,3', '--keyword=g_dpgettext2:2c,3',
    '--flag=N_:1:pass-c-format', '--flag=C_:2:pass-c-format', '--flag=NC_:2:pass-c-format',
    '--flag=g_dngettext:2:pass-c-format', '--flag=g_strdup_printf:1:c-format',
    '--flag=g_string_printf:2:c-format', '--flag=g_string_append_printf:2:c-format',
    '--flag=g_error_new:3:c-format', '--flag=g_set_error:4:c-format',
    '--flag=g_printerr:1:c-format', '--flag=g_print:1:c-format',
]

# Marks of a string meant for translation, per kind of file.
C_MARK = re.compile(r'(?<![A-Za-z0-9_])(_|N_|C_|NC_|Q_|g_dngettext|g_dpgettext2?|g_dcgettext|'
                    r'ngettext|gettext|dgettext|dngettext)\s*\(')
UI_MARK = re.compile(r'translatable\s*=\s*"yes"')
# Desktop entries: Name/GenericName/Comment/Keywords are what intltool-style
# merging translates; metainfo and schemas carry their strings as elements.
DESKTOP_MARK = re.compile(r'^(Name|GenericName|Comment|Keywords|X-GNOME-FullName)=', re.M)
XML_MARK = re.compile(r'<(summary|description|name|p|li|caption|keyword)\b')

tests = []


def ok(cond, name, diag=None):
    tests.append((bool(cond), name, diag))


def finish():
    print('1..%d' % len(tests))
    failed = 0
    for i, (cond, name, diag) in enumerate(tests, 1):
        print('%s %d - %s' % ('ok' if cond else 'not ok', i, name))
        if not cond:
            failed += 1
            for line in (diag or '').splitlines()[:40]:
                print('# ' + line)
    return 1 if failed else 0


def statistics(po):
    """(translated, fuzzy, untranslated, output) from msgfmt --check --statistics."""
    env = dict(os.environ, LC_ALL='C', LANGUAGE='')
    r = subprocess.run(['msgfmt', '--check', '--statistics', '-o', os.devnull, po],
                       capture_output=True, text=True, env=env)
    out = r.stdout + r.stderr

    def count(word):
        m = re.search(r'(\d+) %s (message|translation)' % word, out)
        return int(m.group(1)) if m else 0
    if r.returncode != 0:
        return None, None, None, out
    return count('translated'), count('fuzzy'), count('untranslated'), out


def untranslated_ids(po):
    r = subprocess.run(['msgattrib', '--untranslated', '--only-fuzzy', '--no-wrap', po],
                       capture_output=True, text=True)
    r2 = subprocess.run(['msgattrib', '--untranslated', '--no-wrap', po],
                        capture_output=True, text=True)
    ids = re.findall(r'^msgid (".+")$', r.stdout + r2.stdout, re.M)
    return '\n'.join(ids)


def check_po_complete(po):
    t, f, u, out = statistics(po)
    ok(t is not None, '%s passes msgfmt --check' % os.path.basename(po), out)
    if t is None:
        return
    ok(t > 0, 'it translates messages (%d)' % t, out)
    ok(f == 0, 'no fuzzy messages (%d)' % f, untranslated_ids(po))
    ok(u == 0, 'no untranslated messages (%d)' % u, untranslated_ids(po))


def potfiles(srcroot):
    path = os.path.join(srcroot, 'po', 'POTFILES.in')
    with open(path, encoding='utf-8') as f:
        lines = [l.strip() for l in f]
    return [l for l in lines if l and not l.startswith('#')]


def check_po_current(srcroot, po):
    with tempfile.TemporaryDirectory() as tmp:
        pot = os.path.join(tmp, 'shangce.pot')
        merged = os.path.join(tmp, 'zh_CN.po')
        r = subprocess.run(['xgettext', '--package-name=shangce', '-o', pot, '-D', srcroot]
                           + XGETTEXT_ARGS + potfiles(srcroot), capture_output=True, text=True)
        ok(r.returncode == 0, 'xgettext makes a template from POTFILES.in', r.stderr)
        if r.returncode != 0:
            return
        r = subprocess.run(['msgmerge', '--quiet', '--no-fuzzy-matching', '-o', merged, po, pot],
                           capture_output=True, text=True)
        ok(r.returncode == 0, 'msgmerge merges zh_CN.po with it', r.stderr)
        if r.returncode != 0:
            return
        t, f, u, out = statistics(merged)
        ok(t is not None and t > 0, 'the merged catalogue is valid', out)
        ok(u == 0 and f == 0,
           'every string in the sources today is translated (%s untranslated)' % u,
           'run: meson compile -C BUILD shangce-pot && msgmerge --update po/zh_CN.po '
           'po/shangce.pot, then translate:\n' + untranslated_ids(merged))


def check_help_current(po, pages):
    with tempfile.TemporaryDirectory() as tmp:
        pot = os.path.join(tmp, 'help.pot')
        merged = os.path.join(tmp, 'zh_CN.po')
        r = subprocess.run(['itstool', '-o', pot] + pages, capture_output=True, text=True)
        ok(r.returncode == 0, 'itstool makes a template from %d help pages' % len(pages), r.stderr)
        if r.returncode != 0:
            return
        r = subprocess.run(['msgmerge', '--quiet', '--no-fuzzy-matching', '-o', merged, po, pot],
                           capture_output=True, text=True)
        ok(r.returncode == 0, 'msgmerge merges help/zh_CN/zh_CN.po with it', r.stderr)
        if r.returncode != 0:
            return
        t, f, u, out = statistics(merged)
        ok(t is not None and t > 0, 'the merged help catalogue is valid', out)
        ok(u == 0 and f == 0,
           'every paragraph of the help pages today is translated (%s untranslated, %s fuzzy)' % (u, f),
           'run: itstool -o help/zh_CN/zh_CN.pot help/C/*.page && msgmerge --update '
           'help/zh_CN/zh_CN.po help/zh_CN/zh_CN.pot, then translate:\n' + untranslated_ids(merged))


def marked_files(srcroot):
    found = []
    for top in ('src', 'data'):
        for dirpath, dirnames, filenames in os.walk(os.path.join(srcroot, top)):
            dirnames[:] = [d for d in dirnames if d not in ('programs', 'profiles', 'schema',
                                                            'screenshots', 'icons')]
            for name in filenames:
                path = os.path.join(dirpath, name)
                rel = os.path.relpath(path, srcroot)
                try:
                    with open(path, encoding='utf-8') as f:
                        text = f.read()
                except (UnicodeDecodeError, OSError):
                    continue
                if name.endswith('.c') or name.endswith('.h'):
                    # Strip comments so that "_(" in prose does not count.
                    # Headers count too: a table of N_() strings can live in one.
                    code = re.sub(r'/\*.*?\*/|//[^\n]*', '', text, flags=re.S)
                    if C_MARK.search(code):
                        found.append(rel)
                elif name.endswith('.ui'):
                    if UI_MARK.search(text):
                        found.append(rel)
                elif name.endswith('.desktop.in'):
                    if DESKTOP_MARK.search(text):
                        found.append(rel)
                elif name.endswith(('.metainfo.xml.in', '.appdata.xml.in', '.gschema.xml')):
                    if XML_MARK.search(text):
                        found.append(rel)
    return sorted(found)


def check_potfiles(srcroot):
    listed = potfiles(srcroot)
    needed = marked_files(srcroot)
    ok(len(needed) > 0, 'translatable files are found in src/ and data/ (%d)' % len(needed))
    missing = [p for p in needed if p not in listed]
    ok(not missing, 'every file with translatable strings is in po/POTFILES.in',
       'add to po/POTFILES.in:\n' + '\n'.join(missing))
    gone = [p for p in listed if not os.path.exists(os.path.join(srcroot, p))]
    ok(not gone, 'every file in po/POTFILES.in exists', '\n'.join(gone))
    ok(listed == sorted(listed), 'po/POTFILES.in is sorted',
       '\n'.join(a + ' before ' + b for a, b in zip(listed, listed[1:]) if a > b))
    ok(len(set(listed)) == len(listed), 'po/POTFILES.in names each file once')


ZH_HEADINGS = ['商策测算报告', '商家档案：', '政策前费用', '总价值', '抖音', '快手', '举措', '所用假设']
EN_LEFTOVERS = ['Shangce estimate report', 'Fees before programs', 'Total value',
                'Evaluation date', 'Not eligible', 'Assumptions used']


def run_report(shangce, env, lang=None):
    args = [shangce, '--report']
    if lang:
        args += ['--lang', lang]
    r = subprocess.run(args, capture_output=True, text=True, env=env)
    return r.returncode, r.stdout, r.stderr


def check_report(shangce, localedir, datadir):
    base = {k: v for k, v in os.environ.items()
            if not k.startswith('LC_') and k not in ('LANG', 'LANGUAGE')}
    base.update(SHANGCE_DATA_DIR=datadir, SHANGCE_LOCALEDIR=localedir, TZ='UTC')
    ok(os.path.exists(os.path.join(localedir, 'zh_CN', 'LC_MESSAGES', 'shangce.mo')),
       'the build has zh_CN/LC_MESSAGES/shangce.mo under ' + localedir)

    cases = [
        ('--lang zh_CN under LC_ALL=C.UTF-8', dict(base, LC_ALL='C.UTF-8'), 'zh_CN'),
        ('--lang zh_CN under LANG=C', dict(base, LANG='C'), 'zh_CN'),
        ('--lang zh (the language without its country) under LC_ALL=C.UTF-8', dict(base, LC_ALL='C.UTF-8'), 'zh'),
        ('LANGUAGE=zh_CN alone under LANG=C', dict(base, LANG='C', LANGUAGE='zh_CN'), None),
        ('LANGUAGE=zh_CN under LANG=C.UTF-8', dict(base, LANG='C.UTF-8', LANGUAGE='zh_CN'), None),
    ]
    for what, env, lang in cases:
        rc, out, err = run_report(shangce, env, lang)
        ok(rc == 0, 'report with %s exits 0' % what, err)
        missing = [h for h in ZH_HEADINGS if h not in out]
        ok(not missing, 'report with %s has the Chinese headings' % what,
           'missing: %s\n%s' % (', '.join(missing), out[:600]))
        left = [e for e in EN_LEFTOVERS if e in out]
        ok(not left, 'report with %s has no English headings left' % what,
           'still English: ' + ', '.join(left))
        ok(not any(w in err for w in ('warning', 'Warning', '警告')),
           'report with %s warns of nothing (in any language)' % what, err)

    # The other way round, so that the checks above are seen to tell languages apart.
    rc, out, err = run_report(shangce, dict(base, LANG='C', LANGUAGE='zh_CN'), 'en')
    ok(rc == 0 and 'Total value' in out and '总价值' not in out,
       '--lang en wins over LANGUAGE=zh_CN and gives English', out[:400] + err)


def main(argv):
    if len(argv) < 2:
        print(__doc__, file=sys.stderr)
        return 2
    cmd, args = argv[1], argv[2:]
    if cmd == 'po-complete' and len(args) == 1:
        check_po_complete(args[0])
    elif cmd == 'po-current' and len(args) == 2:
        check_po_current(args[0], args[1])
    elif cmd == 'help-current' and len(args) >= 2:
        check_help_current(args[0], args[1:])
    elif cmd == 'potfiles' and len(args) == 1:
        check_potfiles(args[0])
    elif cmd == 'report' and len(args) == 3:
        check_report(*args)
    else:
        print(__doc__, file=sys.stderr)
        return 2
    return finish()


if __name__ == '__main__':
    sys.exit(main(sys.argv))
