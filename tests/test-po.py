#!/usr/bin/python3
# test-po.py — the translations keep up with the sources: nb, nn and se are complete (no
# untranslated, no fuzzy message), smj and sma hold at least the brochure's words, po/POTFILES.in
# lists exactly the files with translatable strings, and a pot made afresh from the sources has
# no message the complete catalogues lack.
#
# `python3 tests/test-po.py --pot OUT` writes that fresh pot (the translator's working copy).
#
# SPDX-License-Identifier: GPL-3.0-or-later

import os
import re
import subprocess
import sys
import tempfile
import unittest

ROOT = os.environ.get("KURSPLAN_SOURCE_ROOT",
                      os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
PO = os.path.join(ROOT, "po")
COMPLETE = ["nb", "nn", "se"]
PARTIAL = ["smj", "sma"]

# The keywords and flags of meson's i18n.gettext(preset: 'glib').
XGETTEXT_ARGS = [
    "--from-code=UTF-8", "--add-comments", "--package-name=kursplan",
    "--keyword=_", "--keyword=N_", "--keyword=C_:1c,2", "--keyword=NC_:1c,2",
    "--keyword=g_dcgettext:2", "--keyword=g_dngettext:2,3", "--keyword=g_dpgettext2:2c,3",
    "--flag=N_:1:pass-c-format", "--flag=C_:2:pass-c-format", "--flag=NC_:2:pass-c-format",
    "--flag=g_dngettext:2:pass-c-format", "--flag=g_strdup_printf:1:c-format",
    "--flag=g_string_printf:2:c-format", "--flag=g_string_append_printf:2:c-format",
    "--flag=g_error_new:3:c-format", "--flag=g_set_error:4:c-format",
    "--flag=g_markup_printf_escaped:1:c-format", "--flag=g_log:3:c-format",
    "--flag=g_print:1:c-format", "--flag=g_printerr:1:c-format",
    "--flag=g_printf:1:c-format", "--flag=g_fprintf:2:c-format",
    "--flag=g_sprintf:2:c-format", "--flag=g_snprintf:3:c-format",
]

# A source file holds translatable strings when it calls a gettext keyword or marks a property.
C_MARK = re.compile(r'(?<![A-Za-z0-9_])(_|N_|C_|NC_|g_dngettext|g_dpgettext2|g_dcgettext)\s*\(')
UI_MARK = re.compile(r'translatable="yes"')

# Brochure words the Lule and South Sami UI catalogues must hold: what a brochure prints
# besides the course's own text comes from kp-doc-language's tables (one source of truth for
# documents); these are the same words where the window shows them.
BROCHURE_MSGIDS = [
    "Course leader", "Professional", "User representative", "Experience consultant",
    "Peer volunteer", "Coordinator",
    "Professional's talk", "User's talk", "Sharing experience", "Group work",
    "Practical activity", "Break", "Cancelled", "Page", "Target group",
]


def potfiles():
    with open(os.path.join(PO, "POTFILES.in"), encoding="utf-8") as f:
        return [line.strip() for line in f
                if line.strip() and not line.startswith("#")]


def make_pot(out):
    subprocess.run(["xgettext", "--output=" + out, "--directory=" + ROOT,
                    "--files-from=" + os.path.join(PO, "POTFILES.in")] + XGETTEXT_ARGS,
                   check=True, capture_output=True)


def files_with_strings():
    found = set()
    for folder in ("src", "ui"):
        for dirpath, _dirs, names in os.walk(os.path.join(ROOT, folder)):
            for name in names:
                path = os.path.join(dirpath, name)
                rel = os.path.relpath(path, ROOT)
                if name.endswith(".c"):
                    with open(path, encoding="utf-8") as f:
                        text = f.read()
                    # Strip comments and strings' contents would be exact; comments suffice here.
                    text = re.sub(r"/\*.*?\*/", "", text, flags=re.S)
                    if C_MARK.search(text):
                        found.add(rel)
                elif name.endswith(".ui"):
                    with open(path, encoding="utf-8") as f:
                        if UI_MARK.search(f.read()):
                            found.add(rel)
    for name in os.listdir(os.path.join(ROOT, "data")):
        # The desktop entry, the metainfo and the schema are always translated.
        if name.endswith((".desktop.in", ".metainfo.xml.in", ".gschema.xml")):
            found.add(os.path.join("data", name))
    return found


def messages(po_path):
    """(msgctxt, msgid) of every message with a translation, read through msgcat."""
    text = subprocess.run(["msgcat", "--no-wrap", "--no-location", po_path],
                          check=True, capture_output=True, text=True).stdout
    out = set()
    fuzzy_or_empty = set()
    for block in text.split("\n\n"):
        ctxt = re.search(r'^msgctxt "(.*)"$', block, re.M)
        mid = re.search(r'^msgid "(.*)"$', block, re.M)
        if mid is None or mid.group(1) == "":
            continue
        key = (ctxt.group(1) if ctxt else None, mid.group(1))
        strs = re.findall(r'^msgstr(?:\[\d\])? "(.*)"$', block, re.M)
        if "#, fuzzy" in block or block.lstrip().startswith("#~") or any(s == "" for s in strs):
            fuzzy_or_empty.add(key)
        else:
            out.add(key)
    return out, fuzzy_or_empty


def statistics(po_path):
    result = subprocess.run(["msgfmt", "--check", "--statistics", "-o", os.devnull, po_path],
                            capture_output=True, text=True)
    return result.returncode, result.stderr


class TestPo(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.TemporaryDirectory()
        cls.pot = os.path.join(cls.tmp.name, "kursplan.pot")
        make_pot(cls.pot)
        cls.pot_messages, _ = messages_in_pot(cls.pot)

    @classmethod
    def tearDownClass(cls):
        cls.tmp.cleanup()

    def test_linguas(self):
        with open(os.path.join(PO, "LINGUAS"), encoding="utf-8") as f:
            self.assertEqual(f.read().split(), COMPLETE + PARTIAL)

    def test_potfiles_lists_exactly_the_files_with_strings(self):
        listed = set(potfiles())
        self.assertEqual(len(listed), len(potfiles()), "POTFILES.in names a file twice")
        for path in listed:
            self.assertTrue(os.path.exists(os.path.join(ROOT, path)),
                            f"POTFILES.in names {path}, which does not exist")
        found = files_with_strings()
        self.assertEqual(sorted(found - listed), [],
                         "files with translatable strings missing from po/POTFILES.in")
        self.assertEqual(sorted(listed - found), [],
                         "po/POTFILES.in lists files without translatable strings")

    def test_complete_catalogues_pass_msgfmt_check(self):
        for lang in COMPLETE:
            with self.subTest(lang=lang):
                code, stats = statistics(os.path.join(PO, lang + ".po"))
                self.assertEqual(code, 0, stats)
                self.assertRegex(stats, r"^\d+ translated messages?\.\n$",
                                 f"{lang}.po is not complete: {stats.strip()}")

    def test_complete_catalogues_hold_every_message_of_the_sources(self):
        for lang in COMPLETE:
            with self.subTest(lang=lang):
                translated, _ = messages(os.path.join(PO, lang + ".po"))
                missing = sorted(self.pot_messages - translated, key=str)
                self.assertEqual(missing, [],
                                 f"{lang}.po lacks {len(missing)} message(s) of the sources; run "
                                 f"meson compile -C BUILD kursplan-update-po and translate them")

    def test_partial_catalogues_hold_the_brochure_words(self):
        for lang in PARTIAL:
            with self.subTest(lang=lang):
                code, stats = statistics(os.path.join(PO, lang + ".po"))
                self.assertEqual(code, 0, stats)
                translated, _ = messages(os.path.join(PO, lang + ".po"))
                ids = {mid for _ctxt, mid in translated}
                self.assertEqual([m for m in BROCHURE_MSGIDS if m not in ids], [])

    def test_sami_catalogues_mark_terms_for_review(self):
        for lang in ["se"] + PARTIAL:
            with self.subTest(lang=lang):
                with open(os.path.join(PO, lang + ".po"), encoding="utf-8") as f:
                    text = f.read()
                self.assertIn("# Glossary", text)
                self.assertIn("†", text)


def messages_in_pot(pot):
    text = subprocess.run(["msgcat", "--no-wrap", "--no-location", pot],
                          check=True, capture_output=True, text=True).stdout
    out = set()
    for block in text.split("\n\n"):
        ctxt = re.search(r'^msgctxt "(.*)"$', block, re.M)
        mid = re.search(r'^msgid "(.*)"$', block, re.M)
        if mid is None or mid.group(1) == "":
            continue
        out.add((ctxt.group(1) if ctxt else None, mid.group(1)))
    return out, None


if __name__ == "__main__":
    if len(sys.argv) == 3 and sys.argv[1] == "--pot":
        make_pot(sys.argv[2])
        sys.exit(0)
    unittest.main(verbosity=2)
