#!/usr/bin/python3
# test-demo.py — `kursplan demo` as a new user meets it: three courses, loaded once, each one a
# plan that imports, exports and passes through `kursplan check`.
#
# SPDX-License-Identifier: GPL-3.0-or-later

import json
import os
import subprocess
import tempfile
import unittest

KURSPLAN = os.environ["KURSPLAN_BIN"]
DEMO = os.path.join(os.environ.get("KURSPLAN_SOURCE_ROOT",
                                   os.path.join(os.path.dirname(__file__), "..", "..")),
                    "data", "demo")

# File, course id, title, status label in `kursplan list`'s second column is not asserted (it is
# translated); first session's date is.
COURSES = [
    ("nb-parorendeskole-demens.kursplan.json", "d5e10000-0000-4000-8000-000000000001",
     "Pårørendeskole om demens", "2027-10-07", 6),
    ("nn-leve-med-diabetes.kursplan.json", "d5e20000-0000-4000-8000-000000000001",
     "Leve med diabetes type 2", "2026-03-03", 5),
    ("se-eallit-vaibmodavddain.kursplan.json", "d5e30000-0000-4000-8000-000000000001",
     "Eallit váibmodávddain", "2027-04-13", 5),
]


def run(db, *args):
    return subprocess.run([KURSPLAN, "--db", db, *args], capture_output=True, text=True,
                          encoding="utf-8", timeout=60)


