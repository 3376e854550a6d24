#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# test-install.sh: installs a build into a staging folder (meson install --destdir) and checks that everything a desktop needs is there.
#
# Usage: test-install.sh BUILD_DIR
# Output is TAP. The staging folder is made outside the build tree on purpose:
# a program under the build root reads the source tree's dataset, an installed
# one must not (see atlas-bundled-dataset.c).
set -u

build=${1:?usage: test-install.sh BUILD_DIR}
app_id=io.github.rareearthatlas.RareEarthAtlas
package=rare-earth-atlas

staging=$(mktemp -d "${TMPDIR:-/tmp}/$package-install.XXXXXX") || exit 1
trap 'rm -rf "$staging" "$staging.out" "$staging.log"' EXIT

count=0
failed=0
ok () {
  count=$((count + 1))
  echo "ok $count - $1"
}
not_ok () {
  count=$((count + 1))
  failed=$((failed + 1))
  echo "not ok $count - $1"
}
# check DESCRIPTION COMMAND...: one TAP line for whether COMMAND succeeds;
# what COMMAND prints is kept as TAP comments.
check () {
  description=$1
  shift
  if "$@" >"$staging.out" 2>&1; then ok "$description"; else not_ok "$description"; fi
  sed 's/^/# /' "$staging.out"
  rm -f "$staging.out"
}

# meson test has already built everything: install exactly what was built.
if ! meson install -C "$build" --destdir "$staging" --no-rebuild --quiet >"$staging.log" 2>&1; then
  sed 's/^/# /' "$staging.log"
  rm -f "$staging.log"
  echo "not ok 1 - meson install --destdir"
  echo "1..1"
  exit 1
fi
rm -f "$staging.log"
ok "meson install --destdir $staging"

