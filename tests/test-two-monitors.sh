#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# test-two-monitors.sh: the presenter's view on two real monitors. Xvfb gives
# GTK one monitor however it is started, so Weston runs inside the X display
# with two outputs (two X windows) and the test binary talks Wayland to it:
# GTK then lists two GdkMonitors and places windows on them as a compositor
# does on a laptop with a projector.
# Usage: test-two-monitors.sh TEST-PRESENTER-BINARY
set -eu

binary=$1
if ! command -v weston >/dev/null 2>&1; then
  echo "test-two-monitors: weston is not installed (build-aux/test installs it)" >&2
  exit 77
fi
if [ -z "${DISPLAY:-}" ]; then
  echo "test-two-monitors: no X display (run the tests under xvfb-run)" >&2
  exit 77
fi

runtime=$(mktemp -d "${TMPDIR:-/tmp}/atlas-weston-XXXXXX")
chmod 700 "$runtime"
socket=atlas-two-monitors
XDG_RUNTIME_DIR=$runtime weston --backend=x11-backend.so --output-count=2 --width=1280 --height=720 \
  --use-pixman --socket=$socket --idle-time=0 >"$runtime/weston.log" 2>&1 &
weston_pid=$!
trap 'kill $weston_pid 2>/dev/null || true; wait $weston_pid 2>/dev/null || true; rm -rf "$runtime"' EXIT

# Weston is ready when its socket exists (a bound, not a pause).
tries=0
while [ ! -S "$runtime/$socket" ]; do
  tries=$((tries + 1))
  if [ $tries -gt 300 ] || ! kill -0 $weston_pid 2>/dev/null; then
    echo "test-two-monitors: weston did not start:" >&2
    cat "$runtime/weston.log" >&2
    exit 1
  fi
  sleep 0.1
done

XDG_RUNTIME_DIR=$runtime WAYLAND_DISPLAY=$socket GDK_BACKEND=wayland ATLAS_TEST_TWO_MONITORS=1 \
  "$binary" -p /presenter/two-monitors
