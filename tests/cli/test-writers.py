#!/usr/bin/python3
# test-writers.py — several programs on one database at once (issue #12): two `import-ics` into
# the same course keep both sides' sessions, and a reader is not kept waiting while another
# program holds the write lock.
#
# SPDX-License-Identifier: GPL-3.0-or-later

import os
import sqlite3
import subprocess
import sys
import tempfile
import time
import unittest

KURSPLAN = os.environ["KURSPLAN_BIN"]
COURSE_ID = "d5e10000-0000-4000-8000-000000000001"  # the demo's "Pårørendeskole om demens"
ROUNDS = 5
EVENTS = 300


def run(db, *args):
    return subprocess.run([KURSPLAN, "--db", db, *args], capture_output=True, text=True,
                          encoding="utf-8", timeout=120)


def calendar(side, round_, n):
    """An iCalendar file of n one-hour events with UIDs and titles of its side and round."""
    lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//kursplan tests//writers//EN"]
    for i in range(n):
        day = 1 + i % 28
        month = 1 + (i // 28) % 12
        year = 2030 + i // (28 * 12) + (10 if side == "b" else 0)
        lines += ["BEGIN:VEVENT",
                  f"UID:{side}-{round_}-{i}@writers.example",
                  "DTSTAMP:20270101T000000Z",
                  f"DTSTART:{year:04d}{month:02d}{day:02d}T{10 if side == 'a' else 14}0000",
                  "DURATION:PT1H",
                  f"SUMMARY:{side.upper()} {round_}.{i}",
                  "END:VEVENT"]
    lines.append("END:VCALENDAR")
    return "\r\n".join(lines) + "\r\n"


class WritersTest(unittest.TestCase):
    def setUp(self):
        self.tmp = tempfile.TemporaryDirectory(prefix="kursplan-writers-")
        self.db = os.path.join(self.tmp.name, "kursplan.db")
        self.kursplan("demo")

    def tearDown(self):
        self.tmp.cleanup()

    def kursplan(self, *args, status=0):
        result = run(self.db, *args)
        self.assertEqual(result.returncode, status,
                         f"kursplan {' '.join(args)}: {result.stdout}{result.stderr}")
        return result

    def session_titles(self):
        db = sqlite3.connect(f"file:{self.db}?mode=ro", uri=True)
        try:
            return [row[0] for row in db.execute(
                "SELECT s.title FROM sessions s JOIN courses c ON c.cid = s.course"
                " WHERE c.id = ?", (COURSE_ID,))]
        finally:
            db.close()

    def test_two_imports_at_once_keep_both(self):
        before = len(self.session_titles())
        for round_ in range(ROUNDS):
            files = []
            for side in "ab":
                path = os.path.join(self.tmp.name, f"{side}{round_}.ics")
                # Each round brings new UIDs: 300 added on each side, every time.
                with open(path, "w", encoding="utf-8") as f:
                    f.write(calendar(side, round_, EVENTS))
                files.append(path)
            procs = [subprocess.Popen([KURSPLAN, "--db", self.db, "import-ics", COURSE_ID, f],
                                      stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                                      encoding="utf-8")
                     for f in files]
            for proc in procs:
                out, err = proc.communicate(timeout=120)
                self.assertEqual(proc.returncode, 0, f"import-ics: {out}{err}")
                self.assertIn(f"{EVENTS} added, 0 updated", out)
            titles = self.session_titles()
            self.assertEqual(len(titles), before + 2 * EVENTS * (round_ + 1),
                             f"round {round_}: sessions lost")
            for side in "AB":
                for r in range(round_ + 1):
                    self.assertEqual(sum(t.startswith(f"{side} {r}.") for t in titles), EVENTS,
                                     f"round {round_}: {side}'s sessions of round {r}")

    def test_readers_do_not_wait_for_a_writer(self):
        # Another program holds the write lock (as an import does) for 20 s.
        holder = subprocess.Popen(
            [sys.executable, "-c",
             "import sqlite3, sys, time\n"
             "db = sqlite3.connect(sys.argv[1], isolation_level=None)\n"
             "db.execute('BEGIN IMMEDIATE')\n"
             "db.execute('UPDATE courses SET title = title')\n"
             "print('locked', flush=True)\n"
             "time.sleep(20)\n"
             "db.execute('ROLLBACK')\n",
             self.db],
            stdout=subprocess.PIPE, text=True)
        try:
            self.assertEqual(holder.stdout.readline().strip(), "locked")
            for args in (["list"], ["export-plan", COURSE_ID], ["ics", COURSE_ID],
                         ["check", COURSE_ID]):
                start = time.monotonic()
                result = run(self.db, *args)
                waited = time.monotonic() - start
                print(f"kursplan {' '.join(args)} beside a writer: {waited:.3f} s",
                      file=sys.stderr)
                self.assertIn(result.returncode, (0, 3), f"{args}: {result.stderr}")
                self.assertEqual(result.stderr, "")
                self.assertIn("demens" if args == ["list"] else "", result.stdout)
                # The busy timeout is 5 s: a reader that waited for the lock took that long.
                self.assertLess(waited, 3.0, f"kursplan {' '.join(args)} waited for the writer")
            self.assertIsNone(holder.poll(), "the writer let go too early for the test")
        finally:
            holder.kill()
            holder.wait()
            holder.stdout.close()


if __name__ == "__main__":
    unittest.main(verbosity=2)
