#!/usr/bin/python3
# test-caldav-radicale.py — `kursplan sync` against a real CalDAV server: Radicale (Debian),
# started here on 127.0.0.1 on a free port, with its own storage in a temporary folder and a
# plain htpasswd file.
#
# SPDX-License-Identifier: GPL-3.0-or-later

import base64
import copy
import http.client
import json
import os
import socket
import sqlite3
import subprocess
import sys
import tempfile
import time
import urllib.parse
import xml.etree.ElementTree as ET

import icalendar

HERE = os.path.dirname(os.path.abspath(__file__))
KURSPLAN = os.environ['KURSPLAN_BIN']
PLAN = os.path.join(HERE, 'winter-course.kursplan.json')
COURSE = 'Pårørendekurs; vinter, Sápmi'
USER, PASSWORD = 'lms', 'hemmelig ÆØÅ'
S = '5e55a000-0000-4000-8000-0000000000%02d'

failures = []


def check(condition, message):
    if not condition:
        failures.append(message)
        print('not ok:', message)


def free_port():
    with socket.socket() as s:
        s.bind(('127.0.0.1', 0))
        return s.getsockname()[1]


class Server:
    def __init__(self, tmp, tls=False):
        self.port = free_port()
        tmp = os.path.join(tmp, 'tls' if tls else 'plain')
        os.makedirs(tmp)
        users = os.path.join(tmp, 'users')
        with open(users, 'w', encoding='utf-8') as f:
            f.write('%s:%s\n' % (USER, PASSWORD))
        config = os.path.join(tmp, 'radicale.conf')
        tls_lines = ''
        if tls:
            # A self-signed certificate no trust store knows.
            cert, key = os.path.join(tmp, 'cert.pem'), os.path.join(tmp, 'key.pem')
            subprocess.run(['openssl', 'req', '-x509', '-newkey', 'rsa:2048', '-nodes',
                            '-subj', '/CN=127.0.0.1', '-days', '1', '-keyout', key,
                            '-out', cert], check=True, capture_output=True)
            tls_lines = 'ssl = True\ncertificate = %s\nkey = %s\n' % (cert, key)
        with open(config, 'w', encoding='utf-8') as f:
            f.write('[server]\nhosts = 127.0.0.1:%d\n%s'
                    '[auth]\ntype = htpasswd\nhtpasswd_filename = %s\nhtpasswd_encryption = plain\n'
                    '[storage]\nfilesystem_folder = %s\n'
                    '[rights]\ntype = owner_only\n'
                    '[logging]\nlevel = warning\n'
                    % (self.port, tls_lines, users, os.path.join(tmp, 'collections')))
        self.log = open(os.path.join(tmp, 'radicale.log'), 'w')
        self.process = subprocess.Popen(['/usr/bin/python3', '-m', 'radicale', '--config', config],
                                        stdout=self.log, stderr=subprocess.STDOUT)
        for _ in range(100):
            try:
                socket.create_connection(('127.0.0.1', self.port), timeout=0.2).close()
                return
            except OSError:
                time.sleep(0.1)
        self.stop()
        sys.exit('Radicale did not start')

    def stop(self):
        self.process.terminate()
        self.process.wait(timeout=10)
        self.log.close()

    def request(self, method, path, body=None, headers=None):
        connection = http.client.HTTPConnection('127.0.0.1', self.port, timeout=30)
        token = base64.b64encode(('%s:%s' % (USER, PASSWORD)).encode()).decode()
        all_headers = {'Authorization': 'Basic ' + token}
        all_headers.update(headers or {})
        connection.request(method, path, body=body, headers=all_headers)
        response = connection.getresponse()
        data = response.read()
        connection.close()
        return response.status, dict(response.getheaders()), data

    def resources(self, collection):
        """href → (etag, calendar) for every resource in the collection."""
        status, _, data = self.request('PROPFIND', collection, headers={'Depth': '1'})
        assert status == 207, status
        found = {}
        for response in ET.fromstring(data).findall('{DAV:}response'):
            href = urllib.parse.unquote(response.find('{DAV:}href').text)
            if not href.endswith('.ics'):
                continue
            status, headers, body = self.request('GET', urllib.parse.quote(href))
            assert status == 200, (href, status)
            found[href] = (headers.get('ETag') or headers.get('Etag'),
                           icalendar.Calendar.from_ical(body))
        return found


