#!/usr/bin/python3
# test-ics.py — `kursplan ics`: a calendar speaks its course's language, not the adviser's
# window (issue #13, item 6). The North Sami demo course, exported under LANGUAGE=nb and
# LANGUAGE=en and read by python3-icalendar, has no Bokmål or English word of Kursplan's own in
# its events — kinds of contribution, role names, "Cancelled", the planning group's labels — and
# `--lang nn` writes them in Nynorsk.
#
# SPDX-License-Identifier: GPL-3.0-or-later

import json
import os
import subprocess
import tempfile
import unittest

import icalendar

KURSPLAN = os.environ["KURSPLAN_BIN"]
BUILD = os.environ.get("KURSPLAN_BUILD_ROOT")
SAMI_ID = "d5e30000-0000-4000-8000-000000000001"

# Kursplan's own words in Bokmål and English (po/nb.po and the msgids): none may appear in a
# North Sami course's events, whatever the window's language.
FOREIGN = [
    # kinds of contribution
    "Faginnlegg", "Brukerinnlegg", "Erfaringsutveksling", "Gruppearbeid", "Praktisk aktivitet",
    "Pause", "Professional's talk", "Professional’s talk", "User's talk", "User’s talk",
    "Sharing experience", "Group work", "Practical activity", "Break",
    # role names
    "kursleder", "fagperson", "brukerrepresentant", "erfaringskonsulent", "koordinator",
    "Course leader", "Professional", "User representative", "Experience consultant",
    "Coordinator",
    # labels
    "Avlyst", "Cancelled", "Planleggingsmøte", "Planning meeting", "Evalueringsmøte",
    "Evaluation meeting", "Til stede", "Attending", "planleggingsgruppe", "planning group",
]


def kursplan(db, *args, language="", status=0):
    env = dict(os.environ)
    env.pop("LC_ALL", None)
    env.pop("LC_MESSAGES", None)
    env["LANG"] = "C.UTF-8"
    env["LANGUAGE"] = language
    if BUILD is not None:
        env["KURSPLAN_LOCALEDIR"] = os.path.join(BUILD, "po")
    result = subprocess.run([KURSPLAN, "--db", db, *args], env=env, capture_output=True,
                            text=True, timeout=60)
    if result.returncode != status:
        raise AssertionError(f"kursplan {' '.join(args)}: exit {result.returncode}\n"
                             f"{result.stderr}")
    return result


def texts(ics):
    """The texts a reader shows: the calendar's name, and each event's summary and
    description, as python3-icalendar reads them."""
    calendar = icalendar.Calendar.from_ical(ics)
    found = [str(calendar.get(name)) for name in ("NAME", "X-WR-CALNAME") if name in calendar]
    for event in calendar.walk("VEVENT"):
        for name in ("SUMMARY", "DESCRIPTION"):
            if name in event:
                found.append(str(event.get(name)))
    return found


