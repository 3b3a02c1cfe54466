#!/usr/bin/python3
# run-sanitizers.py — the core and CLI tests again, built with AddressSanitizer and
# UndefinedBehaviorSanitizer in a build directory of their own (BUILD/sanitize), failing on any
# report, in a test of the suite as well as on its own:
#
#   tests/sanitize/run-sanitizers.py SOURCE_ROOT BUILD_ROOT
#
# Leak checking is off: GLib's type system keeps its registrations for the life of the process,
# as tests/fuzz/run-fuzz.sh notes. Every report also lands in a log file, so one from a
# `kursplan` a CLI test expected to fail (exit 1) is not missed.
#
# SPDX-License-Identifier: GPL-3.0-or-later

import glob
import json
import os
import shutil
import subprocess
import sys

SUITES = ["core", "cli"]


def introspect(meson, build, what, env):
    result = subprocess.run([meson, "introspect", what, build], stdout=subprocess.PIPE,
                            check=True, env=env)
    return json.loads(result.stdout)


def main():
    src = os.path.abspath(sys.argv[1] if len(sys.argv) > 1 else os.environ["KURSPLAN_SOURCE_ROOT"])
    build = os.path.abspath(sys.argv[2] if len(sys.argv) > 2 else os.environ["KURSPLAN_BUILD_ROOT"])
    sub = os.path.join(build, "sanitize")
    logs = os.path.join(sub, "sanitizer-logs")
    meson = shutil.which("meson")
    if meson is None:
        print("SKIP: meson is not in PATH")
        return 77

    env = {k: v for k, v in os.environ.items()
           if not k.startswith(("MESON_", "KURSPLAN_", "G_TEST_", "ASAN_", "UBSAN_"))}
    if not os.path.exists(os.path.join(sub, "build.ninja")):
        # -O1 as the fuzz target: quicker to build than -O2, and the reports keep their lines.
        subprocess.run([meson, "setup", sub, src, "-Db_sanitize=address,undefined",
                        "-Db_lundef=false", "-Doptimization=1"], check=True, env=env)

    # Only what the core and CLI tests run (their programs, `kursplan`), and the catalogues.
    tests = introspect(meson, sub, "--tests", env)
    files = {t["id"]: t["filename"] for t in introspect(meson, sub, "--targets", env)}
    targets = set()
    for test in tests:
        if set(test["suite"]) & {f"kursplan:{s}" for s in SUITES}:
            for target in test["depends"]:
                targets.update(files.get(target, []))
    targets.update(f for name, fs in files.items() if name.endswith(".mo@cus") for f in fs)
    real = os.path.realpath(sub)
    subprocess.run(["ninja", "-C", sub, *sorted(os.path.relpath(t, real) for t in targets)],
                   check=True, env=env)

    shutil.rmtree(logs, ignore_errors=True)
    os.makedirs(logs)
    common = "halt_on_error=1:exitcode=99:print_stacktrace=1"
    env.update(
        ASAN_OPTIONS=f"detect_leaks=0:abort_on_error=0:{common}:"
                     f"log_path={os.path.join(logs, 'asan')}",
        UBSAN_OPTIONS=f"{common}:log_path={os.path.join(logs, 'ubsan')}",
        G_SLICE="always-malloc",
    )
    args = [meson, "test", "-C", sub, "--no-rebuild", "--print-errorlogs"]
    for suite in SUITES:
        args += ["--suite", suite]
    result = subprocess.run(args, env=env)

    reports = sorted(glob.glob(os.path.join(logs, "*")))
    for report in reports:
        print(f"==== {report}")
        with open(report, encoding="utf-8", errors="replace") as f:
            print(f.read())
    if reports:
        print(f"FAIL: {len(reports)} sanitizer report(s)")
        return 1
    return result.returncode


if __name__ == "__main__":
    sys.exit(main())
