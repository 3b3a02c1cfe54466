#!/usr/bin/python3
# test-brochure-pdfs.py — the brochures as real PDF readers see them: qpdf, pdffonts, pdfinfo,
# pdftotext (poppler). Writes the fixture brochures with brochure-samples, then reads them.
#
#   test-brochure-pdfs.py BROCHURE-SAMPLES
#
# SPDX-License-Identifier: GPL-3.0-or-later

import json
import os
import re
import subprocess
import sys
import tempfile
import unittest

SAMPLES = None
OUT = None

SECRET = ["Sigrun Hemmelig-Bakke", "Torstein Ukjentsen", "sigrun@example.no"]
THEMES = ["Hva er kols?", "Pust og fysisk aktivitet", "Ernæring og matglede",
          "Birgen árgabeaivvis – å leve godt med kols"]
SAMI_TEXT = ["Áile Ánde Čorgaš", "Møterom Áhkká", "Birgen árgabeaivvis"]


def run(*args):
    # pdfinfo prints dates in the local zone; read them in UTC.
    env = dict(os.environ, TZ="UTC")
    return subprocess.run(args, check=True, capture_output=True, text=True, env=env).stdout


def text_of(name, raw=False):
    # -raw keeps the order of the content stream: the reading order the tags give.
    args = ["pdftotext", "-enc", "UTF-8"] + (["-raw"] if raw else [])
    return run(*args, os.path.join(OUT, name), "-")


def flat(text):
    return " ".join(text.split())


def pdf_names():
    return sorted(n for n in os.listdir(OUT) if n.endswith(".pdf"))


class Readers(unittest.TestCase):
    def test_qpdf_finds_no_errors(self):
        for name in pdf_names():
            with self.subTest(name=name):
                result = subprocess.run(["qpdf", "--check", os.path.join(OUT, name)],
                                        capture_output=True, text=True)
                self.assertEqual(result.returncode, 0, result.stdout + result.stderr)
                self.assertIn("No syntax or stream encoding errors", result.stdout)

    def test_fonts_are_noto_sans_embedded_and_subset(self):
        for name in pdf_names():
            with self.subTest(name=name):
                lines = run("pdffonts", os.path.join(OUT, name)).splitlines()[2:]
                self.assertTrue(lines)
                for line in lines:
                    fields = line.split()
                    self.assertRegex(fields[0], r"^[A-Z]{6}\+NotoSans", line)
                    # name type encoding emb sub uni object ID
                    self.assertEqual(fields[-5:-2], ["yes", "yes", "yes"], line)

    def test_info_says_tagged_with_title_author_creator(self):
        for name in pdf_names():
            with self.subTest(name=name):
                info = run("pdfinfo", os.path.join(OUT, name))
                self.assertRegex(info, r"Tagged:\s+yes")
                self.assertRegex(info, r"Title:\s+Å leve med kols")
                self.assertRegex(info, r"Author:\s+Lærings- og mestringssenteret i Fjordby")
                self.assertRegex(info, r"Subject:\s+Kurs for deg som har kols")
                self.assertRegex(info, r"Creator:\s+Kursplan ")
                self.assertRegex(info, r"CreationDate:\s+Wed Jan 20 12:00:00 2027 UTC")

    def test_one_a4_page_under_150_kb(self):
        for lang in ["nb", "nn", "se", "smj", "sma"]:
            name = f"brochure-{lang}-a4.pdf"
            with self.subTest(name=name):
                self.assertRegex(run("pdfinfo", os.path.join(OUT, name)), r"Pages:\s+1\n")
                self.assertLess(os.path.getsize(os.path.join(OUT, name)), 150 * 1024)


