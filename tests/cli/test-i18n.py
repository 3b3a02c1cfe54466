#!/usr/bin/python3
# test-i18n.py — the command line speaks the user's language: `LANGUAGE=nn kursplan --help`
# answers in Nynorsk, se in North Sami, and Lule or South Sami fall back to Bokmål for what
# their catalogues lack; even with no LANG set at all. Brochures keep their own language.
#
# SPDX-License-Identifier: GPL-3.0-or-later

import os
import shutil
import subprocess
import tempfile
import unittest

KURSPLAN = os.environ["KURSPLAN_BIN"]
ROOT = os.environ.get("KURSPLAN_SOURCE_ROOT",
                      os.path.join(os.path.dirname(__file__), "..", ".."))
BUILD = os.environ.get("KURSPLAN_BUILD_ROOT")
FULL = os.path.join(ROOT, "tests", "data", "plans", "good-full.json")
FULL_ID = "3f0b6a8e-2d7c-4c1e-9a51-0d6c1f3b2a10"


def run(language, *args, lang="C.UTF-8", db=None):
    env = dict(os.environ)
    env.pop("LC_ALL", None)
    env.pop("LC_MESSAGES", None)
    if lang is None:
        env.pop("LANG", None)
    else:
        env["LANG"] = lang
    env["LANGUAGE"] = language
    if BUILD is not None:
        env["KURSPLAN_LOCALEDIR"] = os.path.join(BUILD, "po")
    argv = [KURSPLAN]
    if db is not None:
        argv += ["--db", db]
    return subprocess.run(argv + list(args), env=env, capture_output=True, text=True,
                          timeout=60)


class TestI18n(unittest.TestCase):
    def test_help_in_each_language(self):
        expected = {
            "en": ("Commands:", "List the courses"),
            "nb": ("Kommandoer:", "List opp kursene"),
            "nn": ("Kommandoar:", "List opp kursa"),
            "se": ("Gohččumat:", "Čájet kurssaid"),
        }
        for language, (heading, line) in expected.items():
            with self.subTest(language=language):
                result = run(language, "--help")
                self.assertEqual(result.returncode, 0, result.stderr)
                self.assertIn(heading, result.stdout)
                self.assertIn(line, result.stdout)

    def test_nynorsk_is_not_bokmal(self):
        nn = run("nn", "--help").stdout
        nb = run("nb", "--help").stdout
        self.assertNotEqual(nn, nb)
        self.assertNotIn("Kommandoer:", nn)

    def test_without_lang_the_language_variable_still_counts(self):
        result = run("nn", "--help", lang=None)
        self.assertIn("Kommandoar:", result.stdout)
        result = run("nn", "--help", lang="C")
        self.assertIn("Kommandoar:", result.stdout)

    def test_lule_and_south_sami_fall_back_to_bokmal(self):
        for language in ("smj", "sma"):
            with self.subTest(language=language):
                result = run(language, "--help")
                self.assertEqual(result.returncode, 0, result.stderr)
                self.assertIn("Kommandoer:", result.stdout)

    def test_subcommand_help_and_errors_are_translated(self):
        result = run("nn", "brochure", "--help")
        self.assertIn("Brosjyren sitt språk", result.stdout)
        with tempfile.TemporaryDirectory() as tmp:
            db = os.path.join(tmp, "k.db")
            result = run("nn", "brochure", "--lang", "de", FULL_ID, db=db)
            self.assertEqual(result.returncode, 2)
            self.assertIn("«de» er ikkje eit brosjyrespråk", result.stderr)
            self.assertIn("Prøv «kursplan brochure --help».", result.stderr)
            result = run("se", "brochure", "--lang", "de", FULL_ID, db=db)
            self.assertEqual(result.returncode, 2)
            self.assertIn("”de” ii leat brošyragiella", result.stderr)

    @unittest.skipUnless(shutil.which("pdftotext"), "pdftotext (poppler-utils) is not installed")
    def test_brochure_language_is_the_course_s_not_the_ui_s(self):
        with tempfile.TemporaryDirectory() as tmp:
            db = os.path.join(tmp, "k.db")
            result = run("", "import", "--date", "2027-12-31", FULL, db=db)
            self.assertEqual(result.returncode, 0, result.stderr)
            # The first session, 4 March 2027, in each language's own date form, and the brochure's
            # first heading in that language (Lule and South Sami: drafts, kp-doc-language.c),
            # never the window's Nynorsk unless the course is in Nynorsk.
            expected = {
                "nb": ("torsdag 4. mars 2027", "Hvem er kurset for?"),
                "nn": ("torsdag 4. mars 2027", "Kven er kurset for?"),
                "se": ("duorastat njukčamánu 4. b. 2027", "Geasa kursa lea?"),
                "smj": ("duorastahka sjnjuktjamáno 4. biejve 2027", "Gesi kurssa la?"),
                "sma": ("duarstan njoktjen 4. b. 2027", "Gïese kuvsje?"),
            }
            for code, (date, heading) in expected.items():
                with self.subTest(brochure=code):
                    pdf = os.path.join(tmp, code + ".pdf")
                    # The window speaks Nynorsk; the brochure its own language.
                    result = run("nn", "brochure", "--lang", code, "-o", pdf, FULL_ID, db=db)
                    self.assertEqual(result.returncode, 0, result.stderr)
                    text = subprocess.run(["pdftotext", pdf, "-"], capture_output=True,
                                          text=True, check=True).stdout
                    self.assertIn(date, text)
                    self.assertIn(heading, text)
                    if code not in ("nb", "nn"):
                        self.assertNotIn("Hvem er kurset for?", text)
                        self.assertNotIn("Påmeldingsfrist", text)


if __name__ == "__main__":
    unittest.main(verbosity=2)
