#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""test-accessibility.py PROGRAM DATASET: the running app as a screen reader sees it.

Starts PROGRAM on DATASET with the accessibility bridge on and reads the app
through AT-SPI, the interface Orca uses; keys are synthesized through AT-SPI
too (it needs the X server: run under xvfb-run). Run inside
`dbus-run-session` (tests/test-accessibility.sh does both). Asserts that:
  - every button, toggle, check box, drop-down and menu item has a name,
    and a clean one: not GTK's class-name fallback ("GtkToggleButton"), no
    mnemonic underline ("_Flows"), not the label twice ("Flows Flows");
  - each view's chart is one object of role image, named after the chart's
    title, whose description says what it shows (names from the dataset);
  - the details sidebar's text is readable through the Text interface;
  - a keyboard-only walk reaches every view (Tab to its button, Space), every
    enabled control of the view and the chart (Tab), the controls inside a
    popover (Space, Tab, Escape), and every item of the chart (Home, then
    Right until it comes round again; the description names the selection).
Exit status: 0 passed, 1 failed, 77 skipped (no AT-SPI bindings or display).
"""
import json
import os
import re
import subprocess
import sys
import time

SKIP = 77

try:
    import gi
    gi.require_version('Atspi', '2.0')
    from gi.repository import Atspi, GLib
except (ImportError, ValueError) as exc:
    print(f'SKIP: the AT-SPI Python bindings are missing (Debian: python3-pyatspi): {exc}')
    sys.exit(SKIP)

if not os.environ.get('DISPLAY'):
    print('SKIP: no X display (run under xvfb-run): keys are synthesized through the X server')
    sys.exit(SKIP)

KEY_TAB, KEY_SPACE, KEY_ESCAPE = 0xff09, 0x0020, 0xff1b
KEY_HOME, KEY_END, KEY_LEFT, KEY_RIGHT = 0xff50, 0xff57, 0xff51, 0xff53
KEY_M, KEY_B = 0x006d, 0x0062

CONTROL_ROLES = {
    Atspi.Role.PUSH_BUTTON, Atspi.Role.TOGGLE_BUTTON, Atspi.Role.CHECK_BOX,
    Atspi.Role.RADIO_BUTTON, Atspi.Role.COMBO_BOX, Atspi.Role.MENU_ITEM,
    Atspi.Role.CHECK_MENU_ITEM, Atspi.Role.RADIO_MENU_ITEM, Atspi.Role.LINK,
    Atspi.Role.SPIN_BUTTON, Atspi.Role.ENTRY, Atspi.Role.TEXT,
}
BUTTON_ROLES = CONTROL_ROLES - {Atspi.Role.SPIN_BUTTON, Atspi.Role.ENTRY, Atspi.Role.TEXT}
# The window manager's buttons, which GTK keeps out of the Tab chain.
WINDOW_BUTTONS = {'Minimize', 'Maximize', 'Restore', 'Close'}
VIEWS = ['Flows', 'Prices', 'Shares', 'Timeline']

failures = []
n_checks = 0


def check(condition, message):
    global n_checks
    n_checks += 1
    print(f"{'ok' if condition else 'not ok'} {n_checks} - {message}", flush=True)
    if not condition:
        failures.append(message)
    return condition


def note(message):
    print(f'# {message}', flush=True)


class App:
    """The program under test and what AT-SPI says about it."""

    def __init__(self, program, dataset):
        env = dict(os.environ)
        for name in ('NO_AT_BRIDGE', 'GTK_A11Y', 'LANGUAGE'):
            env.pop(name, None)
        env['GSETTINGS_BACKEND'] = 'memory'
        env['LC_ALL'] = 'C.UTF-8'
        self.focus = None
        self.focus_changes = 0
        self.listener = Atspi.EventListener.new(self._on_focus)
        self.listener.register('object:state-changed:focused')
        self.proc = subprocess.Popen([program, dataset], env=env)
        self.root = self._find_application()

    def _on_focus(self, event):
        if event.detail1:
            self.focus = event.source
            self.focus_changes += 1

    def pump(self, seconds):
        context = GLib.MainContext.default()
        end = time.monotonic() + seconds
        while True:
            while context.pending():
                context.iteration(False)
            if time.monotonic() >= end:
                return
            time.sleep(0.01)

    def _find_application(self, timeout=30):
        end = time.monotonic() + timeout
        while time.monotonic() < end:
            if self.proc.poll() is not None:
                raise RuntimeError(f'the program exited with status {self.proc.returncode}')
            desktop = Atspi.get_desktop(0)
            for i in range(desktop.get_child_count()):
                child = desktop.get_child_at_index(i)
                try:
                    if child is not None and child.get_process_id() == self.proc.pid:
                        return child
                except GLib.Error:
                    pass
            self.pump(0.2)
        raise RuntimeError('the program never showed up on the accessibility bus')

    def close(self):
        self.proc.terminate()
        try:
            self.proc.wait(10)
        except subprocess.TimeoutExpired:
            self.proc.kill()

    def walk(self, accessible=None):
        """Every accessible under @accessible (the app), depth first."""
        stack = [accessible or self.root]
        while stack:
            node = stack.pop()
            yield node
            try:
                count = node.get_child_count()
            except GLib.Error:
                continue
            for i in reversed(range(count)):
                try:
                    child = node.get_child_at_index(i)
                except GLib.Error:
                    child = None
                if child is not None:
                    stack.append(child)

    def find_all(self, predicate, accessible=None):
        found = []
        for node in self.walk(accessible):
            try:
                if predicate(node):
                    found.append(node)
            except GLib.Error:
                pass
        return found

    def wait_for(self, predicate, timeout=10):
        end = time.monotonic() + timeout
        while time.monotonic() < end:
            found = self.find_all(predicate)
            if found:
                return found
            self.pump(0.2)
        return []

    def charts(self):
        return self.find_all(lambda a: a.get_role() == Atspi.Role.IMAGE)

    def press(self, keysym, settle=0.35):
        """Types one key; returns the accessible that has the focus after it."""
        changes = self.focus_changes
        Atspi.generate_keyboard_event(keysym, None, Atspi.KeySynthType.SYM)
        end = time.monotonic() + settle
        while time.monotonic() < end and self.focus_changes == changes:
            self.pump(0.02)
        self.pump(0.05)
        return self.focus

    def press_ctrl(self, keysym, settle=0.6):
        """Types Ctrl and one key together, as a keyboard shortcut."""
        control = 1 << int(Atspi.ModifierType.CONTROL)
        Atspi.generate_keyboard_event(control, None, Atspi.KeySynthType.LOCKMODIFIERS)
        Atspi.generate_keyboard_event(keysym, None, Atspi.KeySynthType.SYM)
        Atspi.generate_keyboard_event(control, None, Atspi.KeySynthType.UNLOCKMODIFIERS)
        self.pump(settle)

    def type_text(self, text, settle=0.6):
        Atspi.generate_keyboard_event(0, text, Atspi.KeySynthType.STRING)
        self.pump(settle)


def label_of(accessible):
    try:
        return f'{accessible.get_role_name()} “{accessible.get_name()}”'
    except GLib.Error:
        return '(gone)'


def identity(accessible):
    """A key for one accessible: its D-Bus path in the app."""
    try:
        return accessible.path
    except AttributeError:
        return (accessible.get_role(), accessible.get_name(), accessible.get_index_in_parent())


def name_problem(name):
    if not name or not name.strip():
        return 'no name'
    if re.fullmatch(r'(Gtk|Atlas)[A-Z]\w*', name):
        return 'only the GTK class name (no accessible name set)'
    if re.search(r'_(?=\w)', name):
        return 'a mnemonic underline left in the name'
    words = name.split()
    half = len(words) // 2
    if len(words) % 2 == 0 and half > 0 and words[:half] == words[half:]:
        return 'the label twice'
    return None


def text_of(accessible):
    """The text as the Text interface gives it (GTK 4.8 reads no end offset of -1)."""
    try:
        return Atspi.Text.get_text(accessible, 0, Atspi.Text.get_character_count(accessible))
    except (GLib.Error, TypeError):
        return None


def selected_of(description):
    match = re.search(r' Selected: (.*)\.$', description or '')
    return match.group(1) if match else None


# ---- the checks --------------------------------------------------------------

def check_names(app, where):
    bad = []
    n = 0
    for node in app.find_all(lambda a: a.get_role() in BUTTON_ROLES):
        n += 1
        problem = name_problem(node.get_name())
        if problem:
            bad.append(f'{node.get_role_name()} “{node.get_name()}”: {problem}')
    for line in bad:
        note(line)
    check(n > 0 and not bad, f'{where}: all {n} buttons, toggles, drop-downs and menu items have clean names')


def current_chart(app):
    charts = app.charts()
    check(len(charts) == 1, f'exactly one object of role image (the chart), found {len(charts)}')
    return charts[0] if charts else None


def check_chart(app, view, expected_words):
    chart = current_chart(app)
    if chart is None:
        return None
    chart.clear_cache()
    name, description = chart.get_name(), chart.get_description()
    note(f'{view}: image “{name}”: {description[:160]}…')
    check(bool(name) and name != 'Chart', f'{view}: the chart is named after its title (“{name}”)')
    missing = [w for w in expected_words if w not in description]
    check(not missing, f'{view}: the chart’s description names what it shows {expected_words}'
          + (f', missing {missing}' if missing else ''))
    return chart


def check_sidebar(app, must_read):
    sidebars = app.find_all(lambda a: a.get_name() == 'Details' and a.get_role() != Atspi.Role.PUSH_BUTTON)
    if not check(len(sidebars) == 1, 'one details sidebar, named “Details”'):
        return
    texts = []
    for node in app.walk(sidebars[0]):
        if node.get_role() == Atspi.Role.LABEL:
            text = text_of(node)
            check(text is not None and text == node.get_name(),
                  f'sidebar label “{node.get_name()[:40]}” is readable through the Text interface')
            if text:
                texts.append(text)
    joined = '\n'.join(texts)
    for words in must_read:
        check(words in joined, f'the sidebar reads “{words}”')


def tab_cycle(app, start_key, limit=60):
    """Tab from the current focus until it comes back; the focused accessibles in order."""
    seen = []
    for _ in range(limit):
        focus = app.press(KEY_TAB)
        if focus is None:
            break
        if identity(focus) == start_key:
            return seen, True
        if all(identity(f) != identity(focus) for f in seen):
            seen.append(focus)
    return seen, False


def tab_to(app, predicate, limit=60):
    for _ in range(limit):
        focus = app.press(KEY_TAB)
        if focus is not None and predicate(focus):
            return focus
    return None


def walk_chart_items(app, view, chart, expected_items):
    """Home, then Right through every item until the first comes back."""
    app.press(KEY_HOME)
    chart.clear_cache()
    first = selected_of(chart.get_description())
    if not check(first is not None, f'{view}: Home selects the first chart item (description: “… Selected: {first}.”)'):
        return
    visited = [first]
    came_round = False
    for _ in range(400):
        app.press(KEY_RIGHT, settle=0.05)
        chart.clear_cache()
        selected = selected_of(chart.get_description())
        if selected == first:
            came_round = True
            break
        if selected is None or selected in visited:
            break
        visited.append(selected)
    note(f'{view}: {len(visited)} chart items by keyboard: ' + ' | '.join(v[:50] for v in visited[:6]) + ' …')
    check(came_round, f'{view}: Right goes through every item and comes round to the first')
    app.press(KEY_END)
    chart.clear_cache()
    check(selected_of(chart.get_description()) == visited[-1], f'{view}: End selects the last item')
    app.press(KEY_LEFT)
    chart.clear_cache()
    if len(visited) > 1:
        check(selected_of(chart.get_description()) == visited[-2], f'{view}: Left goes back one item')
    count, names = expected_items
    if count is not None:
        check(len(visited) == count, f'{view}: {len(visited)} items reached, the dataset has {count}')
    unreached = [n for n in names if not any(v.startswith(n) for v in visited)]
    check(not unreached, f'{view}: every item of the dataset is reached by keyboard'
          + (f'; never: {unreached}' if unreached else ''))
    app.press(KEY_ESCAPE)


def expectations(dataset_path):
    """What each view shows of the test dataset (tests/data/app/small.json)."""
    with open(dataset_path, encoding='utf-8') as f:
        data = json.load(f)

    def text(value):
        return value.get('en') if isinstance(value, dict) else value

    regions = {r['id']: text(r['name']) for r in data['regions']}
    chain = data['supply_chains'][0]
    nodes = {n['id']: regions.get(n.get('region'), text(n.get('name'))) for n in chain['nodes']}
    node_names = sorted(set(nodes.values()))
    link_names = sorted({f"{nodes[l['from']]} → {nodes[l['to']]}" for l in chain['links']})
    series = [text(s['name']) for s in data['prices'] if s['element'] in ('Dy', 'Tb')]
    group = data['shares'][0]['group']
    share_regions = sorted({regions[p['region']] for s in data['shares'] if s.get('group') == group
                            for p in s['parts']})
    events = [text(e['title']) for e in data['events']]
    return {
        'Flows': {
            'description': [text(chain['title']), chain['stages'][0]['name']] + node_names,
            'items': (len(chain['nodes']) + len(chain['links']), node_names + link_names),
            'controls': ['Node order'],
        },
        'Prices': {
            'description': series,
            'items': (None, series),
            'controls': ['Series', 'Linear', 'Log', 'Time range', 'Options', 'Currency'],
            'popover': ('Options', ['Rebase each series to 100 at', 'Date to rebase at',
                                    'Mark events on the chart']),
        },
        'Shares': {
            'description': share_regions,
            'items': (None, share_regions),
            'controls': ['Group of bars'],
        },
        'Timeline': {
            'description': [events[-1]],
            'items': (len(events), events),
            'controls': ['All kinds', 'All regions', 'All elements'],
        },
        'header': ['Export Chart', 'Show Data Table', 'Show Details', 'Main Menu'] + VIEWS,
        'title': text(data['title']),
    }


def check_popover(app, view, button_name, expected):
    """Space opens the menu button's popover; Tab walks it; Escape closes it."""
    focus = app.focus
    if not (focus is not None and focus.get_name() == button_name):
        focus = tab_to(app, lambda f: f.get_name() == button_name)
    if not check(focus is not None, f'{view}: Tab reaches “{button_name}”'):
        return
    inside = app.press(KEY_SPACE, settle=1.0)
    names = []
    if inside is not None and identity(inside) != identity(focus):
        names.append(inside.get_name())
        for _ in range(12):
            nxt = app.press(KEY_TAB)
            if nxt is None or nxt.get_name() in names:
                break
            names.append(nxt.get_name())
    note(f'{view}: in the “{button_name}” popover: {names}')
    missing = [e for e in expected if e not in names]
    check(not missing, f'{view}: Space opens “{button_name}” and Tab reaches {expected}'
          + (f'; never: {missing}' if missing else ''))
    bad = [f'“{n}”: {name_name}' for n in names if (name_name := name_problem(n))]
    check(not bad, f'{view}: the popover’s controls have clean names' + (f': {bad}' if bad else ''))
    app.press(KEY_ESCAPE, settle=0.6)
    focus.clear_cache()
    back = (app.focus is not None and identity(app.focus) == identity(focus)) or \
        focus.get_state_set().contains(Atspi.StateType.FOCUSED)
    check(back, f'{view}: Escape closes the popover and gives the focus back to “{button_name}”'
          + ('' if back else f' (the focus is on {label_of(app.focus)})'))
    app.focus = focus if back else app.focus


