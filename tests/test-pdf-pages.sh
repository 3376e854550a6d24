#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# test-pdf-pages.sh: --page=a4|letter[-landscape] gives PDF pages of that
# paper (pdfinfo), with the chart's text on them (pdftotext) at a size that
# reads on paper, for single charts and the briefing deck; --page refuses
# other formats, --size beside it and unknown papers (exit 2, naming the
# option). Needs ATLAS_BINARY; skipped (77) without pdfinfo and pdftotext.
set -u

binary=${ATLAS_BINARY:?ATLAS_BINARY is not set}
n=0
failed=0
ok () { n=$((n + 1)); echo "ok $n - $1"; }
not_ok () { n=$((n + 1)); failed=$((failed + 1)); echo "not ok $n - $1"; [ -z "${2:-}" ] || printf '%s\n' "$2" | sed 's/^/# /'; }

if ! command -v pdfinfo >/dev/null 2>&1 || ! command -v pdftotext >/dev/null 2>&1; then
  echo "1..0 # SKIP pdfinfo or pdftotext not found (poppler-utils)"
  exit 77
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# "Page size: 595.276 x 841.89 pts (A4)" -> "595.276 x 841.89"
page_size () {
  pdfinfo "$1" | sed -n 's/^Page size: *\([0-9.]* x [0-9.]*\) pts.*/\1/p'
}

# The page's size and count (pdfinfo), and @text among the words a reader
# can select and search (pdftotext, white space normalised).
check_page () { # check_page NAME FILE EXPECTED_SIZE EXPECTED_PAGES TEXT
  name=$1 file=$2 size=$3 pages=$4 text=$5
  got=$(page_size "$file")
  if [ "$got" = "$size" ]; then ok "$name: pages of $size pt"; else not_ok "$name: pages of $size pt" "got: $got"; fi
  got=$(pdfinfo "$file" | sed -n 's/^Pages: *//p')
  if [ "$got" = "$pages" ]; then ok "$name: $pages page(s)"; else not_ok "$name: $pages page(s)" "got: $got"; fi
  if pdftotext -enc UTF-8 "$file" - | tr -s ' \n' '  ' | grep -qF -- "$text"; then
    ok "$name: “$text” is text on the page"
  else
    not_ok "$name: “$text” is text on the page"
  fi
}

# A4 is 210 x 297 mm; Letter 8.5 x 11 in.
for paper in a4:595.276x841.89 letter:612x792 a4-landscape:841.89x595.276 letter-landscape:792x612; do
  name=${paper%%:*}
  dims=${paper#*:}
  size="${dims%x*} x ${dims#*x}"
  out="$work/flows-$name.pdf"
  if "$binary" --export=flows --page="$name" --output="$out" 2>"$work/err"; then
    ok "flows --page=$name: exported"
    check_page "flows --page=$name" "$out" "$size" 1 "Rare-earth supply chain, 2024"
  else
    not_ok "flows --page=$name: exported" "$(cat "$work/err")"
  fi
done

# The chart is laid out inside half-inch margins: nothing is drawn in
# them (pdftotext's bounding boxes of every word lie inside), and its type
# is at least 9 pt, as on paper it should be.
out="$work/prices-a4.pdf"
if "$binary" --export=prices --page=a4 --output="$out" 2>"$work/err"; then
  ok "prices --page=a4: exported"
  pdftotext -bbox "$out" "$work/bbox.html"
  if python3 - "$work/bbox.html" <<'PY'
import re, sys
words = re.findall(r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">', open(sys.argv[1]).read())
assert len(words) > 20, "too few words"
for x0, y0, x1, y1 in ((float(v) for v in w) for w in words):
    assert x0 >= 36 - 0.5 and y0 >= 36 - 0.5 and x1 <= 595.276 - 36 + 0.5 and y1 <= 841.89 - 36 + 0.5, (x0, y0, x1, y1)
    assert y1 - y0 >= 9, ("a word smaller than 9 pt", x0, y0, x1, y1)
PY
  then
    ok "prices --page=a4: every word inside the margins, none smaller than 9 pt"
  else
    not_ok "prices --page=a4: every word inside the margins, none smaller than 9 pt"
  fi
else
  not_ok "prices --page=a4: exported" "$(cat "$work/err")"
fi

# The briefing deck: every slide on the paper.
out="$work/deck.pdf"
if "$binary" --export=briefing --page=letter-landscape --output="$out" 2>"$work/err"; then
  ok "briefing --page=letter-landscape: exported"
  pages=$(pdfinfo "$out" | sed -n 's/^Pages: *//p')
  check_page "briefing --page=letter-landscape" "$out" "792 x 612" "$pages" "China leads every step"
  if pdfinfo -f 1 -l "$pages" "$out" | grep '^Page.*size' | grep -qv '792 x 612'; then
    not_ok "briefing --page=letter-landscape: every page is Letter landscape"
  else
    ok "briefing --page=letter-landscape: every page is Letter landscape"
  fi
else
  not_ok "briefing --page=letter-landscape: exported" "$(cat "$work/err")"
fi

# Without --page: as before, a page the figure's size.
out="$work/plain.pdf"
"$binary" --export=shares --output="$out" 2>"$work/err"
got=$(page_size "$out")
if [ "$got" = "1600 x 900" ]; then ok "without --page: a page of 1600 x 900 pt"; else not_ok "without --page: a page of 1600 x 900 pt" "got: $got"; fi

# --help tells of it.
if "$binary" --help | grep -q -- "--page=PAPER.*a4"; then ok "--help lists --page and its papers"; else not_ok "--help lists --page and its papers"; fi

# Refused: exit 2 and a message naming the option.
refused () { # refused NAME OPTION ARGS...
  name=$1 option=$2
  shift 2
  "$binary" "$@" 2>"$work/err" >/dev/null
  status=$?
  if [ "$status" -eq 2 ] && grep -qF -- "$option" "$work/err"; then
    ok "refused: $name"
  else
    not_ok "refused: $name" "exit $status: $(cat "$work/err")"
  fi
}
refused "an unknown paper" "--page" --export=flows --page=a5 --output="$work/x.pdf"
refused "a PNG on paper" "--page" --export=flows --page=a4 --output="$work/x.png"
refused "an SVG on paper" "--page" --export=flows --page=letter --output="$work/x.svg"
refused "--size beside --page" "--size" --export=flows --page=a4 --size=800x600 --output="$work/x.pdf"
refused "--page without --export" "--page" --page=a4
[ ! -e "$work/x.pdf" ] && [ ! -e "$work/x.png" ] && [ ! -e "$work/x.svg" ] && ok "refused: no file written" || not_ok "refused: no file written"

echo "1..$n"
[ "$failed" -eq 0 ]