def run(*args, password=None):
    env = {k: v for k, v in os.environ.items()
           if k not in ('DBUS_SESSION_BUS_ADDRESS', 'XDG_RUNTIME_DIR', 'KURSPLAN_CALDAV_PASSWORD')}
    if password is not None:
        env['KURSPLAN_CALDAV_PASSWORD'] = password
    return subprocess.run([KURSPLAN, *args], capture_output=True, text=True, env=env,
                          stdin=subprocess.DEVNULL)


def recorded(db):
    with sqlite3.connect(db) as connection:
        return {row[0]: (row[1], row[2]) for row in
                connection.execute('SELECT session_id, href, etag FROM caldav_resources')}


def write_plan(tmp, name, change):
    with open(PLAN, encoding='utf-8') as f:
        plan = json.load(f)
    plan = copy.deepcopy(plan)
    change(plan['course']['sessions'])
    path = os.path.join(tmp, name)
    with open(path, 'w', encoding='utf-8') as f:
        json.dump(plan, f, ensure_ascii=False)
    return path


def main():
    with tempfile.TemporaryDirectory() as tmp:
        server = Server(tmp)
        try:
            exercise(server, tmp)
            keyring(server, tmp)
            conflicts(server, tmp)
            password_in_address(server, tmp)
            reminders(server, tmp)
        finally:
            server.stop()
        server = Server(tmp, tls=True)
        try:
            untrusted(server, tmp)
        finally:
            server.stop()
    if failures:
        sys.exit('%d checks failed' % len(failures))
    print('ok: Radicale holds one resource per session, updated in place')


