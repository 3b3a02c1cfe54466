#!/usr/bin/python3
# test-caldav-hostile.py — `kursplan sync` against misbehaving CalDAV servers, written here with
# http.server on 127.0.0.1 (free ports): one that redirects to another origin, which must never
# get the password (nor anything else); one that redirects within its own origin, which keeps
# working; and one that trickles its answer a byte at a time, which the sync's time limit stops.
#
# SPDX-License-Identifier: GPL-3.0-or-later

import base64
import http.server
import os
import socket
import sqlite3
import subprocess
import sys
import tempfile
import threading
import time

HERE = os.path.dirname(os.path.abspath(__file__))
KURSPLAN = os.environ['KURSPLAN_BIN']
PLAN = os.path.join(HERE, 'winter-course.kursplan.json')
COURSE = 'Pårørendekurs; vinter, Sápmi'
USER, PASSWORD = 'lms', 'hemmelig ÆØÅ'
# libsoup sends Latin-1 when the password fits it (as browsers do); UTF-8 is also right.
TOKENS = {'Basic ' + base64.b64encode(('%s:%s' % (USER, PASSWORD)).encode(charset)).decode()
          for charset in ('utf-8', 'latin-1')}
EMPTY_LISTING = (b'<?xml version="1.0" encoding="utf-8"?>'
                 b'<multistatus xmlns="DAV:"></multistatus>')

failures = []


def check(condition, message):
    if not condition:
        failures.append(message)
        print('not ok:', message)


def run(*args, timeout=60):
    env = {k: v for k, v in os.environ.items()
           if k not in ('DBUS_SESSION_BUS_ADDRESS', 'XDG_RUNTIME_DIR')}
    env['KURSPLAN_CALDAV_PASSWORD'] = PASSWORD
    return subprocess.run([KURSPLAN, *args], capture_output=True, text=True, env=env,
                          stdin=subprocess.DEVNULL, timeout=timeout)


def course_db(tmp):
    """A database in @tmp holding the winter course."""
    db = os.path.join(tmp, 'kursplan.db')
    check(run('--db', db, 'import', PLAN).returncode == 0, 'import the plan')
    return db


def recorded(db):
    with sqlite3.connect(db) as connection:
        return connection.execute('SELECT count(*) FROM caldav_resources').fetchone()[0]


class Server(http.server.ThreadingHTTPServer):
    """A server on a free port of 127.0.0.1 that writes down every request it gets."""
    daemon_threads = True

    def __init__(self, handler):
        super().__init__(('127.0.0.1', 0), handler)
        self.port = self.server_address[1]
        self.requests = []  # (method, path, Authorization or None)
        threading.Thread(target=self.serve_forever, daemon=True).start()

    def stop(self):
        self.shutdown()
        self.server_close()