LIST_ROLES = {Atspi.Role.LIST, Atspi.Role.LIST_BOX}


def slide_rows(app):
    """The slide list's rows by their names, or None without the list."""
    lists = app.find_all(lambda a: a.get_role() in LIST_ROLES and a.get_name() == 'Slides')
    if len(lists) != 1:
        return None
    rows = []
    for i in range(lists[0].get_child_count()):
        row = lists[0].get_child_at_index(i)
        if row is not None and row.get_role() == Atspi.Role.LIST_ITEM:
            row.clear_cache()
            rows.append(row.get_name())
    return rows


def wait_for_rows(app, predicate, timeout=5):
    end = time.monotonic() + timeout
    while True:
        rows = slide_rows(app)
        if rows is not None and predicate(rows):
            return rows
        if time.monotonic() >= end:
            return rows
        app.pump(0.1)


def check_briefing_panel(app):
    """The briefing panel from the keyboard: Tab to its header button and
    Space opens it; its controls are in the Tab chain with clean names; the
    slides are a list named “Slides” whose items are the slides' titles;
    “Add View” (Space) and Ctrl+M add the view as a slide; a title typed in
    “Title” becomes the slide's name in the list; Ctrl+B hides the panel."""
    toggle = tab_to(app, lambda f: f.get_name() == 'Briefings')
    if not check(toggle is not None, 'Tab reaches the “Briefings” header button'):
        return
    app.press(KEY_SPACE, settle=1.0)
    rows = wait_for_rows(app, lambda r: True)
    if not check(rows == [], f'Space opens the briefing panel: a list named “Slides”, empty for a dataset '
                 f'without briefings (rows: {rows})'):
        return
    check_names(app, 'the briefing panel')
    cycle, came_round = tab_cycle(app, identity(toggle))
    names = [f.get_name() for f in cycle]
    note('briefing panel Tab order: ' + ', '.join(label_of(f) for f in cycle))
    wanted = ['New Briefing', 'Add View']
    missing = [w for w in wanted if w not in names]
    check(came_round and not missing, f'the briefing panel: Tab goes round and reaches {wanted}'
          + (f'; never: {missing}' if missing else ''))
    add = tab_to(app, lambda f: f.get_name() == 'Add View')
    if not check(add is not None, 'Tab reaches “Add View”'):
        return
    app.press(KEY_SPACE, settle=1.0)
    rows = wait_for_rows(app, lambda r: len(r) == 1)
    check(rows == ['Timeline'], f'Space on “Add View” adds the shown view as a slide named after it ({rows})')
    app.press_ctrl(KEY_M)
    rows = wait_for_rows(app, lambda r: len(r) == 2)
    check(rows is not None and len(rows) == 2, f'Ctrl+M adds another slide ({rows})')
    cycle, _ = tab_cycle(app, identity(app.focus) if app.focus is not None else None)
    names = [f.get_name() for f in cycle]
    # The second slide is chosen: it can move up, not down.
    wanted = ['Briefing', 'Title', 'Speaker Note', 'Move Slide Up', 'Duplicate Slide', 'Delete Slide',
              'Present from This Slide']
    missing = [w for w in wanted if w not in names]
    check(not missing, f'with a slide chosen, Tab reaches {wanted}' + (f'; never: {missing}' if missing else ''))
    bad = [f'{label_of(f)}: {p}' for f in cycle if (p := name_problem(f.get_name()))
           and f.get_role() not in (Atspi.Role.SCROLL_PANE, Atspi.Role.LIST_ITEM)]
    check(not bad, 'everything Tab stops at in the panel has a clean name' + (f': {bad}' if bad else ''))
    title = tab_to(app, lambda f: f.get_name() == 'Title')
    if check(title is not None, 'Tab reaches the slide’s “Title”'):
        app.type_text('Japan depends')
        rows = wait_for_rows(app, lambda r: 'Japan depends' in r)
        check(rows is not None and 'Japan depends' in rows,
              f'a title typed in “Title” names the slide in the list ({rows})')
    app.press(KEY_ESCAPE, settle=0.3)
    app.press_ctrl(KEY_B, settle=1.0)
    toggle.clear_cache()
    check(not toggle.get_state_set().contains(Atspi.StateType.CHECKED)
          and not toggle.get_state_set().contains(Atspi.StateType.PRESSED),
          'Ctrl+B hides the briefing panel (its header button is up again)')