def exercise(server, tmp):
    collection = '/%s/kurs/' % USER
    url = 'http://127.0.0.1:%d%s' % (server.port, collection)
    db = os.path.join(tmp, 'kursplan.db')
    status, _, _ = server.request('MKCALENDAR', collection)
    check(status == 201, 'MKCALENDAR answered %d' % status)
    check(run('--db', db, 'import', PLAN).returncode == 0, 'import the plan')

    # A wrong password writes nothing, on the server or here.
    result = run('--db', db, 'sync', COURSE, '--url', url, '--user', USER, password='feil')
    check(result.returncode == 1, 'wrong password: exit 1, not %d' % result.returncode)
    check('refused the user name or password' in result.stderr, 'wrong password: ' + result.stderr)
    check(len(result.stderr.strip().splitlines()) == 1, 'one line on stderr')
    check(server.resources(collection) == {}, 'wrong password: nothing on the server')
    check(recorded(db) == {}, 'wrong password: nothing recorded')

    # An address with nothing listening.
    result = run('--db', db, 'sync', COURSE, '--url', 'http://127.0.0.1:%d/x/' % free_port(),
                 '--user', USER, password=PASSWORD)
    check(result.returncode == 1 and 'could not be reached' in result.stderr,
          'unreachable server: ' + result.stderr)

    # First sync: one resource per session, each one VEVENT with its VTIMEZONE and no METHOD.
    result = run('--db', db, 'sync', COURSE, '--url', url, '--user', USER, password=PASSWORD)
    check(result.returncode == 0, 'first sync: ' + result.stderr)
    check('5 created, 0 updated, 0 deleted, 0 unchanged' in result.stdout,
          'first sync: ' + result.stdout)
    first = server.resources(collection)
    check(len(first) == 5, 'five resources, not %d' % len(first))
    for href, (etag, calendar) in first.items():
        events = calendar.walk('VEVENT')
        check(len(events) == 1, '%s holds one event' % href)
        check('METHOD' not in calendar, '%s has no METHOD' % href)
        check(len(calendar.walk('VTIMEZONE')) == 1, '%s carries its VTIMEZONE' % href)
        check(href == '%s%s.ics' % (collection, events[0]['UID']), '%s named by its UID' % href)
    state = recorded(db)
    check(sorted(state) == sorted(S % i for i in range(1, 6)), 'each session recorded')
    for session_id, (href, etag) in state.items():
        check(first.get(href, (None,))[0] == etag, 'recorded ETag of %s is the server\'s' % href)

    # Change the plan: move session 2, rename 4, remove 5.
    def change(sessions):
        sessions[1]['start'] = '2027-11-04T19:00'
        sessions[3]['title'] = 'Før vårskiftet, nytt rom'
        del sessions[4]
    check(run('--db', db, 'import', write_plan(tmp, 'changed.json', change)).returncode == 0,
          'import the changed plan')
    result = run('--db', db, 'sync', COURSE, '--url', url, '--user', USER, password=PASSWORD)
    check(result.returncode == 0, 'second sync: ' + result.stderr)
    check('0 created, 2 updated, 1 deleted, 2 unchanged' in result.stdout,
          'second sync: only the changed sessions are put: ' + result.stdout)
    second = server.resources(collection)
    check(len(second) == 4, 'four resources after one session was removed, not %d' % len(second))
    check(set(second) <= set(first), 'updated in place: no new resources')
    for i in (1, 3):
        unchanged = '%s%s@kursplan.ics' % (collection, S % i)
        check(second[unchanged][0] == first[unchanged][0], '%s not put again' % unchanged)
    moved = second.get('%s%s@kursplan.ics' % (collection, S % 2))
    if moved is not None:
        event = moved[1].walk('VEVENT')[0]
        start = event.decoded('dtstart')
        check(start.strftime('%Y-%m-%dT%H:%M') == '2027-11-04T19:00', 'moved to 19:00')
        check(event['dtstart'].params.get('TZID') == 'Europe/Oslo', 'TZID Europe/Oslo')
        check(int(event['SEQUENCE']) == 1, 'SEQUENCE rose to 1')
    renamed = second.get('%s%s@kursplan.ics' % (collection, S % 4))
    if renamed is not None:
        check(str(renamed[1].walk('VEVENT')[0]['SUMMARY']).endswith('Før vårskiftet, nytt rom'),
              'renamed on the server')
    check(S % 5 not in recorded(db), 'the removed session is forgotten')

    # Someone edits session 1 in their calendar: the next sync must not overwrite it.
    href = '%s%s@kursplan.ics' % (collection, S % 1)
    etag, calendar = second[href]
    calendar.walk('VEVENT')[0]['SUMMARY'] = 'Endret i kalenderen'
    status, _, _ = server.request('PUT', urllib.parse.quote(href), calendar.to_ical(),
                                  {'Content-Type': 'text/calendar; charset=utf-8',
                                   'If-Match': etag})
    check(status in (201, 204), 'edit on the server answered %d' % status)
    before = recorded(db)
    result = run('--db', db, 'sync', COURSE, '--url', url, '--user', USER, password=PASSWORD)
    check(result.returncode == 1, 'conflict: exit 1, not %d' % result.returncode)
    check('changed on the server' in result.stderr, 'conflict: ' + result.stderr)
    check(recorded(db)[S % 1] == before[S % 1], 'conflict: the record of session 1 kept')
    check('Endret i kalenderen' in result.stderr, 'conflict: the message shows the calendar\'s '
          'version: ' + result.stderr)
    third = server.resources(collection)
    check(str(third[href][1].walk('VEVENT')[0]['SUMMARY']) == 'Endret i kalenderen',
          'conflict: the server\'s edit is not overwritten')

    # The user chooses the plan's version.
    result = run('--db', db, 'sync', COURSE, '--url', url, '--user', USER, '--overwrite',
                 password=PASSWORD)
    check(result.returncode == 0, '--overwrite: ' + result.stderr)
    check('0 created, 1 updated, 0 deleted, 3 unchanged' in result.stdout,
          '--overwrite: ' + result.stdout)
    fourth = server.resources(collection)
    check(len(fourth) == 4, '--overwrite: still four resources')
    check(str(fourth[href][1].walk('VEVENT')[0]['SUMMARY']).endswith('hva er kols?'),
          '--overwrite: the plan\'s version is back')
    check(recorded(db)[S % 1][1] == fourth[href][0], '--overwrite: the new ETag recorded')

    # Deleted in the calendar, still in the plan: the plan puts it back.
    gone = '%s%s@kursplan.ics' % (collection, S % 3)
    status, _, _ = server.request('DELETE', urllib.parse.quote(gone))
    check(status in (200, 204), 'delete on the server answered %d' % status)
    result = run('--db', db, 'sync', COURSE, '--url', url, '--user', USER, password=PASSWORD)
    check(result.returncode == 0 and '1 created, 0 updated, 0 deleted, 3 unchanged'
          in result.stdout, 'a resource deleted in the calendar is put back: '
          + result.stdout + result.stderr)
    check(gone in server.resources(collection), 'the deleted resource is back')


