#!/usr/bin/python3
# test-year-figures.py — `kursplan stats` as the trust asks for it: the columns added to the
# right (sessions cancelled, partners) with their totals, and `--format ods`, an OpenDocument
# spreadsheet checked as a zip and, where LibreOffice is installed, opened by it and compared
# with `stats --csv` cell by cell.
#
# SPDX-License-Identifier: GPL-3.0-or-later

import csv
import io
import json
import os
import shutil
import subprocess
import tempfile
import unittest
import xml.etree.ElementTree as ET
import zipfile

KURSPLAN = os.environ["KURSPLAN_BIN"]
SOURCE = os.environ.get("KURSPLAN_SOURCE_ROOT",
                        os.path.join(os.path.dirname(__file__), "..", ".."))
EVALUATED = os.path.join(SOURCE, "tests", "data", "evaluation", "evaluated.json")
COURSE_ID = "7e2c9a10-4b3d-4f5e-8a61-2c3d4e5f6a70"
ODS_MIME = "application/vnd.oasis.opendocument.spreadsheet"
NS = {"table": "urn:oasis:names:tc:opendocument:xmlns:table:1.0",
      "office": "urn:oasis:names:tc:opendocument:xmlns:office:1.0",
      "text": "urn:oasis:names:tc:opendocument:xmlns:text:1.0"}


