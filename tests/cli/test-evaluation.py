#!/usr/bin/python3
# test-evaluation.py — `kursplan form`, `report`, `stats` and `run-again` driven as a user would:
# PDFs read back with poppler and checked with qpdf, figures as table and CSV, the next run saved.
#
# SPDX-License-Identifier: GPL-3.0-or-later

import csv
import io
import json
import os
import shutil
import subprocess
import tempfile
import unittest

KURSPLAN = os.environ["KURSPLAN_BIN"]
SOURCE = os.environ.get("KURSPLAN_SOURCE_ROOT",
                        os.path.join(os.path.dirname(__file__), "..", ".."))
EVALUATED = os.path.join(SOURCE, "tests", "data", "evaluation", "evaluated.json")
COURSE_ID = "7e2c9a10-4b3d-4f5e-8a61-2c3d4e5f6a70"
TOOLS = ("pdftotext", "pdfinfo", "pdffonts", "qpdf")


def tool_output(*args):
    return subprocess.run(args, capture_output=True, text=True, encoding="utf-8", check=True,
                          timeout=60).stdout


@unittest.skipUnless(all(shutil.which(t) for t in TOOLS), "needs poppler-utils and qpdf")
class EvaluationTest(unittest.TestCase):
    def setUp(self):
        self.tmp = tempfile.TemporaryDirectory(prefix="kursplan-evaluation-")
        self.db = os.path.join(self.tmp.name, "kursplan.db")
        # The course ran in spring 2027: its attendance is read as on a day after it.
        self.kursplan("import", "--date", "2027-12-31", EVALUATED)

    def tearDown(self):
        self.tmp.cleanup()

    def run_kursplan(self, *args):
        env = dict(os.environ, SOURCE_DATE_EPOCH="1808388000")
        return subprocess.run([KURSPLAN, "--db", self.db, *args], capture_output=True, text=True,
                              encoding="utf-8", timeout=60, env=env)

    def kursplan(self, *args, status=0):
        result = self.run_kursplan(*args)
        self.assertEqual(result.returncode, status,
                         f"kursplan {' '.join(args)}: {result.stdout}{result.stderr}")
        return result

    def path(self, name):
        return os.path.join(self.tmp.name, name)

    def assert_accessible_pdf(self, pdf):
        info = tool_output("pdfinfo", pdf)
        self.assertRegex(info, r"Tagged:\s+yes")
        fonts = tool_output("pdffonts", pdf).splitlines()[2:]
        self.assertTrue(fonts)
        for line in fonts:
            # name type... emb sub uni: every font embedded
            self.assertEqual(line.split()[-5], "yes", line)
        check = subprocess.run(["qpdf", "--check", pdf], capture_output=True, text=True)
        self.assertEqual(check.returncode, 0, check.stdout + check.stderr)
        self.assertIn("No syntax or stream encoding errors", check.stdout)
        return tool_output("pdftotext", "-layout", pdf, "-")

    def test_form_midway_in_the_courses_language(self):
        pdf = self.path("midway.pdf")
        self.kursplan("form", "Å leve med kols", "--kind", "midway", "-o", pdf)
        text = self.assert_accessible_pdf(pdf)
        self.assertIn("Midtveisevaluering", text)
        self.assertIn("Skjemaet er anonymt. Ikke skriv navnet ditt på det.", text)
        # Midway, the questions ask about the course so far, never "after the course".
        self.assertIn("1. Hvor nyttig er kurset for deg så langt?", text)
        self.assertIn("5. Føler du deg bedre i stand til å mestre hverdagen nå enn før kurset",
                      text)
        self.assertNotIn("etter kurset", text)
        self.assertIn("6. Hvor fornøyd er du med det praktiske (sted, tid, servering)?", text)
        # The group's own question, then the two open ones.
        self.assertIn("7. Pusteøvelsene var nyttige", text)
        self.assertIn("8. Hva har vært viktigst for deg så langt?", text)
        self.assertIn("9. Hva bør vi endre i resten av kurset?", text)
        # On 1–5, and without the optional question about patient or relative.
        self.assertIn("1 betyr svært lite, 5 betyr svært mye", text)
        self.assertNotIn("pasient", text)
        self.assertEqual(text.count("svært lite"), 7 + 1)  # seven scales and the help line
        # Anonymous by design: nobody in the group or the course's numbers on the form.
        for name in ("Siri Havlund", "Tor Eikeli", "Randi Myrvang", "Per Lunde"):
            self.assertNotIn(name, text)
        title = tool_output("pdfinfo", pdf)
        self.assertIn("Midtveisevaluering: Å leve med kols", title)

    def test_form_final_in_nynorsk_and_north_sami(self):
        nn = self.path("final-nn.pdf")
        se = self.path("final-se.pdf")
        self.kursplan("form", COURSE_ID, "--kind", "final", "--lang", "nn", "-o", nn)
        self.kursplan("form", COURSE_ID, "--kind", "final", "--lang", "se", "-o", se)
        nn_text = self.assert_accessible_pdf(nn)
        se_text = self.assert_accessible_pdf(se)
        self.assertIn("Sluttevaluering", nn_text)
        self.assertIn("Kor nyttig var kurset for deg?", nn_text)
        self.assertIn("Kva bør vi endre?", nn_text)
        self.assertIn("Loahpa árvvoštallan", se_text)
        self.assertIn("Man ávkkálaš lei kursa dutnje?", se_text)

    def test_form_is_the_same_bytes_twice(self):
        first, second = self.path("a.pdf"), self.path("b.pdf")
        self.kursplan("form", COURSE_ID, "--kind", "final", "-o", first)
        self.kursplan("form", COURSE_ID, "--kind", "final", "-o", second)
        with open(first, "rb") as a, open(second, "rb") as b:
            self.assertEqual(a.read(), b.read())

    def test_form_mistakes(self):
        cases = [
            (("form", COURSE_ID, "-o", "x.pdf"), 2, "--kind midway or --kind final"),
            (("form", COURSE_ID, "--kind", "weekly", "-o", "x.pdf"), 2,
             "--kind takes “midway” or “final”, not “weekly”"),
            (("form", COURSE_ID, "--kind", "final", "--lang", "de", "-o", "x.pdf"), 2,
             "“de” is not a form language"),
            (("form", COURSE_ID, "--kind", "final"), 2, "with -o FILE"),
            (("form", "Ukjent kurs", "--kind", "final", "-o", self.path("x.pdf")), 1, "Ukjent kurs"),
        ]
        for args, status, message in cases:
            with self.subTest(args=args):
                result = self.kursplan(*args, status=status)
                self.assertIn(message, result.stderr)
                self.assertEqual(result.stdout, "")
        self.assertFalse(os.path.exists(self.path("x.pdf")))

    def import_zero_to_ten(self):
        """The evaluated course again, asked on 0–10 with the patient-or-relative question."""
        with open(EVALUATED, encoding="utf-8") as f:
            plan = json.load(f)
        course = plan["course"]
        course["id"] = "1c9e5a3b-7d2f-4e8a-9b60-5f4e3d2c1b0a"
        course["title"] = "Å leve med kols 0–10"
        for key in ("members", "planning_meetings", "sessions", "evaluations"):
            for item in course.get(key, []):
                item.pop("id", None)
        course["evaluation_form"] = {"scale": "0-10", "asks_patient_or_relative": True}
        for evaluation in course["evaluations"]:
            if evaluation["kind"] == "meeting":
                continue
            evaluation["scores"] = {"usefulness": [1, 0, 0, 0, 0, 1, 2, 3, 2, 1, 1]}
            evaluation["respondents"] = {"patients": 7, "relatives": 3}
        path = self.path("zero-to-ten.json")
        with open(path, "w", encoding="utf-8") as f:
            json.dump(plan, f, ensure_ascii=False)
        self.kursplan("import", "--date", "2027-12-31", path)
        return course["title"]

    def test_form_zero_to_ten_with_patient_or_relative(self):
        title = self.import_zero_to_ten()
        for lang, help_text, question, answers in [
                ("nb", "0 betyr ikke i det hele tatt, 10 betyr svært mye",
                 "1. Er du pasient eller pårørende?", ("pasient", "pårørende")),
                ("se", "0 mearkkaša ii obanassiige, 10 mearkkaša hui olu",
                 "1. Leatgo divššohas vai oapmahaš?", ("divššohas", "oapmahaš"))]:
            with self.subTest(lang=lang):
                pdf = self.path(f"final-{lang}.pdf")
                self.kursplan("form", title, "--kind", "final", "--lang", lang, "-o", pdf)
                text = self.assert_accessible_pdf(pdf)
                self.assertIn(help_text, text)
                self.assertIn(question, text)
                for answer in answers:
                    self.assertIn(answer, text)
                # Eleven boxes, 0 to 10, on each scale question's line.
                self.assertRegex(text, r"0 ☐\s+1 ☐\s+2 ☐.*9 ☐\s+10 ☐")
        # The patient-or-relative question moves the scale questions on by one.
        self.assertIn("2. Man ávkkálaš lei kursa dutnje?", text)

    def test_form_lule_and_south_sami_fall_back_to_bokmal(self):
        for lang, language in [("smj", "lulesamisk"), ("sma", "sørsamisk")]:
            with self.subTest(lang=lang):
                pdf = self.path(f"midway-{lang}.pdf")
                self.kursplan("form", COURSE_ID, "--kind", "midway", "--lang", lang, "-o", pdf)
                text = self.assert_accessible_pdf(pdf)
                self.assertIn(f"Skjemaet finnes ennå ikke på {language}, derfor er det på bokmål.",
                              text)
                self.assertIn("Midtveisevaluering", text)
                self.assertIn("1. Hvor nyttig er kurset for deg så langt?", text)

    def test_report_zero_to_ten(self):
        title = self.import_zero_to_ten()
        pdf = self.path("report-0-10.pdf")
        self.kursplan("report", title, "-o", pdf)
        text = self.assert_accessible_pdf(pdf)
        self.assertIn("Means and medians on the scale 0–10, midway → final", text)
        # (0 + 5 + 12 + 21 + 16 + 9 + 10) / 11 = 6,6; the sixth of eleven answers is 7.
        self.assertIn("6,6 → 6,6 (median 7 → 7)", text)
        self.assertIn("Midway: 0: 1 · 1: 0 · 2: 0 · 3: 0 · 4: 0 · 5: 1 · 6: 2 · 7: 3 · 8: 2 · 9: 1 · "
                      "10: 1", text)
        self.assertIn("11 responses · 7 patients, 3 relatives", text)
        self.assertIn("(mean 6,6, median 7)", text)

    def test_report(self):
        pdf = self.path("report.pdf")
        self.kursplan("report", "Å leve med kols", "-o", pdf)
        text = self.assert_accessible_pdf(pdf)
        info = tool_output("pdfinfo", pdf)
        self.assertRegex(info, r"Pages:\s+4")
        self.assertIn("Evaluation report: Å leve med kols", info)
        self.assertIn("Attendance", text)
        self.assertRegex(text, r"4\.3\.2027\s+Hva er kols\? · 12 came")
        self.assertRegex(text, r"18\.3\.2027\s+Ernæring · cancelled")
        self.assertIn("Means and medians on the scale 1–5, midway → final", text)
        self.assertIn("4,2 → 4,4 (median 4 → 4,5)", text)
        self.assertIn("Midway: 1: 0 · 2: 0 · 3: 2 · 4: 5 · 5: 4", text)
        self.assertIn("final 3,7", text)
        self.assertIn("midway 4,1", text)
        self.assertIn("Mange vil ha mer tid til å snakke sammen i små grupper.", text)
        self.assertIn("Mer tid til erfaringsutveksling", text)
        self.assertIn("Servere kveldsmat", text)
        # The charts' pages: each question's counts in words for those who cannot see the bars.
        self.assertIn("Midway: 1: 0 · 2: 0 · 3: 2 · 4: 5 · 5: 4 (mean 4,2, median 4)", text)
        self.assertIn("Final: 1: 1 · 2: 1 · 3: 2 · 4: 3 · 5: 3 (mean 3,6, median 4)", text)

    def test_stats_table_and_csv(self):
        # Counted as on the last day of 2027, when the course has run.
        result = self.kursplan("stats", "--year", "2027", "--date", "2027-12-31")
        self.assertTrue(result.stdout.startswith("Courses in 2027: 1\n\n"))
        self.assertRegex(result.stdout, r"Å leve med kols\s+spring 2027\s+3\s+0\s+14\s+33"
                                        r"\s+3\s+2\s+1\s+yes/yes/yes\n")
        self.assertRegex(result.stdout, r"Total\s+3\s+0\s+14\s+33\s+3\s+2\s+1\s+1/1/1\n")
        # The cancelled session has a column of its own, right of the contributions.
        self.assertRegex(result.stdout, r"Profs\s+Cancel\.\s+Plan/Run/Eval\n")

        result = self.kursplan("stats", "--year", "2027", "--csv", "--date", "2027-12-31")
        rows = list(csv.reader(io.StringIO(result.stdout, newline="")))
        # The columns spreadsheets know keep their names and places; new ones come after.
        self.assertEqual(rows[0], ["Course ID", "Course", "Sessions held", "Registered",
                                   "Attendances", "Contributions by users",
                                   "Contributions by professionals", "Users in planning",
                                   "Users in running", "Users in evaluation",
                                   "Sessions planned", "Term", "Sessions cancelled",
                                   "Partners"])
        self.assertEqual(rows[1], [COURSE_ID, "Å leve med kols", "3", "14", "33", "3", "2",
                                   "yes", "yes", "yes", "0", "spring 2027", "1", ""])
        self.assertEqual(rows[2], ["", "Total", "3", "14", "33", "3", "2", "1", "1", "1", "0",
                                   "", "1", ""])

        result = self.kursplan("stats", "--year", "2026", "--csv", "--date", "2027-12-31")
        self.assertEqual(result.stdout.splitlines()[-1], ",Total,0,0,0,0,0,0,0,0,0,,0,")

    def test_stats_before_during_and_after_the_course(self):
        def figures(date):
            result = self.kursplan("stats", "--year", "2027", "--csv", "--date", date)
            rows = list(csv.reader(io.StringIO(result.stdout, newline="")))
            header, course = rows[0], rows[1]
            return {name: course[header.index(name)]
                    for name in ("Sessions held", "Sessions planned", "Attendances")}

        # December 2026: nothing of 2027 has happened; three sessions (one is cancelled) wait.
        self.assertEqual(figures("2026-12-06"), {"Sessions held": "0", "Sessions planned": "3",
                                                 "Attendances": "0"})
        result = self.kursplan("stats", "--year", "2027", "--date", "2026-12-06")
        self.assertTrue(result.stdout.startswith(
            "Courses in 2027: 0\n1 more course has sessions planned but none held yet\n"))
        self.assertNotIn("1 course held sessions", result.stdout)
        # 11 March 2027: the evenings of 4 and 11 March are held, 1 April is still to come.
        self.assertEqual(figures("2027-03-11"), {"Sessions held": "2", "Sessions planned": "1",
                                                 "Attendances": "23"})
        self.assertEqual(figures("2027-04-01"), {"Sessions held": "3", "Sessions planned": "0",
                                                 "Attendances": "33"})

    def test_stats_mistakes(self):
        for args, message in [(("stats",), "--year YYYY"),
                              (("stats", "--year", "27"), "“27” is not a year"),
                              (("stats", "--year", "2027", COURSE_ID), "counts them all"),
                              (("stats", "--year", "2027", "--date", "2027-13-01"),
                               "“2027-13-01” is not a date")]:
            with self.subTest(args=args):
                result = self.kursplan(*args, status=2)
                self.assertIn(message, result.stderr)

    def test_run_again(self):
        result = self.kursplan("run-again", COURSE_ID, "--start", "2027-11-01")
        new_id, _, rest = result.stdout.partition(":")
        self.assertEqual(rest.strip(), "the new run starts 2027-11-04 18:00")
        self.assertNotEqual(new_id, COURSE_ID)

        exported = self.path("next.json")
        self.kursplan("export-plan", new_id, "-o", exported)
        with open(exported, encoding="utf-8") as f:
            course = json.load(f)["course"]
        with open(EVALUATED, encoding="utf-8") as f:
            old = json.load(f)["course"]
        self.assertEqual(course["title"], "Å leve med kols")
        self.assertEqual(course["status"], "planning")
        self.assertEqual([s["start"] for s in course["sessions"]],
                         ["2027-11-04T18:00", "2027-11-11T18:00", "2027-11-18T18:00",
                          "2027-12-02T18:00"])
        self.assertTrue(all(s["status"] == "planned" for s in course["sessions"]))
        old_ids = {s["id"] for s in old["sessions"]}
        self.assertFalse(old_ids & {s["id"] for s in course["sessions"]})
        checklist = [e for e in course["evaluations"] if e["kind"] == "meeting"]
        self.assertEqual(len(course["evaluations"]), 1)
        self.assertEqual(checklist[0]["actions"],
                         ["Mer tid til erfaringsutveksling", "Servere kveldsmat"])

        # The old run is still there, and the new one counts in its own year's figures.
        # Both runs in 2027 under one title: the term tells them apart.
        result = self.kursplan("stats", "--year", "2027", "--csv", "--date", "2027-12-31")
        rows = list(csv.reader(io.StringIO(result.stdout, newline="")))
        self.assertEqual(len(rows), 4)
        self.assertEqual([(row[1], row[rows[0].index("Term")]) for row in rows[1:3]],
                         [("Å leve med kols", "spring 2027"), ("Å leve med kols", "autumn 2027")])

    def test_run_again_moves_the_deadline_and_the_meetings(self):
        # The Nynorsk demo course ran from Tuesday 3 March 2026, registration by 20 February.
        self.kursplan("import", os.path.join(SOURCE, "data", "demo",
                                             "nn-leve-med-diabetes.kursplan.json"))
        title = "Leve med diabetes type 2"
        result = self.kursplan("run-again", title, "--start", "2027-03-01",
                               "--date", "2026-12-06")
        new_id, _, rest = result.stdout.partition(":")
        self.assertEqual(rest.strip(), "the new run starts 2027-03-02 17:00")

        exported = self.path("next.json")
        self.kursplan("export-plan", new_id, "-o", exported)
        with open(exported, encoding="utf-8") as f:
            course = json.load(f)["course"]
        # Moved the same 52 weeks as the sessions, not last year's 20 February 2026.
        self.assertEqual(course["registration"]["deadline"], "2027-02-19")
        self.assertEqual([m["start"] for m in course["planning_meetings"]],
                         ["2026-11-17T09:00", "2027-01-12T09:00", "2027-02-09T13:00"])
        self.assertEqual([m["attendees"] for m in course["planning_meetings"]], [[], [], []])
        self.assertTrue(all(s["attended"] is None for s in course["sessions"]))
        self.assertEqual(course["participants"]["registered"], 0)

        # Listed apart: same title, the term after the id (columns 3 and 4 stay title and id).
        rows = [line.split("\t") for line in self.kursplan("list").stdout.splitlines()]
        terms = {row[3]: row[4] for row in rows if row[2] == title}
        self.assertEqual(terms, {"d5e20000-0000-4000-8000-000000000001": "spring 2026",
                                 new_id: "spring 2027"})
        for language, spring in (("nb", "vår 2027"), ("nn", "vår 2027"), ("se", "giđđa 2027")):
            with self.subTest(language=language):
                env = dict(os.environ, LANG="C.UTF-8", LANGUAGE=language)
                env.pop("LC_ALL", None)
                build = os.environ.get("KURSPLAN_BUILD_ROOT")
                if build is not None:
                    env["KURSPLAN_LOCALEDIR"] = os.path.join(build, "po")
                listing = subprocess.run([KURSPLAN, "--db", self.db, "list"], env=env,
                                         capture_output=True, text=True, encoding="utf-8",
                                         timeout=60).stdout
                self.assertIn(f"\t{new_id}\t{spring}\n", listing)

        result = self.kursplan("check", new_id, "--date", "2027-02-25", status=3)
        self.assertIn("✓ The registration deadline falls before the first session.",
                      result.stdout)
        self.assertIn("✗ 3 of 3 planning meetings had no user representative present.",
                      result.stdout)

        # Made after the moved deadline has passed, the new run has none to show.
        result = self.kursplan("run-again", "d5e20000-0000-4000-8000-000000000001",
                               "--start", "2027-03-01", "--date", "2027-02-20")
        late_id = result.stdout.partition(":")[0]
        self.kursplan("export-plan", late_id, "-o", exported)
        with open(exported, encoding="utf-8") as f:
            course = json.load(f)["course"]
        self.assertIsNone(course.get("registration", {}).get("deadline"))

    def test_import_refuses_attendance_for_sessions_not_held(self):
        other = self.path("other.db")
        result = subprocess.run([KURSPLAN, "--db", other, "import", "--date", "2027-03-10",
                                 EVALUATED], capture_output=True, text=True, encoding="utf-8",
                                timeout=60)
        self.assertEqual(result.returncode, 1)
        self.assertEqual(result.stderr,
                         f"kursplan: {EVALUATED}: course.sessions[1].attended: “Pust og "
                         "aktivitet” has not been held yet: note how many took part after the "
                         "session has ended\n")
        listing = subprocess.run([KURSPLAN, "--db", other, "list"], capture_output=True,
                                 text=True, encoding="utf-8", timeout=60)
        self.assertNotIn(COURSE_ID, listing.stdout)

    def test_run_again_mistakes(self):
        for args, message in [(("run-again", COURSE_ID), "--start YYYY-MM-DD"),
                              (("run-again", COURSE_ID, "--start", "2027-02-30"),
                               "“2027-02-30” is not a date")]:
            with self.subTest(args=args):
                result = self.kursplan(*args, status=2)
                self.assertIn(message, result.stderr)


if __name__ == "__main__":
    unittest.main(verbosity=2)
