#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Brings po/zh_CN.po up to date with the sources and fills in translations.

  tools/update-po.py                 merge a fresh template into po/zh_CN.po
                                     (obsolete entries dropped) and list what is
                                     left untranslated
  tools/update-po.py FILE.tsv        also take translations from FILE.tsv: one
                                     "msgid<TAB>msgstr" a line (\\n for a newline),
                                     with an optional "context\\x04" before the msgid
  tools/update-po.py OTHER.po        also take translations from another catalogue
                                     (e.g. a branch's po/zh_CN.po when merging)

The catalogue keeps no source locations: they changed with every edit and made
every branch's catalogue conflict with every other's.

The template is made exactly as tests/i18n/check-i18n.py makes it.
"""

import os
import subprocess
import sys
import tempfile

root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, os.path.join(root, 'tests', 'i18n'))
import importlib.util
spec = importlib.util.spec_from_file_location('check_i18n', os.path.join(root, 'tests', 'i18n', 'check-i18n.py'))
check = importlib.util.module_from_spec(spec)
spec.loader.exec_module(check)

po = os.path.join(root, 'po', 'zh_CN.po')
help_mode = len(sys.argv) > 1 and sys.argv[1] == '--help-po'
if help_mode:
    # tools/update-po.py --help-po [FILE.tsv]: the same for the help's catalogue,
    # with a template made by itstool from the pages listed in help/meson.build.
    sys.argv.pop(1)
    po = os.path.join(root, 'help', 'zh_CN', 'zh_CN.po')


def po_quote(s):
    s = s.replace('\\', '\\\\').replace('"', '\\"').replace('\n', '\\n').replace('\t', '\\t')
    return '"' + s + '"'


def fill(path, table):
    """Sets msgstr of untranslated entries found in @table (msgid -> msgstr)."""
    out = subprocess.run(['msgattrib', '--no-wrap', path], capture_output=True, text=True, check=True).stdout
    entries = out.split('\n\n')
    done = 0
    for i, e in enumerate(entries):
        lines = e.split('\n')
        ctx = None
        mid = None
        for l in lines:
            if l.startswith('msgctxt '):
                ctx = eval(l[8:])
            elif l.startswith('msgid '):
                mid = eval(l[6:])
        if mid is None:
            continue
        key = (ctx + '\x04' + mid) if ctx else mid
        if key in table and any(l == 'msgstr ""' for l in lines):
            lines = [('msgstr ' + po_quote(table[key])) if l == 'msgstr ""' else l for l in lines]
            lines = [l for l in lines if l != '#, fuzzy']
            entries[i] = '\n'.join(lines)
            done += 1
    with open(path, 'w') as f:
        f.write('\n\n'.join(entries))
    return done


with tempfile.TemporaryDirectory() as tmp:
    pot = os.path.join(tmp, 'shangce.pot')
    if help_mode:
        import re
        meson = open(os.path.join(root, 'help', 'meson.build')).read()
        block = meson[meson.index('help_pages = ['):]
        pages = re.findall(r"'([^']+\.page)'", block[:block.index(']')])
        subprocess.run(['itstool', '-o', pot] + [os.path.join(root, 'help', 'C', p) for p in pages], check=True)
    else:
        subprocess.run(['xgettext', '--package-name=shangce', '-o', pot, '-D', root]
                       + check.XGETTEXT_ARGS + check.potfiles(root), check=True)
    subprocess.run(['msgmerge', '--quiet', '--no-fuzzy-matching', '--no-location', '--update',
                    '--backup=none', po, pot], check=True)
    subprocess.run(['msgattrib', '--no-obsolete', '--no-location', '-o', po, po], check=True)

if len(sys.argv) > 1 and sys.argv[1].endswith('.po'):
    out = subprocess.run(['msgattrib', '--translated', '--no-fuzzy', '--no-wrap', sys.argv[1]],
                         capture_output=True, text=True, check=True).stdout
    table = {}
    for e in out.split('\n\n'):
        ctx = mid = mstr = None
        for l in e.split('\n'):
            if l.startswith('msgctxt '):
                ctx = eval(l[8:])
            elif l.startswith('msgid '):
                mid = eval(l[6:])
            elif l.startswith('msgstr '):
                mstr = eval(l[7:])
        if mid and mstr:
            table[(ctx + '\x04' + mid) if ctx else mid] = mstr
    print('filled', fill(po, table))
elif len(sys.argv) > 1:
    table = {}
    with open(sys.argv[1], encoding='utf-8') as f:
        for line in f:
            line = line.rstrip('\n')
            if not line or line.startswith('#'):
                continue
            k, v = line.split('\t', 1)
            table[k.replace('\\n', '\n').replace('\\x04', '\x04')] = v.replace('\\n', '\n')
    print('filled', fill(po, table))

r = subprocess.run(['msgattrib', '--untranslated', '--no-wrap', po], capture_output=True, text=True)
ids = [l for l in r.stdout.splitlines() if l.startswith('msgid ') or l.startswith('msgctxt ')]
print('\n'.join(ids[1:]) if ids[1:] else 'all translated')
