#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Walks the real window's accessibility tree (AT-SPI), as a screen reader does,
and fails on a control that a screen reader would announce wrongly: no name, a
name said twice ("Chart Chart"), a class name for a name ("GtkMenuButton"), a
mnemonic underscore in it ("_Open"), or a "Given" description on a box that is
not ticked. Every page is visited.

  check-a11y.py SHANGCE-APP

Prints TAP. Skips when there is no display or the AT-SPI bindings are missing.
"""

import os
import re
import subprocess
import sys
import time

try:
    import gi
    gi.require_version('Atspi', '2.0')
    from gi.repository import Atspi
except (ImportError, ValueError):
    print('1..0 # SKIP no AT-SPI bindings (python3-pyatspi)')
    sys.exit(0)
if not os.environ.get('DISPLAY'):
    print('1..0 # SKIP no display')
    sys.exit(0)

# Roles a user reaches with the keyboard or the pointer: each needs a name.
CONTROLS = {'push button', 'toggle button', 'check box', 'radio button', 'spin button',
            'combo box', 'text', 'entry', 'switch', 'menu item', 'link', 'slider',
            'page tab', 'page tab list', 'toggle', 'password text', 'check menu item', 'radio menu item'}
CLASS_NAME = re.compile(r'^(Gtk|Adw|Sc)[A-Z][A-Za-z]+$')

env = dict(os.environ, GTK_A11Y='atspi', GTK_DEBUG='')
home = os.environ.get('XDG_DATA_HOME')
app = subprocess.Popen([sys.argv[1]], env=env)
tests = []


def ok(cond, name, diag=''):
    tests.append((bool(cond), name, diag))


def find_app():
    for _ in range(150):
        time.sleep(0.2)
        desktop = Atspi.get_desktop(0)
        for i in range(desktop.get_child_count()):
            c = desktop.get_child_at_index(i)
            try:
                if c is not None and c.get_process_id() == app.pid and c.get_child_count() > 0:
                    return c
            except Exception:
                pass
    return None


def walk(node, out, path=''):
    try:
        role, name = node.get_role_name(), node.get_name() or ''
        desc = node.get_description() or ''
        states = node.get_state_set()
        showing = states.contains(Atspi.StateType.VISIBLE)
        checked = states.contains(Atspi.StateType.CHECKED)
    except Exception:
        return
    if not showing and path:
        return
    here = path + '/' + (name or role)
    out.append((role, name, desc, checked, here))
    for k in range(min(node.get_child_count(), 400)):
        child = node.get_child_at_index(k)
        if child is not None:
            walk(child, out, here)


def problems(nodes):
    found = []
    for role, name, desc, checked, path in nodes:
        if role not in CONTROLS:
            continue
        words = name.split()
        half = len(words) // 2
        if not name.strip():
            found.append('no name: %s at %s' % (role, path))
        elif CLASS_NAME.match(name):
            found.append('a class name for a name: %s %r at %s' % (role, name, path))
        elif len(words) >= 2 and len(words) % 2 == 0 and words[:half] == words[half:]:
            found.append('the name twice: %s %r' % (role, name))
        elif '_' in name and re.search(r'(^|\s)_\w', name):
            found.append('a mnemonic underscore: %s %r' % (role, name))
        if role == 'check box' and not checked and desc.startswith('Given'):
            found.append('"Given" on a box that is not ticked: %r' % name)
    return found


def page_tabs(root):
    """The page switcher's tabs, in order."""
    found = []
    stack = [root]
    while stack:
        n = stack.pop(0)
        try:
            if n.get_role_name() == 'page tab':
                found.append(n)
                continue
            for k in range(n.get_child_count()):
                c = n.get_child_at_index(k)
                if c is not None:
                    stack.append(c)
        except Exception:
            pass
    return found


def press_tab(root, index):
    """Activates the @index-th page tab (by position: names are translated)."""
    tabs = page_tabs(root)
    if index >= len(tabs):
        return False
    n = tabs[index]
    try:
        action = n.get_action_iface()
        if action is not None and action.get_n_actions() > 0:
            action.do_action(0)
            return True
        sel = n.get_parent().get_selection_iface()
        if sel is not None:
            sel.select_child(n.get_index_in_parent())
            return True
    except Exception:
        pass
    return False


try:
    root = find_app()
    ok(root is not None, 'the window appears on the accessibility bus')
    if root is not None:
        time.sleep(1.5)
        for index, page in enumerate(['Overview', 'Measures', 'Programs', 'Rule Check']):
            if index > 0:
                ok(press_tab(root, index), 'the %s page tab can be activated' % page)
                time.sleep(1.0)
            nodes = []
            walk(root, nodes)
            ok(len([n for n in nodes if n[0] in CONTROLS]) > 5, '%s: controls are exposed' % page)
            found = sorted(set(problems(nodes)))
            ok(not found, '%s: every control has one correct name' % page, '\n'.join(found))
finally:
    app.terminate()
    try:
        app.wait(10)
    except subprocess.TimeoutExpired:
        app.kill()

print('1..%d' % len(tests))
failed = 0
for i, (cond, name, diag) in enumerate(tests, 1):
    print('%s %d - %s' % ('ok' if cond else 'not ok', i, name))
    if not cond:
        failed += 1
        for line in diag.splitlines()[:60]:
            print('# ' + line)
sys.exit(1 if failed else 0)
