#!/usr/bin/python3
# bench-brochure.py — whole-process time, peak memory and file size for writing one one-page
# brochure, beside LibreOffice turning an equivalent one-page document into PDF, in one run.
#
#   bench-brochure.py BENCH-BROCHURE [KURSPLAN]
#
# BENCH-BROCHURE writes the test fixture's brochure (the core alone); KURSPLAN, when given and
# runnable, is timed as `kursplan brochure` on a course imported into a temporary database.
# LibreOffice (Debian: libreoffice-writer-nogui) is only for this comparison: without soffice the
# comparison is skipped, not faked. Prints figures; it is not a pass/fail test.
#
# SPDX-License-Identifier: GPL-3.0-or-later

import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

RUNS = 31
OFFICE_RUNS = 5

# The same content as brochure-fixtures.h, as a one-page flat ODF text document in Noto Sans.
SESSIONS = [
    ("torsdag 4. mars 2027, kl. 18.00–20.30", "Hva er kols?",
     ["Faginnlegg: Sykdomslære — fagperson",
      "Brukerinnlegg: Min hverdag med kols — Áile Ánde Čorgaš, brukerrepresentant",
      "Pause", "Erfaringsutveksling"]),
    ("lørdag 13. mars 2027, kl. 10.00–14.00", "Pust og fysisk aktivitet",
     ["Sted: Fjordby svømmehall, Gymsal, Badeveien 3, 9999 Fjordby",
      "Faginnlegg: Pusteteknikker — Kari Nordlys, sykepleier",
      "Praktisk aktivitet: Trening i gymsalen",
      "Brukerinnlegg: Å komme i gang igjen — brukerrepresentant"]),
    ("tirsdag 16. mars 2027, kl. 18.00–20.30 · Avlyst", "Ernæring og matglede",
     ["Faginnlegg: Mat og kols — fagperson"]),
    ("torsdag 25. mars 2027, kl. 18.00–20.30", "Birgen árgabeaivvis – å leve godt med kols",
     ["Brukerinnlegg: Sorg og håp — brukerrepresentant", "Gruppearbeid: Veien videre"]),
]
PRACTICAL = [
    ("Sted", "Helsehuset, Møterom Áhkká, Storgata 1, 9999 Fjordby"),
    ("Pris", "Gratis"),
    ("Påmeldingsfrist", "mandag 15. februar 2027"),
    ("Påmelding", "lms@example.no · +47 00 00 00 00 · example.no/kurs/kols"),
    ("Kontakt", "Kari Nordlys, sykepleier · kari.nordlys@example.no · +47 11 22 33 44"),
    ("Arrangør", "Lærings- og mestringssenteret i Fjordby"),
    ("I samarbeid med", "Kommunens frisklivssentral, LHL lokallag"),
]


def esc(text):
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def fodt():
    body = ['<text:h text:style-name="H1" text:outline-level="1">Å leve med kols</text:h>',
            '<text:p text:style-name="Sub">Kurs for deg som har kols, og dine pårørende</text:p>',
            '<text:h text:style-name="H2" text:outline-level="2">Hvem er kurset for?</text:h>',
            '<text:p>Voksne som har kols, og deres pårørende. Du trenger ikke henvisning.</text:p>',
            '<text:h text:style-name="H2" text:outline-level="2">Hva får du?</text:h>',
            '<text:list>']
    for goal in ["Mer kunnskap om sykdommen", "Møte andre i samme situasjon",
                 "Trygghet i hverdagen"]:
        body.append(f'<text:list-item><text:p>{esc(goal)}</text:p></text:list-item>')
    body.append('</text:list>')
    body.append('<text:h text:style-name="H2" text:outline-level="2">Program</text:h>')
    for when, theme, items in SESSIONS:
        body.append(f'<text:h text:style-name="H3" text:outline-level="3">{esc(when)}</text:h>')
        body.append(f'<text:p text:style-name="Lead">{esc(theme)}</text:p><text:list>')
        for item in items:
            body.append(f'<text:list-item><text:p>{esc(item)}</text:p></text:list-item>')
        body.append('</text:list>')
    body.append('<text:h text:style-name="H2" text:outline-level="2">Praktisk informasjon</text:h>')
    for label, value in PRACTICAL:
        body.append(f'<text:p><text:span text:style-name="B">{esc(label)}:</text:span> '
                    f'{esc(value)}</text:p>')
    body.append('<text:p text:style-name="Note">Kurset er planlagt i fellesskap av '
                'brukerrepresentanter og fagpersoner.</text:p>')
    return f'''<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"
 xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0"
 xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"
 xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0"
 office:version="1.3" office:mimetype="application/vnd.oasis.opendocument.text">
<office:font-face-decls>
 <style:font-face style:name="Noto Sans" svg:font-family="Noto Sans"
  xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0"/>
</office:font-face-decls>
<office:styles>
 <style:default-style style:family="paragraph">
  <style:text-properties style:font-name="Noto Sans" fo:font-size="10pt"/>
 </style:default-style>
 <style:style style:name="H1" style:family="paragraph">
  <style:text-properties fo:font-size="24pt" fo:font-weight="bold" fo:color="#1c6b73"/>
 </style:style>
 <style:style style:name="Sub" style:family="paragraph">
  <style:text-properties fo:font-size="13pt"/>
 </style:style>
 <style:style style:name="H2" style:family="paragraph">
  <style:paragraph-properties fo:margin-top="10pt"/>
  <style:text-properties fo:font-size="14pt" fo:font-weight="bold" fo:color="#1c6b73"/>
 </style:style>
 <style:style style:name="H3" style:family="paragraph">
  <style:text-properties fo:font-size="10.5pt" fo:font-weight="bold" fo:color="#1c6b73"/>
 </style:style>
 <style:style style:name="Lead" style:family="paragraph">
  <style:text-properties fo:font-size="11.5pt" fo:font-weight="bold"/>
 </style:style>
 <style:style style:name="Note" style:family="paragraph">
  <style:text-properties fo:font-size="9.5pt" fo:font-style="italic"/>
 </style:style>
 <style:style style:name="B" style:family="text">
  <style:text-properties fo:font-weight="bold"/>
 </style:style>
</office:styles>
<office:automatic-styles>
 <style:page-layout style:name="PL">
  <style:page-layout-properties fo:page-width="210mm" fo:page-height="297mm"
   fo:margin-top="15mm" fo:margin-bottom="15mm" fo:margin-left="18mm" fo:margin-right="18mm"/>
 </style:page-layout>
</office:automatic-styles>
<office:master-styles>
 <style:master-page style:name="Standard" style:page-layout-name="PL"/>
</office:master-styles>
<office:body><office:text>
{chr(10).join(body)}
</office:text></office:body>
</office:document>
'''


