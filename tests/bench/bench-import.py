#!/usr/bin/python3
# bench-import.py — `kursplan import` of a 20,000-session course plan into a fresh database,
# whole process (target ≤ 2 s on the 2-core machine, issue #12); the same file imported again
# over the course (update in place); and what a reader (`kursplan list`) waits meanwhile.
#
# SPDX-License-Identifier: GPL-3.0-or-later

import datetime
import json
import os
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import uuid

SESSIONS = 20000
TARGET_S = 2.0
RUNS = 3


def make_plan(path):
    start = datetime.datetime(2027, 1, 4, 9, 0)
    sessions = []
    for i in range(SESSIONS):
        sessions.append({
            "id": str(uuid.uuid4()), "title": f"Samling {i + 1}",
            "start": (start + datetime.timedelta(hours=3 * i)).strftime("%Y-%m-%dT%H:%M"),
            "minutes": 120, "status": "planned",
            "contributions": [
                {"kind": "professional_talk", "member": "fag1", "title": "Fag", "minutes": 45},
                {"kind": "user_talk", "member": "bruker1", "title": "Erfaring", "minutes": 30},
                {"kind": "sharing", "minutes": 45}]})
    plan = {"format": "kursplan/course-plan", "version": 1, "course": {
        "id": str(uuid.uuid4()), "title": "Stort kurs", "language": "nb",
        "timezone": "Europe/Oslo", "status": "planning",
        "members": [{"key": "fag1", "name": "Fag", "role": "professional"},
                    {"key": "bruker1", "name": "Bruker", "role": "user_representative"}],
        "sessions": sessions}}
    with open(path, "w", encoding="utf-8") as f:
        json.dump(plan, f, ensure_ascii=False)


def timed(args):
    """Wall and CPU seconds of one whole process (its own CPU, not the readers')."""
    start = time.perf_counter()
    proc = subprocess.Popen(args, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - start
    stderr = proc.stderr.read().decode()
    proc.stderr.close()
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode != 0:
        sys.exit(f"{' '.join(args)} failed: {stderr}")
    return wall, usage.ru_utime + usage.ru_stime


def readers_beside(kursplan, db, args):
    """Runs `args` (a writer) while `kursplan list` runs again and again: the list times."""
    waits, failures = [], []
    done = threading.Event()

    def read():
        while not done.is_set():
            start = time.perf_counter()
            result = subprocess.run([kursplan, "--db", db, "list"], capture_output=True,
                                    text=True)
            waits.append(time.perf_counter() - start)
            if result.returncode != 0:
                failures.append(result.stderr.strip())

    reader = threading.Thread(target=read)
    reader.start()
    wall, cpu = timed(args)
    done.set()
    reader.join()
    return wall, cpu, waits, failures


def lock_held_beside(db, args):
    """Runs `args` while another connection tries for the write lock every 5 ms without
    waiting: the longest stretch it was refused is how long `args` held the lock."""
    import sqlite3

    longest, busy_since = 0.0, None
    done = threading.Event()

    def probe():
        nonlocal longest, busy_since
        while not done.is_set():
            now = time.perf_counter()
            try:
                db_ = sqlite3.connect(db, timeout=0, isolation_level=None)
                try:
                    db_.execute("BEGIN IMMEDIATE")
                    db_.execute("ROLLBACK")
                finally:
                    db_.close()
                if busy_since is not None:
                    longest = max(longest, now - busy_since)
                busy_since = None
            except sqlite3.OperationalError:
                if busy_since is None:
                    busy_since = now
            time.sleep(0.005)
        if busy_since is not None:
            longest = max(longest, time.perf_counter() - busy_since)

    prober = threading.Thread(target=probe)
    prober.start()
    wall, cpu = timed(args)
    done.set()
    prober.join()
    return wall, longest


def main():
    kursplan = sys.argv[1]
    with tempfile.TemporaryDirectory(prefix="kursplan-bench-import-") as tmp:
        plan = os.path.join(tmp, "plan.kursplan.json")
        make_plan(plan)
        print(f"plan: {SESSIONS} sessions, 3 contributions each, "
              f"{os.path.getsize(plan) / 1e6:.1f} MB")

        walls, cpus = [], []
        for run in range(RUNS):
            db = os.path.join(tmp, f"fresh{run}.db")
            wall, cpu = timed([kursplan, "--db", db, "import", plan])
            walls.append(wall)
            cpus.append(cpu)
        median = statistics.median(walls)
        print(f"kursplan import into a fresh database: median {median:.2f} s wall "
              f"(best {min(walls):.2f}, worst {max(walls):.2f} of {RUNS}), "
              f"median {statistics.median(cpus):.2f} s CPU (target ≤ {TARGET_S:.0f} s)")

        db = os.path.join(tmp, "fresh0.db")
        wall, cpu, waits, failures = readers_beside(kursplan, db,
                                                    [kursplan, "--db", db, "import", plan])
        print(f"kursplan import of the same file again (update in place): {wall:.2f} s wall, "
              f"{cpu:.2f} s CPU")
        print(f"kursplan list meanwhile: {len(waits)} runs, median "
              f"{statistics.median(waits) * 1000:.0f} ms, longest {max(waits) * 1000:.0f} ms, "
              f"{len(failures)} failed{': ' + failures[0] if failures else ''}")
        db = os.path.join(tmp, "fresh1.db")
        wall, held = lock_held_beside(db, [kursplan, "--db", db, "import", plan])
        print(f"write lock held by an import over the course: {held:.2f} s "
              f"(of {wall:.2f} s wall)")
        if median > TARGET_S:
            print(f"over the target: {median:.2f} s > {TARGET_S:.0f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
