#!/usr/bin/python3
# test-programme.py — `kursplan programme --from --to -o DIR` over the demo courses: the courses
# that start in the period as index.html, programme.css and programme.ics; each course in its
# language; the JSON-LD parses; bad input changes nothing and says why.
#
# SPDX-License-Identifier: GPL-3.0-or-later

import json
import os
import re
import subprocess
import tempfile
import unittest

import icalendar

KURSPLAN = os.environ["KURSPLAN_BIN"]
NYNORSK = "d5e20000-0000-4000-8000-000000000001"   # starts 3 March 2026
SAMI = "d5e30000-0000-4000-8000-000000000001"      # starts 13 April 2027
BOKMAL = "d5e10000-0000-4000-8000-000000000001"    # starts 7 October 2027


def kursplan(db, *args, status=0):
    result = subprocess.run([KURSPLAN, "--db", db, *args], capture_output=True, text=True,
                            timeout=60)
    if result.returncode != status:
        raise AssertionError(f"kursplan {' '.join(args)}: exit {result.returncode}\n"
                             f"{result.stdout}\n{result.stderr}")
    return result


class Programme(unittest.TestCase):
    def setUp(self):
        self.tmp = tempfile.TemporaryDirectory()
        self.db = os.path.join(self.tmp.name, "kursplan.db")
        kursplan(self.db, "demo")

    def tearDown(self):
        self.tmp.cleanup()

    def test_period_languages_json_ld_and_calendar(self):
        out = os.path.join(self.tmp.name, "site")
        result = kursplan(self.db, "programme", "--from", "2027-01-01", "--to", "2027-12-31",
                          "--centre", "LMS Storevik", "-o", out)
        self.assertEqual(result.stdout.strip(), "Wrote the programme of 2 courses")
        self.assertEqual(sorted(os.listdir(out)), ["index.html", "programme.css", "programme.ics"])
        with open(os.path.join(out, "index.html"), encoding="utf-8") as f:
            html = f.read()
        self.assertIn("<h1>LMS Storevik</h1>", html)
        self.assertIn(f'<article id="c-{SAMI}" lang="se"', html)
        self.assertIn(f'<article id="c-{BOKMAL}" lang="nb"', html)
        self.assertNotIn(NYNORSK, html)
        # the Sami course in April before the Bokmål one in October
        self.assertLess(html.index(SAMI), html.index(f'id="c-{BOKMAL}"'))
        self.assertNotIn("<script src", html)
        self.assertNotIn("http://", re.sub(r'href="http[^"]*"', "", html).replace(
            '"https://schema.org', ""))

        ld = re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
        graph = json.loads(ld.group(1))["@graph"]
        self.assertEqual([c["inLanguage"] for c in graph], ["se", "nb"])
        for course in graph:
            self.assertEqual(course["@type"], "Course")
            for instance in course["hasCourseInstance"]:
                # every start with the offset of its day in Oslo
                self.assertRegex(instance["startDate"],
                                 r"^\d{4}-\d\d-\d\dT\d\d:\d\d:00\+0[12]:00$")
                self.assertIn(instance["startDate"][:10], html)
        times = re.findall(r'<time datetime="([^"]+)">', html)
        self.assertEqual(len(times), sum(len(c["hasCourseInstance"]) for c in graph))

        with open(os.path.join(out, "programme.ics"), "rb") as f:
            calendar = icalendar.Calendar.from_ical(f.read())
        self.assertEqual(len(list(calendar.walk("VEVENT"))), len(times))

    def test_bad_input_changes_nothing(self):
        out = os.path.join(self.tmp.name, "site")
        r = kursplan(self.db, "programme", "--from", "2027-13-01", "--to", "2027-12-31",
                     "-o", out, status=2)
        self.assertIn("“2027-13-01” is not a date", r.stderr)
        r = kursplan(self.db, "programme", "--from", "2027-12-01", "--to", "2027-01-31",
                     "-o", out, status=2)
        self.assertIn("--to is before --from", r.stderr)
        r = kursplan(self.db, "programme", "--from", "2027-01-01", "--to", "2027-12-31",
                     "--format", "docx", "-o", out, status=2)
        self.assertIn("not a programme format", r.stderr)
        kursplan(self.db, "programme", "--from", "2027-01-01", "-o", out, status=2)
        self.assertFalse(os.path.exists(out))

        blocker = os.path.join(self.tmp.name, "a-file")
        with open(blocker, "w") as f:
            f.write("x")
        r = kursplan(self.db, "programme", "--from", "2027-01-01", "--to", "2027-12-31",
                     "-o", os.path.join(blocker, "site"), status=1)
        self.assertEqual(len(r.stderr.strip().splitlines()), 1)
        self.assertIn("Could not make the folder", r.stderr)

    def test_empty_period(self):
        out = os.path.join(self.tmp.name, "empty")
        kursplan(self.db, "programme", "--from", "2030-01-01", "--to", "2030-06-30", "-o", out)
        with open(os.path.join(out, "index.html"), encoding="utf-8") as f:
            html = f.read()
        self.assertIn("No courses start in this period.", html)
        self.assertNotIn("<article", html)


if __name__ == "__main__":
    unittest.main()
