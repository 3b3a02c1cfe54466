#!/usr/bin/python3
# test-invite.py — `kursplan invite` (issue #19, part 2): the planning group's meetings as an
# iTIP REQUEST that python3-icalendar and ical.js read with the organizer, each member with an
# e-mail as an attendee (RSVP, ROLE, CN, mailto) and one VEVENT per meeting; a changed meeting
# raises its SEQUENCE only, a removed one is cancelled (METHOD:CANCEL). And `ics --remind`: a
# VALARM on each session, remembered per course, off by default.
#
# SPDX-License-Identifier: GPL-3.0-or-later

import copy
import json
import os
import shutil
import subprocess
import tempfile
import unittest

import icalendar

KURSPLAN = os.environ["KURSPLAN_BIN"]
BUILD = os.environ.get("KURSPLAN_BUILD_ROOT")
SOURCE = os.environ.get("KURSPLAN_SOURCE_ROOT",
                        os.path.join(os.path.dirname(__file__), "..", ".."))
DEMO = os.path.join(SOURCE, "data", "demo", "nb-parorendeskole-demens.kursplan.json")
INTEROP = os.path.join(SOURCE, "tests", "interop")
COURSE_ID = "d5e10000-0000-4000-8000-000000000001"
EVALUATION_ID = "d5e10004-0000-4000-8000-0000000000ee"

# Who has an address in the fixture: the leader organises, the others are invited; "bruker2" is
# not public and is invited all the same (the group is not the public).
EMAILS = {
    "leder": "ingrid.berg@fjellvang.example.no",
    "lege": "tor.vik@fjellvang.example.no",
    "bruker1": "kari@example.org",
    "bruker2": "per@example.org",
}


def fixture():
    with open(DEMO, encoding="utf-8") as f:
        plan = json.load(f)
    course = plan["course"]
    for member in course["members"]:
        member["email"] = EMAILS.get(member["key"])
        if member["key"] == "bruker2":
            member["public"] = False
    course["evaluations"].append({
        "id": EVALUATION_ID, "kind": "meeting", "after_session": None, "responses": 0,
        "scores": {}, "date": "2027-12-01", "attendees": [], "notes": "Evaluering",
        "actions": [],
    })
    return plan


def node_reader():
    """ical.js from npm, installed into the build tree from the lock file, as
    tests/interop/test-ics-readers.py does."""
    node = shutil.which("node")
    npm = shutil.which("npm")
    if node is None or npm is None:
        raise unittest.SkipTest("node and npm are needed (see .ci/install-deps)")
    where = os.path.join(BUILD, "interop-node")
    os.makedirs(where, exist_ok=True)
    for name in ("package.json", "package-lock.json", "read-itip.mjs"):
        shutil.copy(os.path.join(INTEROP, name), where)
    if not os.path.exists(os.path.join(where, "node_modules", "ical.js", "package.json")):
        subprocess.run([npm, "ci", "--no-audit", "--no-fund", "--loglevel=error"],
                       cwd=where, check=True, stdout=subprocess.DEVNULL)
    return [node, os.path.join(where, "read-itip.mjs")]


class InviteTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.reader = node_reader()

    def setUp(self):
        self.tmp = tempfile.TemporaryDirectory(prefix="kursplan-invite-")
        self.db = os.path.join(self.tmp.name, "kursplan.db")
        self.plan = fixture()
        self.load(self.plan)

    def tearDown(self):
        self.tmp.cleanup()

    def path(self, name):
        return os.path.join(self.tmp.name, name)

    def kursplan(self, *args, status=0):
        env = dict(os.environ, SOURCE_DATE_EPOCH="1790000000", LANGUAGE="", LANG="C.UTF-8")
        env.pop("LC_ALL", None)
        result = subprocess.run([KURSPLAN, "--db", self.db, *args], capture_output=True,
                                text=True, encoding="utf-8", timeout=60, env=env)
        self.assertEqual(result.returncode, status,
                         f"kursplan {' '.join(args)}: {result.stderr}")
        return result

    def load(self, plan):
        with open(self.path("plan.json"), "w", encoding="utf-8") as f:
            json.dump(plan, f, ensure_ascii=False)
        self.kursplan("import", self.path("plan.json"))

    def icaljs(self, path):
        out = subprocess.run([*self.reader, path], capture_output=True, text=True,
                             env=dict(os.environ, TZ="UTC"), check=True)
        return json.loads(out.stdout)

    def read(self, name):
        with open(self.path(name), "rb") as f:
            return icalendar.Calendar.from_ical(f.read())

    def meeting_ids(self):
        return [m["id"] for m in self.plan["course"]["planning_meetings"]]

    def sequences(self, calendar):
        return {str(e["UID"]).removesuffix("@kursplan"): int(e["SEQUENCE"])
                for e in calendar.walk("VEVENT")}

    def test_request_read_by_both_readers(self):
        out = self.kursplan("invite", COURSE_ID, "-o", self.path("invite.ics"))
        self.assertIn("Invited to 4 meetings", out.stdout)
        self.assertFalse(os.path.exists(self.path("invite-cancel.ics")))

        calendar = self.read("invite.ics")
        self.assertEqual(str(calendar["METHOD"]), "REQUEST")
        events = calendar.walk("VEVENT")
        uids = [str(e["UID"]) for e in events]
        self.assertEqual(uids, [i + "@kursplan" for i in self.meeting_ids()]
                         + [EVALUATION_ID + "@kursplan"])
        invited = {EMAILS[k] for k in ("lege", "bruker1", "bruker2")}
        for event in events:
            self.assertEqual(int(event["SEQUENCE"]), 0)
            organizer = event["ORGANIZER"]
            self.assertEqual(str(organizer), "mailto:" + EMAILS["leder"])
            self.assertEqual(organizer.params["CN"], "Ingrid Haugland Berg")
            attendees = event["ATTENDEE"]
            self.assertEqual({str(a) for a in attendees}, {"mailto:" + e for e in invited})
            for attendee in attendees:
                self.assertEqual(attendee.params["RSVP"], "TRUE")
                self.assertEqual(attendee.params["ROLE"], "REQ-PARTICIPANT")
                self.assertEqual(attendee.params["PARTSTAT"], "NEEDS-ACTION")
        self.assertEqual(str(events[0]["SUMMARY"]), "Pårørendeskole om demens: Planleggingsmøte")
        self.assertEqual(str(events[-1]["SUMMARY"]), "Pårørendeskole om demens: Evalueringsmøte")
        self.assertEqual(events[-1]["DTSTART"].dt.isoformat(), "2027-12-01")

        view = self.icaljs(self.path("invite.ics"))
        self.assertEqual(view["method"], "REQUEST")
        self.assertEqual(len(view["events"]), 4)
        for event in view["events"]:
            self.assertEqual(event["organizer"]["address"], "mailto:" + EMAILS["leder"])
            self.assertEqual(event["organizer"]["cn"], "Ingrid Haugland Berg")
            self.assertEqual({a["address"] for a in event["attendees"]},
                             {"mailto:" + e for e in invited})
            for attendee in event["attendees"]:
                self.assertEqual((attendee["rsvp"], attendee["role"]), ("TRUE", "REQ-PARTICIPANT"))
                self.assertTrue(attendee["cn"])

    def test_non_public_member_named_in_invitation_only(self):
        members = {m["key"]: m["name"] for m in self.plan["course"]["members"]}
        self.kursplan("invite", COURSE_ID, "-o", self.path("invite.ics"))
        event = self.read("invite.ics").walk("VEVENT")[0]
        names = {str(a): str(a.params["CN"]) for a in event["ATTENDEE"]}
        self.assertEqual(names["mailto:" + EMAILS["bruker2"]], members["bruker2"])
        planning = self.kursplan("ics", "--planning", COURSE_ID).stdout
        self.assertNotIn(members["bruker2"], planning)

    def test_changed_meeting_raises_its_sequence_removed_one_cancelled(self):
        first, second, third = self.meeting_ids()
        self.kursplan("invite", COURSE_ID, "-o", self.path("one.ics"))

        # Nothing changed: the same SEQUENCEs, nothing cancelled.
        self.kursplan("invite", COURSE_ID, "-o", self.path("same.ics"))
        self.assertEqual(set(self.sequences(self.read("same.ics")).values()), {0})
        self.assertFalse(os.path.exists(self.path("same-cancel.ics")))

        changed = copy.deepcopy(self.plan)
        meetings = changed["course"]["planning_meetings"]
        meetings[1]["start"] = "2027-06-09T10:00"
        del meetings[2]
        self.load(changed)
        out = self.kursplan("invite", COURSE_ID, "-o", self.path("two.ics"))
        self.assertIn("Invited to 3 meetings", out.stdout)
        self.assertIn("Cancelled 1 removed meeting", out.stdout)

        self.assertEqual(self.sequences(self.read("two.ics")),
                         {first: 0, second: 1, EVALUATION_ID: 0})
        cancel = self.read("two-cancel.ics")
        self.assertEqual(str(cancel["METHOD"]), "CANCEL")
        self.assertEqual(self.sequences(cancel), {third: 1})
        self.assertEqual(str(cancel.walk("VEVENT")[0]["STATUS"]), "CANCELLED")
        view = self.icaljs(self.path("two-cancel.ics"))
        self.assertEqual(view["method"], "CANCEL")
        self.assertEqual([(e["uid"], e["sequence"], e["status"]) for e in view["events"]],
                         [(third + "@kursplan", 1, "CANCELLED")])
        self.assertEqual(len(view["events"][0]["attendees"]), 3)

        # Changed again: the second meeting's SEQUENCE rises once more; the cancelled one is
        # not cancelled twice.
        meetings[1]["minutes"] = 90
        self.load(changed)
        out = self.kursplan("invite", COURSE_ID, "-o", self.path("three.ics"))
        self.assertNotIn("Cancelled", out.stdout)
        self.assertEqual(self.sequences(self.read("three.ics")),
                         {first: 0, second: 2, EVALUATION_ID: 0})
        self.assertFalse(os.path.exists(self.path("three-cancel.ics")))

    def test_organizer_from_course_contact(self):
        self.kursplan("invite", COURSE_ID, "--from", "course", "-o", self.path("invite.ics"))
        event = self.read("invite.ics").walk("VEVENT")[0]
        self.assertEqual(str(event["ORGANIZER"]),
                         "mailto:" + self.plan["course"]["registration"]["email"])
        # The leader is no organizer now, so an attendee.
        self.assertIn("mailto:" + EMAILS["leder"], {str(a) for a in event["ATTENDEE"]})

    def test_no_addresses_is_an_error_and_writes_nothing(self):
        plan = fixture()
        for member in plan["course"]["members"]:
            member["email"] = None
        self.load(plan)
        result = self.kursplan("invite", COURSE_ID, "-o", self.path("invite.ics"), status=1)
        self.assertEqual(result.stderr.count("\n"), 1)
        self.assertIn("e-mail", result.stderr)
        self.assertFalse(os.path.exists(self.path("invite.ics")))
        result = self.kursplan("invite", COURSE_ID, "--from", "nobody", status=2)

    def alarms(self, *args):
        calendar = icalendar.Calendar.from_ical(self.kursplan("ics", COURSE_ID, *args).stdout)
        return [(e, e.walk("VALARM")) for e in calendar.walk("VEVENT")]

    def test_remind_adds_valarm_and_is_remembered(self):
        for _, alarms in self.alarms():
            self.assertEqual(alarms, [])  # off by default

        events = self.alarms("--remind", "30")
        self.assertEqual(len(events), 6)
        for event, alarms in events:
            self.assertEqual(len(alarms), 1)
            alarm = alarms[0]
            self.assertEqual(str(alarm["ACTION"]), "DISPLAY")
            self.assertEqual(alarm["TRIGGER"].to_ical(), b"-PT30M")
            self.assertEqual(str(alarm["DESCRIPTION"]),
                             "Påminnelse: Pårørendeskole om demens – " + str(event["SUMMARY"])
                             .removeprefix("Pårørendeskole om demens: "))

        # Remembered for the course; ical.js reads the alarm too.
        with open(self.path("remind.ics"), "w", encoding="utf-8") as f:
            f.write(self.kursplan("ics", COURSE_ID).stdout)
        view = self.icaljs(self.path("remind.ics"))
        self.assertEqual({(a["action"], a["trigger"]) for e in view["events"] for a in e["alarms"]},
                         {("DISPLAY", "-PT30M")})

        for _, alarms in self.alarms("--remind", "0"):
            self.assertEqual(alarms, [])
        for _, alarms in self.alarms():
            self.assertEqual(alarms, [])

        self.kursplan("ics", COURSE_ID, "--remind", "-5", status=2)
        self.kursplan("ics", "--all", "--remind", "10", status=2)


if __name__ == "__main__":
    unittest.main(verbosity=2)
