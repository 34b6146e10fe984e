#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""The bundled program files load from the compiled-in cache
(src/core/sc-program-cache.h) exactly as through the real reader: every
report of every bundled profile, in both languages and every text format,
the program list and --validate of the bundled files are byte for byte the
same with the cache and without it (SHANGCE_NO_PROGRAM_CACHE=1). TAP.

  check-program-cache.py SHANGCE DATA_DIR
"""

import glob
import os
import subprocess
import sys


def run(shangce, args, cache):
    env = dict(os.environ)
    env.pop('SHANGCE_NO_PROGRAM_CACHE', None)
    if not cache:
        env['SHANGCE_NO_PROGRAM_CACHE'] = '1'
    r = subprocess.run([shangce] + args, capture_output=True, env=env)
    return r.returncode, r.stdout, r.stderr


def main():
    shangce, data = sys.argv[1], sys.argv[2]
    profiles = sorted(glob.glob(os.path.join(data, 'profiles', '*.shangce')))
    programs = sorted(glob.glob(os.path.join(data, 'programs', '*.xml')))
    runs = [['--list-programs'], ['--validate'] + programs]
    for profile in profiles:
        for lang in ('en', 'zh_CN'):
            for fmt in ('text', 'csv', 'json'):
                runs.append(['--report', '--profile', profile, '--as-of', '2026-11-22',
                             '--lang', lang, '--format', fmt])
    checks = []
    for args in runs:
        with_cache = run(shangce, args, True)
        without = run(shangce, args, False)
        what = ' '.join(os.path.basename(a) if os.sep in a else a for a in args[:6])
        checks.append((with_cache == without and with_cache[0] == 0 and
                       (len(with_cache[1]) > 100 or args[0] == '--validate'),
                       'same with and without the cache: %s (%d bytes)' % (what, len(with_cache[1]))))
    print('1..%d' % len(checks))
    for i, (passed, what) in enumerate(checks, 1):
        print('%s %d - %s' % ('ok' if passed else 'not ok', i, what))
    return 0 if all(p for p, _ in checks) else 1


if __name__ == '__main__':
    sys.exit(main())
