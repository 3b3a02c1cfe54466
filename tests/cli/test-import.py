#!/usr/bin/python3
# test-import.py — `kursplan import` and `kursplan export-plan` driven as a user would:
# round trip, every malformed fixture rejected with the database untouched, updates in place.
#
# SPDX-License-Identifier: GPL-3.0-or-later

import copy
import json
import os
import subprocess
import sys
import tempfile
import unittest

KURSPLAN = os.environ["KURSPLAN_BIN"]
PLANS = os.path.join(os.environ.get("KURSPLAN_SOURCE_ROOT",
                                    os.path.join(os.path.dirname(__file__), "..", "..")),
                     "tests", "data", "plans")
FULL = os.path.join(PLANS, "good-full.json")
MINIMAL = os.path.join(PLANS, "good-minimal.json")
FULL_ID = "3f0b6a8e-2d7c-4c1e-9a51-0d6c1f3b2a10"
MINIMAL_ID = "5c3e1a2b-7d4f-4e6a-9b8c-1d2e3f4a5b6c"

# Each malformed fixture, and how its one line on stderr must go on after "kursplan: FILE: ".
REJECTIONS = {
    "bad-empty.json": "the file is empty",
    "bad-not-json.json": "not JSON: line 2, column 1: ",
    "bad-utf8.json": "not UTF-8 text",
    "bad-root.json": "not a course plan",
    "bad-format.json": "format: “kursplan/brochure” is not a Kursplan course plan",
    "bad-version.json": "version: 2 is newer than this Kursplan reads (it reads version 1)",
    "bad-date.json": "course.sessions[1].start: not a date-time: 2027-02-30 is not a date",
    "bad-gap.json": "course.sessions[1].start: not a date-time: 2027-03-28 02:30 does not exist",
    "bad-minutes-zero.json": "course.sessions[0].minutes: must be more than 0 minutes",
    "bad-minutes-negative.json": "course.sessions[1].minutes: must be more than 0 minutes",
    "bad-role.json": "course.members[1].role: “doctor” is not one of: ",
    "bad-kind.json": "course.sessions[0].contributions[0].kind: “lecture” is not one of: ",
    "bad-language.json": "course.language: “de” is not one of: nb, nn, se, smj, sma",
    "bad-course-status.json": "course.status: “done” is not one of: ",
    "bad-session-status.json": "course.sessions[1].status: “moved” is not one of: ",
    "bad-evaluation-kind.json": "course.evaluations[0].kind: “survey” is not one of: ",
    "bad-timezone.json": "course.timezone: “Europe/Atlantis” is not a known time zone",
    "bad-member-ref.json": "course.sessions[0].contributions[0].member: no member",
    "bad-attendee.json": "course.planning_meetings[0].attendees[1]: no member",
    "bad-session-id-twice.json": "course.sessions[1].id: the id ",
    "bad-member-id-twice.json": "course.members[1].id: the id ",
    "bad-member-key-twice.json": "course.members[1].key: the key “leder” is used twice",
    "bad-type-minutes.json": "course.sessions[0].minutes: not a whole number",
    "bad-type-fraction.json": "course.sessions[0].contributions[0].minutes: not a whole number",
    "bad-type-title.json": "course.title: not a text",
    "bad-type-sessions.json": "course.sessions: not a list",
    "bad-type-public.json": "course.members[0].public: not true or false",
    "bad-type-goals.json": "course.goals[1]: not a text",
    "bad-uuid.json": "course.id: “1234” is not a UUID",
    "bad-scores-length.json": "course.evaluations[0].scores.usefulness: not a list of 5 counts",
    "bad-scores-negative.json": "course.evaluations[0].scores.usefulness[1]: not a count",
    "bad-deadline.json": "course.registration.deadline: “15.02.2027” is not a date",
    "bad-action-done.json": "course.evaluations[0].actions_done[0]: “Servere kveldsmat” is not one "
                            "of the evaluation's actions",
}


AFTER_THE_COURSE = "2027-12-31"

def run(db, *args):
    # good-full.json notes attendance for its sessions of March 2027: import as on a day after.
    if args[:1] == ("import",):
        args = ("import", "--date", AFTER_THE_COURSE, *args[1:])
    return subprocess.run([KURSPLAN, "--db", db, *args], capture_output=True, text=True,
                          encoding="utf-8", timeout=60)


