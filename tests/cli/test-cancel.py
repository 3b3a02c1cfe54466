#!/usr/bin/python3
# test-cancel.py — `kursplan cancel` and digital courses (issue #16, part 2): a cancelled
# course's remaining sessions are STATUS:CANCELLED with SEQUENCE raised, its brochure says
# "Avlyst" over the title and its checklist closes; a digital course's join link is in the
# calendar (RFC 7986 CONFERENCE, read by python3-icalendar) and never in the brochure, which
# says the link goes to those registered and leaves the travel refund out.
#
# SPDX-License-Identifier: GPL-3.0-or-later

import json
import os
import subprocess
import tempfile
import unittest

import icalendar

KURSPLAN = os.environ["KURSPLAN_BIN"]
DEMENS_ID = "d5e10000-0000-4000-8000-000000000001"
SESSION = "d5e10002-0000-4000-8000-00000000000%d"
JOIN = "https://video.example.org/rom/demens-%d?pwd=abc"


def kursplan(db, *args, status=0):
    env = dict(os.environ, LANGUAGE="", LC_ALL="C.UTF-8")
    result = subprocess.run([KURSPLAN, "--db", db, *args], env=env, capture_output=True,
                            text=True, timeout=60)
    if result.returncode != status:
        raise AssertionError(f"kursplan {' '.join(args)}: exit {result.returncode}, expected "
                             f"{status}\n{result.stdout}{result.stderr}")
    return result


class Cancel(unittest.TestCase):
    def setUp(self):
        self.tmp = tempfile.TemporaryDirectory()
        self.db = os.path.join(self.tmp.name, "kursplan.db")
        kursplan(self.db, "demo")

    def tearDown(self):
        self.tmp.cleanup()

    def events(self):
        path = os.path.join(self.tmp.name, "course.ics")
        kursplan(self.db, "ics", DEMENS_ID, "-o", path)
        with open(path, "rb") as f:
            calendar = icalendar.Calendar.from_ical(f.read())
        return {str(e["UID"]).split("@")[0]: e for e in calendar.walk("VEVENT")}

    def brochure_text(self):
        pdf = os.path.join(self.tmp.name, "brochure.pdf")
        kursplan(self.db, "brochure", DEMENS_ID, "-o", pdf)
        return subprocess.run(["pdftotext", "-enc", "UTF-8", "-raw", pdf, "-"], check=True,
                              capture_output=True, text=True).stdout

    def plan(self):
        return json.loads(kursplan(self.db, "export-plan", DEMENS_ID).stdout)

    def import_plan(self, plan, status=0):
        path = os.path.join(self.tmp.name, "plan.kursplan.json")
        with open(path, "w", encoding="utf-8") as f:
            json.dump(plan, f, ensure_ascii=False)
        return kursplan(self.db, "import", "--date", "2027-09-01", path, status=status)

    def test_cancel_then_ics_and_brochure(self):
        before = self.events()
        self.assertEqual(len(before), 6)
        self.assertNotIn("Avlyst", self.brochure_text())

        # On 20 October the sessions of 7 and 14 October are held; the four after are not.
        out = kursplan(self.db, "cancel", DEMENS_ID, "--reason", "For få påmeldte",
                       "--date", "2027-10-20").stdout
        self.assertEqual(out, "Cancelled “Pårørendeskole om demens”: 4 sessions cancelled\n")

        after = self.events()
        for i in (1, 2):
            self.assertEqual(str(after[SESSION % i]["STATUS"]), "CONFIRMED")
            self.assertEqual(int(after[SESSION % i]["SEQUENCE"]),
                             int(before[SESSION % i]["SEQUENCE"]))
        for i in (3, 4, 5, 6):
            self.assertEqual(str(after[SESSION % i]["STATUS"]), "CANCELLED")
            self.assertEqual(int(after[SESSION % i]["SEQUENCE"]),
                             int(before[SESSION % i]["SEQUENCE"]) + 1)

        # "Avlyst" over the title: the line before it.
        lines = self.brochure_text().splitlines()
        title = lines.index("Pårørendeskole om demens")
        self.assertEqual(lines[title - 1], "Avlyst")

        course = self.plan()["course"]
        self.assertEqual(course["cancelled"], {"date": "2027-10-20",
                                               "reason": "For få påmeldte"})

        # The checklist closes: one item, met, so `check` exits 0.
        check = kursplan(self.db, "check", DEMENS_ID, "--date", "2027-10-20").stdout
        self.assertIn("The course was cancelled on 2027-10-20; nothing is left to do.", check)

        # Cancelling again changes nothing and says why, in one line.
        again = kursplan(self.db, "cancel", DEMENS_ID, status=1)
        self.assertEqual(again.stderr.count("\n"), 1)
        self.assertIn("already cancelled on 2027-10-20", again.stderr)
        self.assertEqual(int(self.events()[SESSION % 3]["SEQUENCE"]),
                         int(after[SESSION % 3]["SEQUENCE"]))

    def test_cancel_usage(self):
        kursplan(self.db, "cancel", status=2)
        kursplan(self.db, "cancel", DEMENS_ID, "--date", "20.10.2027", status=2)
        missing = kursplan(self.db, "cancel", "No such course", status=1)
        self.assertEqual(missing.stderr.count("\n"), 1)

    def test_digital_join_link(self):
        plan = self.plan()
        course = plan["course"]
        course["mode"] = "digital"
        course["level"] = "regional"
        course["conditions"]["referral"] = True
        course["conditions"]["travel_refund"] = True
        for i, session in enumerate(course["sessions"], start=1):
            session["join_url"] = JOIN % i
        self.import_plan(plan)

        events = self.events()
        for i in range(1, 7):
            event = events[SESSION % i]
            conference = event["CONFERENCE"]
            self.assertEqual(str(conference), JOIN % i)
            self.assertEqual(conference.params["VALUE"], "URI")
            self.assertEqual(conference.params["FEATURE"], "VIDEO")
            self.assertIn("Lenke til videomøtet: " + JOIN % i, str(event["DESCRIPTION"]))

        text = self.brochure_text()
        self.assertNotIn("video.example.org", text)
        self.assertIn("Lenken sendes til dem som er påmeldt.", " ".join(text.split()))
        self.assertNotIn("Pasientreiser", text)

        check = kursplan(self.db, "check", DEMENS_ID, "--date", "2027-09-01", status=3).stdout
        self.assertIn("Travel refund is set, but the course is digital", check)

        course = self.plan()["course"]
        self.assertEqual((course["mode"], course["level"]), ("digital", "regional"))
        self.assertEqual(course["sessions"][0]["join_url"], JOIN % 1)

        # A cancelled session of a digital course keeps no link in the calendar.
        kursplan(self.db, "cancel", DEMENS_ID, "--date", "2027-11-05")
        events = self.events()
        self.assertNotIn("CONFERENCE", events[SESSION % 6])
        self.assertIn("CONFERENCE", events[SESSION % 5])

    def test_bad_join_link_refused(self):
        plan = self.plan()
        plan["course"]["sessions"][1]["join_url"] = "javascript:alert(1)"
        result = self.import_plan(plan, status=1)
        self.assertIn("course.sessions[1].join_url", result.stderr)
        self.assertIsNone(self.plan()["course"]["sessions"][1]["join_url"])

        plan["course"]["sessions"][1]["join_url"] = None
        plan["course"]["mode"] = "video"
        result = self.import_plan(plan, status=1)
        self.assertIn("course.mode", result.stderr)


if __name__ == "__main__":
    unittest.main()
