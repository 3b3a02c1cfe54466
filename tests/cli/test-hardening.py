#!/usr/bin/python3
# test-hardening.py — hostile input to `kursplan import` and `kursplan import-ics` (#12, items
# 1–5): each is refused with one line on stderr and exit status 1, quickly, without a crash, and
# the database keeps what it had. The files are made by the test.
#
# SPDX-License-Identifier: GPL-3.0-or-later

import json
import os
import subprocess
import tempfile
import time
import unittest

KURSPLAN = os.environ["KURSPLAN_BIN"]
PLANS = os.path.join(os.environ.get("KURSPLAN_SOURCE_ROOT",
                                    os.path.join(os.path.dirname(__file__), "..", "..")),
                     "tests", "data", "plans")
MINIMAL = os.path.join(PLANS, "good-minimal.json")
MINIMAL_ID = "5c3e1a2b-7d4f-4e6a-9b8c-1d2e3f4a5b6c"
SURROGATE = ("not valid text: it holds a lone UTF-16 surrogate (an escape from \\ud800 to "
             "\\udfff without its pair)")


def run(db, *args, timeout=60):
    return subprocess.run([KURSPLAN, "--db", db, *args], capture_output=True, text=True,
                          encoding="utf-8", errors="replace", timeout=timeout)


def ics(*event_lines):
    lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//test//EN", "BEGIN:VEVENT",
             "UID:hostile@example.org", *event_lines, "END:VEVENT", "END:VCALENDAR", ""]
    return "\r\n".join(lines)


