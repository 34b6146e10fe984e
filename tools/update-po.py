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


def tsv_to_po(path, out):
    """Writes the "msgid<TAB>msgstr" lines of @path as a catalogue."""
    with open(path, encoding='utf-8') as f, open(out, 'w', encoding='utf-8') as o:
        o.write('msgid ""\nmsgstr "Content-Type: text/plain; charset=UTF-8\\n"\n\n')
        for line in f:
            line = line.rstrip('\n')
            if not line or line.startswith('#'):
                continue
            k, v = line.split('\t', 1)
            k = k.replace('\\n', '\n')
            v = v.replace('\\n', '\n')
            if '\\x04' in k:
                ctx, k = k.split('\\x04', 1)
                o.write('msgctxt %s\n' % po_quote(ctx))
            o.write('msgid %s\nmsgstr %s\n\n' % (po_quote(k), po_quote(v)))


# Translations come from compendia: FILE.tsv lines or other catalogues.
compendia = []
tmpdir = tempfile.mkdtemp()
for i, arg in enumerate(sys.argv[1:]):
    if arg.endswith('.tsv'):
        out = os.path.join(tmpdir, 'tsv%d.po' % i)
        tsv_to_po(arg, out)
        compendia.append(out)
    else:
        compendia.append(arg)

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
    comp = []
    for c in compendia:
        comp += ['--compendium', c]
    subprocess.run(['msgmerge', '--quiet', '--no-fuzzy-matching', '--no-location', '--no-wrap', '--update',
                    '--backup=none'] + comp + [po, pot], check=True)
    subprocess.run(['msgattrib', '--no-obsolete', '--no-location', '--no-wrap', '-o', po, po], check=True)

r = subprocess.run(['msgattrib', '--untranslated', '--no-wrap', po], capture_output=True, text=True)
ids = [l for l in r.stdout.splitlines() if l.startswith('msgid ') or l.startswith('msgctxt ')]
print('\n'.join(ids[1:]) if ids[1:] else 'all translated')
