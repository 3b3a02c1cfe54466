#!/usr/bin/python3
# The Flatpak manifest can't be built here (no network to the runtime), so check its structure and
# that it agrees with meson: app id, command, module options, pinned sources, narrow sandbox.

import json
import os
import re
import sys

root = os.environ["KURSPLAN_SOURCE_ROOT"]
build = os.environ["KURSPLAN_BUILD_ROOT"]
failures = []


def check(condition, message):
    if not condition:
        failures.append(message)


with open(os.path.join(root, "flatpak", "io.github.kursplan.Kursplan.json"), encoding="utf-8") as f:
    manifest = json.load(f)

with open(os.path.join(build, "config.h"), encoding="utf-8") as f:
    app_id = re.search(r'#define APP_ID "([^"]+)"', f.read()).group(1)

with open(os.path.join(build, "meson-info", "intro-targets.json"), encoding="utf-8") as f:
    targets = json.load(f)
executables = {t["name"] for t in targets if t["type"] == "executable" and t["installed"]}

check(manifest.get("id") == app_id, f"manifest id {manifest.get('id')!r} is not meson's {app_id!r}")
check(manifest.get("runtime") == "org.gnome.Platform", "runtime is not org.gnome.Platform")
check(manifest.get("sdk") == "org.gnome.Sdk", "sdk is not org.gnome.Sdk")
check(str(manifest.get("runtime-version", "")).isdigit() and int(manifest["runtime-version"]) >= 47,
      "runtime-version is not a current GNOME release")
check(manifest.get("command") in executables,
      f"command {manifest.get('command')!r} is not an installed executable of meson ({executables})")

args = manifest.get("finish-args", [])
for wide in ("--filesystem=host", "--filesystem=home", "--socket=x11", "--device=all",
             "--socket=session-bus", "--socket=system-bus"):
    check(wide not in args, f"sandbox too wide: {wide}")
for needed in ("--share=network", "--talk-name=org.freedesktop.secrets", "--socket=wayland",
               "--socket=fallback-x11", "--share=ipc"):
    check(needed in args, f"sandbox lacks {needed}")

modules = manifest.get("modules", [])
check(len(modules) >= 1 and modules[-1].get("name") == "kursplan", "the app is not the last module")
app = modules[-1]
check(app.get("buildsystem") == "meson", "the app is not built with meson")

# Every -Doption the app module passes must exist in meson's options.
with open(os.path.join(build, "meson-info", "intro-buildoptions.json"), encoding="utf-8") as f:
    options = {o["name"] for o in json.load(f)}
for opt in app.get("config-opts", []):
    m = re.match(r"-D([^=]+)=", opt) or re.match(r"--([a-z_]+)=", opt)
    check(m is not None and m.group(1) in options, f"app module option {opt!r} is not a meson option")

for module in modules[:-1]:
    for source in module.get("sources", []):
        check(source.get("type") in ("archive", "file"), f"{module['name']}: source is not pinned")
        check(str(source.get("url", "")).startswith("https://"), f"{module['name']}: no https URL")
        check(re.fullmatch(r"[0-9a-f]{64}", source.get("sha256", "")) is not None,
              f"{module['name']}: no sha256")

if failures:
    for failure in failures:
        print("FAIL:", failure)
    sys.exit(1)
print(f"flatpak manifest ok: {manifest['id']}, {len(modules)} modules")
