#!/usr/bin/python3
# test-usage.py — mistakes on the command line: a usage error (exit 2) rather than a window,
# and error messages that stay one safe, short line whatever value they echo.
#
# SPDX-License-Identifier: GPL-3.0-or-later

import json
import os
import subprocess
import tempfile
import unittest

KURSPLAN = os.environ["KURSPLAN_BIN"]
PLANS = os.path.join(os.environ.get("KURSPLAN_SOURCE_ROOT",
                                    os.path.join(os.path.dirname(__file__), "..", "..")),
                     "tests", "data", "plans")
MINIMAL = os.path.join(PLANS, "good-minimal.json")


def run(*args, db=None):
    """kursplan without any display: a window would fail with "cannot open display"."""
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY")}
    if db is not None:
        args = ("--db", db) + args
    return subprocess.run([KURSPLAN, *args], capture_output=True, text=True, encoding="utf-8",
                          errors="replace", env=env, timeout=60)


class UsageTest(unittest.TestCase):
    def setUp(self):
        self.tmp = tempfile.TemporaryDirectory(prefix="kursplan-usage-")
        self.db = os.path.join(self.tmp.name, "kursplan.db")

    def tearDown(self):
        self.tmp.cleanup()

    def assert_usage_error(self, result, first_line):
        self.assertEqual(result.returncode, 2, result.stderr)
        self.assertEqual(result.stdout, "")
        self.assertEqual(result.stderr.splitlines(), [first_line, "Try “kursplan --help”."])
        self.assertNotIn("display", result.stderr)

    def test_unknown_word_is_a_usage_error(self):
        self.assert_usage_error(run("lsit"),
                                "kursplan: “lsit” is neither a command nor a file to open")
        self.assert_usage_error(run("lsit", db=self.db),
                                "kursplan: “lsit” is neither a command nor a file to open")
        self.assert_usage_error(run("--frobnicate"),
                                "kursplan: “--frobnicate” is neither a command nor a file to open")
        # A file that is not there is not a file to open.
        missing = os.path.join(self.tmp.name, "nowhere.kursplan.json")
        self.assert_usage_error(run(missing),
                                f"kursplan: “{missing}” is neither a command nor a file to open")
        # Nothing was created on the way.
        self.assertFalse(os.path.exists(self.db))

    def test_db_without_a_path(self):
        for args in (["--db"], ["--db="]):
            self.assert_usage_error(run(*args), "kursplan: --db needs the path of a database")

    def test_commands_still_run(self):
        result = run("list", db=self.db)
        self.assertEqual(result.returncode, 0, result.stderr)
        result = run("--help")
        self.assertEqual(result.returncode, 0, result.stderr)
        self.assertIn("import", result.stdout)

    def test_long_value_is_quoted_short(self):
        # A 100 kB course name (the longest one argument may be is 128 kB).
        result = run("check", "x" * 100_000, db=self.db)
        self.assertEqual(result.returncode, 1)
        self.assertEqual(result.stderr,
                         "kursplan: No course is called “" + "x" * 80 + "…”\n")

    def test_controls_are_escaped(self):
        result = run("check", "a\x1b[2J\nImported “Kurs”", db=self.db)
        self.assertEqual(result.returncode, 1)
        self.assertEqual(result.stderr,
                         "kursplan: No course is called “a\\x1b[2J\\nImported “Kurs””\n")

    def test_usage_error_value_is_quoted_short(self):
        result = run("stats", "--year", "9" * 5000 + "\n", db=self.db)
        self.assertEqual(result.returncode, 2)
        first = result.stderr.splitlines()[0]
        self.assertEqual(first, "kursplan stats: “" + "9" * 80 + "…” is not a year: write four "
                                "digits, as 2027")

    def test_plan_value_is_quoted_short(self):
        with open(MINIMAL, encoding="utf-8") as f:
            plan = json.load(f)
        plan["course"]["members"] = [{"key": "a", "role": "doctor" * 700_000 + "\n\x1b[2J"}]
        path = os.path.join(self.tmp.name, "big-role.json")
        with open(path, "w", encoding="utf-8") as f:
            json.dump(plan, f)
        result = run("import", path, db=self.db)
        self.assertEqual(result.returncode, 1)
        self.assertEqual(len(result.stderr.splitlines()), 1, result.stderr[:300])
        self.assertLess(len(result.stderr), 400)
        self.assertIn("course.members[0].role: “doctordoctor", result.stderr)
        self.assertIn("…” is not one of: ", result.stderr)
        self.assertNotIn("\x1b", result.stderr)

    def test_libical_prints_nothing_of_its_own(self):
        self.assertEqual(run("import", MINIMAL, db=self.db).returncode, 0)
        path = os.path.join(self.tmp.name, "stray-end.ics")
        with open(path, "w", encoding="utf-8") as f:
            f.write("BEGIN:VCALENDAR\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n")
        result = run("import-ics", "5c3e1a2b-7d4f-4e6a-9b8c-1d2e3f4a5b6c", path, db=self.db)
        self.assertEqual(result.returncode, 1)
        self.assertEqual(result.stderr, f"kursplan: {path}: The calendar file is malformed: "
                                        "Encountered END before BEGIN\n")

    def test_sync_takes_url_or_calendar_not_both(self):
        self.assertEqual(run("import", MINIMAL, db=self.db).returncode, 0)
        course = "5c3e1a2b-7d4f-4e6a-9b8c-1d2e3f4a5b6c"
        both = run("sync", course, "--url", "http://127.0.0.1:1/c/", "--calendar", "Personal",
                   db=self.db)
        self.assertEqual(both.returncode, 2)
        self.assertIn("give either --url or --calendar, not both", both.stderr)
        neither = run("sync", course, db=self.db)
        self.assertEqual(neither.returncode, 2)
        self.assertIn("or a desktop calendar with --calendar", neither.stderr)
        extra = run("calendars", "Personal", db=self.db)
        self.assertEqual(extra.returncode, 2)
        self.assertIn("calendars takes no arguments", extra.stderr)


if __name__ == "__main__":
    unittest.main(verbosity=2)