class ImportTest(unittest.TestCase):
    def setUp(self):
        self.tmp = tempfile.TemporaryDirectory(prefix="kursplan-import-")
        self.db = os.path.join(self.tmp.name, "kursplan.db")

    def tearDown(self):
        self.tmp.cleanup()

    def kursplan(self, *args, status=0):
        result = run(self.db, *args)
        self.assertEqual(result.returncode, status,
                         f"kursplan {' '.join(args)}: {result.stdout}{result.stderr}")
        return result

    def export(self, course=FULL_ID):
        return json.loads(self.kursplan("export-plan", course).stdout)

    def test_round_trip_keeps_every_value(self):
        result = self.kursplan("import", FULL)
        self.assertEqual(result.stdout, "Imported “Eallit kolsain — áčđŋšŧž ïæøå”\n")
        self.assertEqual(result.stderr, "")

        out = os.path.join(self.tmp.name, "out.kursplan.json")
        self.kursplan("export-plan", FULL_ID, "-o", out)
        with open(out, encoding="utf-8") as f:
            written = f.read()
        self.assertEqual(written, self.kursplan("export-plan", FULL_ID).stdout)
        # Export by exact title gives the same file.
        self.assertEqual(written,
                         self.kursplan("export-plan", "Eallit kolsain — áčđŋšŧž ïæøå").stdout)

        with open(FULL, encoding="utf-8") as f:
            original = json.load(f)["course"]
        exported = json.loads(written)
        self.assertEqual(exported["format"], "kursplan/course-plan")
        self.assertEqual(exported["version"], 1)
        assert_same_plan(self, original, exported["course"])

        # The exported file, imported into another database, comes out byte for byte the same.
        other = os.path.join(self.tmp.name, "other.db")
        result = run(other, "import", out)
        self.assertEqual(result.returncode, 0, result.stderr)
        again = run(other, "export-plan", FULL_ID)
        self.assertEqual(again.returncode, 0, again.stderr)
        self.assertEqual(again.stdout, written)

    def test_malformed_files_change_nothing(self):
        self.kursplan("import", FULL)
        listing = self.kursplan("list").stdout
        exported = self.kursplan("export-plan", FULL_ID).stdout
        names = sorted(n for n in os.listdir(PLANS) if n.startswith("bad-"))
        self.assertEqual(sorted(REJECTIONS), names)

        for name in names:
            with self.subTest(fixture=name):
                path = os.path.join(PLANS, name)
                # A good file beside the bad one is not imported either.
                result = run(self.db, "import", MINIMAL, path)
                self.assertEqual(result.returncode, 1, result.stdout + result.stderr)
                self.assertEqual(result.stdout, "")
                lines = result.stderr.splitlines()
                self.assertEqual(len(lines), 1, result.stderr)
                self.assertTrue(lines[0].startswith(f"kursplan: {path}: {REJECTIONS[name]}"),
                                lines[0])
                self.assertEqual(self.kursplan("list").stdout, listing)
                self.assertEqual(self.kursplan("export-plan", FULL_ID).stdout, exported)
        self.kursplan("export-plan", MINIMAL_ID, status=1)

    def test_reimport_raises_revision_of_moved_session_only(self):
        self.kursplan("import", FULL, MINIMAL)
        before = self.export()
        revisions = [s["revision"] for s in before["course"]["sessions"]]
        self.assertEqual(revisions, [2, 0, 0, 0])

        changed = copy.deepcopy(before)
        sessions = changed["course"]["sessions"]
        sessions[1]["start"] = "2027-03-12T12:00"       # moved a day
        sessions[2]["notes"] = "Kjøkkenet var stengt"   # a note is not a schedule change
        changed["course"]["registration"]["phone"] = "+47 22 22 22 22"
        path = os.path.join(self.tmp.name, "moved.kursplan.json")
        with open(path, "w", encoding="utf-8") as f:
            json.dump(changed, f, ensure_ascii=False, indent=2)

        result = self.kursplan("import", path)
        self.assertEqual(result.stdout,
                         "Updated “Eallit kolsain — áčđŋšŧž ïæøå”: 1 session changed\n")
        after = self.export()
        after_sessions = after["course"]["sessions"]
        self.assertEqual([s["id"] for s in after_sessions],
                         [s["id"] for s in before["course"]["sessions"]])
        self.assertEqual([s["revision"] for s in after_sessions], [2, 1, 0, 0])
        self.assertEqual(after_sessions[1]["start"], "2027-03-12T12:00")
        self.assertIsNotNone(after_sessions[1]["modified"])
        self.assertEqual(after_sessions[0]["modified"], "2027-03-01T10:00:00Z")
        self.assertEqual(after_sessions[2]["notes"], "Kjøkkenet var stengt")
        self.assertEqual(after["course"]["registration"]["phone"], "+47 22 22 22 22")
        self.assertEqual(after["course"]["members"], before["course"]["members"])
        # Still two courses: the import updated, it did not add.
        self.assertEqual(len(self.kursplan("list").stdout.splitlines()), 2)

        # The same file again changes nothing.
        result = self.kursplan("import", path)
        self.assertEqual(result.stdout,
                         "Updated “Eallit kolsain — áčđŋšŧž ïæøå”: 0 sessions changed\n")
        self.assertEqual([s["revision"] for s in self.export()["course"]["sessions"]],
                         [2, 1, 0, 0])

        # A session left out of the file is removed; a new one is added.
        del sessions[3]
        sessions.append({"id": "9a7c0000-0000-4000-8000-000000000009", "title": "Ekstra",
                         "start": "2027-04-08T12:00", "minutes": 60})
        with open(path, "w", encoding="utf-8") as f:
            json.dump(changed, f, ensure_ascii=False)
        result = self.kursplan("import", path)
        self.assertEqual(result.stdout, "Updated “Eallit kolsain — áčđŋšŧž ïæøå”: "
                                        "0 sessions changed, 1 added, 1 removed\n")
        ids = [s["id"] for s in self.export()["course"]["sessions"]]
        self.assertEqual(ids[-1], "9a7c0000-0000-4000-8000-000000000009")
        self.assertNotIn("9a7c0000-0000-4000-8000-000000000004", ids)

    def test_unknown_fields_warn_on_stderr(self):
        result = self.kursplan("import", os.path.join(PLANS, "good-unknown-fields.json"))
        self.assertEqual(result.stdout, "Imported “Pårørendekurs”\n")
        self.assertIn("warning: course.colour: not known to this version of Kursplan; ignored",
                      result.stderr)
        self.assertEqual(len(result.stderr.splitlines()), 3)

    def test_usage_and_missing_things(self):
        self.kursplan("import", status=2)
        self.kursplan("export-plan", status=2)
        result = self.kursplan("import", os.path.join(self.tmp.name, "nowhere.json"), status=1)
        self.assertTrue(result.stderr.startswith("kursplan: "), result.stderr)
        self.kursplan("import", MINIMAL)
        self.kursplan("export-plan", "No such course", status=1)
        # Two files holding one course are refused before anything is written.
        copy_path = os.path.join(self.tmp.name, "copy.json")
        with open(MINIMAL, encoding="utf-8") as f, open(copy_path, "w", encoding="utf-8") as g:
            g.write(f.read())
        result = self.kursplan("import", FULL, MINIMAL, copy_path, status=1)
        self.assertIn("is also in", result.stderr)
        self.kursplan("export-plan", FULL_ID, status=1)