class IcsLanguage(unittest.TestCase):
    def setUp(self):
        self.tmp = tempfile.TemporaryDirectory()
        self.db = os.path.join(self.tmp.name, "kursplan.db")
        kursplan(self.db, "demo")
        # The Sami course with a cancelled session, a member shown by role (no title, not
        # public) and an evaluation meeting, so every word Kursplan writes is in the file.
        plan = json.loads(kursplan(self.db, "export-plan", SAMI_ID).stdout)
        course = plan["course"]
        course["sessions"][2]["status"] = "cancelled"
        hidden = next(m for m in course["members"]
                      if m["role"] == "user_representative" and not m["public"])
        hidden["title"] = None
        course["evaluations"].append({"kind": "meeting", "date": "2027-06-08",
                                      "attendees": [m["id"] for m in course["members"]],
                                      "notes": None, "actions": []})
        path = os.path.join(self.tmp.name, "sami.kursplan.json")
        with open(path, "w", encoding="utf-8") as f:
            json.dump(plan, f, ensure_ascii=False)
        kursplan(self.db, "import", path)

    def tearDown(self):
        self.tmp.cleanup()

    def export(self, *args, language=""):
        return kursplan(self.db, "ics", SAMI_ID, *args, language=language).stdout

    def assert_no_foreign_words(self, found):
        joined = "\n".join(found)
        for word in FOREIGN:
            self.assertNotIn(word, joined)

    def test_sami_course_under_bokmal_and_english(self):
        for language in ("nb", "en"):
            with self.subTest(language=language):
                sessions = texts(self.export(language=language))
                planning = texts(self.export("--planning", language=language))
                self.assert_no_foreign_words(sessions + planning)
                joined = "\n".join(sessions)
                self.assertIn("– Fágalaš sáhkavuorru: Váibmu", joined)
                self.assertIn("– Geavaheaddji sáhkavuorru:", joined)
                self.assertIn("– Boddu", joined)
                self.assertIn("(geavaheaddjiovddasteaddji)", joined)
                self.assertIn("Šluhttejuvvon\n\nVuoigatvuođat ja veahkki", joined)
                self.assertEqual(planning[0], "Eallit váibmodávddain – plánenjoavku")
                self.assertIn("Eallit váibmodávddain: Plánenčoahkkin", planning)
                self.assertIn("Eallit váibmodávddain: Árvvoštallančoahkkin", planning)
                self.assertIn("Leat mielde: ", "\n".join(planning))
                self.assertIn("; geavaheaddjiovddasteaddji;", "\n".join(planning))
        # The window's language really was Bokmål and English: their own messages say so.
        self.assertEqual(kursplan(self.db, "ics", "Finnes ikke", language="nb", status=1).stderr,
                         "kursplan: Ingen kurs heter «Finnes ikke»\n")
        self.assertEqual(kursplan(self.db, "ics", "Finnes ikke", language="en", status=1).stderr,
                         "kursplan: No course is called “Finnes ikke”\n")

    def test_the_same_bytes_whatever_the_window_speaks(self):
        env_epoch = os.environ.get("SOURCE_DATE_EPOCH")
        os.environ["SOURCE_DATE_EPOCH"] = "1800000000"
        try:
            self.assertEqual(self.export(language="nb"), self.export(language="en"))
            self.assertEqual(self.export("--planning", language="nb"),
                             self.export("--planning", language="se"))
        finally:
            if env_epoch is None:
                del os.environ["SOURCE_DATE_EPOCH"]
            else:
                os.environ["SOURCE_DATE_EPOCH"] = env_epoch

    def test_lang_nn_gives_nynorsk(self):
        sessions = "\n".join(texts(self.export("--lang", "nn", language="en")))
        planning = texts(self.export("--planning", "--lang", "nn", language="se"))
        self.assertIn("– Fagleg innlegg: Váibmu", sessions)
        self.assertIn("– Brukarinnlegg:", sessions)
        self.assertIn("(brukarrepresentant)", sessions)
        self.assertIn("Avlyst\n\nVuoigatvuođat ja veahkki", sessions)
        self.assertNotIn("Fágalaš sáhkavuorru", sessions)
        self.assertNotIn("Faginnlegg", sessions)
        self.assertEqual(planning[0], "Eallit váibmodávddain – planleggingsgruppe")
        self.assertIn("Eallit váibmodávddain: Evalueringsmøte", planning)
        self.assertIn("Til stades: ", "\n".join(planning))

    def test_all_courses_named_in_lang(self):
        calendar = icalendar.Calendar.from_ical(
            kursplan(self.db, "ics", "--all", "--lang", "se", language="nb").stdout)
        self.assertEqual(str(calendar.get("X-WR-CALNAME")), "Kurssat")
        descriptions = "\n".join(str(e.get("DESCRIPTION")) for e in calendar.walk("VEVENT"))
        self.assertNotIn("Faginnlegg", descriptions)
        self.assertNotIn("Fagleg innlegg", descriptions)

    def test_unknown_lang_is_a_usage_error(self):
        result = kursplan(self.db, "ics", SAMI_ID, "--lang", "de", status=2)
        self.assertIn("“de” is not a calendar language: use nb, nn, se, smj or sma",
                      result.stderr)
        self.assertEqual(result.stdout, "")


if __name__ == "__main__":
    unittest.main(verbosity=2)
