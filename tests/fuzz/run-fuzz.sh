#!/bin/sh
# run-fuzz.sh — builds one of the importers' libFuzzer targets with clang (ASan + UBSan) and runs
# it for a bounded time, FUZZ_SECONDS (default 30), from its seed corpus.
#
#   tests/fuzz/run-fuzz.sh SOURCE_ROOT BUILD_ROOT [ical-import|plan-reader]
#
# The rest of the project keeps whatever compiler meson chose; only these targets need clang.
#
# SPDX-License-Identifier: GPL-3.0-or-later
set -eu

src=${1:-${KURSPLAN_SOURCE_ROOT:?}}
build=${2:-${KURSPLAN_BUILD_ROOT:?}}
target=${3:-ical-import}
seconds=${FUZZ_SECONDS:-30}
clang=${CLANG:-clang}
out="$build/tests/fuzz"
bin="$out/fuzz-$target"
core="$src/src/core"

command -v "$clang" >/dev/null || { echo "run-fuzz.sh: $clang is not installed" >&2; exit 77; }

model="$core/kp-course.c $core/kp-session.c $core/kp-member.c $core/kp-member-removal.c
  $core/kp-meeting.c $core/kp-contribution.c $core/kp-evaluation.c $core/kp-enums.c
  $core/kp-error.c $core/kp-time.c $core/kp-quote.c"
case $target in
  ical-import)
    sources="$src/tests/fuzz/fuzz-ical-import.c $core/kp-ical-import.c $core/kp-ical-parse.c $model"
    packages="glib-2.0 gobject-2.0 gio-2.0 libical"
    seeds="$src/tests/fuzz/corpus/*"
    max_len=16384 ;;
  plan-reader)
    sources="$src/tests/fuzz/fuzz-plan-reader.c $core/kp-plan-reader.c $core/kp-plan-writer.c
      $core/kp-file.c $core/kp-output.c $model"
    packages="glib-2.0 gobject-2.0 gio-2.0 json-glib-1.0"
    seeds="$src/tests/data/plans/good-*.json"
    max_len=16384 ;;
  *)
    echo "run-fuzz.sh: no target “$target” (ical-import, plan-reader)" >&2; exit 2 ;;
esac

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
    -I"$build" -I"$core" $(pkg-config --cflags $packages) \
    -o "$bin" $sources $(pkg-config --libs $packages) -lm
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# shellcheck disable=SC2086
cp $seeds "$work"/
# GLib's type system keeps its registrations for the life of the process: not leaks.
# libFuzzer's own exit status on a finding is 77, which meson counts as a skipped test: use 1.
# A crashing input is kept beside the target, not in the directory the test runs in.
ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=0} \
  "$bin" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -max_len="$max_len" \
  -error_exitcode=1 -artifact_prefix="$out/" -print_final_stats=1 "$work"
