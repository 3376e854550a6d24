#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
# bench/run.py: runs the four benchmarks side by side and writes bench/out/RESULTS.md (build-aux/bench calls it).
#
#   run.py [--build DIR] [--out DIR] [--only prices,startup,sankey,hover,map,slides] [--quick]
#          [--baseline-binary PATH]
#
# Timings are wall-clock times of whole processes (time.perf_counter around each run), medians of
# several runs after one untimed warm-up run of each command. Comparisons are paired: A and B run
# alternately, A B A B ..., and each ratio is A's time over B's in the same pair; the table gives the
# minimum, median and maximum of those ratios. Peak memory is "Maximum resident set size" from
# /usr/bin/time -v, per run, its median reported.

import argparse
import datetime
import filecmp
import json
import os
import platform
import re
import shlex
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
PY = '/usr/bin/python3'  # Debian's, with python3-matplotlib


def rel(text):
    """@text with the repository's path left out: commands as run from its top."""
    return text.replace(ROOT + os.sep, '')


def shell_line(argv, env=None):
    prefix = ' '.join('%s=%s' % (k, shlex.quote(rel(v))) for k, v in (env or {}).items()
                      if k not in ('DISPLAY', 'DBUS_SESSION_BUS_ADDRESS'))
    line = ' '.join(shlex.quote(rel(a)) for a in argv)
    return (prefix + ' ' + line).strip()


def log(*args):
    print(*args, flush=True)


# ---- running and measuring -------------------------------------------------------------------------

class Command:
    def __init__(self, name, argv, env=None, cwd=None, timeout=300):
        self.name = name
        self.argv = argv
        self.env = env or {}
        self.cwd = cwd or ROOT
        self.timeout = timeout

    def line(self):
        return shell_line(self.argv, self.env)

    def run(self):
        """One run: (wall seconds, peak RSS in KiB)."""
        with tempfile.NamedTemporaryFile('r', suffix='.time') as report:
            env = dict(os.environ)
            env.update(self.env)
            start = time.perf_counter()
            done = subprocess.run(['/usr/bin/time', '-v', '-o', report.name] + self.argv, cwd=self.cwd,
                                  env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                                  timeout=self.timeout)
            wall = time.perf_counter() - start
            text = report.read()
        if done.returncode != 0:
            raise RuntimeError('%s failed (exit %d): %s\n%s' % (self.name, done.returncode, self.line(),
                                                               done.stderr.decode(errors='replace')[-2000:]))
        rss = int(re.search(r'Maximum resident set size \(kbytes\): (\d+)', text).group(1))
        return wall, rss


def paired(a, b, repeats):
    """A B A B ...: per pair A's and B's time and peak memory."""
    a.run()
    b.run()  # warm-up: page cache, font cache, shader cache
    pairs = []
    for _ in range(repeats):
        ta, ma = a.run()
        tb, mb = b.run()
        pairs.append((ta, tb, ma, mb))
    return pairs


def summarize(pairs):
    ratios = [ta / tb for ta, tb, _, _ in pairs]
    return {
        'runs': len(pairs),
        'a_median_s': statistics.median(p[0] for p in pairs),
        'b_median_s': statistics.median(p[1] for p in pairs),
        'ratio_min': min(ratios),
        'ratio_median': statistics.median(ratios),
        'ratio_max': max(ratios),
        'a_rss_kib': statistics.median(p[2] for p in pairs),
        'b_rss_kib': statistics.median(p[3] for p in pairs),
        'times_a': [p[0] for p in pairs],
        'times_b': [p[1] for p in pairs],
    }


# ---- the machine -------------------------------------------------------------------------------------

def first_line(argv):
    try:
        out = subprocess.run(argv, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, timeout=30)
        return out.stdout.decode(errors='replace').strip().splitlines()[0]
    except Exception:  # a tool that is not there says so in the results
        return 'not available'