class Handler(http.server.BaseHTTPRequestHandler):
    protocol_version = 'HTTP/1.1'

    def log_message(self, *args):
        pass

    def note(self):
        length = int(self.headers.get('Content-Length') or 0)
        if length:
            self.rfile.read(length)
        self.server.requests.append((self.command, self.path, self.headers.get('Authorization')))

    def reply(self, status, headers=(), body=b''):
        self.send_response(status)
        for name, value in headers:
            self.send_header(name, value)
        self.send_header('Content-Length', str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def challenge(self):
        """401 until the right Basic credentials come; TRUE when they came."""
        if self.headers.get('Authorization') in TOKENS:
            return True
        self.reply(401, [('WWW-Authenticate', 'Basic realm="kalender"')])
        return False

    def do_PROPFIND(self):
        self.handle_any()

    def do_PUT(self):
        self.handle_any()

    def do_GET(self):
        self.handle_any()

    def do_DELETE(self):
        self.handle_any()


def other_origin():
    """A 307 to another port, after the user's credentials were accepted here (item 10)."""
    class Target(Handler):
        def handle_any(self):
            self.note()
            if self.challenge():
                self.reply(207, [('Content-Type', 'application/xml')], EMPTY_LISTING)

    target = Server(Target)

    class Redirecting(Handler):
        def handle_any(self):
            self.note()
            if self.challenge():
                self.reply(307, [('Location', 'http://127.0.0.1:%d/lms/kurs/' % target.port)])

    redirecting = Server(Redirecting)
    try:
        with tempfile.TemporaryDirectory() as tmp:
            db = course_db(tmp)
            url = 'http://127.0.0.1:%d/lms/kurs/' % redirecting.port
            result = run('--db', db, 'sync', COURSE, '--url', url, '--user', USER)
            check(result.returncode == 1, 'redirect to another origin: exit 1, not %d'
                  % result.returncode)
            check(len(result.stderr.strip().splitlines()) == 1, 'one line: ' + result.stderr)
            check('sent the request on to http://127.0.0.1:%d/lms/kurs/' % target.port
                  in result.stderr and 'which is not 127.0.0.1:%d' % redirecting.port
                  in result.stderr, 'the message names both servers: ' + result.stderr)
            check(any(auth in TOKENS for _, _, auth in redirecting.requests),
                  'the configured server got the credentials: %r' % redirecting.requests)
            check(not any(auth for _, _, auth in target.requests),
                  'the other origin never got an Authorization header: %r' % target.requests)
            check(target.requests == [], 'nothing at all was sent to the other origin: %r'
                  % target.requests)
            check(recorded(db) == 0, 'nothing recorded')
    finally:
        redirecting.stop()
        target.stop()


def same_origin():
    """A redirect within the origin is followed, credentials go with it, and the next sync finds
    the resources at their new place as the ones it put (a WebDAV store, minimal)."""
    class Moved(Handler):
        def handle_any(self):
            self.note()
            etags = self.server.etags
            if self.path.startswith('/gammel/'):
                self.reply(308, [('Location', self.path.replace('/gammel/', '/lms/', 1))])
            elif not self.challenge():
                pass
            elif self.command == 'PROPFIND':
                paths = sorted(p for p in etags if p.startswith(self.path)) \
                    if self.headers.get('Depth') == '1' else \
                    [self.path] if self.path in etags else []
                responses = ''.join('<response><href>%s</href><propstat><prop><getetag>%s'
                                    '</getetag></prop><status>HTTP/1.1 200 OK</status>'
                                    '</propstat></response>' % (p, etags[p]) for p in paths)
                self.reply(207, [('Content-Type', 'application/xml')],
                           ('<?xml version="1.0" encoding="utf-8"?><multistatus xmlns="DAV:">'
                            '%s</multistatus>' % responses).encode())
            elif self.command == 'PUT':
                if (self.headers.get('If-None-Match') == '*' and self.path in etags) or \
                   (self.headers.get('If-Match') not in (None, etags.get(self.path))):
                    self.reply(412)
                else:
                    etags[self.path] = '"%d"' % len(self.server.requests)
                    self.reply(201, [('ETag', etags[self.path])])
            else:
                self.reply(405)

    moved = Server(Moved)
    moved.etags = {}
    try:
        with tempfile.TemporaryDirectory() as tmp:
            db = course_db(tmp)
            url = 'http://127.0.0.1:%d/gammel/kurs/' % moved.port
            result = run('--db', db, 'sync', COURSE, '--url', url, '--user', USER)
            check(result.returncode == 0, 'redirect within the origin: ' + result.stderr)
            check('5 created, 0 updated, 0 deleted, 0 unchanged' in result.stdout,
                  'redirect within the origin: ' + result.stdout)
            puts = [(path, auth) for method, path, auth in moved.requests
                    if method == 'PUT' and path.startswith('/lms/kurs/')]
            check(len(puts) == 5 and all(auth in TOKENS for _, auth in puts),
                  'five PUTs reached the new place with the credentials: %r' % moved.requests)
            check(recorded(db) == 5, 'five recorded, not %d' % recorded(db))

            result = run('--db', db, 'sync', COURSE, '--url', url, '--user', USER)
            check(result.returncode == 0 and '0 created, 0 updated, 0 deleted, 5 unchanged'
                  in result.stdout, 'the moved resources are the ones put: '
                  + result.stdout + result.stderr)
    finally:
        moved.stop()


def trickling():
    """A server that sends a byte every second: the sync stops at its time limit (item 11)."""
    class Trickle(Handler):
        def handle_any(self):
            self.note()
            self.send_response(207)
            self.send_header('Content-Type', 'application/xml')
            self.send_header('Content-Length', '100000')
            self.end_headers()
            try:
                for _ in range(600):
                    self.wfile.write(b' ')
                    self.wfile.flush()
                    time.sleep(1)
            except OSError:
                pass

    slow = Server(Trickle)
    try:
        with tempfile.TemporaryDirectory() as tmp:
            db = course_db(tmp)
            url = 'http://127.0.0.1:%d/lms/kurs/' % slow.port
            began = time.monotonic()
            result = run('--db', db, 'sync', COURSE, '--url', url, '--user', USER,
                         '--time-limit', '3', timeout=120)
            took = time.monotonic() - began
            print('trickling server: the sync stopped after %.1f s with --time-limit 3' % took)
            check(result.returncode == 1, 'trickling server: exit 1, not %d' % result.returncode)
            check(took < 10, 'stopped at the time limit: %.1f s' % took)
            check('The calendar server 127.0.0.1:%d was too slow' % slow.port in result.stderr
                  and 'time limit of 3 seconds' in result.stderr,
                  'the message names the server and the limit: ' + result.stderr)
            check(len(result.stderr.strip().splitlines()) == 1, 'one line: ' + result.stderr)
            check(recorded(db) == 0, 'nothing recorded')

            result = run('--db', db, 'sync', COURSE, '--url', url, '--time-limit', '0')
            check(result.returncode == 2 and '--time-limit' in result.stderr,
                  '--time-limit 0 is a usage error: %d %s' % (result.returncode, result.stderr))
    finally:
        slow.stop()


def main():
    other_origin()
    same_origin()
    trickling()
    if failures:
        sys.exit('%d checks failed' % len(failures))
    print('ok: no credentials leave the origin, and a slow server is given up on')


if __name__ == '__main__':
    main()
