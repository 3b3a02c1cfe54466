#!/usr/bin/python3
# bench-ics.py — kursplan's calendar export of 100,000 sessions beside python3-icalendar building
# and serialising the same calendar; prints time, peak memory and the ratio.
#
#   bench-ics.py BENCH-ICS-BINARY [SESSIONS]
#
# SPDX-License-Identifier: GPL-3.0-or-later

import datetime
import json
import resource
import subprocess
import sys
import time
import uuid


def python_side(n):
    import icalendar
    import pytz

    oslo = pytz.timezone('Europe/Oslo')
    model_start = time.monotonic()
    first = datetime.datetime(2027, 1, 4, 18, 0)
    sessions = [(str(uuid.uuid4()), 'Samling %d: čoahkkin og erfaringsutveksling' % (i + 1),
                 first + datetime.timedelta(days=i % 1826), i % 50 == 0) for i in range(n)]
    model_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss

    start = time.monotonic()
    calendar = icalendar.Calendar()
    calendar.add('prodid', '-//Kursplan bench//EN')
    calendar.add('version', '2.0')
    calendar.add('method', 'PUBLISH')
    stamp = datetime.datetime(2027, 1, 2, 3, 4, 5, tzinfo=pytz.utc)
    modified = datetime.datetime(2027, 1, 1, 12, 0, tzinfo=pytz.utc)
    for uid, title, local, cancelled in sessions:
        event = icalendar.Event()
        begin = oslo.localize(local)
        event.add('uid', uid + '@kursplan')
        event.add('dtstamp', stamp)
        event.add('dtstart', begin)
        event.add('dtend', oslo.normalize(begin + datetime.timedelta(minutes=150)))
        event.add('sequence', 0)
        event.add('last-modified', modified)
        event.add('status', 'CANCELLED' if cancelled else 'CONFIRMED')
        event.add('summary', 'Å leve med kols; kurs for pårørende, Sápmi: ' + title)
        event.add('location', 'Helsehuset, Møterom 2, Storgata 1, 9999 Byen')
        event.add('description', title + '\n\n– Professional talk: Sykdomslære, pust og søvn '
                  '(Áile Nordmann, lungelege), 60 min\n– User talk: Min hverdag; å leve med det '
                  '(User representative), 30 min')
        event.add('url', 'https://example.no/kurs/kols')
        event.add('organizer', 'mailto:lms@example.no', parameters={'CN': 'Lærings- og mestringssenteret'})
        calendar.add_component(event)
    data = calendar.to_ical()
    seconds = time.monotonic() - start
    print(json.dumps({'sessions': n, 'seconds': round(seconds, 3), 'bytes': len(data),
                      'model_mb': round(model_kb / 1024, 1),
                      'peak_mb': round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
                                       1)}))


def run(args):
    out = subprocess.run(args, capture_output=True, text=True, check=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


def main():
    if sys.argv[1] == '--python':
        python_side(int(sys.argv[2]))
        return
    binary = sys.argv[1]
    n = int(sys.argv[2]) if len(sys.argv) > 2 else 100000
    ours = run([binary, str(n)])
    libical = run([binary, str(n), '--libical'])
    theirs = run([sys.executable, __file__, '--python', str(n)])

    print('Export of %d sessions to iCalendar' % n)
    print('%-34s %9s %11s %11s %11s' % ('', 'seconds', 'output MB', 'export MB', 'peak MB'))
    for label, r in (('kursplan (GString writer)', ours),
                     ('libical components, as_ical_string', libical),
                     ('python3-icalendar', theirs)):
        print('%-34s %9.3f %11.1f %11.1f %11.1f' % (label, r['seconds'], r['bytes'] / 1e6,
                                                  r['peak_mb'] - r['model_mb'], r['peak_mb']))
    print('export MB: peak minus the model (the plan in memory) before the export')
    print('kursplan is %.1f× faster than python3-icalendar, %.1f× faster than libical, and its '
          'export needs %.1f× less memory than python3-icalendar\'s'
          % (theirs['seconds'] / ours['seconds'], libical['seconds'] / ours['seconds'],
             (theirs['peak_mb'] - theirs['model_mb']) / max(ours['peak_mb'] - ours['model_mb'], 0.1)))


if __name__ == '__main__':
    main()
