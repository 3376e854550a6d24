#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# window-exports.sh MODULE LIST: writes the linker's dynamic list for the
# program: the layers' functions and data the window module calls (its
# undefined atlas_ symbols), and nothing else, so the program exports what
# the module needs instead of every symbol it has.
set -eu
module=$1
list=$2
nm=${NM:-nm}

symbols=$("$nm" -D --undefined-only "$module" | awk '$NF ~ /^atlas_/ { print $NF }' | sort -u)
if [ -z "$symbols" ]; then
  echo "window-exports.sh: $module uses no atlas_ symbol: is it the window module?" >&2
  exit 1
fi
{
  echo "{"
  for symbol in $symbols; do
    echo "  $symbol;"
  done
  echo "};"
} >"$list.tmp"
mv "$list.tmp" "$list"
