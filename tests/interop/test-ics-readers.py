#!/usr/bin/python3
# test-ics-readers.py — `kursplan ics` read by two real peers, ical.js (node) and
# python3-icalendar: their view of every exported file must match the plan.
#
# SPDX-License-Identifier: GPL-3.0-or-later

import copy
import datetime
import json
import os
import shutil
import subprocess
import sys
import tempfile

import icalendar

HERE = os.path.dirname(os.path.abspath(__file__))
KURSPLAN = os.environ['KURSPLAN_BIN']
BUILD = os.environ.get('KURSPLAN_BUILD_ROOT', tempfile.gettempdir())
PLAN = os.path.join(HERE, 'winter-course.kursplan.json')
COURSE = 'Pårørendekurs; vinter, Sápmi'

S = '5e55a000-0000-4000-8000-0000000000%02d@kursplan'
# The plan's wall-clock times in Oslo, as UTC instants: CEST (+2) before 31 October 2027 and
# from 26 March 2028, CET (+1) between.
EXPECTED = {
    S % 1: ('2027-10-28T16:00:00Z', '2027-10-28T18:30:00Z', 'CONFIRMED'),
    S % 2: ('2027-11-04T17:00:00Z', '2027-11-04T19:30:00Z', 'CONFIRMED'),
    S % 3: ('2027-11-11T17:00:00Z', '2027-11-11T19:30:00Z', 'CANCELLED'),
    S % 4: ('2028-03-23T17:00:00Z', '2028-03-23T19:30:00Z', 'CONFIRMED'),
    S % 5: ('2028-03-30T16:00:00Z', '2028-03-30T18:30:00Z', 'CONFIRMED'),
}
SUMMARY_2 = 'Pårørendekurs; vinter, Sápmi: Etter høstskiftet: Sámi čoahkkin, đ ŋ š ŧ ž; ï'
LOCATION = 'Helsehuset, Møterom 2, Storgata 1, 9999 Byen'
# The course is in North Sami: so are the words Kursplan writes (issue #13, item 6). Per Skjult,
# lungelege, is not marked public: by role only, as in the brochure (#12 item 16).
DESCRIPTION_1 = ('Før høstskiftet: hva er kols?\n\n'
                 '– Fágalaš sáhkavuorru: Sykdomslære; pust, og søvn (fágaolmmoš), 60 min\n'
                 '– Geavaheaddji sáhkavuorru: Min hverdag (geavaheaddjiovddasteaddji), 30 min\n'
                 '– Vásáhusaid lonohallan, 45 min')
PRIVATE_NAMES = ('Hemmelig', 'Skjult', 'lungelege')

failures = []


def check(condition, message):
    if not condition:
        failures.append(message)
        print('not ok:', message)


def run(*args, env=None):
    result = subprocess.run([KURSPLAN, *args], capture_output=True, env=env)
    if result.returncode != 0:
        sys.exit('kursplan %s failed (%d): %s' % (' '.join(args), result.returncode,
                                                  result.stderr.decode()))
    return result.stdout


def node_reader():
    """ical.js from npm, installed into the build tree from the lock file (npm ci)."""
    node = shutil.which('node')
    npm = shutil.which('npm')
    if node is None or npm is None:
        sys.exit('node and npm are needed (see .ci/install-deps)')
    where = os.path.join(BUILD, 'interop-node')
    os.makedirs(where, exist_ok=True)
    for name in ('package.json', 'package-lock.json', 'read-ical.mjs'):
        shutil.copy(os.path.join(HERE, name), where)
    if not os.path.exists(os.path.join(where, 'node_modules', 'ical.js', 'package.json')):
        subprocess.run([npm, 'ci', '--no-audit', '--no-fund', '--loglevel=error'],
                       cwd=where, check=True, stdout=subprocess.DEVNULL)
    return [node, os.path.join(where, 'read-ical.mjs')]


def read_with_icaljs(reader, path):
    env = dict(os.environ, TZ='UTC')
    out = subprocess.run([*reader, path], capture_output=True, text=True, env=env, check=True)
    view = json.loads(out.stdout)
    return {e['uid']: e for e in view['events']}, view


