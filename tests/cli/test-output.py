#!/usr/bin/python3
# test-output.py — every command that writes a file (ics, brochure, plan-pdf, form, report,
# export-plan) replaces a regular file whole, but writes into a character device, a FIFO or
# standard output and leaves it what it was (issue #12: `-o /dev/null` run as root left a
# regular file where the device was).
#
# SPDX-License-Identifier: GPL-3.0-or-later

import os
import stat
import subprocess
import tempfile
import threading
import unittest

KURSPLAN = os.environ["KURSPLAN_BIN"]
COURSE = "d5e10000-0000-4000-8000-000000000001"  # the demo's "Pårørendeskole om demens"
ENV = dict(os.environ, SOURCE_DATE_EPOCH="1800000000")

# Each command with -o, and how its output begins.
COMMANDS = {
    "ics": (["ics", COURSE], b"BEGIN:VCALENDAR"),
    "brochure": (["brochure", COURSE], b"%PDF-"),
    "plan-pdf": (["plan-pdf", COURSE], b"%PDF-"),
    "form": (["form", COURSE, "--kind", "final"], b"%PDF-"),
    "report": (["report", COURSE], b"%PDF-"),
    "export-plan": (["export-plan", COURSE], b"{"),
}


class OutputTest(unittest.TestCase):
    def setUp(self):
        self.tmp = tempfile.TemporaryDirectory(prefix="kursplan-output-")
        self.db = os.path.join(self.tmp.name, "kursplan.db")
        self.kursplan("demo")

    def tearDown(self):
        self.tmp.cleanup()

    def kursplan(self, *args, status=0):
        result = subprocess.run([KURSPLAN, "--db", self.db, *args], capture_output=True,
                                env=ENV, timeout=120)
        self.assertEqual(result.returncode, status,
                         f"kursplan {' '.join(args)}: {result.stdout[:200]}{result.stderr}")
        return result

    def files(self):
        """What is in the folder besides the database: no temporary file left behind."""
        return sorted(n for n in os.listdir(self.tmp.name) if not n.startswith("kursplan.db"))

    def test_device_stays_a_device(self):
        null = os.path.join(self.tmp.name, "null")
        try:
            os.mknod(null, 0o666 | stat.S_IFCHR, os.makedev(1, 3))
        except PermissionError:
            self.skipTest("making a device node needs root")
        for name, (args, _) in COMMANDS.items():
            with self.subTest(command=name):
                self.kursplan(*args, "-o", null)
                st = os.lstat(null)
                self.assertTrue(stat.S_ISCHR(st.st_mode), f"{name} replaced the device")
                self.assertEqual(st.st_rdev, os.makedev(1, 3))
        self.assertEqual(self.files(), ["null"])

    def test_fifo_gets_the_bytes(self):
        fifo = os.path.join(self.tmp.name, "fifo")
        os.mkfifo(fifo)
        for name, (args, start) in COMMANDS.items():
            with self.subTest(command=name):
                received = []
                # A daemon: were the FIFO replaced, its open would wait for ever.
                reader = threading.Thread(
                    target=lambda: received.append(open(fifo, "rb").read()), daemon=True)
                reader.start()
                self.kursplan(*args, "-o", fifo)
                reader.join(timeout=30)
                self.assertFalse(reader.is_alive(), f"{name}: nothing came through the FIFO")
                self.assertTrue(stat.S_ISFIFO(os.lstat(fifo).st_mode), f"{name} replaced it")
                self.assertTrue(received[0].startswith(start), received[0][:40])
                if name in ("ics", "export-plan"):
                    # The same bytes as on standard output.
                    self.assertEqual(received[0], self.kursplan(*args).stdout)

    def test_standard_output_by_name(self):
        expected = self.kursplan("ics", COURSE).stdout
        for path in ("-", "/dev/stdout", "/dev/fd/1"):
            with self.subTest(path=path):
                self.assertEqual(self.kursplan("ics", COURSE, "-o", path).stdout, expected)

    def test_files_are_replaced_and_links_kept(self):
        target = os.path.join(self.tmp.name, "plan.ics")
        link = os.path.join(self.tmp.name, "link.ics")
        with open(target, "w") as f:
            f.write("old\n" * 5000)
        os.symlink("plan.ics", link)
        self.kursplan("ics", COURSE, "-o", link)
        self.assertTrue(os.path.islink(link), "the link was replaced by a file")
        with open(target, "rb") as f:
            self.assertEqual(f.read(), self.kursplan("ics", COURSE).stdout)
        self.assertEqual(self.files(), ["link.ics", "plan.ics"])

    def test_folder_is_refused(self):
        folder = os.path.join(self.tmp.name, "folder")
        os.mkdir(folder)
        result = self.kursplan("ics", COURSE, "-o", folder, status=1)
        self.assertEqual(result.stderr.decode(),
                         f"kursplan: could not write {folder}: it is not a file, a pipe or a "
                         "device Kursplan can write into\n")
        self.assertEqual(os.listdir(folder), [])


if __name__ == "__main__":
    unittest.main(verbosity=2)
