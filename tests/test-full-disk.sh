#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# test-full-disk.sh full-disk|vanished-folder: an export, or briefings saved
# into their dataset, that fails for want of space or of a folder exits 3,
# names the file, leaves the file it would have replaced as it was and no
# temporary file behind. The disk is a real
# one: a 64 KiB tmpfs, mounted in a private mount namespace (unshare), so
# nothing outside the test sees it; where no tmpfs can be mounted, the test
# says why and is skipped (exit 77).
set -u

part=${1:-}
case $part in
  full-disk|vanished-folder) ;;
  *) echo "usage: $0 full-disk|vanished-folder" >&2; exit 2 ;;
esac

binary=${ATLAS_BINARY:?ATLAS_BINARY must name the rare-earth-atlas program (meson sets it)}
source_root=${ATLAS_SOURCE_ROOT:?ATLAS_SOURCE_ROOT must name the source tree (meson sets it)}
save_briefings=${ATLAS_SAVE_BRIEFINGS:?ATLAS_SAVE_BRIEFINGS must name save-briefings-helper (meson sets it)}
dataset="$source_root/data/rare-earths.json"
exit_write=3

unset DISPLAY WAYLAND_DISPLAY

# Run again inside a private mount namespace: as an unprivileged user with a
# user namespace of its own (-r), else as root; where neither is allowed,
# the tmpfs part is skipped below.
if [ "$part" = full-disk ] && [ "${ATLAS_FULL_DISK_NAMESPACE:-}" = "" ]; then
  for how in "-r -m" "-m"; do
    # shellcheck disable=SC2086
    if unshare $how true 2>/dev/null; then
      # shellcheck disable=SC2086
      ATLAS_FULL_DISK_NAMESPACE="unshare $how" exec unshare $how "$0" "$@"
    fi
  done
  ATLAS_FULL_DISK_NAMESPACE=none
fi
ATLAS_FULL_DISK_NAMESPACE=${ATLAS_FULL_DISK_NAMESPACE:-none}

work=$(mktemp -d "${TMPDIR:-/tmp}/atlas-full-disk-XXXXXX")
disk="$work/disk"
mounted=false
cleanup () {
  if $mounted; then
    umount "$disk" 2>/dev/null || true
  fi
  rm -rf "$work"
}
trap cleanup EXIT

failures=0
checks=0
fail () {
  echo "FAIL: $*" >&2
  failures=$((failures + 1))
}

# Everything in @folder other than the names given: a temporary file left
# behind shows here (".chart.png.XXXXXX").
stray_files () {
  local folder=$1
  shift
  local name keep
  for name in $(ls -A "$folder"); do
    keep=false
    for expected in "$@"; do
      [ "$name" = "$expected" ] && keep=true
    done
    $keep || echo "$name"
  done
}

# export_must_fail NAME OUTPUT [ARGS...]: exit 3, OUTPUT named on stderr.
export_must_fail () {
  local what=$1 output=$2
  shift 2
  local err status
  checks=$((checks + 1))
  err=$("$binary" "$dataset" --output="$output" "$@" 2>&1 >/dev/null)
  status=$?
  echo "$what: exit $status: $err"
  if [ $status -ne $exit_write ]; then
    fail "$what: exit status $status, expected $exit_write"
  fi
  case $err in
    *"$output"*) ;;
    *) fail "$what: the message does not name $output" ;;
  esac
  last_error=$err
}

# ---- a full disk -------------------------------------------------------

mkdir "$disk"
if [ "$part" != full-disk ]; then
  :
elif [ "$ATLAS_FULL_DISK_NAMESPACE" = none ]; then
  echo "SKIP full disk: cannot make a private mount namespace here (unshare refused)"
  exit 77
elif ! mount -t tmpfs -o size=64k,mode=0755 tmpfs "$disk" 2>"$work/mount.err"; then
  echo "SKIP full disk: cannot mount a tmpfs in $ATLAS_FULL_DISK_NAMESPACE: $(cat "$work/mount.err")"
  exit 77