def utc_text(value):
    if isinstance(value, datetime.datetime):
        if value.tzinfo is None:
            return 'floating'
        return value.astimezone(datetime.timezone.utc).strftime('%Y-%m-%dT%H:%M:%SZ')
    return value.strftime('%Y%m%d')


def read_with_python(path):
    with open(path, 'rb') as f:
        calendar = icalendar.Calendar.from_ical(f.read())
    events = {}
    for event in calendar.walk('VEVENT'):
        start = event.decoded('dtstart')
        events[str(event['uid'])] = {
            'summary': str(event.get('summary')),
            'location': str(event['location']) if 'location' in event else None,
            'description': str(event['description']) if 'description' in event else None,
            'status': str(event.get('status')),
            'sequence': int(event.get('sequence', 0)),
            'start': utc_text(start),
            'end': utc_text(event.decoded('dtend')),
            'tzid': event['dtstart'].params.get('TZID'),
        }
    return events, calendar


def check_course_view(label, events):
    check(set(events) == set(EXPECTED), '%s: the five sessions, by UID (%s)' % (label,
                                                                           sorted(events)))
    for uid, (start, end, status) in EXPECTED.items():
        event = events.get(uid)
        if event is None:
            continue
        check(event['start'] == start, '%s: %s starts %s, not %s' % (label, uid, event['start'],
                                                                      start))
        check(event['end'] == end, '%s: %s ends %s, not %s' % (label, uid, event['end'], end))
        check(event['status'] == status, '%s: %s is %s' % (label, uid, event['status']))
        check(event['tzid'] == 'Europe/Oslo', '%s: %s in zone %s' % (label, uid, event['tzid']))
        for name in PRIVATE_NAMES:
            check(name not in (event['description'] or '') + event['summary'],
                  '%s: %s shows a member not marked public' % (label, uid))
    if S % 2 in events:
        check(events[S % 2]['summary'] == SUMMARY_2,
              '%s: summary with Sami letters, comma, semicolon: %r' % (label,
                                                                       events[S % 2]['summary']))
    if S % 1 in events:
        check(events[S % 1]['location'] == LOCATION, '%s: location %r' % (label,
                                                                           events[S % 1]['location']))
        check(events[S % 1]['description'] == DESCRIPTION_1,
              '%s: description %r' % (label, events[S % 1]['description']))
    if S % 4 in events:
        check(events[S % 4]['location'] == 'Rådhuset, Sal 1, Torget 2, 9999 Byen',
              '%s: a session\'s own place' % label)


