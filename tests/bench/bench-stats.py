#!/usr/bin/python3
# bench-stats.py — `kursplan stats --year YYYY` over the 10,000-course catalogue, whole process
# (start, open the database, one query, print): target ≤ 200 ms on the 2-core machine; the same
# written as CSV and as an OpenDocument spreadsheet (--format ods).
#
# The catalogue is bench-catalogue's: at $KURSPLAN_BENCH_DB when set (made there first if it is
# missing), otherwise made in a temporary folder.
#
# SPDX-License-Identifier: GPL-3.0-or-later

import os
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time

TARGET_MS = 200
RUNS = 15


def catalogue(bench_catalogue, tmp):
    path = os.environ.get("KURSPLAN_BENCH_DB") or os.path.join(tmp, "catalogue.db")
    env = dict(os.environ, KURSPLAN_BENCH_DB=path)
    # bench-catalogue reuses a whole catalogue and rebuilds anything else.
    subprocess.run([bench_catalogue], check=True, env=env, stdout=subprocess.DEVNULL)
    return path


def busiest_year(path):
    db = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        year, sessions = db.execute(
            "SELECT substr(start, 1, 4), count(*) FROM sessions GROUP BY 1 "
            "ORDER BY 2 DESC LIMIT 1").fetchone()
        contributions = db.execute("SELECT count(*) FROM contributions").fetchone()[0]
    finally:
        db.close()
    return year, sessions, contributions


def time_runs(args):
    times = []
    for _ in range(RUNS):
        start = time.perf_counter()
        result = subprocess.run(args, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        times.append((time.perf_counter() - start) * 1000)
        if result.returncode != 0:
            sys.exit(f"{' '.join(args)} failed: {result.stderr.decode()}")
    return times, result.stdout


def main():
    bench_catalogue, kursplan = sys.argv[1], sys.argv[2]
    with tempfile.TemporaryDirectory(prefix="kursplan-bench-stats-") as tmp:
        path = catalogue(bench_catalogue, tmp)
        year, sessions, contributions = busiest_year(path)
        print(f"catalogue: {path}: {sessions} sessions in {year}, {contributions} contributions")
        worst = 0
        ods = os.path.join(tmp, "figures.ods")
        for extra in ([], ["--csv"], ["--format", "ods", "-o", ods]):
            args = [kursplan, "--db", path, "stats", "--year", year, *extra]
            times, output = time_runs(args)
            lines = output.decode().count("\n")
            median = statistics.median(times)
            worst = max(worst, median)
            print(f"kursplan stats --year {year} {' '.join(extra)}: median {median:.1f} ms, "
                  f"best {min(times):.1f} ms, worst {max(times):.1f} ms of {RUNS} "
                  f"({lines} lines, target ≤ {TARGET_MS} ms)")
        if worst > TARGET_MS:
            print(f"over the target: {worst:.1f} ms > {TARGET_MS} ms")
            return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