class YearFiguresTest(unittest.TestCase):
    def setUp(self):
        self.tmp = tempfile.TemporaryDirectory(prefix="kursplan-year-figures-")
        self.db = os.path.join(self.tmp.name, "kursplan.db")
        with open(EVALUATED, encoding="utf-8") as f:
            plan = json.load(f)
        # A comma, a quote and a line break in the cells the spreadsheet must keep whole.
        plan["course"]["partners"] = ["Kommunens frisklivssentral", "LHL lokallag, \"Nord\""]
        plan["course"]["title"] = "Å leve med kols <KOLS & astma>"
        path = os.path.join(self.tmp.name, "plan.json")
        with open(path, "w", encoding="utf-8") as f:
            json.dump(plan, f, ensure_ascii=False)
        self.kursplan("import", "--date", "2027-12-31", path)
        # The next run, in the autumn: no cancelled session, the same partners.
        self.kursplan("run-again", COURSE_ID, "--start", "2027-11-01", "--date", "2027-10-01")

    def tearDown(self):
        self.tmp.cleanup()

    def kursplan(self, *args, status=0):
        result = subprocess.run([KURSPLAN, "--db", self.db, *args], capture_output=True,
                                text=True, encoding="utf-8", timeout=60)
        self.assertEqual(result.returncode, status,
                         f"kursplan {' '.join(args)}: {result.stdout}{result.stderr}")
        return result

    def csv_rows(self):
        result = self.kursplan("stats", "--year", "2027", "--csv", "--date", "2027-12-31")
        return list(csv.reader(io.StringIO(result.stdout, newline="")))

    def write_ods(self):
        path = os.path.join(self.tmp.name, "figures.ods")
        self.kursplan("stats", "--year", "2027", "--format", "ods", "-o", path,
                      "--date", "2027-12-31")
        return path

    def test_csv_new_columns_and_totals(self):
        rows = self.csv_rows()
        self.assertEqual(rows[0][10:], ["Sessions planned", "Term", "Sessions cancelled",
                                        "Partners"])
        self.assertEqual(len(rows), 4)
        spring, autumn, total = rows[1], rows[2], rows[3]
        self.assertEqual(spring[:2], [COURSE_ID, "Å leve med kols <KOLS & astma>"])
        # 18 March was cancelled; the partners in the plan's order, "; " between.
        self.assertEqual(spring[11:], ["spring 2027", "1",
                                       "Kommunens frisklivssentral; LHL lokallag, \"Nord\""])
        self.assertEqual(autumn[11:], ["autumn 2027", "0",
                                       "Kommunens frisklivssentral; LHL lokallag, \"Nord\""])
        # Counts are summed, yes/no counted, text left empty in the totals.
        self.assertEqual(total[:3], ["", "Total", "7"])
        self.assertEqual(total[11:], ["", "1", ""])
        for i in (2, 3, 4, 5, 6, 10, 12):
            self.assertEqual(int(total[i]), int(spring[i]) + int(autumn[i]), rows[0][i])
        for i in (7, 8, 9):
            self.assertEqual(int(total[i]), [spring[i], autumn[i]].count("yes"), rows[0][i])

    def test_ods_is_a_well_made_zip(self):
        path = self.write_ods()
        with open(path, "rb") as f:
            head = f.read(38 + len(ODS_MIME))
        # Readers identify the file by its first bytes: "mimetype", stored, first.
        self.assertEqual(head[:4], b"PK\x03\x04")
        self.assertEqual(head[30:38], b"mimetype")
        self.assertEqual(head[38:], ODS_MIME.encode())
        with zipfile.ZipFile(path) as z:
            infos = z.infolist()
            self.assertEqual([i.filename for i in infos],
                             ["mimetype", "META-INF/manifest.xml", "content.xml"])
            self.assertTrue(all(i.compress_type == zipfile.ZIP_STORED for i in infos))
            self.assertIsNone(z.testzip())  # every CRC-32 right
            manifest = ET.fromstring(z.read("META-INF/manifest.xml"))
            content = ET.fromstring(z.read("content.xml"))
        self.assertIn(ODS_MIME, ET.tostring(manifest, encoding="unicode"))
        table = content.find(".//table:table", NS)
        self.assertEqual(table.get(f"{{{NS['table']}}}name"), "Courses 2027")
        rows = table.findall("table:table-row", NS)
        expected = self.csv_rows()
        self.assertEqual(len(rows), len(expected))
        for row, want in zip(rows, expected):
            cells = row.findall("table:table-cell", NS)
            self.assertEqual(len(cells), len(want))
            for cell, value in zip(cells, want):
                kind = cell.get(f"{{{NS['office']}}}value-type")
                text = "".join(cell.itertext())
                self.assertEqual(text, value)
                if value.isdigit():
                    # Counts are numbers the spreadsheet can sum.
                    self.assertEqual(kind, "float")
                    self.assertEqual(cell.get(f"{{{NS['office']}}}value"), value)
                elif value:
                    self.assertEqual(kind, "string")
                else:
                    self.assertIsNone(kind)

    @unittest.skipUnless(shutil.which("soffice"), "needs LibreOffice (libreoffice-calc-nogui)")
    def test_ods_opened_by_libreoffice(self):
        path = self.write_ods()
        out = os.path.join(self.tmp.name, "converted")
        home = os.path.join(self.tmp.name, "home")
        os.makedirs(home)
        env = dict(os.environ, HOME=home)
        # CSV in UTF-8 (76), comma-separated (44), text quoted with " (34).
        result = subprocess.run(["soffice", "--headless", "--norestore",
                                 f"-env:UserInstallation=file://{home}/lo",
                                 "--convert-to", "csv:Text - txt - csv (StarCalc):44,34,76,1",
                                 "--outdir", out, path],
                                capture_output=True, text=True, env=env, timeout=120)
        converted = os.path.join(out, "figures.csv")
        self.assertTrue(os.path.exists(converted), result.stdout + result.stderr)
        with open(converted, encoding="utf-8", newline="") as f:
            cells = list(csv.reader(f))
        self.assertEqual(cells, self.csv_rows())

    def test_mistakes(self):
        ods = os.path.join(self.tmp.name, "never.ods")
        for args, message in [(("--format", "xls"), "“xls” is not a format"),
                              (("--format", "ods"), "--output FILE"),
                              (("--csv", "--format", "table"), "say different things")]:
            with self.subTest(args=args):
                result = self.kursplan("stats", "--year", "2027", *args, status=2)
                self.assertIn(message, result.stderr)
        self.assertFalse(os.path.exists(ods))
        # --format csv says what --csv says.
        result = self.kursplan("stats", "--year", "2027", "--format", "csv", "--date",
                               "2027-12-31")
        self.assertEqual(list(csv.reader(io.StringIO(result.stdout, newline=""))),
                         self.csv_rows())


if __name__ == "__main__":
    unittest.main()
