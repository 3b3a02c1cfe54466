#!/usr/bin/python3
# `meson install` into a fresh --destdir holds every piece a GNOME desktop needs, and each piece
# passes its own validator: desktop-file-validate, appstreamcli validate --pedantic,
# glib-compile-schemas --strict.
#
# Uses the build tree in $KURSPLAN_BUILD_ROOT (as `meson test` sets it); run by hand without it,
# it sets up, builds and installs a fresh tree with --prefix=/usr in a temporary folder.

import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET

APP_ID = "io.github.kursplan.Kursplan"
REQUIRED_LANGUAGES = ("nb", "nn", "se")
SCREENSHOT_URL = "https://raw.githubusercontent.com/kursplan/kursplan/main/data/screenshots/"

root = os.environ.get("KURSPLAN_SOURCE_ROOT",
                      os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
failures = []
checked = 0


def check(condition, message):
    global checked
    checked += 1
    if not condition:
        failures.append(message)
        print("FAIL:", message, flush=True)
    return condition


def run(args, **kwargs):
    return subprocess.run(args, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
                          **kwargs)


def tool(name):
    path = shutil.which(name)
    if path is None:
        check(False, f"{name} is not installed (.ci/install-deps installs it)")
    return path


def build_options(build):
    with open(os.path.join(build, "meson-info", "intro-buildoptions.json"), encoding="utf-8") as f:
        return {o["name"]: o["value"] for o in json.load(f)}


tmp = tempfile.TemporaryDirectory(prefix="kursplan-install-")
build = os.environ.get("KURSPLAN_BUILD_ROOT")
if build is None:
    build = os.path.join(tmp.name, "build")
    for step in (["meson", "setup", "--prefix=/usr", build, root],
                 ["meson", "compile", "-C", build]):
        result = run(step)
        if result.returncode != 0:
            print(result.stdout)
            sys.exit(f"FAIL: {' '.join(step)} exited {result.returncode}")

destdir = os.path.join(tmp.name, "dest")
# `meson test` has built everything already; inside the suite a rebuild would fight over ninja.
result = run(["meson", "install", "-C", build, "--destdir", destdir, "--no-rebuild",
              "--quiet"])
if result.returncode != 0:
    print(result.stdout)
    sys.exit(f"FAIL: meson install --destdir exited {result.returncode}")

options = build_options(build)
prefix = destdir + options["prefix"]


def installed(*parts, kind="file"):
    path = os.path.join(prefix, *parts)
    check(os.path.isfile(path), f"{kind} not installed: {os.path.relpath(path, destdir)}")
    return path


# -- the pieces ---------------------------------------------------------------------------------

datadir = options["datadir"]
binary = installed(options["bindir"], "kursplan", kind="binary")
check(os.access(binary, os.X_OK), f"{binary} is not executable")
desktop = installed(datadir, "applications", APP_ID + ".desktop", kind="desktop entry")
metainfo = installed(datadir, "metainfo", APP_ID + ".metainfo.xml", kind="metainfo")
schema = installed(datadir, "glib-2.0", "schemas", APP_ID + ".gschema.xml", kind="schema")
icon = installed(datadir, "icons", "hicolor", "scalable", "apps", APP_ID + ".svg", kind="icon")
symbolic = installed(datadir, "icons", "hicolor", "symbolic", "apps", APP_ID + "-symbolic.svg",
                     kind="symbolic icon")
service = installed(datadir, "dbus-1", "services", APP_ID + ".service", kind="D-Bus service")

with open(os.path.join(root, "po", "LINGUAS"), encoding="utf-8") as f:
    linguas = [w for line in f for w in line.split("#")[0].split()]
if not linguas:
    print(f"SKIP compiled translations: po/LINGUAS is empty, so no .mo is installed yet "
          f"(expected {', '.join(REQUIRED_LANGUAGES)} once the translations land)")
else:
    for lang in REQUIRED_LANGUAGES:
        check(lang in linguas, f"po/LINGUAS lacks {lang}")
    for lang in linguas:
        mo = installed(options["localedir"], lang, "LC_MESSAGES", "kursplan.mo",
                       kind="translation")
        if os.path.isfile(mo):
            check(os.path.getsize(mo) > 100, f"{mo} is empty")

# -- validators ---------------------------------------------------------------------------------

if tool("desktop-file-validate") and os.path.isfile(desktop):
    result = run(["desktop-file-validate", desktop])
    check(result.returncode == 0 and result.stdout.strip() == "",
          f"desktop-file-validate: {result.stdout.strip()}")

if tool("appstreamcli") and os.path.isfile(metainfo):
    result = run(["appstreamcli", "validate", "--pedantic", "--no-net", "--no-color", metainfo])
    check(result.returncode == 0, f"appstreamcli validate --pedantic:\n{result.stdout}")
    # Pedantic notes do not fail appstreamcli; we want none, but for the capital K of the app id,
    # which GNOME's reverse-DNS naming asks for and appstream only notes.
    notes = [line for line in result.stdout.splitlines() if re.match(r"^[EWIP]: ", line)
             and "cid-contains-uppercase-letter" not in line]
    check(not notes, "appstreamcli has remarks:\n" + "\n".join(notes))

if tool("glib-compile-schemas") and os.path.isfile(schema):
    result = run(["glib-compile-schemas", "--strict", "--dry-run", os.path.dirname(schema)])
    check(result.returncode == 0 and result.stdout.strip() == "",
          f"glib-compile-schemas --strict: {result.stdout.strip()}")

# -- what the pieces say agrees -----------------------------------------------------------------

if os.path.isfile(desktop):
    with open(desktop, encoding="utf-8") as f:
        entry = dict(line.rstrip("\n").split("=", 1) for line in f
                     if "=" in line and not line.startswith("#"))
    check(entry.get("Exec", "").split()[0] == "kursplan", "desktop Exec is not kursplan")
    check(entry.get("Icon") == APP_ID, f"desktop Icon is {entry.get('Icon')!r}, not the app id")
    if linguas:
        for lang in REQUIRED_LANGUAGES:
            check(f"Comment[{lang}]" in entry, f"desktop entry has no Comment[{lang}]")

    # DBusActivatable: the session starts the app through the service file under its app id.
    check(entry.get("DBusActivatable") == "true", "the desktop entry is not DBusActivatable")

if os.path.isfile(service):
    with open(service, encoding="utf-8") as f:
        fields = dict(line.strip().split("=", 1) for line in f if "=" in line)
    check(fields.get("Name") == APP_ID, f"the D-Bus service is named {fields.get('Name')!r}")
    check(fields.get("Exec") == os.path.join(options["prefix"], options["bindir"], "kursplan") +
          " --gapplication-service", f"the D-Bus service runs {fields.get('Exec')!r}")

XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
if os.path.isfile(metainfo):
    component = ET.parse(metainfo).getroot()
    check(component.findtext("id") == APP_ID, "metainfo id is not the app id")
    check(component.findtext("launchable") == APP_ID + ".desktop",
          "metainfo launchable is not the desktop entry")
    check(component.find("content_rating[@type='oars-1.1']") is not None,
          "metainfo has no OARS 1.1 content rating")
    releases = component.findall("releases/release")
    with open(os.path.join(build, "meson-info", "intro-projectinfo.json"), encoding="utf-8") as f:
        version = json.load(f)["version"]
    check(len(releases) >= 1 and releases[0].get("version") == version,
          f"the newest release in the metainfo is not meson's version {version}")
    shots = component.findall("screenshots/screenshot")
    check(len(shots) >= 3, f"metainfo has {len(shots)} screenshots, want at least 3")
    check(sum(1 for s in shots if s.get("type") == "default") == 1,
          "metainfo has not exactly one default screenshot")
    for shot in shots:
        check(any(c.get(XML_LANG) is None and (c.text or "").strip()
                  for c in shot.findall("caption")),
              "a screenshot has no caption")
        for image in shot.findall("image"):
            url = (image.text or "").strip()
            check(url.startswith(SCREENSHOT_URL), f"screenshot {url} is not in the repository")
            name = url[len(SCREENSHOT_URL):]
            path = os.path.join(root, "data", "screenshots", name)
            if check(os.path.isfile(path), f"screenshot {name} is not in data/screenshots/"):
                with open(path, "rb") as f:
                    head = f.read(24)
                check(head[:8] == b"\x89PNG\r\n\x1a\n", f"{name} is not a PNG")
                width = int.from_bytes(head[16:20], "big")
                height = int.from_bytes(head[20:24], "big")
                check(width == int(image.get("width", 0)) and height == int(image.get("height", 0)),
                      f"{name} is {width}×{height}, the metainfo says "
                      f"{image.get('width')}×{image.get('height')}")
    if linguas:
        for lang in REQUIRED_LANGUAGES:
            check(any(s.get(XML_LANG) == lang for s in component.findall("summary")),
                  f"metainfo summary has no {lang} translation")

if os.path.isfile(schema):
    tree = ET.parse(schema).getroot()
    keys = {k.get("name"): k.get("type") or "enum" for k in tree.iter("key")}
    for name in ("window-width", "window-height", "window-maximized", "last-course",
                 "brochure-layout", "caldav-url", "caldav-user"):
        check(name in keys, f"schema has no key {name}")
    for name in keys:
        check(not re.search(r"pass|secret|token", name), f"schema key {name} looks like a secret")

for path, size in ((icon, 128), (symbolic, 16)):
    if os.path.isfile(path):
        svg = ET.parse(path).getroot()
        box = [float(v) for v in svg.get("viewBox", "0 0 0 0").split()]
        check(box[2:] == [size, size], f"{os.path.basename(path)} is not drawn at {size}×{size}")

if failures:
    print(f"{len(failures)} of {checked} checks failed")
    sys.exit(1)
print(f"install ok: {checked} checks into {destdir} ({options['prefix']})")
