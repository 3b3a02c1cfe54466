#!/usr/bin/python3
# test-pdf-ua.py — every document Kursplan writes meets PDF/UA's catalogue (issue #18): the
# brochure, the plan, the forms, the report and the poster of each demo course (nb, nn, se, and
# smj, sma through --lang) carry /Lang, DisplayDocTitle, /MarkInfo and XMP metadata with dc:title,
# dc:language and pdfuaid:part 1; pass `qpdf --check`; embed every font; have every page in the
# structure tree; give every Figure alternative text. The poster's QR code, read back by zbarimg
# from a pdftoppm rendering, is the registration address exactly, on A4 and on A3.
#
# SPDX-License-Identifier: GPL-3.0-or-later

import base64
import json
import os
import re
import subprocess
import tempfile
import unittest

KURSPLAN = os.environ["KURSPLAN_BIN"]
COURSES = {
    "nb": ("d5e10000-0000-4000-8000-000000000001", "Pårørendeskole om demens",
           "https://fjellvang.example.no/lms/parorendeskole-demens"),
    "nn": ("d5e20000-0000-4000-8000-000000000001", None,
           "https://storevik.example.no/frisklivet/diabetes"),
    "se": ("d5e30000-0000-4000-8000-000000000001", None, "https://dearvvas.example.no/kursa/vaibmu"),
}


def run(*args, **kwargs):
    return subprocess.run(args, check=True, capture_output=True, text=True, **kwargs).stdout


def pdf_objects(path):
    """The PDF's objects as qpdf --json gives them, stream data inline (base64)."""
    data = json.loads(run("qpdf", "--json=2", "--json-key=qpdf", "--json-stream-data=inline",
                          "--decode-level=generalized", path))
    trailer = data["qpdf"][1]["trailer"]["value"]
    return data["qpdf"][1], trailer


TOKEN = re.compile(rb"%[^\r\n]*|\((?:\\.|[^\\)])*\)|<<|>>|<[0-9A-Fa-f\s]*>|[\[\]{}]|/[^\s()<>\[\]{}/%]*"
                   rb"|[^\s()<>\[\]{}/%]+")
# Operators that only set the graphics state, and may stand outside the structure.
STATE = {b"q", b"Q", b"cm", b"gs", b"w", b"J", b"j", b"M", b"d", b"ri", b"i", b"g", b"G", b"rg",
         b"RG", b"k", b"K", b"cs", b"CS", b"sc", b"SC", b"scn", b"SCN"}


def untagged_operators(content):
    """The operators that draw (paths, text, images) outside every marked-content sequence."""
    depth = 0
    found = []
    for token in TOKEN.findall(content):
        if token[:1] in b"%(<>[]{}/" or re.fullmatch(rb"[-+.\d]+|true|false|null", token):
            continue
        if token in (b"BDC", b"BMC"):
            depth += 1
        elif token == b"EMC":
            depth -= 1
        elif depth == 0 and token not in STATE:
            found.append(token.decode("latin-1"))
    return found


def deref(objects, value):
    if isinstance(value, str) and value.endswith(" R"):
        entry = objects["obj:" + value]
        return entry.get("value", entry.get("stream"))
    return value


def catalogue_and_pages(path):
    """The objects, the catalogue and the pages' (reference, dictionary) in order."""
    objects, trailer = pdf_objects(path)
    root = deref(objects, trailer["/Root"])
    kids = deref(objects, root["/Pages"])["/Kids"]
    return objects, root, [(kid, deref(objects, kid)) for kid in kids]


