#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# test-literal-text.sh: dataset text is never interpreted. Every label of
# tests/data/reliability/literal-text.json holds Pango markup, an XML entity
# and printf directives ("<b>&amp;%s%n%x"); exported to every format, each
# must come out exactly as written: in the text of the PDF, the cells of the
# CSV, the (well-formed) SVG, and without a crash or a warning. TAP output.
set -u

binary=${ATLAS_BINARY:?ATLAS_BINARY must name the rare-earth-atlas program (meson sets it)}
source_root=${ATLAS_SOURCE_ROOT:?ATLAS_SOURCE_ROOT must name the source tree (meson sets it)}
dataset="$source_root/tests/data/reliability/literal-text.json"
literal='<b>&amp;%s%n%x'

work=$(mktemp -d "${TMPDIR:-/tmp}/atlas-literal-XXXXXX")
trap 'rm -rf "$work"' EXIT

# Exporting needs no display, and must not look for one.
unset DISPLAY WAYLAND_DISPLAY

n=0
failures=0
ok () {
  n=$((n + 1))
  echo "ok $n - $1"
}
not_ok () {
  n=$((n + 1))
  failures=$((failures + 1))
  echo "not ok $n - $1"
  shift
  local line
  for line in "$@"; do
    printf '%s\n' "$line" | sed 's/^/# /'
  done
}
skip () {
  n=$((n + 1))
  echo "ok $n - $1 # SKIP $2"
}
check () {
  local name=$1
  shift
  local output
  if output=$("$@" 2>&1); then
    ok "$name"
  else
    not_ok "$name" "$output"
  fi
}

# Each label is its tag letter followed by the literal text.
labels_in () {
  local file=$1
  shift
  local tag missing=""
  for tag in "$@"; do
    grep -qF -- "$tag$literal" "$file" || missing="$missing $tag$literal"
  done
  if [ -n "$missing" ]; then
    echo "missing from ${file##*/}:$missing"
    return 1
  fi
}

# Markup, entities or directives interpreted leave "%s%n%x" without the
# "<b>&amp;" before it ("&%s%n%x", "(null)%x", ...): every occurrence must
# be whole.
never_interpreted () {
  local file=$1 whole any
  whole=$(grep -oF -- "$literal" "$file" | wc -l)
  any=$(grep -oF -- '%n%x' "$file" | wc -l)
  if [ "$whole" -ne "$any" ] || [ "$any" -eq 0 ]; then
    echo "${file##*/}: $any labels ending in %n%x, of which $whole are whole:"
    grep -F -- '%n%x' "$file" | grep -vF -- "$literal" | head -5
    return 1
  fi
}

export_to () {
  local output=$1
  shift
  local err status
  err=$("$binary" "$dataset" "$@" --output="$output" 2>&1 >/dev/null)
  status=$?
  if [ $status -ne 0 ] || [ -n "$err" ]; then
    echo "rare-earth-atlas $* --output=${output##*/}: exit $status"
    [ -n "$err" ] && echo "stderr: $err"
    return 1
  fi
}

have () {
  command -v "$1" >/dev/null 2>&1
}

# What each view draws, and what its table lists: the labels' tag letters
# (see the fixture: K node, R and U regions, G and H stages, C chain title,
# L link note, M metric, V series, T event title, D event detail).
declare -A drawn=(
  [flows]="C K R U G H"
  [shares]="M R U"
  [prices]="V T"
  [timeline]="T"
)
declare -A listed=(
  [flows]="K R U G H L"
  [shares]="M R U"
  [prices]="V"
  [timeline]="T D"
)

for view in flows shares prices timeline; do
  for format in png svg pdf csv; do
    output="$work/$view.$format"
    if ! result=$(export_to "$output" --export="$view"); then
      not_ok "$view.$format: exported without error or warning" "$result"
      continue
    fi
    ok "$view.$format: exported without error or warning"

    case $format in
      png)
        if [ "$(head -c 8 "$output" | od -An -tx1 | tr -d ' \n')" = 89504e470d0a1a0a ]; then
          ok "$view.png: a PNG"
        else
          not_ok "$view.png: a PNG" "the file does not start with the PNG signature"
        fi
        ;;
      svg)
        if have xmllint; then
          check "$view.svg: well-formed XML" xmllint --noout "$output"
        else
          skip "$view.svg: well-formed XML" "xmllint not found"
        fi
        # The text of the SVG as an XML parser reads it (entities decoded).
        if python3 - "$output" >"$work/$view.svg.txt" 2>&1 <<'PY'
import sys
import xml.etree.ElementTree as ET
for element in ET.parse(sys.argv[1]).iter():
    for text in [element.text, element.tail, *element.attrib.values()]:
        if text and text.strip():
            print(text)
PY
        then
          # Titles and descriptions for screen readers hold the drawn text.
          if grep -qF -- '%n%x' "$work/$view.svg.txt"; then
            check "$view.svg: its text is literal" never_interpreted "$work/$view.svg.txt"
          else
            skip "$view.svg: its text is literal" "this SVG carries no text (glyphs only)"
          fi
        else
          not_ok "$view.svg: parsed" "$(cat "$work/$view.svg.txt")"
        fi
        ;;
      pdf)
        if have pdftotext; then
          pdftotext -enc UTF-8 "$output" "$work/$view.pdf.txt"
          # shellcheck disable=SC2086
          check "$view.pdf: labels drawn as written" labels_in "$work/$view.pdf.txt" ${drawn[$view]}
          check "$view.pdf: no label interpreted" never_interpreted "$work/$view.pdf.txt"
        else
          skip "$view.pdf: labels drawn as written" "pdftotext not found"
        fi
        ;;
      csv)
        # shellcheck disable=SC2086
        check "$view.csv: labels listed as written" labels_in "$output" ${listed[$view]}
        check "$view.csv: no label interpreted" never_interpreted "$output"
        ;;
    esac
  done
done

# The flows layout as JSON: valid, whatever the labels.
if result=$(export_to "$work/flows.json" --export=flows); then
  check "flows.json: valid JSON" python3 -m json.tool "$work/flows.json"
else
  not_ok "flows.json: exported without error or warning" "$result"
fi

# The briefing deck: slide titles and speaker notes.
if result=$(export_to "$work/deck.pdf" --export=briefing); then
  ok "deck.pdf: exported without error or warning"
  if have pdftotext; then
    pdftotext -enc UTF-8 "$work/deck.pdf" "$work/deck.pdf.txt"
    check "deck.pdf: slide titles and notes as written" labels_in "$work/deck.pdf.txt" X Y I J 1
    check "deck.pdf: no label interpreted" never_interpreted "$work/deck.pdf.txt"
  else
    skip "deck.pdf: slide titles and notes as written" "pdftotext not found"
  fi
else
  not_ok "deck.pdf: exported without error or warning" "$result"
fi

# --check prints the dataset's title as written too.
if summary=$("$binary" --check "$dataset" 2>&1) && printf '%s\n' "$summary" | grep -qF -- "A$literal"; then
  ok "--check: the title as written"
else
  not_ok "--check: the title as written" "$summary"
fi

echo "1..$n"
[ "$failures" -eq 0 ]