def machine():
    cpu = 'unknown'
    with open('/proc/cpuinfo') as f:
        for line in f:
            if line.startswith('model name'):
                cpu = line.split(':', 1)[1].strip()
                break
    with open('/proc/meminfo') as f:
        mem_kib = int(re.search(r'MemTotal:\s+(\d+)', f.read()).group(1))
    debian = open('/etc/debian_version').read().strip() if os.path.exists('/etc/debian_version') else '?'
    d3 = os.path.join(ROOT, 'bench', 'vendor', 'node_modules', 'd3-sankey', 'package.json')
    return {
        'date': datetime.date.today().isoformat(),
        'nproc': os.cpu_count(),
        'cpu': cpu,
        'memory': '%.1f GiB' % (mem_kib / 1024 / 1024),
        'kernel': platform.release(),
        'debian': debian,
        'gnuplot': first_line(['gnuplot', '--version']),
        'matplotlib': first_line([PY, '-c', 'import matplotlib, numpy; print("matplotlib", matplotlib.__version__, "numpy", numpy.__version__)']),
        'python': first_line([PY, '--version']),
        'node': first_line(['node', '--version']),
        'd3-sankey': json.load(open(d3))['version'] if os.path.exists(d3) else 'not installed',
        'gtk': first_line(['pkg-config', '--modversion', 'gtk4']),
        'cairo': first_line(['pkg-config', '--modversion', 'cairo']),
        'json-glib': first_line(['pkg-config', '--modversion', 'json-glib-1.0']),
        'load_before': '%.2f %.2f %.2f' % os.getloadavg(),
    }


# ---- 1. prices ---------------------------------------------------------------------------------------

GNUPLOT_SCRIPT = '''set terminal pngcairo size 1600,900
set output '{png}'
set xdata time
set timefmt '%Y-%m-%d'
set format x '%Y'
set title 'Dysprosium oxide, benchmark series'
set ylabel 'USD/kg'
plot '{dat}' using 1:2 with lines linewidth 1.5 notitle
'''


