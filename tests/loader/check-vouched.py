#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""The bundled program files skip RELAX NG validation only with the very
bytes the build validated (src/core/gen-vouched-digests.py): the same file
with one byte changed, keeping its length, is validated as any other file
and its schema error named with file:line, both by --validate and when the
bundled folder is loaded. TAP.

  check-vouched.py SHANGCE BUNDLED_PROGRAMS_DIR
"""

import os
import shutil
import subprocess
import sys
import tempfile

CHECKS = []   # (passed, what), printed as TAP at the end


def ok(cond, what):
    CHECKS.append((bool(cond), what))


def main():
    shangce, bundled = sys.argv[1], sys.argv[2]
    name = 'others-2022.xml'
    with open(os.path.join(bundled, name), 'rb') as f:
        data = f.read()
    # A status the reader alone would take for its default; only the schema refuses it.
    changed = data.replace(b'status="expired"', b'status="expirex"', 1)
    line = data[:data.index(b'status="expired"')].count(b'\n') + 1
    assert len(changed) == len(data) and changed != data

    with tempfile.TemporaryDirectory() as tmp:
        r = subprocess.run([shangce, '--validate', os.path.join(bundled, name)], capture_output=True)
        ok(r.returncode == 0, 'the bundled file as built is valid (%s)' % r.stderr.decode()[:200])

        path = os.path.join(tmp, name)
        with open(path, 'wb') as f:
            f.write(changed)
        r = subprocess.run([shangce, '--validate', path], capture_output=True)
        err = r.stderr.decode()
        ok(r.returncode != 0 and 'expirex' in err, 'one byte changed, same length: --validate refuses it (%s)' % err[:200])
        ok(any(l.startswith('%s:%d:' % (path, l_no)) for l in err.splitlines() for l_no in range(line - 3, line + 1)),
           'the error names the file and the line of the element (%d)' % line)

        # The same bytes in the bundled folder: the catalog refuses the file
        # with the same message, and still loads the others.
        data_dir = os.path.join(tmp, 'data')
        source_data = os.path.dirname(os.path.abspath(bundled))
        for sub in ('programs', 'schema', 'profiles'):
            shutil.copytree(os.path.join(source_data, sub), os.path.join(data_dir, sub))
        with open(os.path.join(data_dir, 'programs', name), 'wb') as f:
            f.write(changed)
        env = dict(os.environ, SHANGCE_DATA_DIR=data_dir)
        profile = os.path.join(source_data, 'profiles', 'new-enterprise-apparel.shangce')
        r = subprocess.run([shangce, '--report', '--profile', profile, '--as-of', '2026-11-22',
                            '-o', os.path.join(tmp, 'report.txt')], capture_output=True, env=env)
        err = r.stderr.decode()
        ok(r.returncode == 0 and 'warning: %s:' % os.path.join(data_dir, 'programs', name) in err
           and 'expirex' in err, 'in the bundled folder the changed file is validated and refused (%s)' % err[:200])
    for i, (passed, what) in enumerate(CHECKS, 1):
        print('%s %d - %s' % ('ok' if passed else 'not ok', i, what))
    print('1..%d' % len(CHECKS))
    sys.exit(0 if all(passed for passed, _ in CHECKS) else 1)


main()
