#!/usr/bin/python3
# test-reimport.py — importing the same course-plan file again keeps who is who: members the file
# names only by key keep the UUIDs they got the first time, and what refers to them follows.
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
MINIMAL_ID = "5c3e1a2b-7d4f-4e6a-9b8c-1d2e3f4a5b6c"


class ReimportTest(unittest.TestCase):
    def setUp(self):
        self.tmp = tempfile.TemporaryDirectory(prefix="kursplan-reimport-")
        self.db = os.path.join(self.tmp.name, "kursplan.db")

    def tearDown(self):
        self.tmp.cleanup()

    def kursplan(self, *args):
        result = subprocess.run([KURSPLAN, "--db", self.db, *args], capture_output=True,
                                text=True, encoding="utf-8", timeout=60)
        self.assertEqual(result.returncode, 0, f"kursplan {' '.join(args)}: {result.stderr}")
        return result

    def export(self):
        return json.loads(self.kursplan("export-plan", MINIMAL_ID).stdout)["course"]

    def members(self, course):
        return {m["key"]: m["id"] for m in course["members"]}

    def test_members_by_key_keep_their_ids(self):
        self.kursplan("import", MINIMAL)
        first = self.export()
        ids = self.members(first)
        self.assertEqual(sorted(ids), ["bruker1", "leder"])

        self.kursplan("import", MINIMAL)
        second = self.export()
        self.assertEqual(self.members(second), ids)
        self.assertEqual(second["sessions"][0]["contributions"][0]["member"], ids["bruker1"])
        self.assertEqual(second["planning_meetings"][0]["attendees"],
                         [ids["leder"], ids["bruker1"]])

        # The file changed a name and added a member: the same people keep their ids, the new
        # one gets its own, and the new name is taken.
        with open(MINIMAL, encoding="utf-8") as f:
            plan = json.load(f)
        plan["course"]["members"][1]["name"] = "Per Persen"
        plan["course"]["members"].append({"key": "fag1", "name": "Liv", "role": "professional"})
        plan["course"]["sessions"][1]["contributions"] = [
            {"kind": "professional_talk", "member": "fag1", "minutes": 45},
            {"kind": "user_talk", "member": "leder", "minutes": 20}]
        path = os.path.join(self.tmp.name, "changed.json")
        with open(path, "w", encoding="utf-8") as f:
            json.dump(plan, f, ensure_ascii=False)
        self.kursplan("import", path)
        third = self.export()
        third_ids = self.members(third)
        self.assertEqual(third_ids["leder"], ids["leder"])
        self.assertEqual(third_ids["bruker1"], ids["bruker1"])
        self.assertNotIn(third_ids["fag1"], ids.values())
        self.assertEqual([m["name"] for m in third["members"]], ["Kari", "Per Persen", "Liv"])
        self.assertEqual([c["member"] for c in third["sessions"][1]["contributions"]],
                         [third_ids["fag1"], ids["leder"]])

    def test_an_id_in_the_file_wins(self):
        self.kursplan("import", MINIMAL)
        ids = self.members(self.export())
        with open(MINIMAL, encoding="utf-8") as f:
            plan = json.load(f)
        # The file names Per by an id the database holds already under another key.
        plan["course"]["members"][1]["id"] = ids["leder"]
        plan["course"]["members"][0]["id"] = "b1d00000-0000-4000-8000-00000000000a"
        path = os.path.join(self.tmp.name, "ids.json")
        with open(path, "w", encoding="utf-8") as f:
            json.dump(plan, f, ensure_ascii=False)
        self.kursplan("import", path)
        self.assertEqual(self.members(self.export()),
                         {"leder": "b1d00000-0000-4000-8000-00000000000a",
                          "bruker1": ids["leder"]})


if __name__ == "__main__":
    unittest.main(verbosity=2)