def bench_prices(args, results):
    app = os.path.join(args.build, 'src', 'rare-earth-atlas')
    data = os.path.join(args.out, 'data')
    png = os.path.join(args.out, 'png')
    os.makedirs(png, exist_ok=True)
    sizes = [10000, 100000] if args.quick else [10000, 100000, 1000000]
    repeats = {10000: 7, 100000: 7, 1000000: 5}
    section = results.setdefault('prices', {'rows': [], 'commands': []})

    for n in sizes:
        if not os.path.exists(os.path.join(data, 'prices-%d-inline.json' % n)):
            log('prices: generating %d points' % n)
            subprocess.run([PY, os.path.join(ROOT, 'bench', 'gen-prices.py'), str(n), data, '1'], check=True)
        csv_json = os.path.join(data, 'prices-%d-csv.json' % n)
        inline_json = os.path.join(data, 'prices-%d-inline.json' % n)
        script = os.path.join(data, 'prices-%d.gp' % n)
        # gnuplot runs from the top of the repository, like every command here.
        script_text = GNUPLOT_SCRIPT.format(png=rel(os.path.join(png, 'gnuplot-%d.png' % n)),
                                            dat=rel(os.path.join(data, 'prices-%d.dat' % n)))
        with open(script, 'w') as f:
            f.write(script_text)
        section['gnuplot_script'] = script_text

        def export(binary, dataset, tag):
            return Command('rare-earth-atlas ' + tag, [binary, dataset, '--export=prices',
                                                       '--output=' + os.path.join(png, '%s-%d.png' % (tag, n)),
                                                       '--size=1600x900'])

        app_csv = export(app, csv_json, 'atlas-csv')
        app_inline = export(app, inline_json, 'atlas-inline')
        gnuplot = Command('gnuplot', ['gnuplot', script])
        mpl_csv = Command('matplotlib csv', [PY, os.path.join(ROOT, 'bench', 'mpl-prices.py'), 'csv',
                                             os.path.join(data, 'prices-%d.csv' % n),
                                             os.path.join(png, 'mpl-csv-%d.png' % n)])
        mpl_json = Command('matplotlib json', [PY, os.path.join(ROOT, 'bench', 'mpl-prices.py'), 'json',
                                               inline_json, os.path.join(png, 'mpl-json-%d.png' % n)])
        comparisons = [
            ('CSV: atlas / gnuplot', app_csv, gnuplot),
            ('CSV: atlas / matplotlib', app_csv, mpl_csv),
            ('inline JSON: atlas / matplotlib', app_inline, mpl_json),
        ]
        if n == sizes[0]:
            # The floor under the CSV target: starting and drawing one line of text, no chart, no file.
            floor = Command('text floor', [os.path.join(args.out, 'bin', 'text-floor')])
            comparisons.append(('floor: one line of text, no chart, no file / gnuplot', floor, gnuplot))
        if args.baseline_binary:
            comparisons.append(('inline JSON: atlas / baseline atlas',
                                app_inline, export(args.baseline_binary, inline_json, 'baseline-inline')))
            comparisons.append(('CSV: atlas / baseline atlas',
                                app_csv, export(args.baseline_binary, csv_json, 'baseline-csv')))
        for title, a, b in comparisons:
            log('prices %d: %s (%d pairs)' % (n, title, repeats[n]))
            row = summarize(paired(a, b, repeats[n]))
            row.update({'points': n, 'comparison': title, 'a': a.name, 'b': b.name})
            section['rows'].append(row)
            for c in (a, b):
                if c.line() not in section['commands']:
                    section['commands'].append(c.line())
            log('  %.3f s vs %.3f s, ratio median %.3f, peak %d vs %d MiB' % (
                row['a_median_s'], row['b_median_s'], row['ratio_median'],
                row['a_rss_kib'] // 1024, row['b_rss_kib'] // 1024))
        # The same figure whichever way the points came, and whichever build drew it.
        same = [('atlas-csv', 'atlas-inline')]
        if args.baseline_binary:
            same += [('atlas-inline', 'baseline-inline'), ('atlas-csv', 'baseline-csv')]
        for x, y in same:
            identical = filecmp.cmp(os.path.join(png, '%s-%d.png' % (x, n)),
                                    os.path.join(png, '%s-%d.png' % (y, n)), shallow=False)
            section.setdefault('identical', []).append('%s-%d.png and %s-%d.png: %s' % (
                x, n, y, n, 'identical' if identical else 'DIFFERENT'))


# ---- 2. start-up -------------------------------------------------------------------------------------

class Display:
    """A private Xvfb and session bus, for the window benchmarks."""

    def __enter__(self):
        read, write = os.pipe()
        self.xvfb = subprocess.Popen(['Xvfb', '-displayfd', str(write), '-screen', '0', '1920x1200x24',
                                      '-nolisten', 'tcp'], pass_fds=(write,),
                                     stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        os.close(write)
        number = b''
        while not number.endswith(b'\n'):
            chunk = os.read(read, 16)
            if not chunk:
                raise RuntimeError('Xvfb did not start')
            number += chunk
        os.close(read)
        self.display = ':' + number.decode().strip()
        bus = subprocess.run(['dbus-daemon', '--session', '--fork', '--print-address=1', '--print-pid=1'],
                             stdout=subprocess.PIPE, check=True).stdout.decode().split()
        self.bus_address, self.bus_pid = bus[0], int(bus[1])
        return self

    def env(self, **extra):
        env = {'DISPLAY': self.display, 'DBUS_SESSION_BUS_ADDRESS': self.bus_address,
               'GTK_A11Y': 'none', 'NO_AT_BRIDGE': '1'}
        env.update(extra)
        return env

    def __exit__(self, *exc):
        os.kill(self.bus_pid, signal.SIGTERM)
        self.xvfb.terminate()
        self.xvfb.wait()


def bench_startup(args, results, display):
    app = os.path.join(args.build, 'src', 'rare-earth-atlas')
    bare = os.path.join(args.out, 'bin', 'bare-window')
    section = results.setdefault('startup', {'rows': [], 'commands': []})
    help_text = subprocess.run([app, '--help-all'], stdout=subprocess.PIPE, stderr=subprocess.STDOUT).stdout
    if b'--quit-after-first-frame' not in help_text:
        section['missing'] = 'rare-earth-atlas has no --quit-after-first-frame yet'
        log('startup: skipped: ' + section['missing'])
        return
    app_env = {'GSETTINGS_BACKEND': 'memory', 'GSETTINGS_SCHEMA_DIR': os.path.join(args.build, 'data')}
    renderers = [('default renderer', {}), ('GSK_RENDERER=cairo', {'GSK_RENDERER': 'cairo'})]
    for title, extra in renderers:
        a = Command('rare-earth-atlas', [app, '--quit-after-first-frame',
                                         os.path.join(ROOT, 'data', 'rare-earths.json')],
                    env=display.env(**app_env, **extra), timeout=60)
        b = Command('bare GTK window', [bare], env=display.env(**extra), timeout=60)
        repeats = 5 if args.quick else 15
        log('startup, %s: atlas / bare window (%d pairs)' % (title, repeats))
        row = summarize(paired(a, b, repeats))
        row.update({'comparison': 'first frame: atlas / bare GTK window (%s)' % title})
        section['rows'].append(row)
        section['commands'] += [a.line(), b.line()]
        log('  %.3f s vs %.3f s, ratio median %.3f' % (row['a_median_s'], row['b_median_s'], row['ratio_median']))
        # The floor under the target: what GTK alone costs for a header bar, an icon and one label.
        furnished = Command('furnished GTK window', [bare, '--furnished'], env=display.env(**extra), timeout=60)
        log('startup, %s: furnished / bare window (%d pairs)' % (title, repeats))
        row = summarize(paired(furnished, b, repeats))
        row.update({'comparison': 'floor: furnished GTK window (header bar, menu icon, one label) / '
                                  'bare GTK window (%s)' % title})
        section['rows'].append(row)
        section['commands'].append(furnished.line())
        log('  %.3f s vs %.3f s, ratio median %.3f' % (row['a_median_s'], row['b_median_s'], row['ratio_median']))


# ---- 3. Sankey ---------------------------------------------------------------------------------------

def read_tsv(text):
    lines = [l for l in text.splitlines() if l.strip()]
    header = lines[0].split('\t')
    return [dict(zip(header, l.split('\t'))) for l in lines[1:]]


def bench_sankey(args, results):
    """Seed 1 in full (layout times, every crossing count); seeds 2-5 (2 with --quick) for the crossing
    ratio only, whose median over the seeds is the figure the target is judged on: one seeded graph
    can be easy or hard for either layout."""
    section = results.setdefault('sankey', {})
    sizes = ['10', '50', '100', '500', '1000'] if args.quick else ['10', '50', '100', '500', '1000', '2000', '5000']
    seeds = [1, 2] if args.quick else [1, 2, 3, 4, 5]
    section['commands'] = []
    section['counter_warnings'] = ''
    section['ratios'] = {}
    for seed in seeds:
        outdir = os.path.join(args.out, 'sankey' if seed == 1 else 'sankey-seed-%d' % seed)
        atlas_cmd = [os.path.join(args.out, 'bin', 'sankey-bench'), outdir, str(seed)] + sizes
        log('sankey: atlas layout, seed %d' % seed)
        atlas = subprocess.run(atlas_cmd, stdout=subprocess.PIPE, check=True, cwd=ROOT).stdout.decode()
        d3_cmd = ['node', os.path.join(ROOT, 'bench', 'sankey-d3.cjs')] + [
            os.path.join(outdir, 'graph-%s.json' % n) for n in sizes]
        log('sankey: d3-sankey layout and crossings, seed %d' % seed)
        d3 = subprocess.run(d3_cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, check=True, cwd=ROOT)
        d3_rows = read_tsv(d3.stdout.decode())
        if seed == 1:
            section['atlas'] = read_tsv(atlas)
            section['d3'] = d3_rows
        section['counter_warnings'] += d3.stderr.decode()
        section['commands'] += [shell_line(atlas_cmd), shell_line(d3_cmd)]
        for row in d3_rows:
            section['ratios'].setdefault(row['nodes'], {})[seed] = float(row['atlas_over_d3'])
            log('  %s nodes: atlas %s ms, d3 %s ms, crossings atlas/d3 %s' % (
                row['nodes'], row['atlas_ms'], row['d3_ms'], row['atlas_over_d3']))
    section['seeds'] = seeds


# ---- 4. hover ----------------------------------------------------------------------------------------

def bench_hover(args, results, display):
    section = results.setdefault('hover', {'runs': [], 'commands': []})
    data = rel(os.path.join(args.out, 'data', 'prices-1000000-csv.json'))
    if not os.path.exists(os.path.join(ROOT, data)):
        subprocess.run([PY, os.path.join(ROOT, 'bench', 'gen-prices.py'), '1000000',
                        os.path.join(args.out, 'data'), '1'], check=True)
    hover = os.path.join(args.out, 'bin', 'hover-bench')
    runs = [('scene', [hover, 'scene', data, '120'], {})]
    if display is not None:
        runs.append(('widget, default renderer', [hover, 'widget', data, '120'], display.env()))
        runs.append(('widget, GSK_RENDERER=cairo', [hover, 'widget', data, '120'],
                     display.env(GSK_RENDERER='cairo')))
        # What any widget covering the window costs each renderer here: the
        # floor under the two rows above.
        runs.append(('floor (a colour and a line, no chart), default renderer',
                     [hover, 'widget-floor', data, '120'], display.env()))
        runs.append(('floor (a colour and a line, no chart), GSK_RENDERER=cairo',
                     [hover, 'widget-floor', data, '120'], display.env(GSK_RENDERER='cairo')))
    for title, argv, env in runs:
        log('hover: ' + title)
        full_env = dict(os.environ)
        full_env.update(env)
        out = subprocess.run(argv, stdout=subprocess.PIPE, check=True, env=full_env, cwd=ROOT,
                             timeout=600).stdout.decode()
        section['runs'].append({'title': title, 'output': out})
        section['commands'].append(shell_line(argv, env))
        log('  ' + out.strip().replace('\n', '\n  '))


def bench_map(args, results):
    """The map (choropleth and routes) laid out and drawn at 1600x900 and 3840x2160 beside the flows
    view, in one process, the bundled dataset, cairo image surfaces; medians of N runs after a warm-up.
    The world file is read once per process, shown apart."""
    section = results.setdefault('map', {'runs': [], 'commands': []})
    argv = [os.path.join(args.out, 'bin', 'map-bench'), os.path.join(ROOT, 'data', 'rare-earths.json'),
            '10' if args.quick else '40']
    env = dict(os.environ)
    # The harness is not in the build tree: it is told where the boundaries are.
    env['ATLAS_WORLD'] = os.path.join(ROOT, 'data', 'world-110m.atlasgeo')
    log('map: layout and drawing')
    out = subprocess.run(argv, stdout=subprocess.PIPE, check=True, env=env, cwd=ROOT, timeout=600).stdout.decode()
    section['runs'].append({'title': 'map and flows', 'output': out})
    section['commands'].append(shell_line(argv, {'ATLAS_WORLD': env['ATLAS_WORLD']}))
    log('  ' + out.strip().replace('\n', '\n  '))


def bench_slides(args, results):
    """Each slide of the bundled briefing laid out and drawn at 1920x1080 in the presentation's type (a
    slide change: shown for the first time, with no text measured before, and shown again), and the
    timeline's zoom steps about its busiest stretch, each after the step before it (target: each under
    16 ms)."""
    section = results.setdefault('slides', {'runs': [], 'commands': []})
    argv = [os.path.join(args.out, 'bin', 'slide-bench'), os.path.join(ROOT, 'data', 'rare-earths.json'),
            '5' if args.quick else '20']
    env = dict(os.environ)
    env['ATLAS_WORLD'] = os.path.join(ROOT, 'data', 'world-110m.atlasgeo')
    log('slides: a slide change and a timeline zoom step')
    out = subprocess.run(argv, stdout=subprocess.PIPE, check=True, env=env, cwd=ROOT, timeout=600).stdout.decode()
    section['runs'].append({'title': 'slides and zoom steps', 'output': out})
    section['commands'].append(shell_line(argv, {'ATLAS_WORLD': env['ATLAS_WORLD']}))
    log('  ' + out.strip().replace('\n', '\n  '))


# ---- the report --------------------------------------------------------------------------------------

def ratio_cell(row):
    return '%.3f / **%.3f** / %.3f' % (row['ratio_min'], row['ratio_median'], row['ratio_max'])


def report(args, results, info, commands):
    out = []
    out.append('# Benchmark results (generated by build-aux/bench)\n')
    out.append('Date: %s. Machine: %s cores (nproc), %s, %s memory; Linux %s, Debian %s.\n' % (
        info['date'], info['nproc'], info['cpu'], info['memory'], info['kernel'], info['debian']))
    out.append('Versions: GTK %s, cairo %s, json-glib %s; %s; %s; %s; node %s, d3-sankey %s.\n' % (
        info['gtk'], info['cairo'], info['json-glib'], info['gnuplot'], info['matplotlib'], info['python'],
        info['node'], info['d3-sankey']))
    out.append('Whole run: %s; load average (1, 5, 15 min) %s before, %s after: other work on the '
               'machine shows in the spread of the ratios. The window benchmarks ran on a private Xvfb '
               'with its own session bus (DISPLAY and DBUS_SESSION_BUS_ADDRESS are left out of the '
               'commands below).\n' % (info['elapsed'], info['load_before'], info['load_after']))
    out.append('Ratios are A/B per pair of runs made one after the other (A B A B ...); the cells give '
               'min / **median** / max over the pairs. Times are medians of whole-process wall-clock '
               'times; memory is the median peak resident set size (/usr/bin/time -v).\n')

    if 'prices' in results:
        out.append('## 1. Price series to PNG 1600x900\n')
        out.append('| points | A / B | runs | A median | B median | time ratio A/B (min / median / max) | peak A | peak B | memory A/B |')
        out.append('|---:|---|---:|---:|---:|---|---:|---:|---:|')
        for row in results['prices']['rows']:
            out.append('| %d | %s | %d | %.3f s | %.3f s | %s | %.0f MiB | %.0f MiB | %.2f |' % (
                row['points'], row['comparison'], row['runs'], row['a_median_s'], row['b_median_s'],
                ratio_cell(row), row['a_rss_kib'] / 1024, row['b_rss_kib'] / 1024,
                row['a_rss_kib'] / row['b_rss_kib']))
        out.append('\nPNGs compared byte for byte: ' + '; '.join(results['prices'].get('identical', [])) + '.')
        out.append('\ngnuplot script of the largest size (the others differ only in N):\n\n```\n%s```\n'
                   % results['prices']['gnuplot_script'])

    if 'startup' in results:
        out.append('## 2. Start-up to the first painted frame (Xvfb 1920x1200, own session bus)\n')
        if 'missing' in results['startup']:
            out.append('Not measured: %s.\n' % results['startup']['missing'])
        else:
            out.append('| A / B | runs | A median | B median | ratio A/B (min / median / max) | peak A | peak B |')
            out.append('|---|---:|---:|---:|---|---:|---:|')
            for row in results['startup']['rows']:
                out.append('| %s | %d | %.3f s | %.3f s | %s | %.0f MiB | %.0f MiB |' % (
                    row['comparison'], row['runs'], row['a_median_s'], row['b_median_s'], ratio_cell(row),
                    row['a_rss_kib'] / 1024, row['b_rss_kib'] / 1024))
            out.append('')

    if 'sankey' in results:
        out.append('## 3. Sankey layout\n')
        out.append('| nodes | links | stages | atlas layout (median) | d3-sankey layout (median) | '
                   'weighted crossings: dataset order | planted order | atlas | d3-sankey | atlas / d3 |')
        out.append('|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|')
        for row in results['sankey']['d3']:
            out.append('| %s | %s | %s | %s ms | %s ms | %s | %s | %s | %s | **%s** |' % (
                row['nodes'], row['links'], row['stages'], row['atlas_ms'], row['d3_ms'],
                row['crossings_dataset_order'], row['crossings_planted'], row['crossings_atlas'],
                row['crossings_d3'], row['atlas_over_d3']))
        out.append('\natlas layout times (ms over repeated runs in one process):\n')
        out.append('| nodes | links | runs | median | min | max | weighted crossings (atlas\'s count) |')
        out.append('|---:|---:|---:|---:|---:|---:|---:|')
        for row in results['sankey']['atlas']:
            out.append('| %s | %s | %s | %s | %s | %s | %s |' % (
                row['nodes'], row['links'], row['runs'], row['median_ms'], row['min_ms'], row['max_ms'],
                row['crossings']))
        seeds = results['sankey'].get('seeds', [1])
        out.append('\nWeighted crossings, atlas / d3-sankey, by seed (the table above is seed 1); the target '
                   'is judged on the median:\n')
        out.append('| nodes | ' + ' | '.join('seed %d' % seed for seed in seeds) + ' | median |')
        out.append('|---:|' + '---:|' * (len(seeds) + 1))
        for nodes, by_seed in results['sankey']['ratios'].items():
            ratios = [by_seed[seed] for seed in seeds if seed in by_seed]
            out.append('| %s | %s | **%.3f** |' % (
                nodes, ' | '.join('%.3f' % by_seed[seed] if seed in by_seed else '' for seed in seeds),
                statistics.median(ratios)))
        if results['sankey']['counter_warnings'].strip():
            out.append('\nCounter warnings:\n\n```\n%s```' % results['sankey']['counter_warnings'])
        out.append('')

    if 'hover' in results:
        out.append('## 4. Hover redraw, 1,000,000 points, 1920x1080\n')
        for run in results['hover']['runs']:
            out.append('%s:\n\n```\n%s```\n' % (run['title'], run['output']))

    if 'map' in results:
        out.append('## 5. Map: layout and drawing beside the flows view (target < 30 ms at 1600x900)\n')
        for run in results['map']['runs']:
            out.append('```\n%s```\n' % run['output'])

    # Numbered as in bench/RESULTS.md, whose sections 6 (bench/limits.py)
    # and 7 (exports before and after a change) this script does not make.
    if 'slides' in results:
        out.append('## 8. A slide change and a timeline zoom step at 1920x1080 (target < 16 ms each)\n')
        for run in results['slides']['runs']:
            out.append('```\n%s```\n' % run['output'])

    out.append('## Commands\n')
    out.append('```')
    out += commands
    for name in ('prices', 'startup', 'sankey', 'hover', 'map', 'slides'):
        if name in results:
            out += results[name].get('commands', [])
    out.append('```\n')
    return '\n'.join(out)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument('--build', default=os.path.join(ROOT, '_build-bench'))
    parser.add_argument('--out', default=os.path.join(ROOT, 'bench', 'out'))
    parser.add_argument('--only', default='prices,startup,sankey,hover,map,slides')
    parser.add_argument('--quick', action='store_true', help='fewer sizes and runs, for trying the script')
    parser.add_argument('--baseline-binary', help='another rare-earth-atlas to compare the export with')
    args = parser.parse_args()
    args.build = os.path.abspath(args.build)
    args.out = os.path.abspath(args.out)
    only = args.only.split(',')

    started = time.perf_counter()
    info = machine()
    results = {}
    given = (['--quick'] if args.quick else []) + \
        (['--only', args.only] if args.only != parser.get_default('only') else []) + \
        (['--baseline-binary', rel(args.baseline_binary)] if args.baseline_binary else [])
    commands = [' '.join(['build-aux/bench'] + [shlex.quote(a) for a in given])]

    if 'prices' in only:
        bench_prices(args, results)
    if 'sankey' in only:
        bench_sankey(args, results)
    if 'map' in only:
        bench_map(args, results)
    if 'slides' in only:
        bench_slides(args, results)
    if 'startup' in only or 'hover' in only:
        with Display() as display:
            if 'startup' in only:
                bench_startup(args, results, display)
            if 'hover' in only:
                bench_hover(args, results, display)

    info['elapsed'] = '%.0f s' % (time.perf_counter() - started)
    info['load_after'] = '%.2f %.2f %.2f' % os.getloadavg()
    text = report(args, results, info, commands)
    with open(os.path.join(args.out, 'RESULTS.md'), 'w') as f:
        f.write(text)
    with open(os.path.join(args.out, 'results.json'), 'w') as f:
        json.dump({'machine': info, 'results': results}, f, indent=1)
    log('\n' + text)
    log('written: %s (%s)' % (rel(os.path.join(args.out, 'RESULTS.md')), info['elapsed']))


if __name__ == '__main__':
    main()