class HardeningTest(unittest.TestCase):
    def setUp(self):
        self.tmp = tempfile.TemporaryDirectory(prefix="kursplan-hardening-")
        self.db = os.path.join(self.tmp.name, "kursplan.db")
        result = run(self.db, "import", MINIMAL)
        self.assertEqual(result.returncode, 0, result.stderr)
        self.listing = run(self.db, "list").stdout
        self.plan = run(self.db, "export-plan", MINIMAL_ID).stdout

    def tearDown(self):
        self.tmp.cleanup()

    def path(self, name):
        return os.path.join(self.tmp.name, name)

    def write(self, name, text):
        with open(self.path(name), "w", encoding="utf-8", newline="") as f:
            f.write(text)
        return self.path(name)

    def plan_with(self, change):
        with open(MINIMAL, encoding="utf-8") as f:
            plan = json.load(f)
        change(plan["course"])
        # A second course, so that the database's one is untouched whatever happens.
        plan["course"]["id"] = "0d1e2f3a-4b5c-4d6e-8f70-8192a3b4c5d6"
        return plan

    def assert_refused(self, args, message, timeout=60):
        started = time.monotonic()
        result = run(self.db, *args, timeout=timeout)
        self.assertEqual(result.returncode, 1, result.stdout + result.stderr)
        self.assertEqual(result.stdout, "")
        lines = result.stderr.splitlines()
        self.assertEqual(len(lines), 1, result.stderr)
        self.assertEqual(lines[0], message)
        self.assertEqual(run(self.db, "list").stdout, self.listing)
        self.assertEqual(run(self.db, "export-plan", MINIMAL_ID).stdout, self.plan)
        return time.monotonic() - started

    # Item 1: a lone surrogate was stored, and the course could then not be exported or read.
    def test_lone_surrogate_is_refused_naming_the_field(self):
        plan = json.dumps(self.plan_with(lambda c: None), ensure_ascii=False)
        name = self.write("title.kursplan.json",
                          plan.replace('"Pårørendekurs"', '"P\\ud800x"'))
        self.assert_refused(["import", name], f"kursplan: {name}: course.title: {SURROGATE}")

        name = self.write("goal.kursplan.json",
                          plan.replace('"Første kveld"', '"Første \\udc00kveld"'))
        self.assert_refused(["import", name],
                            f"kursplan: {name}: course.sessions[0].title: {SURROGATE}")

    # Item 2: this crashed import-ics (SIGSEGV); a plan ending after 9999 wrote a garbage DTEND.
    def test_times_after_9999_are_refused(self):
        name = self.write("late.ics", ics("DTSTART:99991231T235959Z", "DURATION:PT1H"))
        self.assert_refused(["import-ics", MINIMAL_ID, name],
                            f"kursplan: {name}: Event “hostile@example.org”: DTSTART is outside "
                            "the years 1900–9999 in the course’s time zone")

        def late(course):
            course["sessions"][1]["start"] = "9999-12-31T23:00"
        name = self.write("late.kursplan.json", json.dumps(self.plan_with(late)))
        self.assert_refused(["import", name],
                            f"kursplan: {name}: course.sessions[1]: ends after the year 9999")

    # Item 3: 100,000 nested lists (200 KB) and 500,000 nested events overflowed the stack.
    def test_deep_nesting_is_refused(self):
        name = self.write("deep.kursplan.json", "[" * 100000 + "]" * 100000)
        self.assert_refused(["import", name],
                            f"kursplan: {name}: not a course plan: line 1 nests lists or objects "
                            "more than 32 deep")

        name = self.write("deep.ics", "BEGIN:VCALENDAR\r\n" + "BEGIN:VEVENT\r\n" * 500000
                          + "END:VEVENT\r\n" * 500000 + "END:VCALENDAR\r\n")
        self.assert_refused(["import-ics", MINIMAL_ID, name],
                            f"kursplan: {name}: The calendar file is malformed: line 17 nests "
                            "components more than 16 deep")

    # Item 4: what import-ics takes, export-plan writes and import reads again.
    def test_what_import_ics_takes_a_plan_carries(self):
        name = self.write("long.ics", ics("DTSTART:20270304T170000Z", "DURATION:PT6510M"))
        self.assert_refused(["import-ics", MINIMAL_ID, name],
                            f"kursplan: {name}: Event “hostile@example.org”: lasts 6510 minutes; "
                            "a session or meeting lasts at most 1440 minutes (a day)")

        # The DST gap: 02:30 on 28 March 2027 never happens in Oslo, refused as import refuses it.
        name = self.write("gap.ics", ics("DTSTART;TZID=Europe/Oslo:20270328T023000",
                                         "DURATION:PT1H"))
        self.assert_refused(["import-ics", MINIMAL_ID, name],
                            f"kursplan: {name}: Event “hostile@example.org”: DTSTART: 2027-03-28 "
                            "02:30 does not exist in Europe/Oslo: the clocks skip it")

        # The longest session import-ics takes survives a backup and a restore.
        name = self.write("day.ics", ics("DTSTART:20270304T070000Z", "DURATION:PT1440M"))
        result = run(self.db, "import-ics", MINIMAL_ID, name)
        self.assertEqual(result.returncode, 0, result.stderr)
        backup = self.path("backup.kursplan.json")
        result = run(self.db, "export-plan", MINIMAL_ID, "-o", backup)
        self.assertEqual(result.returncode, 0, result.stderr)
        other = self.path("other.db")
        result = run(other, "import", backup)
        self.assertEqual(result.returncode, 0, result.stderr)
        restored = json.loads(run(other, "export-plan", MINIMAL_ID).stdout)
        self.assertIn(("2027-03-04T08:00", 1440),
                      [(s["start"], s["minutes"]) for s in restored["course"]["sessions"]])

    # Item 5: /dev/zero ate 23 GB; a FIFO blocked for ever. Both commands refuse at once.
    def assert_refused_at_once(self, path, message):
        for args in (["import", path], ["import-ics", MINIMAL_ID, path]):
            with self.subTest(command=args[0]):
                seconds = self.assert_refused(args, f"kursplan: {path}: {message}", timeout=20)
                self.assertLess(seconds, 10)

    def test_what_never_ends_is_refused_at_once(self):
        not_regular = "is not a regular file (it is a folder, a device or a pipe)"
        fifo = self.path("fifo.kursplan.json")
        os.mkfifo(fifo)
        self.assert_refused_at_once(fifo, f"“fifo.kursplan.json” {not_regular}")
        self.assert_refused_at_once("/dev/zero", f"“zero” {not_regular}")

        # 100 MB, sparse: refused by its size, before a byte is read.
        big = self.path("big.kursplan.json")
        with open(big, "wb") as f:
            f.truncate(100 * 1024 * 1024)
        self.assert_refused_at_once(big, "“big.kursplan.json” is larger than 64 MB, far more "
                                         "than a course plan or calendar needs")

if __name__ == "__main__":
    unittest.main(verbosity=2)
