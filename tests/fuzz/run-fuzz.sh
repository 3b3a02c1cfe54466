#!/bin/sh
# run-fuzz.sh — builds the iCalendar importer's libFuzzer target with clang (ASan + UBSan) and
# runs it for a bounded time, FUZZ_SECONDS (default 30), from the seed corpus.
#
#   tests/fuzz/run-fuzz.sh SOURCE_ROOT BUILD_ROOT
#
# The rest of the project keeps whatever compiler meson chose; only this target needs clang.
#
# SPDX-License-Identifier: GPL-3.0-or-later
set -eu

src=${1:-${KURSPLAN_SOURCE_ROOT:?}}
build=${2:-${KURSPLAN_BUILD_ROOT:?}}
seconds=${FUZZ_SECONDS:-30}
clang=${CLANG:-clang}
out="$build/tests/fuzz"
bin="$out/fuzz-ical-import"
core="$src/src/core"

command -v "$clang" >/dev/null || { echo "run-fuzz.sh: $clang is not installed" >&2; exit 77; }

sources="$src/tests/fuzz/fuzz-ical-import.c $core/kp-ical-import.c $core/kp-course.c
  $core/kp-session.c $core/kp-member.c $core/kp-member-removal.c $core/kp-meeting.c
  $core/kp-contribution.c $core/kp-evaluation.c $core/kp-enums.c $core/kp-error.c $core/kp-time.c
  $core/kp-ical-parse.c $core/kp-quote.c"

mkdir -p "$out"
stale=no
[ -x "$bin" ] || stale=yes
for f in $sources; do
  [ "$f" -nt "$bin" ] && stale=yes
done
if [ "$stale" = yes ]; then
  # shellcheck disable=SC2046,SC2086
  "$clang" -g -O1 -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=undefined \
    -DGLIB_VERSION_MIN_REQUIRED=GLIB_VERSION_2_74 -DGLIB_VERSION_MAX_ALLOWED=GLIB_VERSION_2_74 \
    -I"$build" -I"$core" $(pkg-config --cflags glib-2.0 gobject-2.0 gio-2.0 libical) \
    -o "$bin" $sources $(pkg-config --libs glib-2.0 gobject-2.0 gio-2.0 libical) -lm
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp "$src"/tests/fuzz/corpus/* "$work"/
# GLib's type system keeps its registrations for the life of the process: not leaks.
ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=0} \
  "$bin" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -max_len=16384 \
  -print_final_stats=1 "$work"