def main():
    reader = node_reader()
    with tempfile.TemporaryDirectory() as tmp:
        db = os.path.join(tmp, 'kursplan.db')
        env = dict(os.environ, SOURCE_DATE_EPOCH='1800000000')
        run('--db', db, 'import', PLAN)

        first = os.path.join(tmp, 'first.ics')
        run('--db', db, 'ics', COURSE, '-o', first, env=env)
        again = run('--db', db, 'ics', COURSE, env=env)
        with open(first, 'rb') as f:
            check(f.read() == again, 'the same plan exported twice gives the same bytes')

        js_events, js_view = read_with_icaljs(reader, first)
        check(js_view['method'] == 'PUBLISH', 'ical.js: METHOD:PUBLISH')
        check(js_view['timezones'] == ['Europe/Oslo'], 'ical.js: one VTIMEZONE, Europe/Oslo')
        check_course_view('ical.js', js_events)
        if S % 1 in js_events:
            check(js_events[S % 1]['organizer'] == 'mailto:lms@example.no', 'ical.js: organizer')
            check(js_events[S % 1]['url'] == 'https://example.no/kurs/vinter?id=7,8', 'ical.js: url')

        py_events, py_calendar = read_with_python(first)
        check(str(py_calendar['X-WR-CALNAME']) == COURSE, 'python: calendar name %r'
              % str(py_calendar['X-WR-CALNAME']))
        check_course_view('python-icalendar', py_events)

        # Leaving cancelled sessions out.
        without = os.path.join(tmp, 'without.ics')
        run('--db', db, 'ics', COURSE, '--leave-out-cancelled', '-o', without, env=env)
        py_without, _ = read_with_python(without)
        check(set(py_without) == set(EXPECTED) - {S % 3}, '--leave-out-cancelled drops only it')

        # The planning group's calendar: the meeting (09:00 CEST) and the evaluation day.
        planning = os.path.join(tmp, 'planning.ics')
        run('--db', db, 'ics', COURSE, '--planning', '-o', planning, env=env)
        for label, events in (('ical.js', read_with_icaljs(reader, planning)[0]),
                              ('python-icalendar', read_with_python(planning)[0])):
            meeting = events.get('c0a1b2c3-0000-4000-8000-000000000001@kursplan')
            evaluation = events.get('e0a1b2c3-0000-4000-8000-000000000001@kursplan')
            check(meeting is not None and meeting['start'] == '2027-09-09T07:00:00Z',
                  '%s: planning meeting at 07:00 UTC: %r' % (label, meeting))
            check(meeting is not None and meeting['description'].startswith(
                'Fordele innlegg;\navtale rom, kaffe'), '%s: notes with newline' % label)
            check(evaluation is not None and evaluation['start'] in ('2028-04-13', '20280413'),
                  '%s: evaluation meeting on 13 April: %r' % (label, evaluation))
            check(len(events) == 2, '%s: only the group\'s meetings' % label)

        # Change the plan: move session 2, rename session 4, cancel session 5.
        with open(PLAN, encoding='utf-8') as f:
            plan = json.load(f)
        changed = copy.deepcopy(plan)
        sessions = changed['course']['sessions']
        sessions[1]['start'] = '2027-11-04T19:00'
        sessions[3]['title'] = 'Før vårskiftet, flyttet rom'
        sessions[4]['status'] = 'cancelled'
        changed_path = os.path.join(tmp, 'changed.kursplan.json')
        with open(changed_path, 'w', encoding='utf-8') as f:
            json.dump(changed, f, ensure_ascii=False)
        run('--db', db, 'import', changed_path)

        second = os.path.join(tmp, 'second.ics')
        run('--db', db, 'ics', COURSE, '-o', second, env=env)
        before, _ = read_with_python(first)
        for label, after in (('python-icalendar', read_with_python(second)[0]),
                             ('ical.js', read_with_icaljs(reader, second)[0])):
            check(set(after) == set(before), '%s: same UIDs after the change' % label)
            for uid in before:
                rise = 1 if uid in (S % 2, S % 4, S % 5) else 0
                check(after[uid]['sequence'] == before[uid]['sequence'] + rise,
                      '%s: %s SEQUENCE %d → %d' % (label, uid, before[uid]['sequence'],
                                                   after[uid]['sequence']))
            check(after[S % 2]['start'] == '2027-11-04T18:00:00Z', '%s: moved session' % label)
            check(after[S % 5]['status'] == 'CANCELLED', '%s: cancelled session' % label)

        # Every course in one file, each in its own zone: New York changes clocks a week after
        # Oslo, on 7 November 2027 (EDT, −4, to EST, −5).
        run('--db', db, 'import', os.path.join(HERE, 'new-york-course.kursplan.json'))
        all_path = os.path.join(tmp, 'all.ics')
        run('--db', db, 'ics', '--all', '-o', all_path, env=env)
        york = {'5e55b000-0000-4000-8000-000000000001@kursplan': '2027-11-04T22:00:00Z',
                '5e55b000-0000-4000-8000-000000000002@kursplan': '2027-11-11T23:00:00Z'}
        js_all, js_all_view = read_with_icaljs(reader, all_path)
        check(js_all_view['timezones'] == ['America/New_York', 'Europe/Oslo'],
              '--all: a VTIMEZONE per zone: %r' % js_all_view['timezones'])
        for label, events in (('ical.js', js_all), ('python-icalendar',
                                                    read_with_python(all_path)[0])):
            check(set(EXPECTED) | set(york) == set(events), '%s: --all holds both courses' % label)
            for uid, start in york.items():
                check(events.get(uid, {}).get('start') == start,
                      '%s: %s starts %r' % (label, uid, events.get(uid, {}).get('start')))
                check(events.get(uid, {}).get('tzid') == 'America/New_York',
                      '%s: %s in its course\'s zone' % (label, uid))

        # import-ics: our own file changes nothing; another calendar's events are added once.
        before = run('--db', db, 'ics', COURSE, env=env)
        out = run('--db', db, 'import-ics', COURSE, second).decode()
        check('0 added, 5 updated' in out, 'import-ics of our own export: ' + out)
        check(run('--db', db, 'ics', COURSE, env=env) == before,
              'import-ics of our own export changes nothing')
        other = os.path.join(HERE, 'other-calendar.ics')
        out = run('--db', db, 'import-ics', COURSE, other).decode()
        check('2 added, 0 updated' in out, 'import-ics of another calendar: ' + out)
        out = run('--db', db, 'import-ics', COURSE, other).decode()
        check('0 added, 2 updated' in out, 'import-ics again updates: ' + out)
        merged = os.path.join(tmp, 'merged.ics')
        run('--db', db, 'ics', COURSE, '-o', merged, env=env)
        merged_events, _ = read_with_python(merged)
        check(len(merged_events) == 7, 'five sessions and two imported: %d' % len(merged_events))
        extra = [e for e in merged_events.values()
                 if e['summary'] == COURSE + ': Ekstra samling, med kaffe']
        check(len(extra) == 1 and extra[0]['start'] == '2027-11-03T17:00:00Z'
              and extra[0]['status'] == 'CANCELLED',
              'the imported event, read in its own VTIMEZONE: %r' % extra)

        # A malformed file: one line on stderr, exit 1, nothing changed.
        with open(other, 'rb') as f:
            broken = f.read().replace(b'END:VEVENT\r\nBEGIN:VEVENT', b'BEGIN:VEVENT', 1)
        broken = broken.replace(b'DTSTART:20271021T170000Z', b'DTSTART:2027-10-21')
        broken_path = os.path.join(tmp, 'broken.ics')
        with open(broken_path, 'wb') as f:
            f.write(broken)
        before = run('--db', db, 'ics', COURSE, env=env)
        result = subprocess.run([KURSPLAN, '--db', db, 'import-ics', COURSE, broken_path],
                                capture_output=True, text=True)
        check(result.returncode == 1, 'malformed file: exit 1, not %d' % result.returncode)
        check(result.stderr.startswith('kursplan: ') and len(result.stderr.splitlines()) == 1,
              'malformed file: one line on stderr: %r' % result.stderr)
        check(run('--db', db, 'ics', COURSE, env=env) == before, 'malformed file: nothing changed')

        # A digital course's join link (issue #16): RFC 7986 CONFERENCE, a long URL folded over
        # lines, read back whole by both readers.
        join = 'https://video.example.org/rom/' + 'x' * 80 + '?pwd=a;b,c'
        with open(PLAN, encoding='utf-8') as f:
            plan = json.load(f)
        plan['course']['mode'] = 'digital'
        plan['course']['sessions'][0]['join_url'] = join
        digital_plan = os.path.join(tmp, 'digital.kursplan.json')
        with open(digital_plan, 'w', encoding='utf-8') as f:
            json.dump(plan, f, ensure_ascii=False)
        run('--db', db, 'import', digital_plan)
        digital = os.path.join(tmp, 'digital.ics')
        run('--db', db, 'ics', COURSE, '-o', digital, env=env)
        js_events, _ = read_with_icaljs(reader, digital)
        check(js_events[S % 1]['conference'] == join, 'ical.js: CONFERENCE %r'
              % js_events[S % 1]['conference'])
        check(js_events[S % 1]['conference_feature'] == 'VIDEO', 'ical.js: FEATURE=VIDEO')
        check(js_events[S % 2]['conference'] is None, 'ical.js: no link where none was set')
        with open(digital, 'rb') as f:
            py_calendar = icalendar.Calendar.from_ical(f.read())
        py_event = next(e for e in py_calendar.walk('VEVENT') if str(e['uid']) == S % 1)
        check(str(py_event['conference']) == join, 'python-icalendar: CONFERENCE %r'
              % str(py_event['conference']))
        check(py_event['conference'].params.get('FEATURE') == 'VIDEO',
              'python-icalendar: FEATURE=VIDEO')
        check(join in str(py_event['description']), 'python-icalendar: the link in the description')

    if failures:
        sys.exit('%d checks failed' % len(failures))
    print('ok: ical.js and python-icalendar read what the plan says')


if __name__ == '__main__':
    main()