class Content(unittest.TestCase):
    def test_every_theme_and_sami_letters_survive(self):
        for name in pdf_names():
            if name.startswith("long-"):
                continue
            text = flat(text_of(name))
            with self.subTest(name=name):
                for theme in THEMES:
                    if "omit" in name and theme == "Ernæring og matglede":
                        self.assertNotIn(theme, text)
                    else:
                        self.assertIn(theme, text)
                for word in SAMI_TEXT:
                    self.assertIn(word, text)

    def test_no_name_of_a_member_who_is_not_public(self):
        for name in pdf_names():
            text = flat(text_of(name))
            with self.subTest(name=name):
                for secret in SECRET:
                    self.assertNotIn(secret, text)
                self.assertIn("Kari Nordlys, sykepleier", text)
                self.assertIn("Áile Ánde Čorgaš", text)

    def test_dates_in_each_language(self):
        expected = {
            "nb": ["torsdag 4. mars 2027, kl. 18.00–20.30", "lørdag 13. mars 2027, kl. 10.00–14.00",
                   "tirsdag 16. mars 2027", "mandag 15. februar 2027", "Avlyst"],
            "nn": ["torsdag 4. mars 2027, kl. 18.00–20.30", "laurdag 13. mars 2027, kl. 10.00–14.00",
                   "tysdag 16. mars 2027", "måndag 15. februar 2027", "Kven er kurset for?"],
            "se": ["duorastat njukčamánu 4. b. 2027, dii. 18.00–20.30",
                   "lávvardat njukčamánu 13. b. 2027, dii. 10.00–14.00",
                   "maŋŋebárga njukčamánu 16. b. 2027", "vuossárga guovvamánu 15. b. 2027",
                   "Šluhttejuvvon", "fágaolmmoš"],
            # Lule and South Sami: their own headings, role names and "cancelled" (drafts, †).
            "smj": ["duorastahka sjnjuktjamáno 4. biejve 2027", "lávvodahka sjnjuktjamáno 13. biejve 2027",
                    "Gesi kurssa la?", "Majt dån oattjo?", "Prográmma", "Praktihkalasj diedo",
                    "Diededimájggemierre", "Aktisasjbarggoguojme", "Hilggodum",
                    "fáhkaulmusj", "adnijåvdåstiddje"],
            "sma": ["duarstan njoktjen 4. b. 2027", "laavvardahken njoktjen 13. b. 2027",
                    "Gïese kuvsje?", "Maam datne åadtjoeh?", "Programme", "Praktihkeles bïevnesh",
                    "Mïnngemes biejjie registreradidh", "Ektiebarkoeguejmieh", "Orrijamme",
                    "faagealmetje", "nuhtjijetjirkije"],
        }
        for lang, phrases in expected.items():
            for layout in ["a4", "a5"]:
                text = flat(text_of(f"brochure-{lang}-{layout}.pdf"))
                for phrase in phrases:
                    with self.subTest(lang=lang, layout=layout, phrase=phrase):
                        self.assertIn(phrase, text)

    def test_lule_and_south_sami_print_no_bokmal_heading(self):
        for lang in ["smj", "sma"]:
            for layout in ["a4", "a5"]:
                text = flat(text_of(f"brochure-{lang}-{layout}.pdf"))
                for bokmal in ["Hvem er kurset for?", "Hva får du?", "Påmeldingsfrist",
                               "Praktisk informasjon", "I samarbeid med", "Avlyst", "kursleder",
                               "brukerrepresentant", "Side 1"]:
                    with self.subTest(lang=lang, layout=layout, bokmal=bokmal):
                        self.assertNotIn(bokmal, text)
        # The A5 brochure runs over two pages: the footer counts them in the brochure's language.
        self.assertIn("Å leve med kols · Sijddo 1 / 2", flat(text_of("brochure-smj-a5.pdf")))
        self.assertIn("Å leve med kols · Sæjroe 2 / 2", flat(text_of("brochure-sma-a5.pdf")))

    def test_cancelled_session_marked_or_left_out(self):
        marked = flat(text_of("brochure-nb-a4.pdf"))
        omitted = flat(text_of("brochure-nb-a4-omit.pdf"))
        self.assertIn("tirsdag 16. mars 2027, kl. 18.00–20.30 · Avlyst Ernæring og matglede", marked)
        self.assertNotIn("16. mars", omitted)
        self.assertNotIn("Avlyst", omitted)

    def test_thirty_sessions_all_there_over_several_pages(self):
        for name in ["long-nb-a4.pdf", "long-nb-a5.pdf", "long-se-a4.pdf"]:
            with self.subTest(name=name):
                pages = int(re.search(r"Pages:\s+(\d+)", run("pdfinfo", os.path.join(OUT, name))).group(1))
                self.assertGreater(pages, 1)
                lines = [line.strip() for line in text_of(name).splitlines()]
                for n in range(1, 31):
                    self.assertEqual(lines.count(f"Tema {n}"), 1, f"Tema {n}")
                self.assertIn("Kurset er planlagt i fellesskap" if "-se-" not in name
                              else "Geavaheaddjiovddasteaddjit ja fágaolbmot", flat(text_of(name)))

    def test_a_paragraph_longer_than_a_page_loses_no_line(self):
        name = "long-paragraph-nb-a5.pdf"
        pages = int(re.search(r"Pages:\s+(\d+)", run("pdfinfo", os.path.join(OUT, name))).group(1))
        self.assertGreaterEqual(pages, 5)
        # The page footers stand between the lines before and after each page break.
        text = re.sub(r"Å leve med kols · Side \d+ / \d+ ", "", flat(text_of(name, raw=True)))
        for n in range(1, 401):
            self.assertEqual(text.count(f"Setning nummer {n} om hvem kurset er for."), 1, n)

    def test_headings_are_bookmarks(self):
        data = json.loads(run("qpdf", "--json", "--json-key=outlines",
                              os.path.join(OUT, "brochure-se-a4.pdf")))
        titles = [o["title"] for o in data["outlines"]]
        self.assertEqual(titles, ["Geasa kursa lea?", "Maid don oaččut?", "Prográmma",
                                  "Praktihkalaš dieđut"])

    def test_links_are_clickable(self):
        # Annotations with /URI actions: qpdf shows them in its JSON.
        data = json.loads(run("qpdf", "--json", os.path.join(OUT, "brochure-nb-a4.pdf")))
        uris = set(re.findall(r'"/URI": "([^"]+)"', json.dumps(data, ensure_ascii=False)))
        self.assertLessEqual({"mailto:lms@example.no", "tel:+4700000000",
                              "https://example.no/kurs/kols", "mailto:kari.nordlys@example.no"},
                             {u.removeprefix("u:") for u in uris})

    def test_languages_differ_exactly_where_the_languages_differ(self):
        with open(os.path.join(OUT, "catalogue.json"), encoding="utf-8") as f:
            catalogue = json.load(f)

        def neutral(lang, layout):
            # Bullets are drawn apart from their text: a wrapped line moves them in reading order.
            text = flat(text_of(f"brochure-{lang}-{layout}.pdf", raw=True).replace("•", " "))
            entries = catalogue[lang]
            # Whole dates first, then the longest words, each to a placeholder by its index.
            pairs = [(s, f"<date{i}>") for i, s in enumerate(entries["dates"])]
            words = sorted(enumerate(entries["words"]), key=lambda e: -len(e[1]))
            pairs += [(s, f"<word{i}>") for i, s in words]
            for phrase, mark in pairs:
                text = text.replace(phrase, mark)
            return text

        for layout in ["a4", "a5"]:
            nb = neutral("nb", layout)
            self.assertIn("<date0>", nb)
            for lang in ["nn", "se"]:
                with self.subTest(lang=lang, layout=layout):
                    self.assertEqual(neutral(lang, layout), nb)
                    self.assertNotEqual(flat(text_of(f"brochure-{lang}-{layout}.pdf")),
                                        flat(text_of(f"brochure-nb-{layout}.pdf")))


if __name__ == "__main__":
    SAMPLES = sys.argv.pop(1)
    with tempfile.TemporaryDirectory(prefix="kp-brochure-") as OUT:
        subprocess.run([SAMPLES, OUT], check=True)
        unittest.main(verbosity=2)
