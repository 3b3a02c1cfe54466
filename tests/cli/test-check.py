#!/usr/bin/python3
# test-check.py — `kursplan check COURSE`: the checklist as a planning group reads it, exit 0 when
# nothing is missing and 3 when something is; usage and lookup errors.
#
# SPDX-License-Identifier: GPL-3.0-or-later

import copy
import json
import os
import subprocess
import tempfile
import unittest

KURSPLAN = os.environ["KURSPLAN_BIN"]
PLANS = os.path.join(os.environ.get("KURSPLAN_SOURCE_ROOT",
                                    os.path.join(os.path.dirname(__file__), "..", "..")),
                     "tests", "data", "plans")
FULL = os.path.join(PLANS, "good-full.json")
FULL_ID = "3f0b6a8e-2d7c-4c1e-9a51-0d6c1f3b2a10"


def run(db, *args):
    env = dict(os.environ, LANGUAGE="", LC_ALL="C.UTF-8")
    return subprocess.run([KURSPLAN, "--db", db, *args], capture_output=True, text=True, env=env)


class CheckTest(unittest.TestCase):
    def setUp(self):
        self.tmp = tempfile.TemporaryDirectory()
        self.db = os.path.join(self.tmp.name, "kursplan.db")

    def tearDown(self):
        self.tmp.cleanup()

    def import_plan(self, plan):
        path = os.path.join(self.tmp.name, "plan.kursplan.json")
        with open(path, "w", encoding="utf-8") as f:
            json.dump(plan, f, ensure_ascii=False)
        # Attendance noted in March 2027 is read as on a day after the course.
        result = run(self.db, "import", "--date", "2027-12-31", path)
        self.assertEqual(result.returncode, 0, result.stderr)

    def test_missing_items_exit_3(self):
        with open(FULL, encoding="utf-8") as f:
            self.import_plan(json.load(f))
        result = run(self.db, "check", FULL_ID, "--date", "2027-02-05")
        self.assertEqual(result.returncode, 3, result.stderr)
        self.assertEqual(result.stderr, "")
        lines = result.stdout.splitlines()
        self.assertEqual(lines[0], "1. Need and Anchoring")
        self.assertIn("2. Planning Group", lines)
        self.assertIn("7. Evaluation and Revision", lines)
        self.assertIn("  ✓ The planning group has 2 user representatives.", lines)
        self.assertIn("  ✗ 1 of 2 planning meetings had no user representative present.", lines)
        self.assertIn("  ✗ 1 of 3 sessions have both a professional’s and a user’s talk; "
                      "most sessions should.", lines)
        met = sum(1 for line in lines if line.startswith("  ✓ "))
        missing = sum(1 for line in lines if line.startswith("  ✗ "))
        self.assertGreater(missing, 0)
        self.assertEqual(lines[-1], f"{met} of {met + missing} checks met.")

    def test_complete_plan_exit_0(self):
        with open(FULL, encoding="utf-8") as f:
            plan = json.load(f)
        course = plan["course"]
        course["planning_meetings"][1]["attendees"].append("bruker1")
        talks = [
            {"kind": "professional_talk", "member": "fag1", "title": "Fag", "minutes": 30},
            {"kind": "user_talk", "member": "bruker1", "title": "Erfaring", "minutes": 30},
            {"kind": "sharing", "title": "Erfaringsutveksling", "minutes": 30},
        ]
        for session in course["sessions"]:
            session["contributions"] = copy.deepcopy(talks)
            session["attended"] = None
        self.import_plan(plan)
        result = run(self.db, "check", course["title"], "--date", "2027-02-05")
        self.assertEqual(result.returncode, 0, result.stdout)
        self.assertNotIn("✗", result.stdout)
        self.assertRegex(result.stdout.splitlines()[-1], r"^(\d+) of \1 checks met\.$")

        # Once the sessions are held, attendance is due and missing.
        result = run(self.db, "check", FULL_ID, "--date", "2027-04-02")
        self.assertEqual(result.returncode, 3)
        self.assertIn("  ✗ Attendance is missing for 3 of 3 sessions held.",
                      result.stdout.splitlines())

    def test_errors(self):
        with open(FULL, encoding="utf-8") as f:
            self.import_plan(json.load(f))
        result = run(self.db, "check")
        self.assertEqual(result.returncode, 2)
        self.assertIn("name one course", result.stderr)
        result = run(self.db, "check", FULL_ID, "--date", "5.2.2027")
        self.assertEqual(result.returncode, 2)
        self.assertIn("“5.2.2027” is not a date (YYYY-MM-DD)", result.stderr)
        result = run(self.db, "check", "No such course")
        self.assertEqual(result.returncode, 1)
        self.assertEqual(len(result.stderr.splitlines()), 1)
        self.assertTrue(result.stderr.startswith("kursplan: "), result.stderr)


if __name__ == "__main__":
    unittest.main(verbosity=2)