class PdfUa(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.dir = tempfile.TemporaryDirectory(prefix="kp-pdf-ua-")
        cls.db = os.path.join(cls.dir.name, "kursplan.db")
        cls.kursplan("demo")
        cls.pdfs = {}  # name → (path, language, title or None)
        for lang, (course, title, _url) in COURSES.items():
            for kind, args in [("brochure", ["brochure", "--lang", lang]),
                               ("plan", ["plan-pdf"]),
                               ("form", ["form", "--kind", "final", "--lang", lang]),
                               ("report", ["report"]),
                               ("poster-a4", ["poster", "--size", "a4"]),
                               ("poster-a3", ["poster", "--size", "a3"])]:
                path = os.path.join(cls.dir.name, f"{kind}-{lang}.pdf")
                cls.kursplan(args[0], course, *args[1:], "-o", path)
                cls.pdfs[f"{kind}-{lang}"] = (path, lang, title if kind == "brochure" else None)
        # Lule and South Sami: the Bokmål course's brochure and poster in their words.
        for lang in ["smj", "sma"]:
            for kind in ["brochure", "poster"]:
                path = os.path.join(cls.dir.name, f"{kind}-{lang}.pdf")
                cls.kursplan(kind, COURSES["nb"][0], "--lang", lang, "-o", path)
                cls.pdfs[f"{kind}-{lang}"] = (path, lang, COURSES["nb"][1])

    @classmethod
    def tearDownClass(cls):
        cls.dir.cleanup()

    @classmethod
    def kursplan(cls, *args):
        env = dict(os.environ, SOURCE_DATE_EPOCH="1800000000")
        return run(KURSPLAN, "--db", cls.db, *args, env=env, cwd=cls.dir.name)

    def test_catalogue_language_title_and_mark(self):
        for name, (path, lang, _title) in self.pdfs.items():
            with self.subTest(name=name):
                objects, trailer = pdf_objects(path)
                root = deref(objects, trailer["/Root"])
                self.assertEqual(root["/Lang"], "u:" + lang)
                self.assertIs(deref(objects, root["/ViewerPreferences"])["/DisplayDocTitle"], True)
                self.assertIs(deref(objects, root["/MarkInfo"])["/Marked"], True)
                self.assertIn("/StructTreeRoot", root)

    def test_xmp_names_title_language_and_pdf_ua(self):
        for name, (path, lang, title) in self.pdfs.items():
            with self.subTest(name=name):
                objects, trailer = pdf_objects(path)
                root = deref(objects, trailer["/Root"])
                stream = objects["obj:" + root["/Metadata"]]["stream"]
                self.assertEqual(stream["dict"]["/Type"], "/Metadata")
                self.assertEqual(stream["dict"]["/Subtype"], "/XML")
                xmp = base64.b64decode(stream["data"]).decode("utf-8")
                self.assertIn("<pdfuaid:part>1</pdfuaid:part>", xmp)
                self.assertIn(f"<dc:language><rdf:Bag><rdf:li>{lang}</rdf:li></rdf:Bag>", xmp)
                match = re.search(r'<dc:title><rdf:Alt><rdf:li xml:lang="x-default">(.*?)</rdf:li>',
                                  xmp)
                self.assertIsNotNone(match)
                self.assertTrue(match.group(1))
                if title is not None:
                    self.assertEqual(match.group(1), title)

    def test_qpdf_check_is_clean(self):
        for name, (path, _lang, _title) in self.pdfs.items():
            with self.subTest(name=name):
                result = subprocess.run(["qpdf", "--check", path], capture_output=True, text=True)
                self.assertEqual(result.returncode, 0, result.stdout + result.stderr)
                self.assertIn("No syntax or stream encoding errors", result.stdout)

    def test_fonts_all_embedded(self):
        for name, (path, _lang, _title) in self.pdfs.items():
            with self.subTest(name=name):
                lines = run("pdffonts", path).splitlines()[2:]
                self.assertTrue(lines)
                for line in lines:
                    self.assertEqual(line.split()[-5:-3], ["yes", "yes"], line)

    def test_pdfinfo_says_tagged(self):
        for name, (path, _lang, _title) in self.pdfs.items():
            with self.subTest(name=name):
                self.assertRegex(run("pdfinfo", path), r"Tagged:\s+yes")

    def test_every_page_in_the_structure_and_figures_have_alt(self):
        for name, (path, _lang, _title) in self.pdfs.items():
            with self.subTest(name=name):
                objects, root, pages = catalogue_and_pages(path)
                for kid, page in pages:
                    self.assertIn("/StructParents", page, f"{name}: page {kid}")
                    if "/Annots" in page:
                        self.assertEqual(page["/Tabs"], "/S")
                figures = []

                def walk(value):
                    value = deref(objects, value)
                    if isinstance(value, list):
                        for item in value:
                            walk(item)
                    elif isinstance(value, dict) and "/S" in value:
                        if value["/S"] == "/Figure":
                            figures.append(value)
                        if "/K" in value:
                            walk(value["/K"])

                walk(deref(objects, root["/StructTreeRoot"])["/K"])
                # The posters' QR code; the Nynorsk demo's report charts its forms' answers.
                if name.startswith("poster") or name == "report-nn":
                    self.assertTrue(figures, name)
                text = " ".join(run("pdftotext", "-enc", "UTF-8", path, "-").split())
                for figure in figures:
                    self.assertIn("/Alt", figure, name)
                    alt = figure["/Alt"][2:]  # "u:…"
                    if name.startswith("poster"):
                        url = COURSES.get(_lang, COURSES["nb"])[2]
                        self.assertTrue(alt.endswith(": " + url), alt)
                    else:
                        # A chart's question and its counts in words, as printed above it.
                        question, counts = alt.split(". ", 1)
                        self.assertIn(question, text)
                        self.assertIn(counts, text)

    def test_every_drawing_is_tagged_or_an_artifact(self):
        for name, (path, _lang, _title) in self.pdfs.items():
            with self.subTest(name=name):
                objects, _root, pages = catalogue_and_pages(path)
                for kid, page in pages:
                    contents = page["/Contents"]
                    refs = contents if isinstance(contents, list) else [contents]
                    data = b"".join(base64.b64decode(objects["obj:" + ref]["stream"]["data"])
                                    for ref in refs)
                    self.assertIn(b"/Artifact BMC", data, f"{name}: page {kid}")
                    self.assertEqual(untagged_operators(data), [], f"{name}: page {kid}")

    def test_poster_qr_code_reads_back_as_the_registration_address(self):
        for lang, (_course, _title, url) in COURSES.items():
            for size in ["a4", "a3"]:
                with self.subTest(lang=lang, size=size):
                    path, _lang, _title = self.pdfs[f"poster-{size}-{lang}"]
                    prefix = os.path.join(self.dir.name, f"poster-{size}-{lang}")
                    run("pdftoppm", "-r", "100", "-png", "-singlefile", path, prefix)
                    decoded = run("zbarimg", "--quiet", "--raw", prefix + ".png")
                    self.assertEqual(decoded.rstrip("\n"), url)

    def test_poster_text_in_the_course_language(self):
        path = self.pdfs["poster-a4-nb"][0]
        text = " ".join(run("pdftotext", "-enc", "UTF-8", path, "-").split())
        self.assertIn("Pårørendeskole om demens", text)
        self.assertIn("Påmelding", text)
        # The address may break over two lines at a slash.
        self.assertIn(COURSES["nb"][2], text.replace("/ ", "/"))
        text = " ".join(run("pdftotext", "-enc", "UTF-8", self.pdfs["poster-a4-nn"][0],
                            "-").split())
        self.assertIn("Stad", text)

    def test_poster_a3_is_a3(self):
        info = run("pdfinfo", self.pdfs["poster-a3-nb"][0])
        self.assertRegex(info, r"Page size:\s+841\.89 x 1190\.55 pts")
        info = run("pdfinfo", self.pdfs["poster-a4-nb"][0])
        self.assertRegex(info, r"Page size:\s+595\.276 x 841\.89 pts")

    def test_poster_without_registration_address_is_refused(self):
        plan = os.path.join(os.environ["KURSPLAN_SOURCE_ROOT"], "tests", "data", "plans",
                            "good-minimal.json")
        with open(plan, encoding="utf-8") as f:
            self.assertNotIn('"url"', f.read())
        self.kursplan("import", plan)
        out = os.path.join(self.dir.name, "refused.pdf")
        env = dict(os.environ, SOURCE_DATE_EPOCH="1800000000")
        result = subprocess.run([KURSPLAN, "--db", self.db, "poster",
                                 "5c3e1a2b-7d4f-4e6a-9b8c-1d2e3f4a5b6c", "-o", out],
                                capture_output=True, text=True, env=env)
        self.assertEqual(result.returncode, 1)
        self.assertIn("web address for registration", result.stderr)
        self.assertEqual(len(result.stderr.strip().splitlines()), 1)
        self.assertFalse(os.path.exists(out))

    def test_poster_usage_errors(self):
        result = subprocess.run([KURSPLAN, "--db", self.db, "poster", COURSES["nb"][0],
                                 "--size", "a5", "-o", "x.pdf"], capture_output=True, text=True)
        self.assertEqual(result.returncode, 2)
        self.assertIn("a4 or a3", result.stderr)


if __name__ == "__main__":
    unittest.main(verbosity=2)