class DemoTest(unittest.TestCase):
    def setUp(self):
        self.tmp = tempfile.TemporaryDirectory(prefix="kursplan-demo-")
        self.db = os.path.join(self.tmp.name, "kursplan.db")

    def tearDown(self):
        self.tmp.cleanup()

    def kursplan(self, *args, status=0):
        result = run(self.db, *args)
        self.assertEqual(result.returncode, status,
                         f"kursplan {' '.join(args)}: {result.stdout}{result.stderr}")
        return result

    def listed(self):
        lines = self.kursplan("list").stdout.splitlines()
        return [line.split("\t") for line in lines]

    def test_demo_then_list(self):
        result = self.kursplan("demo")
        self.assertEqual(result.stderr, "")
        lines = result.stdout.splitlines()
        self.assertEqual(len(lines), 3)
        for line, (_, course_id, title, _, sessions) in zip(lines, COURSES):
            self.assertIn(f"“{title}”", line)
            self.assertIn(f"{sessions} sessions", line)
            self.assertTrue(line.endswith("\t" + course_id), line)

        rows = self.listed()
        self.assertEqual(len(rows), 3)
        by_id = {row[3]: row for row in rows}
        for _, course_id, title, first, _ in COURSES:
            self.assertEqual(by_id[course_id][0], first)
            self.assertEqual(by_id[course_id][2], title)

    def test_demo_twice_does_not_duplicate(self):
        self.kursplan("demo")
        self.kursplan("demo")
        self.assertEqual(len(self.listed()), 3)

    def test_demo_after_import_updates_in_place(self):
        # A user who imported the Bokmål file first: `demo` updates that course, adds the others.
        self.kursplan("import", os.path.join(DEMO, COURSES[0][0]))
        self.assertEqual(len(self.listed()), 1)
        self.kursplan("demo")
        self.assertEqual(len(self.listed()), 3)

    def test_each_file_imports_and_round_trips(self):
        for name, course_id, title, _, sessions in COURSES:
            with self.subTest(name=name):
                path = os.path.join(DEMO, name)
                result = self.kursplan("import", path)
                self.assertEqual(result.stdout, f"Imported “{title}”\n")
                self.assertEqual(result.stderr, "")

                exported = os.path.join(self.tmp.name, name)
                self.kursplan("export-plan", course_id, "-o", exported)
                with open(exported, encoding="utf-8") as f:
                    plan = json.load(f)["course"]
                with open(path, encoding="utf-8") as f:
                    source = json.load(f)["course"]
                self.assertEqual(plan["title"], title)
                self.assertEqual([s["id"] for s in plan["sessions"]],
                                 [s["id"] for s in source["sessions"]])
                self.assertEqual([m["id"] for m in plan["members"]],
                                 [m["id"] for m in source["members"]])
                self.assertEqual(len(plan["sessions"]), sessions)

                # Importing the export again changes nothing.
                result = self.kursplan("import", exported)
                self.assertEqual(result.stdout,
                                 f"Updated “{title}”: 0 sessions changed\n")

    def test_check(self):
        # `check` exits 0 when a plan misses no requirement and 3 when it does. The three plans
        # meet every requirement; the North Sami one is still being planned, and its user
        # representatives missed the last planning meeting: a recommendation, listed with "!".
        self.kursplan("demo")
        for (_, course_id, title, _, _), status in zip(COURSES, (0, 0, 0)):
            with self.subTest(title=title):
                result = run(self.db, "check", course_id)
                self.assertEqual(result.returncode, status, result.stdout + result.stderr)
                self.assertEqual(result.stderr, "")
                self.assertNotEqual(result.stdout, "")
                self.assertNotIn("  ✗ ", result.stdout)
                if title == "Eallit váibmodávddain":
                    self.assertIn("  ! 1 of 3 planning meetings had no user representative "
                                  "present.\n", result.stdout)
                by_title = run(self.db, "check", title)
                self.assertEqual(by_title.returncode, result.returncode)
                self.assertEqual(by_title.stdout, result.stdout)

    def test_copy_under_another_id_is_refused(self):
        # A copy of a plan given a new course id but keeping the sessions' ids (their calendar
        # UIDs) is refused whole, naming the session, and changes nothing.
        self.kursplan("demo")
        with open(os.path.join(DEMO, COURSES[0][0]), encoding="utf-8") as f:
            plan = json.load(f)
        plan["course"]["id"] = "c0b10000-0000-4000-8000-000000000001"
        plan["course"]["title"] = "Kopi av pårørendeskolen"
        copy = os.path.join(self.tmp.name, "copy.kursplan.json")
        with open(copy, "w", encoding="utf-8") as f:
            json.dump(plan, f, ensure_ascii=False)
        before = self.kursplan("export-plan", COURSES[0][1]).stdout

        result = self.kursplan("import", copy, status=1)
        self.assertEqual(result.stdout, "")
        self.assertEqual(
            result.stderr,
            "kursplan: The course “Kopi av pårørendeskolen” was not saved: the session "
            "“Hva er demens?” has the id d5e10002-0000-4000-8000-000000000001, which the course "
            "“Pårørendeskole om demens” already holds; a copy of a course needs new session "
            "ids\n")
        self.assertEqual(len(self.listed()), 3)
        self.assertEqual(self.kursplan("export-plan", COURSES[0][1]).stdout, before)

    def test_brochures_say_what_applies(self):
        # Read as a reader gets them (pdftotext): the Sami clinic's course says, in North Sami,
        # that it needs a referral, costs the co-payment and refunds travel; the carers' school
        # says none of it. Both say how accessible the place is.
        self.kursplan("demo")
        texts = {}
        for (_, course_id, _, _, _), lang in zip(COURSES, ("nb", "nn", "se")):
            pdf = os.path.join(self.tmp.name, lang + ".pdf")
            self.kursplan("brochure", course_id, "-o", pdf)
            texts[lang] = " ".join(subprocess.run(
                ["pdftotext", "-enc", "UTF-8", "-raw", pdf, "-"], check=True,
                capture_output=True, text=True).stdout.split())
        self.assertIn("Buorre diehtit Dus ferte leat doaktára čujuhus.", texts["se"])
        self.assertIn("Oapmahaččat, maiddái váhnemat váhnemiid kurssain, eai mávsse iešmávssu.",
                      texts["se"])
        # The Sami clinic's own conditions: where the referral goes, the no-show fee, the notice.
        self.assertIn("Doaktára čujuhus sáddejuvvo dása: Sámi dearvvašvuođaguovddáš, "
                      "Čuonjájohgeaidnu 3, 9730 Kárášjohka", texts["se"])
        self.assertIn("de fertet máksit divada.", texts["se"])
        self.assertIn("Jus it sáhte boahtit, de dieđit dan maŋimusat 24 diimmu ovdal.", texts["se"])
        self.assertIn("Olámuttus Heiskka ja HC-hivsset gávdnojit.", texts["se"])
        self.assertIn("Tilgjengelighet Trinnfri adkomst fra hovedinngangen", texts["nb"])
        self.assertIn("Tilgjenge Trinnfri inngang", texts["nn"])
        self.assertNotIn("Godt å vite", texts["nb"])
        self.assertNotIn("Godt å vite", texts["nn"])

    def test_demo_takes_no_arguments(self):
        result = self.kursplan("demo", "extra", status=2)
        self.assertIn("“extra” is not an argument of demo", result.stderr)
        self.assertFalse(os.path.exists(self.db))


if __name__ == "__main__":
    unittest.main(verbosity=2)