KEYRING_SCRIPT = r'''
set -e
printf 'keyring' | gnome-keyring-daemon --login >/dev/null
eval "$(gnome-keyring-daemon --start --components=secrets)"
printf '%s' "$STORED_PASSWORD" | secret-tool store --label=kursplan \
  xdg:schema io.github.kursplan.Kursplan.CalDAV url "$SYNC_URL" user "$SYNC_USER"
exec "$KURSPLAN_BIN" --db "$SYNC_DB" sync "$SYNC_COURSE" --url "$SYNC_URL" --user "$SYNC_USER"
'''


def keyring(server, tmp):
    """The Secret Service comes first: a wrong KURSPLAN_CALDAV_PASSWORD is not even tried."""
    home = os.path.join(tmp, 'home')
    os.makedirs(os.path.join(home, 'run'), mode=0o700)
    env = {k: v for k, v in os.environ.items() if k != 'DBUS_SESSION_BUS_ADDRESS'}
    env.update(HOME=home, XDG_DATA_HOME=os.path.join(home, 'data'),
               XDG_RUNTIME_DIR=os.path.join(home, 'run'), STORED_PASSWORD=PASSWORD,
               SYNC_URL='http://127.0.0.1:%d/%s/kurs/' % (server.port, USER), SYNC_USER=USER,
               SYNC_DB=os.path.join(tmp, 'kursplan.db'), SYNC_COURSE=COURSE,
               KURSPLAN_CALDAV_PASSWORD='feil')
    result = subprocess.run(['dbus-run-session', '--', 'sh', '-c', KEYRING_SCRIPT], env=env,
                            capture_output=True, text=True, stdin=subprocess.DEVNULL, timeout=60)
    check(result.returncode == 0, 'password from the keyring: ' + result.stderr)
    check('0 created, 0 updated, 0 deleted, 4 unchanged' in result.stdout,
          'keyring sync: ' + result.stdout)


def untrusted(server, tmp):
    """TLS is verified: a certificate nobody vouches for stops the sync before anything is sent."""
    db = os.path.join(tmp, 'kursplan.db')
    before = recorded(db)
    url = 'https://127.0.0.1:%d/%s/kurs/' % (server.port, USER)
    result = run('--db', db, 'sync', COURSE, '--url', url, '--user', USER, password=PASSWORD)
    check(result.returncode == 1, 'untrusted certificate: exit 1, not %d' % result.returncode)
    check('could not be trusted' in result.stderr, 'untrusted certificate: ' + result.stderr)
    check(recorded(db) == before, 'untrusted certificate: nothing recorded')


def edit_on_server(server, href, summary):
    """Someone changes an event in their calendar, behind Kursplan's back."""
    etag, calendar = server.resources(href.rsplit('/', 1)[0] + '/')[href]
    calendar.walk('VEVENT')[0]['SUMMARY'] = summary
    status, _, _ = server.request('PUT', urllib.parse.quote(href), calendar.to_ical(),
                                  {'Content-Type': 'text/calendar; charset=utf-8',
                                   'If-Match': etag})
    check(status in (201, 204), 'edit of %s on the server answered %d' % (href, status))


def summary_of(resources, href):
    return str(resources[href][1].walk('VEVENT')[0]['SUMMARY'])


