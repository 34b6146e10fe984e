#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""SVG, PDF and PNG export of the overview chart (1600×900), whole process,
against the bare C Cairo+Pango reference (../shared/tools/chart-reference/)
built and run in the same run: runs alternate (shangce, reference, shangce,
…) and each figure is a median. Prints wall time, CPU time (all threads) and
peak memory (max RSS) of each, the ratio shangce / reference, and at the end
issue 16's rows: each figure against its aim, met or not.

  bench-vector.py SHANGCE [--runs N] [--formats svg,pdf,png] [--langs en,zh_CN]
                  [--before OLD_SHANGCE] [--reference DIR]

--before adds a second shangce (an older build) to the same alternation, for
before/after figures. The reference folder is $CHART_REFERENCE_DIR, else the
first shared/tools/chart-reference beside the source tree or beside one of
its parents (a git worktree sits deeper than the main tree); without it (or
without gcc) only shangce is timed. The chart's Chinese words come from the
build tree's catalogue (<build>/po) unless SHANGCE_LOCALEDIR is set.

The floor line times `shangce --report` of the same profile: loading the
programs and estimating, no fonts and no chart. It is part of every export
and shows how much of a ratio is the chart's to cut.

The aims are printed, never enforced: a shared machine is no place for a
timed test.
"""

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
SRCROOT = os.path.dirname(os.path.dirname(HERE))
PROFILE = os.path.join(SRCROOT, 'data', 'profiles', 'new-enterprise-apparel.shangce')

# Issue 16's aims: (format, what is compared, aim as a ratio to the reference).
AIMS = {
    'svg': ('wall', 1.0),
    'pdf': ('wall', 0.8),
    'png': ('cpu', 0.6),
}
PDF_PEAK_MIB = 40.0
ROW_NAMES = {
    'svg': 'SVG export, overview 1600×900, wall',
    'pdf': 'PDF export, overview, wall',
    'png': 'PNG export, CPU time (all threads)',
}


def run_once(argv, env):
    """Wall ms, CPU ms (user + system of the process and its threads), max RSS KiB."""
    start = time.perf_counter()
    pid = os.posix_spawn(argv[0], argv, env)
    _, status, usage = os.wait4(pid, 0)
    wall = (time.perf_counter() - start) * 1000
    if os.waitstatus_to_exitcode(status) != 0:
        sys.exit('failed: ' + ' '.join(argv))
    return wall, (usage.ru_utime + usage.ru_stime) * 1000, usage.ru_maxrss


def find_reference(given):
    if given:
        return given
    if os.environ.get('CHART_REFERENCE_DIR'):
        return os.environ['CHART_REFERENCE_DIR']
    d = SRCROOT
    while True:
        candidate = os.path.join(os.path.dirname(d), 'shared', 'tools', 'chart-reference')
        if os.path.isfile(os.path.join(candidate, 'chart_c.c')):
            return candidate
        if os.path.dirname(d) == d:
            return None
        d = os.path.dirname(d)


def build_reference(src, work):
    if src is None or not os.path.isfile(os.path.join(src, 'chart_c.c')) or shutil.which('gcc') is None:
        return None
    flags = subprocess.run(['pkg-config', '--cflags', '--libs', 'pangocairo', 'libpng'],
                           capture_output=True, text=True)
    if flags.returncode != 0:
        return None
    exe = os.path.join(work, 'chart_c')
    subprocess.run(['gcc', '-O2', '-o', exe, os.path.join(src, 'chart_c.c')] + flags.stdout.split() + ['-lm'],
                   check=True)
    subprocess.run([sys.executable, os.path.join(src, 'gen_data.py')], cwd=work, check=True,
                   stdout=subprocess.DEVNULL)
    return exe


def alternate(cmds, runs, env):
    """Medians (wall, cpu, rss) per name, runs alternating between the commands."""
    for argv in cmds.values():   # warm the page cache and font caches
        run_once(argv, env)
    got = {name: [] for name in cmds}
    for _ in range(runs):
        for name, argv in cmds.items():
            got[name].append(run_once(argv, env))
    return {name: [statistics.median(x[i] for x in r) for i in range(3)] for name, r in got.items()}


def main():
    p = argparse.ArgumentParser()
    p.add_argument('shangce')
    p.add_argument('--runs', type=int, default=15)
    p.add_argument('--formats', default='svg,pdf,png')
    p.add_argument('--langs', default=None, help='default: en, and en,zh_CN for PDF')
    p.add_argument('--before')
    p.add_argument('--reference')
    a = p.parse_args()
    env = dict(os.environ)
    env.setdefault('SHANGCE_DATA_DIR', os.path.join(SRCROOT, 'data'))
    build_po = os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(a.shangce))), 'po')
    if 'SHANGCE_LOCALEDIR' not in env and os.path.isdir(os.path.join(build_po, 'zh_CN')):
        env['SHANGCE_LOCALEDIR'] = build_po
    rows = []

    with tempfile.TemporaryDirectory(prefix='shangce-bench-') as work:
        ref_dir = find_reference(a.reference)
        ref = build_reference(ref_dir, work)
        if ref is None:
            print('reference: not found or not buildable (%s); shangce only' % ref_dir)
        else:
            print('reference: %s' % ref_dir)
        print('overview 1600×900, whole process, medians of %d alternating runs; load average %.1f'
              % (a.runs, os.getloadavg()[0]))
        floor = alternate({'floor': [os.path.abspath(a.shangce), '--report', '--profile', PROFILE,
                                     '--as-of', '2026-11-22', '-o', os.path.join(work, 'report.txt')]},
                          a.runs, env)['floor']
        print('floor: shangce --report (programs loaded and evaluated, no chart): wall %.1f ms  cpu %.1f ms'
              % (floor[0], floor[1]))
        for fmt in a.formats.split(','):
            langs = a.langs.split(',') if a.langs else (['en', 'zh_CN'] if fmt == 'pdf' else ['en'])
            for lang in langs:
                cmds = {}
                for name, exe in (('shangce', a.shangce), ('before', a.before)):
                    if exe:
                        cmds[name] = [os.path.abspath(exe), '--export', os.path.join(work, name + '.' + fmt),
                                      '--chart', 'overview', '--size', '1600x900', '--lang', lang,
                                      '--as-of', '2026-11-22']
                if ref:
                    cmds['reference'] = [ref, os.path.join(work, 'data_small.dat'),
                                         os.path.join(work, 'ref.' + fmt), '--format', fmt]
                med = alternate(cmds, a.runs, env)
                for name, (wall, cpu, rss) in med.items():
                    line = '%-4s %-5s %-9s wall %6.1f ms  cpu %6.1f ms  peak %5.1f MiB' % (
                        fmt.upper(), lang if name != 'reference' else '', name, wall, cpu, rss / 1024)
                    if name != 'reference' and 'reference' in med:
                        r = med['reference']
                        line += '   ratio to reference: wall %.2f×  cpu %.2f×  peak %.2f×' % (
                            wall / r[0], cpu / r[1], rss / r[2])
                    if name == 'shangce' and 'before' in med:
                        b = med['before']
                        line += '   after/before: wall %.2f×  cpu %.2f×  peak %.2f×' % (
                            wall / b[0], cpu / b[1], rss / b[2])
                    print(line)
                sys.stdout.flush()
                s = med['shangce']
                what, aim = AIMS[fmt]
                i = 0 if what == 'wall' else 1
                if 'reference' in med:
                    r = med['reference']
                    ratio = s[i] / r[i]
                    rows.append((ROW_NAMES[fmt] + ('' if fmt != 'pdf' else ', ' + lang),
                                 '%.0f ms' % s[i], '%.0f ms' % r[i], '%.2f×' % ratio,
                                 '≤ %.1f×' % aim, 'met' if ratio <= aim else 'not met'))
                if fmt == 'pdf':
                    peak = s[2] / 1024
                    rows.append(('peak memory, PDF export, ' + lang, '%.1f MiB' % peak,
                                 '%.1f MiB' % (med['reference'][2] / 1024) if 'reference' in med else '—',
                                 '%.2f×' % (s[2] / med['reference'][2]) if 'reference' in med else '—',
                                 '≤ %.0f MiB' % PDF_PEAK_MIB, 'met' if peak <= PDF_PEAK_MIB else 'not met'))

    if rows:
        print('\nissue 16 (medians of this run):')
        print('| figure | shangce | bare C reference | ratio | aim | |')
        print('|---|---|---|---|---|---|')
        for row in rows:
            print('| ' + ' | '.join(row) + ' |')


if __name__ == '__main__':
    main()