def main():
    if len(sys.argv) != 3:
        print(__doc__)
        return 2
    program, dataset = sys.argv[1], sys.argv[2]
    expect = expectations(dataset)
    Atspi.init()
    app = App(program, dataset)
    try:
        charts = app.wait_for(lambda a: a.get_role() == Atspi.Role.IMAGE and a.get_name() not in ('', 'Chart'), 30)
        if not check(bool(charts), 'the window shows a chart on the accessibility bus'):
            return 1
        frame = app.root.get_child_at_index(0)
        check(frame.get_name() == expect['title'], f'the window is named after the dataset (“{frame.get_name()}”)')
        # Keys go to the window under the pointer when no window manager runs.
        extents = frame.get_extents(Atspi.CoordType.SCREEN)
        Atspi.generate_mouse_event(extents.x + 40, extents.y + extents.height - 40, 'abs')
        app.pump(0.5)

        check_names(app, 'the window')
        check_sidebar(app, ['Dataset', expect['title'], 'This chart'])

        chart = current_chart(app)
        chart_key = identity(chart)
        check(chart.get_state_set().contains(Atspi.StateType.FOCUSED),
              'the chart has the keyboard focus when the window opens')
        app.focus = chart
        for view in VIEWS:
            facts = expect[view]
            # To the view's button by Tab alone, and Space shows the view.
            button = tab_to(app, lambda f, v=view: f.get_name() == v and f.get_role() != Atspi.Role.IMAGE)
            if not check(button is not None, f'{view}: Tab reaches the “{view}” button'):
                continue
            app.press(KEY_SPACE, settle=1.0)
            app.pump(0.8)
            button.clear_cache()
            check(button.get_state_set().contains(Atspi.StateType.PRESSED)
                  or button.get_state_set().contains(Atspi.StateType.CHECKED),
                  f'{view}: Space on its button shows the view (the button is pressed)')
            chart = check_chart(app, view, facts['description'])
            if chart is None:
                continue
            # A whole Tab cycle from the view's button.
            cycle, came_round = tab_cycle(app, identity(button))
            names = [f.get_name() for f in cycle]
            note(f'{view}: Tab order: ' + ', '.join(label_of(f) for f in cycle))
            check(came_round, f'{view}: Tab goes round the window and back to “{view}”')
            expected_stops = expect['header'] + facts['controls']
            unreached = [n for n in expected_stops if n != view and n not in names]
            check(not unreached, f'{view}: Tab reaches every view button and control {expected_stops}'
                  + (f'; never: {unreached}' if unreached else ''))
            check(any(identity(f) == identity(chart) for f in cycle), f'{view}: Tab reaches the chart')
            bad = [f'{label_of(f)}: {p}' for f in cycle if (p := name_problem(f.get_name()))
                   and f.get_role() != Atspi.Role.SCROLL_PANE]
            check(not bad, f'{view}: everything Tab stops at has a clean name' + (f': {bad}' if bad else ''))
            if 'popover' in facts:
                check_popover(app, view, *facts['popover'])
            # Into the chart, and through its items.
            focus = tab_to(app, lambda f: identity(f) == identity(chart))
            if check(focus is not None, f'{view}: Tab puts the focus in the chart'):
                walk_chart_items(app, view, chart, facts['items'])
                check_sidebar(app, [])
        check_names(app, 'the window after the walk (popovers opened)')
        check_briefing_panel(app)
        # The main menu, opened from the keyboard (F10 is the shortcut;
        # Space on its focused button works the same).
        menu_button = tab_to(app, lambda f: f.get_name() == 'Main Menu')
        if check(menu_button is not None, 'Tab reaches the main menu button'):
            app.press(KEY_SPACE, settle=1.0)
            app.pump(0.5)
            items = app.find_all(lambda a: a.get_role() in (Atspi.Role.MENU_ITEM, Atspi.Role.CHECK_MENU_ITEM,
                                                            Atspi.Role.RADIO_MENU_ITEM, Atspi.Role.PUSH_BUTTON)
                                 and a.get_name() in ('Open…', 'Export…', 'Keyboard Shortcuts', 'Reload'))
            note('main menu: ' + ', '.join(label_of(i) for i in items))
            check(len(items) >= 3, 'the main menu’s items are on the bus with their names (Open…, Export…, …)')
            check_names(app, 'the window with the main menu open')
            app.press(KEY_ESCAPE, settle=0.5)
        # The export dialog, from its header bar button.
        export_button = tab_to(app, lambda f: f.get_name() == 'Export Chart')
        if check(export_button is not None, 'Tab reaches the “Export Chart” button'):
            app.press(KEY_SPACE, settle=1.0)
            dialogs = app.wait_for(lambda a: a.get_role() in (Atspi.Role.FRAME, Atspi.Role.DIALOG)
                                   and a.get_name() == 'Export Chart', 10)
            if check(bool(dialogs), 'Space opens the export dialog, named “Export Chart”'):
                check_names(app, 'the export dialog')
                stops, came_round = tab_cycle(app, identity(app.focus), limit=30)
                names = [f.get_name() for f in stops] + ([app.focus.get_name()] if app.focus else [])
                note('export dialog Tab order: ' + ', '.join(label_of(f) for f in stops))
                wanted = ['Cancel', 'Export…', 'Format', 'Size', 'Scale', 'Theme']
                missing = [w for w in wanted if w not in names]
                check(came_round and not missing, f'the export dialog: Tab goes round {wanted}'
                      + (f'; never: {missing}' if missing else ''))
                app.press(KEY_ESCAPE, settle=0.8)
                check(not app.wait_for(lambda a: a.get_role() in (Atspi.Role.FRAME, Atspi.Role.DIALOG)
                                       and a.get_name() == 'Export Chart', 0.5),
                      'Escape closes the export dialog')
        del chart_key
    finally:
        app.close()
    print(f'1..{n_checks}')
    if failures:
        print(f'# {len(failures)} of {n_checks} checks failed')
        return 1
    return 0


if __name__ == '__main__':
    sys.exit(main())