def assert_same_plan(test, original, exported):
    """Every value the hand-written file gives comes back; members it names by key come back
    by the UUID the import gave them."""
    by_key = {m["key"]: m["id"] for m in exported["members"] if m["key"]}

    def member(ref):
        return by_key.get(ref, ref)

    def same(a, b, where):
        if where.endswith(".member") and a is not None:
            test.assertEqual(member(a), b, where)
        elif where.endswith(".attendees"):
            test.assertEqual([member(x) for x in a], b, where)
        elif where.endswith(".location") and isinstance(a, str):
            test.assertEqual({"name": a, "room": None, "address": None}, b, where)
        elif isinstance(a, dict):
            test.assertIsInstance(b, dict, where)
            for key, value in a.items():
                test.assertIn(key, b, f"{where}.{key}")
                same(value, b[key], f"{where}.{key}")
        elif isinstance(a, list):
            test.assertIsInstance(b, list, where)
            test.assertEqual(len(a), len(b), where)
            for i, (x, y) in enumerate(zip(a, b)):
                same(x, y, f"{where}[{i}]")
        else:
            test.assertEqual(a, b, where)

    same(original, exported, "course")
    for kind in ("members", "planning_meetings", "sessions", "evaluations"):
        for item in exported[kind]:
            test.assertRegex(item["id"], r"^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-"
                                         r"[0-9a-f]{12}$")


if __name__ == "__main__":
    unittest.main(verbosity=2)
