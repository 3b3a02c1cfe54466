#!/usr/bin/python3
# test-single-instance.py — Kursplan runs once per session: starting it again raises the open
# window, and a course plan opened the second time lands in the first instance's window.
#
# Runs under Xvfb and a session bus of its own (dbus-run-session), as meson's gui suite does.
#
# SPDX-License-Identifier: GPL-3.0-or-later

import os
import re
import subprocess
import sys
import tempfile
import time

KURSPLAN = os.environ["KURSPLAN_BIN"]
ROOT = os.environ.get("KURSPLAN_SOURCE_ROOT",
                      os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
# A plan without attendance: the window reads a file as on today, and good-full.json notes
# attendance for sessions of March 2027.
PLAN = os.path.join(ROOT, "tests", "data", "plans", "good-minimal.json")
PLAN_ID = "5c3e1a2b-7d4f-4e6a-9b8c-1d2e3f4a5b6c"
APP_ID = "io.github.kursplan.Kursplan"
APP_PATH = "/" + APP_ID.replace(".", "/")


def gdbus(*args):
    return subprocess.run(["gdbus", "call", "--session", *args], capture_output=True, text=True,
                          timeout=10)


def name_has_owner():
    result = gdbus("--dest", "org.freedesktop.DBus", "--object-path", "/org/freedesktop/DBus",
                   "--method", "org.freedesktop.DBus.NameHasOwner", APP_ID)
    return result.stdout.strip() == "(true,)"


def windows():
    """The ids of the application's windows, as GtkApplication exports them on the bus."""
    result = subprocess.run(["gdbus", "introspect", "--session", "--dest", APP_ID,
                             "--object-path", APP_PATH + "/window"],
                            capture_output=True, text=True, timeout=10)
    return re.findall(r"^\s*node (\d+)", result.stdout, re.M)


def wait_until(condition, seconds, what):
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        if condition():
            return
        time.sleep(0.1)
    sys.exit(f"FAIL: {what} (waited {seconds} s)")


def main():
    if os.environ.get("DBUS_SESSION_BUS_ADDRESS") is None or os.environ.get("DISPLAY") is None:
        print("SKIP: needs a display and a session bus (run under xvfb-run and dbus-run-session)")
        return 77

    with tempfile.TemporaryDirectory(prefix="kursplan-single-") as tmp:
        db = os.path.join(tmp, "kursplan.db")
        env = dict(os.environ, G_MESSAGES_DEBUG="kp-application", XDG_DATA_HOME=tmp,
                   XDG_CONFIG_HOME=tmp, XDG_CACHE_HOME=tmp)
        log_path = os.path.join(tmp, "first.log")
        with open(log_path, "w") as log:
            first = subprocess.Popen([KURSPLAN, "--db", db], env=env, stdout=log,
                                     stderr=subprocess.STDOUT)
        try:
            wait_until(name_has_owner, 20, f"the first Kursplan did not take {APP_ID}")
            wait_until(lambda: len(windows()) == 1, 20, "the first Kursplan shows no window")
            first_window = windows()

            # Started again, Kursplan hands over to the first one and ends at once.
            started = time.monotonic()
            second = subprocess.run([KURSPLAN, "--db", db], env=env, capture_output=True,
                                    text=True, timeout=20)
            took = time.monotonic() - started
            if second.returncode != 0:
                sys.exit(f"FAIL: the second Kursplan exited {second.returncode}: {second.stderr}")
            print(f"second start handed over and ended in {took * 1000:.0f} ms")
            if first.poll() is not None:
                sys.exit("FAIL: the first Kursplan ended when started again")
            wait_until(lambda: "presenting the open window" in open(log_path).read(), 10,
                       "the first Kursplan was not asked to present its window")
            if windows() != first_window:
                sys.exit(f"FAIL: windows {first_window} became {windows()}")

            # A course plan opened the second time is imported by the first window.
            second = subprocess.run([KURSPLAN, "--db", db, PLAN], env=env, capture_output=True,
                                    text=True, timeout=20)
            if second.returncode != 0:
                sys.exit(f"FAIL: opening a plan exited {second.returncode}: {second.stderr}")

            def imported():
                listing = subprocess.run([KURSPLAN, "--db", db, "list"], env=env,
                                         capture_output=True, text=True, timeout=20)
                return PLAN_ID in listing.stdout
            wait_until(imported, 10, "the plan opened a second time is not in the database")
            if windows() != first_window:
                sys.exit(f"FAIL: windows {first_window} became {windows()}")

            # app.quit closes the window and ends the one process.
            gdbus("--dest", APP_ID, "--object-path", APP_PATH,
                  "--method", "org.gtk.Actions.Activate", "quit", "[]", "{}")
            first.wait(timeout=20)
            if first.returncode != 0:
                sys.exit(f"FAIL: the first Kursplan exited {first.returncode}")
        finally:
            if first.poll() is None:
                first.kill()
                first.wait()
            with open(log_path) as log:
                lines = [line for line in log if "kp-application" in line or "CRITICAL" in line
                         or "WARNING" in line]
            print("".join(lines[-20:]), end="")

    print("single instance ok: one process, one window, the plan imported by the first")
    activated_by_the_bus()
    return 0


def activated_by_the_bus():
    """The desktop entry is DBusActivatable: the session bus starts `kursplan
    --gapplication-service` (as data/…service.in says) when the shell activates the name."""
    build = os.environ.get("KURSPLAN_BUILD_ROOT")
    if build is None:
        return
    with open(os.path.join(build, "data", APP_ID + ".service"), encoding="utf-8") as f:
        service = dict(line.strip().split("=", 1) for line in f if "=" in line)
    if service.get("Name") != APP_ID or not service.get("Exec", "").endswith(
            "/kursplan --gapplication-service"):
        sys.exit(f"FAIL: the D-Bus service file says {service}")

    with tempfile.TemporaryDirectory(prefix="kursplan-activation-") as tmp:
        # A bus of its own whose service folder holds the service file, run from the build tree.
        services = os.path.join(tmp, "services")
        os.mkdir(services)
        with open(os.path.join(services, APP_ID + ".service"), "w", encoding="utf-8") as f:
            f.write(f"[D-BUS Service]\nName={APP_ID}\n"
                    f"Exec={KURSPLAN} --gapplication-service\n")
        config = os.path.join(tmp, "session.conf")
        with open(config, "w", encoding="utf-8") as f:
            f.write(f"""<busconfig>
  <type>session</type>
  <listen>unix:tmpdir={tmp}</listen>
  <servicedir>{services}</servicedir>
  <policy context="default">
    <allow send_destination="*" eavesdrop="true"/>
    <allow eavesdrop="true"/>
    <allow own="*"/>
  </policy>
</busconfig>
""")
        log_path = os.path.join(tmp, "service.log")
        # This bus has no accessibility bus to hand out; GTK would wait 25 s asking for it.
        env = dict(os.environ, KURSPLAN_DB=os.path.join(tmp, "kursplan.db"), GTK_A11Y="none",
                   G_MESSAGES_DEBUG="kp-application", XDG_DATA_HOME=tmp, XDG_CONFIG_HOME=tmp)
        with open(log_path, "w") as log:
            bus = subprocess.Popen(["dbus-daemon", "--config-file", config, "--nofork",
                                    "--print-address"], env=env, stdout=subprocess.PIPE,
                                   stderr=log, text=True)
        try:
            address = bus.stdout.readline().strip()
            os.environ["DBUS_SESSION_BUS_ADDRESS"] = address
            if name_has_owner():
                sys.exit("FAIL: Kursplan runs on the new bus before anyone asked for it")
            # What GNOME Shell does for a DBusActivatable entry: activate the name.
            result = gdbus("--dest", APP_ID, "--object-path", APP_PATH,
                           "--method", "org.freedesktop.Application.Activate", "{}")
            if result.returncode != 0:
                sys.exit(f"FAIL: activating {APP_ID} on the bus: {result.stderr}")
            wait_until(lambda: len(windows()) == 1, 20,
                       "Kursplan started by the bus shows no window")
            gdbus("--dest", APP_ID, "--object-path", APP_PATH,
                  "--method", "org.gtk.Actions.Activate", "quit", "[]", "{}")
            wait_until(lambda: not name_has_owner(), 20, "Kursplan did not quit")
        finally:
            bus.terminate()
            bus.wait()
    print("D-Bus activation ok: the bus started Kursplan as a service and it showed its window")


if __name__ == "__main__":
    sys.exit(main())
