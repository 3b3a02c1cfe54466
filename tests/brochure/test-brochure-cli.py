#!/usr/bin/python3
# test-brochure-cli.py — `kursplan brochure` and `kursplan plan-pdf` end to end: a course-plan file
# imported into a new database, PDFs written, read back with poppler; and the user's mistakes.
#
# SPDX-License-Identifier: GPL-3.0-or-later

import hashlib
import json
import os
import subprocess
import tempfile
import unittest
import uuid

KURSPLAN = os.environ["KURSPLAN_BIN"]
PLAN = os.path.join(os.environ["KURSPLAN_SOURCE_ROOT"], "tests", "data", "plans", "good-full.json")
COURSE = "3f0b6a8e-2d7c-4c1e-9a51-0d6c1f3b2a10"
MINIMAL = os.path.join(os.path.dirname(PLAN), "good-minimal.json")
MINIMAL_COURSE = "5c3e1a2b-7d4f-4e6a-9b8c-1d2e3f4a5b6c"
PUBLIC = ["Ánne Máret Šávži", "Niillas Čuđe"]
NOT_PUBLIC = ["Ŧoarvi Ïsak", "Æsheim", "Žaneta Ŋiella"]


class BrochureCli(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.dir = tempfile.TemporaryDirectory(prefix="kp-brochure-cli-")
        cls.db = os.path.join(cls.dir.name, "kursplan.db")
        # good-full.json notes attendance for March 2027: read as on a day after the course.
        cls.kursplan("import", "--date", "2027-12-31", PLAN)

    @classmethod
    def tearDownClass(cls):
        cls.dir.cleanup()

    @classmethod
    def kursplan(cls, *args, check=True, cwd=None):
        env = dict(os.environ, SOURCE_DATE_EPOCH="1800000000")
        result = subprocess.run([KURSPLAN, "--db", cls.db, *args], capture_output=True, text=True,
                                env=env, cwd=cwd or cls.dir.name)
        if check and result.returncode != 0:
            raise AssertionError(f"kursplan {' '.join(args)}: {result.stderr}")
        return result

    def path(self, name):
        return os.path.join(self.dir.name, name)

    def text(self, name):
        out = subprocess.run(["pdftotext", "-enc", "UTF-8", self.path(name), "-"],
                             capture_output=True, text=True, check=True).stdout
        return " ".join(out.split())

    def rows(self, name):
        """The text as laid out: a label and its value on one line, whitespace made single."""
        out = subprocess.run(["pdftotext", "-layout", "-enc", "UTF-8", self.path(name), "-"],
                             capture_output=True, text=True, check=True).stdout
        return " ".join(out.split())

    def info(self, name):
        return subprocess.run(["pdfinfo", self.path(name)], capture_output=True, text=True,
                              check=True).stdout

    def test_default_is_the_course_language_on_a4_named_after_the_course(self):
        result = self.kursplan("brochure", COURSE)
        name = "eallit-kolsain-áčđŋšŧž-ïæøå-a4-se.pdf"
        self.assertEqual(result.stdout.strip(), f"Wrote {name} (1 page)")
        text = self.text(name)
        self.assertIn("duorastat njukčamánu 4. b. 2027, dii. 12.00–15.00", text)
        self.assertIn("Eallit kolsain — áčđŋšŧž ïæøå", text)
        self.assertRegex(self.info(name), r"Tagged:\s+yes")
        self.assertRegex(self.info(name), r"Page size:\s+595.276 x 841.89 pts \(A4\)")

    def test_language_layout_and_cancelled_options(self):
        self.kursplan("brochure", COURSE, "--lang", "nn", "--layout", "a5", "--cancelled", "omit",
                      "-o", self.path("nn.pdf"))
        text = self.text("nn.pdf")
        self.assertIn("torsdag 4. mars 2027, kl. 12.00–15.00", text)
        self.assertIn("Kven er kurset for?", text)
        self.assertNotIn("Ernæring", text)
        self.assertRegex(self.info("nn.pdf"), r"Page size:\s+419.528 x 595.276 pts\n")

        self.kursplan("brochure", COURSE, "--lang", "nb", "-o", self.path("nb.pdf"))
        text = self.text("nb.pdf")
        self.assertIn("torsdag 18. mars 2027, kl. 12.00–15.00 · Avlyst Ernæring", text)

    def test_only_public_members_are_named(self):
        self.kursplan("brochure", COURSE, "-o", self.path("public.pdf"))
        text = self.text("public.pdf")
        for name in PUBLIC:
            self.assertIn(name, text)
        for name in NOT_PUBLIC:
            self.assertNotIn(name, text)
        self.assertIn("vásáhuskonsuleanta", text)  # the experience consultant, by role

    def test_same_course_and_time_give_the_same_bytes(self):
        self.kursplan("brochure", COURSE, "-o", self.path("a.pdf"))
        self.kursplan("brochure", COURSE, "-o", self.path("b.pdf"))
        with open(self.path("a.pdf"), "rb") as a, open(self.path("b.pdf"), "rb") as b:
            self.assertEqual(hashlib.sha256(a.read()).digest(), hashlib.sha256(b.read()).digest())

    def test_plan_pdf_names_everyone_and_has_the_checklist(self):
        result = self.kursplan("plan-pdf", COURSE, "-o", self.path("plan.pdf"))
        self.assertRegex(result.stdout.strip(), rf"^Wrote {self.path('plan.pdf')} \(\d pages?\)$")
        text = self.text("plan.pdf")
        for name in PUBLIC + ["Ŧoarvi Ïsak", "Ø. Æsheim", "Žaneta Ŋiella"]:
            self.assertIn(name, text)
        for heading in ["The six didactic elements", "Planning group", "Timetable", "Checklist"]:
            self.assertIn(heading, text)
        self.assertIn("Sykdomslære", text)
        # The checklist under the method's phases, each check marked met, required or
        # recommended.
        checklist = text[text.index("Checklist"):]
        order = ["Standard metode works in a cycle: plan, run, evaluate. The seven steps are "
                 "Kursplan’s guide through it.", "PLAN", "Need and Anchoring",
                 "Brochure and Registration", "RUN", "Running the Course", "EVALUATE",
                 "Evaluation and Revision"]
        self.assertEqual([checklist.index(part) for part in order],
                         sorted(checklist.index(part) for part in order))
        rows = self.rows("plan.pdf")
        self.assertIn("✓ Done The planning group has 2 user representatives.", rows)
        self.assertIn("! Recommended 1 of 2 planning meetings had no user representative present.",
                      rows)
        self.assertNotIn("✗ Required", rows)
        info = self.info("plan.pdf")
        self.assertRegex(info, r"Tagged:\s+yes")
        self.assertRegex(info, r"Title:\s+Course plan: Eallit kolsain")

    def plan_with_conditions(self, language, course_id, title):
        """good-full.json in @language, with an accessibility note and two of three conditions."""
        with open(PLAN, encoding="utf-8") as f:
            plan = json.load(f)
        course = plan.get("course", plan)
        course["id"] = course_id
        course["title"] = title
        course["language"] = language
        course["location"]["accessibility"] = "Trinnfri inngang, teleslynge i rommet"
        course["conditions"] = {"referral": True, "co_payment": True, "travel_refund": False}
        # A course of its own in the same database: its sessions need ids of their own.
        text = json.dumps(plan, ensure_ascii=False)
        for session in course["sessions"]:
            text = text.replace(session["id"], str(uuid.uuid5(uuid.UUID(course_id), session["id"])))
        path = self.path(f"conditions-{language}.json")
        with open(path, "w", encoding="utf-8") as f:
            f.write(text)
        self.kursplan("import", "--date", "2027-12-31", path)
        self.kursplan("plan-pdf", course_id, "-o", self.path(f"conditions-{language}.pdf"))
        return self.rows(f"conditions-{language}.pdf")

    def test_plan_pdf_has_the_practical_part_in_the_course_language(self):
        text = self.plan_with_conditions("se", "5d2c8e41-7a0b-4f6e-9c3d-1b2a3c4d5e60",
                                         "Eallit kolsain, eavttut")
        # The brochure's labels and sentences, in North Sami, between the timetable and checklist.
        self.assertIn("Praktihkalaš dieđut", text)
        self.assertLess(text.index("Timetable"), text.index("Praktihkalaš dieđut"))
        self.assertLess(text.index("Praktihkalaš dieđut"), text.index("Checklist"))
        self.assertIn("Báiki Dearvvašvuođaguovddáš, Čoahkkinlanja 2 Storgata 1, 9730 Kárášjohka",
                      text)
        self.assertIn("Olámuttus Trinnfri inngang, teleslynge i rommet", text)
        self.assertIn("Haddi Gratis", text)
        self.assertIn("Dieđihanáigemearri vuossárga guovvamánu 15. b. 2027", text)
        self.assertIn("Dieđiheapmi lms@example.no +47 00 00 00 00 https://example.no/kurs/kols",
                      text)
        self.assertIn("Buorre diehtit Dus ferte leat doaktára čujuhus. Kursa máksá iešmávssu, "
                      "nugo poliklinihkalaš dikšu.", text)
        self.assertIn("Oapmahaččat, maiddái váhnemat váhnemiid kurssain, eai mávsse iešmávssu.",
                      text)
        self.assertNotIn("Pasientreiser", text)  # travel is not refunded for this course
        self.assertIn("Lágideaddji Lærings- og mestringssenteret", text)

        text = self.plan_with_conditions("nn", "5d2c8e41-7a0b-4f6e-9c3d-1b2a3c4d5e61",
                                         "Leve med kols, vilkår")
        self.assertIn("Praktisk informasjon", text)
        self.assertIn("Tilgjenge Trinnfri inngang, teleslynge i rommet", text)
        self.assertIn("Påmeldingsfrist måndag 15. februar 2027", text)
        self.assertIn("Godt å vite Du må ha tilvising frå lege. Kurset kostar eigendel, som ved "
                      "poliklinisk behandling.", text)
        self.assertNotIn("Pasientreiser", text)

    def test_plan_pdf_shows_what_is_not_decided(self):
        self.kursplan("import", MINIMAL)
        self.kursplan("plan-pdf", MINIMAL_COURSE, "-o", self.path("minimal-plan.pdf"))
        text = self.rows("minimal-plan.pdf")
        # A Bokmål course with only its deadline: the other gaps are the group's to fill.
        self.assertIn("Praktisk informasjon Sted Not decided yet Tilgjengelighet Not decided yet "
                      "Pris Not decided yet Påmeldingsfrist mandag 15. februar 2027 Påmelding "
                      "Not decided yet", text)
        self.assertNotIn("Godt å vite", text)

    def test_mistakes_are_one_clear_line(self):
        result = self.kursplan("brochure", COURSE, "--lang", "en", check=False)
        self.assertEqual(result.returncode, 2)
        self.assertIn("“en” is not a brochure language", result.stderr)

        result = self.kursplan("brochure", COURSE, "--layout", "a3", check=False)
        self.assertEqual(result.returncode, 2)
        self.assertIn("“a3” is not a paper size", result.stderr)

        result = self.kursplan("brochure", "No such course", check=False)
        self.assertEqual(result.returncode, 1)
        self.assertEqual(len(result.stderr.strip().splitlines()), 1)

        missing = self.path("no-folder/brochure.pdf")
        result = self.kursplan("brochure", COURSE, "-o", missing, check=False)
        self.assertEqual(result.returncode, 1)
        self.assertIn("Could not write the brochure", result.stderr)
        self.assertFalse(os.path.exists(os.path.dirname(missing)))


if __name__ == "__main__":
    unittest.main(verbosity=2)