# Where things go: prefix, bindir, datadir and localedir as configured.
option () {
  meson introspect "$build" --buildoptions | python3 -c '
import json, sys
print([o["value"] for o in json.load(sys.stdin) if o["name"] == sys.argv[1]][0])' "$1"
}
under_prefix () {
  case $1 in
    /*) echo "$1" ;;
    *) echo "$prefix/$1" ;;
  esac
}
prefix=$(option prefix)
bindir=$(under_prefix "$(option bindir)")
datadir=$(under_prefix "$(option datadir)")
localedir=$(under_prefix "$(option localedir)")
libdir=$(under_prefix "$(option libdir)")
root=$staging

program=$root$bindir/$package
check "program installed: $bindir/$package" test -x "$program"
check "dataset installed: $datadir/$package/rare-earths.json" \
  test -s "$root$datadir/$package/rare-earths.json"
# The program finds the dataset through PKGDATADIR, compiled in from the
# same prefix and datadir: it must name the folder the dataset went to.
check "program looks for its dataset in $datadir/$package" \
  grep -qaF "$datadir/$package" "$program"
# The map's country boundaries go beside it, where the map looks for them.
check "map boundaries installed: $datadir/$package/world-110m.atlasgeo" \
  test -s "$root$datadir/$package/world-110m.atlasgeo"

# The window is a module the program loads when it opens a window (exports
# never load GTK); the program looks for it where it was installed.
window_module=$root$libdir/$package/atlas-window.so
check "window module installed: $libdir/$package/atlas-window.so" test -s "$window_module"
# Hardened linking (meson.build): read-only relocations, symbols bound at
# load. Checked where binutils' readelf is there.
if command -v readelf >/dev/null 2>&1; then
  for binary in "$program" "$window_module"; do
    check "$(basename "$binary") has read-only relocations (RELRO)" \
      sh -c 'readelf -lW "$1" | grep -q GNU_RELRO' sh "$binary"
    check "$(basename "$binary") binds its symbols at load (BIND_NOW)" \
      sh -c 'readelf -dW "$1" | grep -Eq "BIND_NOW|FLAGS.*NOW"' sh "$binary"
  done
fi
check "program looks for its window module in $libdir/$package" \
  grep -qaF "$libdir/$package" "$program"
# An installed program finds its files from its prefix only: no path of
# the build or source tree in its code or data (debug information, which
# packaging strips, names the build folder it was compiled in), and no
# looking at where its own executable is.
source_root=$(cd "$(dirname "$0")/.." && pwd)
for binary in "$program" "$window_module"; do
  if command -v objcopy >/dev/null 2>&1; then
    check "$(basename "$binary") names no build-tree or source-tree path" \
      sh -c 'objcopy --strip-debug "$1" "$4.stripped" && ! grep -qaF -e "$2" -e "$3" "$4.stripped"; status=$?; rm -f "$4.stripped"; exit $status' \
      sh "$binary" "$(cd "$build" && pwd)" "$source_root" "$staging"
  fi
  check "$(basename "$binary") does not read /proc/self/exe" \
    sh -c '! grep -qaF /proc/self/exe "$1"' sh "$binary"
done
# It exports only what the window module calls back (a list made from the
# module at build time), and the module only its entry point.
if command -v nm >/dev/null 2>&1; then
  check "program exports only the symbols the window module uses" \
    sh -c 'test "$(nm -D --defined-only "$1" | awk "\$3 ~ /^atlas_/ {print \$3}" | sort)" = \
                "$(nm -D --undefined-only "$2" | awk "\$2 ~ /^atlas_/ {print \$2}" | sort)"' sh "$program" "$window_module"
  check "window module exports only atlas_app_run" \
    sh -c 'test "$(nm -D --defined-only "$1" | awk "\$3 !~ /^_/ {print \$3}")" = atlas_app_run' sh "$window_module"
fi
# The installed pair works together: the module's calls into the program
# resolve (the program exports them) and the window draws its first frame.
if [ -n "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ]; then
  check "installed program opens its window with the installed module" \
    env ATLAS_WINDOW_MODULE="$window_module" GSETTINGS_BACKEND=memory \
      GSETTINGS_SCHEMA_DIR="$build/data" \
      timeout 60 "$program" --quit-after-first-frame "$root$datadir/$package/rare-earths.json"
else
  echo "ok $((count + 1)) - # SKIP no display to open the installed window on"
  count=$((count + 1))
fi

desktop_file=$root$datadir/applications/$app_id.desktop
metainfo_file=$root$datadir/metainfo/$app_id.metainfo.xml
check "desktop file installed: $datadir/applications/$app_id.desktop" test -s "$desktop_file"
check "metainfo installed: $datadir/metainfo/$app_id.metainfo.xml" test -s "$metainfo_file"
check "app icon installed" \
  test -s "$root$datadir/icons/hicolor/scalable/apps/$app_id.svg"
check "symbolic icon installed" \
  test -s "$root$datadir/icons/hicolor/symbolic/apps/$app_id-symbolic.svg"
check "Simplified Chinese catalogue installed" \
  test -s "$root$localedir/zh_CN/LC_MESSAGES/$package.mo"

schema_dir=$root$datadir/glib-2.0/schemas
check "GSettings schema installed: $datadir/glib-2.0/schemas/$app_id.gschema.xml" \
  test -s "$schema_dir/$app_id.gschema.xml"
# meson does not run glib-compile-schemas into a DESTDIR (packages' triggers
# do that): check that what was installed compiles.
if command -v glib-compile-schemas >/dev/null 2>&1; then
  check "installed GSettings schemas compile" \
    glib-compile-schemas --strict --dry-run "$schema_dir"
else
  count=$((count + 1))
  echo "ok $count # SKIP glib-compile-schemas not found"
fi

# The installed files, not only the built ones, pass the validators.
if command -v desktop-file-validate >/dev/null 2>&1; then
  check "installed desktop file is valid" desktop-file-validate "$desktop_file"
else
  count=$((count + 1))
  echo "ok $count # SKIP desktop-file-validate not found"
fi
if command -v appstreamcli >/dev/null 2>&1; then
  check "installed metainfo is valid" \
    appstreamcli validate --pedantic --no-net "$metainfo_file"
else
  count=$((count + 1))
  echo "ok $count # SKIP appstreamcli not found"
fi
# The desktop file's Exec and Icon name what was installed.
check "desktop file Exec names the installed program" \
  grep -qx "Exec=$package\( .*\)\{0,1\}" "$desktop_file"
check "desktop file Icon names the installed icon" \
  grep -qx "Icon=$app_id" "$desktop_file"

echo "1..$count"
[ "$failed" -eq 0 ]