else
  mounted=true
  echo "a 64 KiB tmpfs at $disk ($ATLAS_FULL_DISK_NAMESPACE)"

  # An old file, and a copy of it off the small disk to compare with.
  old="$disk/chart.png"
  head -c 3000 /dev/urandom >"$old"
  cp "$old" "$work/old-copy"

  # The disk fills up midway: a 4000x4000 PNG is megabytes.
  export_must_fail "png into 64 KiB" "$old" --export=flows --size=4000x4000
  case $last_error in
    *"No space left on device"*) ;;
    *) fail "png into 64 KiB: the message does not say the disk is full" ;;
  esac
  cmp -s "$old" "$work/old-copy" || fail "png into 64 KiB: the old file was changed"
  stray=$(stray_files "$disk" chart.png)
  [ -z "$stray" ] || fail "png into 64 KiB: left behind: $stray"

  # Every format, each over an old file, with the disk full to the last
  # byte before the export starts: the first write fails.
  for format in svg pdf csv json; do
    cp "$work/old-copy" "$disk/chart.$format"
  done
  dd if=/dev/zero of="$disk/filler" bs=4096 2>/dev/null
  for format in png svg pdf csv json; do
    export_must_fail "$format onto a full disk" "$disk/chart.$format" --export=flows
    cmp -s "$disk/chart.$format" "$work/old-copy" || fail "$format onto a full disk: the old file was changed"
  done
  stray=$(stray_files "$disk" chart.png chart.svg chart.pdf chart.csv chart.json filler)
  [ -z "$stray" ] || fail "full disk: left behind: $stray"

  # Room again: the same export now succeeds and replaces the old file.
  rm -f "$disk/filler"
  checks=$((checks + 1))
  if "$binary" "$dataset" --export=shares --output="$disk/chart.csv" 2>"$work/err"; then
    cmp -s "$disk/chart.csv" "$work/old-copy" && fail "with room again: chart.csv was not replaced"
  else
    fail "with room again: the export failed: $(cat "$work/err")"
  fi
  stray=$(stray_files "$disk" chart.png chart.svg chart.pdf chart.csv chart.json)
  [ -z "$stray" ] || fail "with room again: left behind: $stray"

  # Briefings saved into their dataset on a full disk: the dataset stays
  # whole, the message names it, nothing is left behind; with room, saved.
  rm -f "$disk"/chart.*
  cp "$source_root/tests/data/charts/story.json" "$disk/story.json"
  cp "$disk/story.json" "$work/story-copy"
  dd if=/dev/zero of="$disk/filler" bs=4096 2>/dev/null
  checks=$((checks + 1))
  err=$("$save_briefings" "$disk/story.json" 2>&1)
  status=$?
  echo "briefings onto a full disk: exit $status: $err"
  [ $status -eq $exit_write ] || fail "briefings onto a full disk: exit status $status, expected $exit_write"
  case $err in
    *"$disk/story.json"*"No space left on device"*) ;;
    *) fail "briefings onto a full disk: the message does not name the file and say the disk is full" ;;
  esac
  cmp -s "$disk/story.json" "$work/story-copy" || fail "briefings onto a full disk: the dataset was changed"
  stray=$(stray_files "$disk" story.json filler)
  [ -z "$stray" ] || fail "briefings onto a full disk: left behind: $stray"
  rm -f "$disk/filler"
  checks=$((checks + 1))
  if "$save_briefings" "$disk/story.json" 2>"$work/err"; then
    cmp -s "$disk/story.json" "$work/story-copy" && fail "briefings with room again: the dataset was not saved"
  else
    fail "briefings with room again: the save failed: $(cat "$work/err")"
  fi
fi

# ---- a folder that vanished ----------------------------------------------

if [ "$part" = vanished-folder ]; then
gone="$work/gone"
mkdir "$gone"
rmdir "$gone"
for format in png csv; do
  export_must_fail "$format into a vanished folder" "$gone/chart.$format" --export=prices
  case $last_error in
    *"Cannot write “$gone/chart.$format”: the folder “$gone” does not exist"*) ;;
    *) fail "$format into a vanished folder: the message does not say the folder is missing" ;;
  esac
  [ ! -e "$gone" ] || fail "$format into a vanished folder: the folder was created"
done

# A folder replaced by a file of the same name.
printf 'not a folder' >"$work/file"
export_must_fail "into a file taken for a folder" "$work/file/chart.pdf" --export=timeline
[ "$(cat "$work/file")" = "not a folder" ] || fail "into a file taken for a folder: the file was changed"
fi

echo "$checks exports checked, $failures failures"
[ "$failures" -eq 0 ]