def conflicts(server, tmp):
    """One event changed in the calendar does not hold back the others (#12, item 12), and a
    removed session whose event was changed there can be resolved with --overwrite (item 13)."""
    collection = '/%s/konflikt/' % USER
    url = 'http://127.0.0.1:%d%s' % (server.port, collection)
    db = os.path.join(tmp, 'konflikt.db')
    href = {i: '%s%s@kursplan.ics' % (collection, S % i) for i in range(1, 6)}
    status, _, _ = server.request('MKCALENDAR', collection)
    check(status == 201, 'MKCALENDAR %s answered %d' % (collection, status))
    check(run('--db', db, 'import', PLAN).returncode == 0, 'import the plan')
    result = run('--db', db, 'sync', COURSE, '--url', url, '--user', USER, password=PASSWORD)
    check(result.returncode == 0 and '5 created' in result.stdout, 'first sync: ' + result.stderr)

    # Sessions 1 and 5 are edited in the calendar; then the plan moves 2, cancels 4, removes 5.
    edit_on_server(server, href[1], 'Endret i kalenderen')
    edit_on_server(server, href[5], 'Flyttet av noen')

    def change(sessions):
        sessions[1]['start'] = '2027-11-04T19:00'
        sessions[3]['status'] = 'cancelled'
        del sessions[4]
    check(run('--db', db, 'import', write_plan(tmp, 'konflikt.json', change)).returncode == 0,
          'import the changed plan')
    before = recorded(db)
    result = run('--db', db, 'sync', COURSE, '--url', url, '--user', USER, password=PASSWORD)
    lines = result.stderr.strip().splitlines()
    check(result.returncode == 1, 'conflicts: exit 1, not %d' % result.returncode)
    check(len(lines) == 3, 'conflicts: one line each, then a summary: %r' % lines)
    if len(lines) == 3:
        check('“Før høstskiftet: hva er kols?” was changed on the server' in lines[0]
              and '“Endret i kalenderen”, 2027-10-28 18:00' in lines[0],
              'conflict of session 1 reported: ' + lines[0])
        check('removed session was changed on the server' in lines[1]
              and '“Flyttet av noen”, 2028-03-30 18:00' in lines[1],
              'conflict of the removed session reported: ' + lines[1])
        check('2 events were changed on the server' in lines[2]
              and '0 created, 2 updated, 0 deleted, 1 unchanged' in lines[2]
              and '--overwrite' in lines[2], 'conflicts: the summary: ' + lines[2])
    after = server.resources(collection)
    check(summary_of(after, href[1]) == 'Endret i kalenderen', 'session 1 left as the calendar has it')
    check(summary_of(after, href[5]) == 'Flyttet av noen', 'session 5 left as the calendar has it')
    moved = after[href[2]][1].walk('VEVENT')[0]
    check(moved.decoded('dtstart').strftime('%Y-%m-%dT%H:%M') == '2027-11-04T19:00',
          'the move of session 2 was pushed despite the conflict before it')
    check(str(after[href[4]][1].walk('VEVENT')[0].get('STATUS')) == 'CANCELLED',
          'the cancellation of session 4 was pushed despite the conflict before it')
    state = recorded(db)
    check(state[S % 2][1] == after[href[2]][0] and state[S % 4][1] == after[href[4]][0],
          'the pushed sessions are recorded with the server\'s ETags')
    check(state[S % 1] == before[S % 1] and state[S % 5] == before[S % 5],
          'the records of the conflicting events are kept')

    # Again: the same conflicts, nothing else to do.
    result = run('--db', db, 'sync', COURSE, '--url', url, '--user', USER, password=PASSWORD)
    check(result.returncode == 1 and '0 created, 0 updated, 0 deleted, 3 unchanged'
          in result.stderr, 'conflicts again: ' + result.stderr)

    # The user chooses the plan: session 1 gets the plan's version, the removed one is deleted.
    result = run('--db', db, 'sync', COURSE, '--url', url, '--user', USER, '--overwrite',
                 password=PASSWORD)
    check(result.returncode == 0, '--overwrite resolves both: ' + result.stderr)
    check('0 created, 1 updated, 1 deleted, 3 unchanged' in result.stdout,
          '--overwrite: ' + result.stdout)
    after = server.resources(collection)
    check(sorted(after) == sorted(href[i] for i in range(1, 5)),
          '--overwrite: the removed session\'s event is gone: %r' % sorted(after))
    check(summary_of(after, href[1]).endswith('hva er kols?'), '--overwrite: the plan\'s version')
    check(S % 5 not in recorded(db), '--overwrite: the removed session is forgotten')
    result = run('--db', db, 'sync', COURSE, '--url', url, '--user', USER, password=PASSWORD)
    check(result.returncode == 0 and '0 created, 0 updated, 0 deleted, 4 unchanged'
          in result.stdout, 'in step after --overwrite: ' + result.stdout + result.stderr)


