#!/usr/bin/python3
# test-programme-axe.py — `kursplan programme` checked by axe-core in headless Chromium (Debian's
# chromium, npm axe-core and puppeteer-core from package-lock.json, no browser download): no
# violation of the WCAG 2.1 A/AA rules, in light and in dark, and the filter shows once its
# script runs. Over the demo courses (nb, nn, se) and the winter course across the clock changes.
#
# SPDX-License-Identifier: GPL-3.0-or-later

import json
import os
import shutil
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
KURSPLAN = os.environ['KURSPLAN_BIN']
BUILD = os.environ.get('KURSPLAN_BUILD_ROOT', tempfile.gettempdir())
CHROMIUM = os.environ.get('CHROMIUM', '/usr/bin/chromium')
# Set KURSPLAN_SHOTS=DIR to keep screenshots (light, dark, 360 px wide) to look at.
SHOTS = os.environ.get('KURSPLAN_SHOTS')


def axe_runner():
    node = shutil.which('node')
    npm = shutil.which('npm')
    if node is None or npm is None or not os.access(CHROMIUM, os.X_OK):
        sys.exit('node, npm and chromium are needed (see .ci/install-deps)')
    # A folder of its own: the ical.js test runs npm ci in its folder at the same time.
    where = os.path.join(BUILD, 'interop-node-axe')
    os.makedirs(where, exist_ok=True)
    for name in ('package.json', 'package-lock.json', 'run-axe.mjs'):
        shutil.copy(os.path.join(HERE, name), where)
    modules = os.path.join(where, 'node_modules')
    if not all(os.path.exists(os.path.join(modules, m, 'package.json'))
               for m in ('axe-core', 'puppeteer-core')):
        env = dict(os.environ, PUPPETEER_SKIP_DOWNLOAD='1')
        subprocess.run([npm, 'ci', '--no-audit', '--no-fund', '--loglevel=error'],
                       cwd=where, check=True, stdout=subprocess.DEVNULL, env=env)
    return [node, os.path.join(where, 'run-axe.mjs')]


def run(*args):
    result = subprocess.run([KURSPLAN, *args], capture_output=True, text=True, timeout=120)
    if result.returncode != 0:
        sys.exit('kursplan %s failed (%d): %s' % (' '.join(args), result.returncode,
                                                  result.stderr))
    return result.stdout


def main():
    runner = axe_runner()
    failures = []
    with tempfile.TemporaryDirectory() as tmp:
        db = os.path.join(tmp, 'kursplan.db')
        run('--db', db, 'demo')
        run('--db', db, 'import', os.path.join(HERE, 'winter-course.kursplan.json'))
        out = os.path.join(tmp, 'site')
        run('--db', db, 'programme', '--from', '2026-01-01', '--to', '2028-12-31',
            '--centre', 'Lærings- og mestringssenteret', '-o', out)
        with open(os.path.join(out, 'index.html'), encoding='utf-8') as f:
            html = f.read()
        articles = html.count('<article ')
        if articles != 4:
            failures.append('expected 4 courses on the page, found %d' % articles)
        if SHOTS:
            os.makedirs(SHOTS, exist_ok=True)
        args = [*runner, 'file://' + os.path.join(out, 'index.html')]
        if SHOTS:
            args.append(SHOTS)
        result = subprocess.run(args, capture_output=True, text=True, timeout=240,
                                env=dict(os.environ, CHROMIUM=CHROMIUM))
        if result.returncode != 0:
            sys.exit('axe run failed: ' + result.stderr)
        report = json.loads(result.stdout)
        for scheme in ('light', 'dark'):
            run_report = report[scheme]
            for violation in run_report['violations']:
                failures.append('%s: %s (%s) at %s' % (
                    scheme, violation['id'], violation['impact'],
                    '; '.join(' '.join(n['target']) for n in violation['nodes'][:5])))
            # axe did check what matters here, not an empty page
            for rule in ('color-contrast', 'html-has-lang', 'valid-lang', 'document-title',
                         'select-name', 'link-name', 'list'):
                if rule not in run_report['passes']:
                    failures.append('%s: rule %s did not pass' % (scheme, rule))
            if not run_report['filterShown']:
                failures.append('%s: the filter did not show with script' % scheme)
            print('%s: %d violations, %d rules passed, background %s' % (
                scheme, len(run_report['violations']), len(run_report['passes']),
                run_report['background']))
        if report['light']['background'] == report['dark']['background']:
            failures.append('the dark scheme has the light background')
    for failure in failures:
        print('not ok:', failure)
    sys.exit(1 if failures else 0)


if __name__ == '__main__':
    main()
