#!/usr/bin/python3
# test-check.py — `kursplan check COURSE`: the checklist as a planning group reads it, under the
# method's phases; exit 0 when every requirement is met (recommendations open or not) and 3 when
# one is not; usage and lookup errors.
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

    def test_recommendations_unmet_exit_0(self):
        # The plan meets every requirement; three recommendations are open, listed with "!".
        with open(FULL, encoding="utf-8") as f:
            self.import_plan(json.load(f))
        result = run(self.db, "check", FULL_ID, "--date", "2027-02-05")
        self.assertEqual(result.returncode, 0, result.stdout + result.stderr)
        self.assertEqual(result.stderr, "")
        lines = result.stdout.splitlines()
        self.assertEqual(lines[0], "Standard metode works in a cycle: plan, run, evaluate. "
                                   "The seven steps are Kursplan’s guide through it.")
        self.assertEqual(lines[1], "✓ met, ✗ a requirement not met, ! a recommendation not met")
        # The method's three phases over Kursplan's seven steps.
        self.assertEqual(lines[3:6], ["PLAN", "", "1. Need and Anchoring"])
        self.assertLess(lines.index("5. Brochure and Registration"), lines.index("RUN"))
        self.assertEqual(lines[lines.index("RUN") + 2], "6. Running the Course")
        self.assertEqual(lines[lines.index("EVALUATE") + 2], "7. Evaluation and Revision")
        self.assertIn("2. Planning Group", lines)
        self.assertIn("  ✓ The planning group has 2 user representatives.", lines)
        self.assertIn("  ✓ User representatives took part in 1 of 2 planning meetings.", lines)
        self.assertIn("  ! 1 of 2 planning meetings had no user representative present.", lines)
        self.assertIn("  ! 1 of 3 sessions have both a professional’s and a user’s talk; "
                      "most sessions should.", lines)
        self.assertIn("  ! 1 of 3 sessions have time for sharing experience; most sessions "
                      "should.", lines)
        met = sum(1 for line in lines if line.startswith("  ✓ "))
        advised = sum(1 for line in lines if line.startswith("  ! "))
        self.assertEqual(sum(1 for line in lines if line.startswith("  ✗ ")), 0)
        self.assertEqual(advised, 3)
        # Satisfied recommendations (two user representatives, capacity) are not counted.
        self.assertEqual(lines[-2], f"{met - 2} of {met - 2} requirements met.")
        self.assertEqual(lines[-1], "3 recommendations not met.")

    def test_one_user_representative_and_an_experience_consultant(self):
        # No source sets two user representatives as a minimum: one is required, two are
        # recommended. With one and an experience consultant the plan is complete.
        with open(FULL, encoding="utf-8") as f:
            plan = json.load(f)
        course = plan["course"]
        course["members"] = [m for m in course["members"] if m.get("key") != "bruker2"]
        course["planning_meetings"][0]["attendees"].remove("bruker2")
        self.import_plan(plan)
        result = run(self.db, "check", FULL_ID, "--date", "2027-02-05")
        self.assertEqual(result.returncode, 0, result.stdout)
        lines = result.stdout.splitlines()
        self.assertIn("  ✓ The planning group has 1 user representative.", lines)
        self.assertIn("  ! The planning group has 1 user representative; 2 or more are "
                      "recommended.", lines)
        self.assertEqual(lines[-1], "4 recommendations not met.")

    def test_requirement_unmet_exit_3(self):
        # Both user representatives are blank placeholder rows: they satisfy nothing, and a
        # requirement is unmet; the recommendations are still listed.
        with open(FULL, encoding="utf-8") as f:
            plan = json.load(f)
        for member in plan["course"]["members"]:
            if member["role"] == "user_representative":
                member["name"] = " "
        self.import_plan(plan)
        result = run(self.db, "check", FULL_ID, "--date", "2027-02-05")
        self.assertEqual(result.returncode, 3, result.stdout + result.stderr)
        self.assertEqual(result.stderr, "")
        lines = result.stdout.splitlines()
        self.assertIn("  ✗ The planning group has no user representative yet: at least 1 is "
                      "needed, and preferably 2.", lines)
        self.assertIn("  ✗ 2 of 2 planning meetings had no user representative present.", lines)
        # The experience consultant's talk still counts for users in running the course.
        self.assertIn("  ✓ User representatives contribute in the sessions.", lines)
        self.assertIn("  ! 1 of 3 sessions have time for sharing experience; most sessions "
                      "should.", lines)
        missing = sum(1 for line in lines if line.startswith("  ✗ "))
        met = sum(1 for line in lines if line.startswith("  ✓ "))
        self.assertEqual(missing, 2)
        self.assertEqual(lines[-2], "15 of 17 requirements met.")
        self.assertEqual(met, 16)  # 15 requirements and the capacity, a recommendation
        self.assertEqual(lines[-1], "2 recommendations not met.")

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
        self.assertFalse([line for line in result.stdout.splitlines()
                          if line.startswith("  ✗ ") or line.startswith("  ! ")])
        self.assertEqual(result.stdout.splitlines()[-1], "17 of 17 requirements met.")

        # Once the sessions are held, attendance is due and missing; once the course is over,
        # so are the participants' final forms.
        result = run(self.db, "check", FULL_ID, "--date", "2027-04-02")
        self.assertEqual(result.returncode, 3)
        self.assertIn("  ✗ Attendance is missing for 3 of 3 sessions held.",
                      result.stdout.splitlines())
        self.assertIn("  ✗ The course is over: collect the participants’ final forms and note "
                      "how many answered.", result.stdout.splitlines())

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

    def test_travel_refund_without_referral_is_flagged(self):
        # Pasientreiser refunds travel only with a referral (issue #13, item 5).
        with open(FULL, encoding="utf-8") as f:
            plan = json.load(f)
        plan["course"]["conditions"] = {"referral": False, "travel_refund": True}
        self.import_plan(plan)
        result = run(self.db, "check", FULL_ID, "--date", "2027-02-05")
        self.assertEqual(result.returncode, 3, result.stderr)
        self.assertIn("  ✗ The brochure promises a travel refund, but the course needs no "
                      "referral: Pasientreiser refunds travel only with a referral.",
                      result.stdout.splitlines())

        plan["course"]["conditions"]["referral"] = True
        self.import_plan(plan)
        result = run(self.db, "check", FULL_ID, "--date", "2027-02-05")
        self.assertIn("  ✓ Travel is refunded, and the course needs a referral.",
                      result.stdout.splitlines())

    def test_minimum_at_the_deadline_and_the_decision(self):
        # Issue #16: good-full has 3 registered, a minimum of 8 and the deadline 2027-02-15.
        with open(FULL, encoding="utf-8") as f:
            self.import_plan(json.load(f))
        unmet = "  ✗ 3 registered, minimum 8: run the course with fewer, or cancel it."
        result = run(self.db, "check", FULL_ID, "--date", "2027-02-15")
        self.assertEqual(result.returncode, 0, result.stdout + result.stderr)
        self.assertNotIn(unmet, result.stdout.splitlines())
        self.assertFalse(any("minimum 8" in line for line in result.stdout.splitlines()))

        result = run(self.db, "check", FULL_ID, "--date", "2027-02-16")
        self.assertEqual(result.returncode, 3, result.stdout + result.stderr)
        self.assertIn(unmet, result.stdout.splitlines())
        self.assertIn("17 of 18 requirements met.", result.stdout.splitlines())

        # Usage errors change nothing.
        result = run(self.db, "decide", FULL_ID, "--run-with-fewer", "--by", "boss")
        self.assertEqual(result.returncode, 2)
        self.assertEqual(result.stderr.splitlines()[0],
                         "kursplan decide: “boss” is not one of: course_leader, professional, "
                         "user_representative, experience_consultant, peer, coordinator")
        result = run(self.db, "decide", FULL_ID, "--run-with-fewer")
        self.assertEqual(result.returncode, 2)
        result = run(self.db, "decide", FULL_ID, "--by", "course_leader")
        self.assertEqual(result.returncode, 2)
        result = run(self.db, "check", FULL_ID, "--date", "2027-02-16")
        self.assertEqual(result.returncode, 3)

        result = run(self.db, "decide", FULL_ID, "--run-with-fewer", "--by", "course_leader",
                     "--date", "2027-02-16")
        self.assertEqual(result.returncode, 0, result.stderr)
        self.assertEqual(result.stdout, "2027-02-16: decided to run with 3 registered, "
                                        "minimum 8\n")
        result = run(self.db, "check", FULL_ID, "--date", "2027-02-16")
        self.assertEqual(result.returncode, 0, result.stdout + result.stderr)
        self.assertIn("  ✓ 3 registered, minimum 8: on 2027-02-16 it was decided to run the "
                      "course with fewer.", result.stdout.splitlines())
        self.assertIn("18 of 18 requirements met.", result.stdout.splitlines())

        # The decision travels with the plan.
        out = os.path.join(self.tmp.name, "out.json")
        result = run(self.db, "export-plan", FULL_ID, "-o", out)
        self.assertEqual(result.returncode, 0, result.stderr)
        with open(out, encoding="utf-8") as f:
            participants = json.load(f)["course"]["participants"]
        self.assertEqual(participants["decision"],
                         {"run_with_fewer": {"date": "2027-02-16", "by": "course_leader"}})
        self.assertEqual(participants["registered"], 3)

    def test_decide_with_enough_registered_is_refused(self):
        with open(FULL, encoding="utf-8") as f:
            plan = json.load(f)
        plan["course"]["participants"] = {"registered": 9, "patients": 6, "relatives": 3}
        self.import_plan(plan)
        result = run(self.db, "check", FULL_ID, "--date", "2027-02-16")
        self.assertIn("  ✓ 9 registered, minimum 8: the course runs.", result.stdout.splitlines())
        result = run(self.db, "decide", FULL_ID, "--run-with-fewer", "--by", "peer")
        self.assertEqual(result.returncode, 1)
        self.assertEqual(result.stderr, "kursplan: 9 registered, minimum 8: the course has "
                                        "enough, there is nothing to decide\n")


if __name__ == "__main__":
    unittest.main(verbosity=2)
