#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""The user's default assumptions have one value: the preferences' defaults in the
GSettings schema are the values the bundled example profiles use, so a new profile
and an example never disagree (the review found 10 yuan per 1,000 exposures in
Preferences and 20 in every example).

  check-defaults.py SCHEMA PROFILE...
"""

import sys
import xml.etree.ElementTree as ET

KEYS = ['yuan-per-1000-exposures', 'cost-of-capital']

schema, profiles = sys.argv[1], sys.argv[2:]
defaults = {}
for key in ET.parse(schema).getroot().iter('key'):
    if key.get('name') in KEYS:
        defaults[key.get('name')] = float(key.find('default').text)

tests = []
for k in KEYS:
    tests.append((k in defaults, 'the schema has a default for %s' % k, ''))
for path in profiles:
    root = ET.parse(path).getroot()
    ns = root.tag[:root.tag.index('}') + 1] if root.tag.startswith('{') else ''
    values = {s.get('field'): float(s.get('value')) for s in root.iter(ns + 'set') if s.get('field') in KEYS}
    for k in KEYS:
        if k in values and k in defaults:
            tests.append((values[k] == defaults[k],
                          '%s: %s is the preference default' % (path.rsplit('/', 1)[-1], k),
                          'profile %g, schema default %g' % (values[k], defaults[k])))
print('1..%d' % len(tests))
failed = 0
for i, (cond, name, diag) in enumerate(tests, 1):
    print('%s %d - %s' % ('ok' if cond else 'not ok', i, name))
    if not cond:
        failed += 1
        print('# ' + diag)
sys.exit(1 if failed else 0)
