#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# test-accessibility.sh PROGRAM DATASET: runs tests/test-accessibility.py in
# a D-Bus session of its own (its own accessibility bus and registry), with
# the program's accessibility bridge on, under an X server of its own
# (xvfb-run; the current display only when there is no xvfb-run). Skips
# (exit 77) without dbus-run-session, the AT-SPI Python bindings (Debian:
# python3-pyatspi), at-spi2-core or a display.
skip () {
  echo "SKIP: $*"
  exit 77
}

here=$(dirname "$0")
command -v dbus-run-session >/dev/null 2>&1 || skip "dbus-run-session not found (Debian: dbus-daemon)"
# Debian's python3 holds python3-pyatspi's bindings; a python3 earlier in
# PATH (a virtual environment, pyenv) may not.
python=python3
[ -x /usr/bin/python3 ] && python=/usr/bin/python3
"$python" -c 'import gi; gi.require_version("Atspi", "2.0"); from gi.repository import Atspi' 2>/dev/null ||
  skip "the AT-SPI Python bindings are missing (Debian: python3-pyatspi)"
[ -x /usr/libexec/at-spi-bus-launcher ] || command -v at-spi-bus-launcher >/dev/null 2>&1 ||
  skip "at-spi-bus-launcher not found (Debian: at-spi2-core)"

# An X server of its own: keys typed through AT-SPI go to the window under
# the pointer, so no other test's window may share the screen. (A server
# number away from xvfb-run's default keeps clear of concurrent starts.)
if [ -z "$ATLAS_A11Y_OWN_DISPLAY" ] && command -v xvfb-run >/dev/null 2>&1; then
  ATLAS_A11Y_OWN_DISPLAY=1 exec xvfb-run -a -n $((200 + $$ % 500)) -s "-screen 0 1920x1080x24" "$0" "$@"
fi
[ -n "$DISPLAY" ] || skip "no X display and no xvfb-run (Debian: xvfb)"

# The bridge must be on: the widget tests turn it off, and an accessibility
# bus of another session must not be used.
unset NO_AT_BRIDGE GTK_A11Y AT_SPI_BUS_ADDRESS
exec dbus-run-session -- "$python" "$here/test-accessibility.py" "$@"
