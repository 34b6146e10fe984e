#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""SVG, PDF and PNG export of the overview chart (1600×900), whole process,
against the bare C Cairo+Pango reference (../shared/tools/chart-reference/)
built and run in the same run: runs alternate (shangce, reference, shangce,
…) and each figure is a median. Prints wall time, CPU time (all threads) and
peak memory (max RSS) of each, and the ratio shangce / reference.

  bench-vector.py SHANGCE [--runs N] [--formats svg,pdf,png] [--lang en]
                  [--before OLD_SHANGCE] [--reference DIR]

--before adds a second shangce (an older build) to the same alternation, for
before/after figures. The reference folder defaults to $CHART_REFERENCE_DIR,
then ../shared/tools/chart-reference beside the source tree; without it (or
without gcc) only shangce is timed.
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


def run_once(argv, env):
    """Wall ms, CPU ms (user + system of the process and its threads), max RSS KiB."""
    start = time.perf_counter()
    pid = os.posix_spawn(argv[0], argv, env)
    _, status, usage = os.wait4(pid, 0)
    wall = (time.perf_counter() - start) * 1000
    if os.waitstatus_to_exitcode(status) != 0:
        sys.exit('failed: ' + ' '.join(argv))
    return wall, (usage.ru_utime + usage.ru_stime) * 1000, usage.ru_maxrss


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
    subprocess.run([sys.executable, os.path.join(src, 'gen_data.py')], cwd=work, check=True)
    return exe


def main():
    p = argparse.ArgumentParser()
    p.add_argument('shangce')
    p.add_argument('--runs', type=int, default=15)
    p.add_argument('--formats', default='svg,pdf,png')
    p.add_argument('--lang', default='en')
    p.add_argument('--before')
    p.add_argument('--reference', default=os.environ.get('CHART_REFERENCE_DIR',
                   os.path.join(os.path.dirname(SRCROOT), 'shared', 'tools', 'chart-reference')))
    a = p.parse_args()
    env = dict(os.environ)
    env.setdefault('SHANGCE_DATA_DIR', os.path.join(SRCROOT, 'data'))

    with tempfile.TemporaryDirectory(prefix='shangce-bench-') as work:
        ref = build_reference(a.reference, work)
        if ref is None:
            print('reference: not found or not buildable (%s); shangce only' % a.reference)
        print('overview 1600×900, --lang %s, whole process, medians of %d alternating runs'
              % (a.lang, a.runs))
        for fmt in a.formats.split(','):
            cmds = {}
            for name, exe in (('shangce', a.shangce), ('before', a.before)):
                if exe:
                    cmds[name] = [os.path.abspath(exe), '--export', os.path.join(work, name + '.' + fmt),
                                  '--chart', 'overview', '--size', '1600x900', '--lang', a.lang,
                                  '--as-of', '2026-11-22']
            if ref:
                cmds['reference'] = [ref, os.path.join(work, 'data_small.dat'),
                                     os.path.join(work, 'ref.' + fmt), '--format', fmt]
            for argv in cmds.values():   # warm the page cache and font caches
                run_once(argv, env)
            got = {name: [] for name in cmds}
            for _ in range(a.runs):
                for name, argv in cmds.items():
                    got[name].append(run_once(argv, env))
            med = {name: [statistics.median(x[i] for x in runs) for i in range(3)]
                   for name, runs in got.items()}
            for name, (wall, cpu, rss) in med.items():
                line = '%-4s %-9s wall %6.1f ms  cpu %6.1f ms  peak %5.1f MiB' % (fmt.upper(), name, wall, cpu, rss / 1024)
                if name != 'reference' and 'reference' in med:
                    r = med['reference']
                    line += '   ratio to reference: wall %.2f×  cpu %.2f×  peak %.2f×' % (
                        wall / r[0], cpu / r[1], rss / r[2])
                if name == 'shangce' and 'before' in med:
                    b = med['before']
                    line += '   after/before: wall %.2f×  peak %.2f×' % (wall / b[0], rss / b[2])
                print(line)
            sys.stdout.flush()


if __name__ == '__main__':
    main()