def run_once(args, env=None):
    """Whole-process wall time in seconds and peak resident memory in KiB."""
    start = time.perf_counter()
    process = subprocess.Popen(args, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env)
    _, status, usage = os.wait4(process.pid, 0)
    elapsed = time.perf_counter() - start
    stderr = process.stderr.read().decode(errors="replace")
    process.stderr.close()
    if os.waitstatus_to_exitcode(status) != 0:
        raise RuntimeError(f"{args[0]} failed: {stderr.strip()}")
    return elapsed, usage.ru_maxrss


def measure(make_args, runs, env=None):
    times, peaks = [], []
    for i in range(runs):
        elapsed, peak = run_once(make_args(i), env)
        times.append(elapsed)
        peaks.append(peak)
    return statistics.median(times), min(times), max(peaks)


def pages(path):
    info = subprocess.run(["pdfinfo", path], capture_output=True, text=True, check=True).stdout
    return int(next(line.split()[1] for line in info.splitlines() if line.startswith("Pages:")))


def report(name, median, best, peak, path):
    print(f"{name:<28} median {median * 1000:8.1f} ms   best {best * 1000:8.1f} ms   "
          f"peak RSS {peak / 1024:6.1f} MB   {os.path.getsize(path) / 1024:6.1f} KB, "
          f"{pages(path)} page(s)")


def main():
    bench = os.path.abspath(sys.argv[1])
    kursplan = os.path.abspath(sys.argv[2]) if len(sys.argv) > 2 else None
    work = tempfile.mkdtemp(prefix="kp-bench-brochure-")
    try:
        def ours(i):
            return [bench, os.path.join(work, f"brochure-{i}.pdf")]

        run_once(ours(999))  # warm the page cache and the fontconfig cache
        median, best, peak = measure(ours, RUNS)
        report("Kursplan core, one brochure", median, best, peak, os.path.join(work, "brochure-0.pdf"))
        print(f"  target ≤ 20 ms: {'met' if median <= 0.020 else 'not met'} (median), "
              f"{'met' if best <= 0.020 else 'not met'} (best); "
              f"≤ 150 KB: {'met' if os.path.getsize(os.path.join(work, 'brochure-0.pdf')) <= 150 * 1024 else 'not met'}")

        if kursplan is not None:
            db = os.path.join(work, "bench.db")
            plan = os.path.join(os.environ.get("KURSPLAN_SOURCE_ROOT", "."),
                                "tests", "data", "plans", "good-full.json")
            env = dict(os.environ, KURSPLAN_DB=db)
            try:
                run_once([kursplan, "import", "--date", "2027-12-31", plan], env)

                def cli(i):
                    return [kursplan, "brochure", "3f0b6a8e-2d7c-4c1e-9a51-0d6c1f3b2a10",
                            "-o", os.path.join(work, f"cli-{i}.pdf")]

                run_once(cli(999), env)
                median_cli, best_cli, peak_cli = measure(cli, RUNS, env)
                report("kursplan brochure (CLI+db)", median_cli, best_cli, peak_cli,
                       os.path.join(work, "cli-0.pdf"))
            except (RuntimeError, OSError) as error:
                print(f"kursplan brochure: not measured ({error})")

        soffice = shutil.which("soffice")
        if soffice is None:
            print("LibreOffice: not installed (apt-get install libreoffice-writer-nogui); "
                  "no comparison")
            return
        source = os.path.join(work, "brochure.fodt")
        with open(source, "w", encoding="utf-8") as f:
            f.write(fodt())
        profile = "file://" + os.path.join(work, "lo-profile")

        def office(i):
            return [soffice, f"-env:UserInstallation={profile}", "--headless", "--convert-to",
                    "pdf", "--outdir", os.path.join(work, f"lo-{i}"), source]

        run_once(office(999))  # the first start creates the profile: not counted
        median_lo, best_lo, peak_lo = measure(office, OFFICE_RUNS)
        report("LibreOffice --convert-to pdf", median_lo, best_lo, peak_lo,
               os.path.join(work, "lo-0", "brochure.pdf"))
        print(f"Kursplan is {median_lo / median:.0f}× faster (median against median; "
              f"aim ≥ 50×), {peak_lo / max(peak, 1):.0f}× less memory")
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