def password_in_address(server, tmp):
    """A password written into the address is refused, not stored or printed (item 14)."""
    db = os.path.join(tmp, 'konflikt.db')
    before = recorded(db)
    secret = urllib.parse.quote(PASSWORD, safe='')
    url = 'http://%s:%s@127.0.0.1:%d/%s/konflikt/' % (USER, secret, server.port, USER)
    result = run('--db', db, 'sync', COURSE, '--url', url, '--user', USER, password=PASSWORD)
    check(result.returncode == 1, 'password in the address: exit 1, not %d' % result.returncode)
    check('holds a user name or password' in result.stderr
          and 'http://127.0.0.1:%d/%s/konflikt/' % (server.port, USER) in result.stderr,
          'password in the address: ' + result.stderr)
    check(secret not in result.stdout + result.stderr and PASSWORD not in result.stdout +
          result.stderr, 'the password is not printed: ' + result.stdout + result.stderr)
    with sqlite3.connect(db) as connection:
        stored = [row[0] for row in connection.execute('SELECT collection FROM caldav_resources')]
    check(not any(secret in c or '@127' in c for c in stored),
          'no address with user info stored: %r' % stored)
    check(recorded(db) == before, 'password in the address: nothing recorded')


def alarms(resources):
    """Each resource's alarms as (ACTION, TRIGGER) pairs."""
    return {href: [(str(a['ACTION']), a['TRIGGER'].to_ical().decode())
                   for a in calendar.walk('VALARM')]
            for href, (_, calendar) in resources.items()}


def reminders(server, tmp):
    """sync --remind puts a VALARM on each session's event, remembered for the course; a
    changed choice puts every event again (issue #19)."""
    collection = '/%s/paaminning/' % USER
    url = 'http://127.0.0.1:%d%s' % (server.port, collection)
    db = os.path.join(tmp, 'paaminning.db')
    server.request('MKCALENDAR', collection)
    check(run('--db', db, 'import', PLAN).returncode == 0, 'reminders: import the plan')
    result = run('--db', db, 'sync', COURSE, '--url', url, '--user', USER, '--remind', '15',
                 password=PASSWORD)
    check(result.returncode == 0 and '5 created' in result.stdout,
          'reminders: first sync: ' + result.stdout + result.stderr)
    found = alarms(server.resources(collection))
    cancelled = '%s%s@kursplan.ics' % (collection, S % 3)
    check(len(found) == 5 and found.pop(cancelled) == []
          and all(a == [('DISPLAY', '-PT15M')] for a in found.values()),
          'reminders: one DISPLAY alarm 15 minutes ahead on each event but the cancelled '
          'one: %r' % found)
    result = run('--db', db, 'sync', COURSE, '--url', url, '--user', USER, password=PASSWORD)
    check('0 created, 0 updated, 0 deleted, 5 unchanged' in result.stdout,
          'reminders: remembered, nothing to put again: ' + result.stdout + result.stderr)
    result = run('--db', db, 'sync', COURSE, '--url', url, '--user', USER, '--remind', '0',
                 password=PASSWORD)
    check('0 created, 4 updated, 0 deleted, 1 unchanged' in result.stdout,
          'reminders: turned off, every event with an alarm put again: ' + result.stdout + result.stderr)
    found = alarms(server.resources(collection))
    check(all(a == [] for a in found.values()), 'reminders: no alarm left: %r' % found)
    result = run('--db', db, 'sync', COURSE, '--url', url, '--user', USER, '--remind', '-1',
                 password=PASSWORD)
    check(result.returncode == 2, 'reminders: --remind -1 is a usage error, not %d'
          % result.returncode)


if __name__ == '__main__':
    main()
