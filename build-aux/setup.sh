# SPDX-License-Identifier: GPL-3.0-or-later
# build-aux/setup.sh: shared by build-aux/run and build-aux/test (sourced, not run).
# Installs the Debian 12 packages the project needs (skipping those present),
# then configures and compiles _build. Idempotent and quick when nothing changed.

ATLAS_ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
ATLAS_BUILD="$ATLAS_ROOT/_build"

# Build and run: compiler, meson, GTK 4.8 and friends, a CJK font so Chinese
# labels render, gettext for translations.
ATLAS_RUN_PACKAGES=(
  gcc pkg-config meson ninja-build python3
  libglib2.0-dev libgtk-4-dev libadwaita-1-dev libjson-glib-dev libcairo2-dev libpango1.0-dev zlib1g-dev
  gettext desktop-file-utils
  fonts-dejavu-core fonts-wqy-microhei
)
# Tests: a virtual display for widget tests, and the tools tests use to
# check exported files (pdfinfo/pdftotext, xmllint), validators for the
# desktop file and metainfo, valgrind for the leak check of a headless
# export, unshare (util-linux) to mount a tiny tmpfs for the full-disk test,
# rsvg-convert (librsvg2-bin) to rasterise an exported SVG and compare it
# with the PNG,
# an AT-SPI client and the accessibility bus for the screen-reader test
# (python3-pyatspi, at-spi2-core; dbus-run-session is in dbus).
ATLAS_TEST_PACKAGES=(
  xvfb xauth poppler-utils libxml2-utils appstream dbus
  valgrind util-linux librsvg2-bin
  python3-pyatspi at-spi2-core
  # Two monitors for the presenter's view: Weston's outputs inside Xvfb.
  weston
)
# Fuzzing (build-aux/fuzz, and build-aux/test under CI): clang with its
# libFuzzer and sanitizer runtimes (libclang_rt.fuzzer-x86_64.a and
# libclang_rt.asan-x86_64.a are in libclang-rt-14-dev on Debian 12).
ATLAS_FUZZ_PACKAGES=(
  clang libclang-rt-14-dev
)

atlas_as_root () {
  if [ "$(id -u)" -eq 0 ]; then
    "$@"
  elif command -v sudo >/dev/null 2>&1; then
    sudo "$@"
  else
    echo "build-aux: need root (or sudo) to run: $*" >&2
    return 1
  fi
}

atlas_missing_packages () {
  local pkg
  for pkg in "$@"; do
    if ! dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'install ok installed'; then
      printf '%s\n' "$pkg"
    fi
  done
}

atlas_install_packages () {
  local missing
  mapfile -t missing < <(atlas_missing_packages "$@")
  [ "${#missing[@]}" -eq 0 ] && return 0
  echo "build-aux: installing ${missing[*]}" >&2
  export DEBIAN_FRONTEND=noninteractive
  # A fresh machine has empty package lists; update once, then install.
  atlas_as_root apt-get update -qq || return 1
  atlas_as_root apt-get install -y -qq --no-install-recommends "${missing[@]}" || return 1
}

atlas_configure_and_build () {
  local werror=false
  # CI builds with warnings as errors; a developer's build only shows them.
  [ -n "${CI:-}" ] && werror=true
  if [ ! -f "$ATLAS_BUILD/build.ninja" ]; then
    meson setup "$ATLAS_BUILD" "$ATLAS_ROOT" -Dwerror=$werror || return 1
  elif [ "$(meson introspect "$ATLAS_BUILD" --buildoptions 2>/dev/null | python3 -c 'import json,sys; print([o["value"] for o in json.load(sys.stdin) if o["name"]=="werror"][0])' 2>/dev/null)" != "$( [ $werror = true ] && echo True || echo False)" ]; then
    meson configure "$ATLAS_BUILD" -Dwerror=$werror || return 1
  fi
  ninja -C "$ATLAS_BUILD" || return 1
}
