#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# test-valgrind-export.sh: headless exports of every view and format under
# valgrind's memcheck: no invalid access and no definite leak (third-party
# caches that valgrind cannot follow are in tests/valgrind.supp).
set -u

binary=${ATLAS_BINARY:?ATLAS_BINARY must name the rare-earth-atlas program (meson sets it)}
source_root=${ATLAS_SOURCE_ROOT:?ATLAS_SOURCE_ROOT must name the source tree (meson sets it)}
dataset="$source_root/data/rare-earths.json"

if ! command -v valgrind >/dev/null 2>&1; then
  echo "SKIP: valgrind not found (build-aux/test installs it)"
  exit 77
fi
# valgrind cannot run a program built with AddressSanitizer.
if grep -q __asan_init "$binary" 2>/dev/null; then
  echo "SKIP: $binary is built with AddressSanitizer, which valgrind cannot run"
  exit 77
fi

work=$(mktemp -d "${TMPDIR:-/tmp}/atlas-valgrind-XXXXXX")
trap 'rm -rf "$work"' EXIT
unset DISPLAY WAYLAND_DISPLAY
# GLib's slice allocator and lazily freed memory would hide or fake leaks.
export G_SLICE=always-malloc G_DEBUG=gc-friendly

failures=0
# run NAME EXPECTED-EXIT-STATUS ARGS...: valgrind's own failures exit 99.
run () {
  local name=$1 expected=$2
  shift 2
  local log="$work/$name.valgrind"
  local start=$SECONDS
  valgrind --leak-check=full --errors-for-leak-kinds=definite --show-leak-kinds=definite \
    --error-exitcode=99 --num-callers=40 \
    --suppressions="$source_root/tests/valgrind.supp" --log-file="$log" \
    "$binary" "$@" 2>"$work/$name.stderr"
  local status=$?
  echo "$name: exit $status in $((SECONDS - start)) s; $(grep -E 'definitely lost:|ERROR SUMMARY' "$log" | sed 's/^==[0-9]*== *//' | paste -sd';')"
  if [ $status -ne "$expected" ]; then
    failures=$((failures + 1))
    echo "FAIL: rare-earth-atlas $* (expected exit $expected)"
    sed 's/^/    /' "$work/$name.stderr" "$log"
  fi
}

run flows-png 0 "$dataset" --export=flows --output="$work/flows.png"
run shares-svg 0 "$dataset" --export=shares --output="$work/shares.svg"
run prices-pdf 0 "$dataset" --export=prices --output="$work/prices.pdf"
run timeline-csv 0 "$dataset" --export=timeline --output="$work/timeline.csv"
run briefing-pdf 0 "$dataset" --export=briefing --output="$work/deck.pdf"
# A rejected dataset and a failed write clean up after themselves too.
run bad-dataset 1 "$source_root/tests/data/bad/link-unknown-node.json" --export=flows --output="$work/never.png"
run missing-folder 3 "$dataset" --export=flows --output="$work/gone/flows.svg"

[ "$failures" -eq 0 ]
