#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# test-translation.sh PART: the translations (TAP).
#   po-complete   every language in po/LINGUAS passes `msgfmt -c` with no
#                 untranslated and no fuzzy message, and keeps its accelerators
#   potfiles      po/POTFILES.in lists every source and .ui file with
#                 translatable text (found by xgettext itself), sorted, and
#                 only files that exist
#   po-up-to-date every message in today's sources is translated in each .po
#                 (a new string needs `ninja rare-earth-atlas-update-po` and a
#                 translation)
#   cli-lang      --export --lang=zh gives the chart's own words and the
#                 dataset's text in Chinese, --lang=en in English, whatever
#                 the locale (also C, as on a fresh machine); --help follows
#                 the desktop's language
# Needs ATLAS_SOURCE_ROOT (and ATLAS_BINARY for cli-lang).
set -u

part=${1:?usage: test-translation.sh PART}
src=${ATLAS_SOURCE_ROOT:?ATLAS_SOURCE_ROOT is not set}
po_dir=$src/po
n=0
failed=0

ok () { n=$((n + 1)); echo "ok $n - $1"; }
not_ok () { n=$((n + 1)); failed=$((failed + 1)); echo "not ok $n - $1"; }
skip () { n=$((n + 1)); echo "ok $n # SKIP $1"; }
check () { # check DESCRIPTION COMMAND...
  local description=$1
  shift
  if "$@"; then ok "$description"; else not_ok "$description"; fi
}
finish () { echo "1..$n"; [ "$failed" -eq 0 ]; exit $?; }

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

languages () { grep -v '^#' "$po_dir/LINGUAS" | tr ' ' '\n' | grep -v '^$'; }

# The keywords of meson's 'glib' preset (po/meson.build), so that xgettext
# here finds what `ninja rare-earth-atlas-pot` finds.
xgettext_args=(
  --from-code=UTF-8 --add-comments
  --keyword=_ --keyword=N_ --keyword=C_:1c,2 --keyword=NC_:1c,2
  --keyword=g_dcgettext:2 --keyword=g_dngettext:2,3 --keyword=g_dpgettext2:2c,3
  --flag=N_:1:pass-c-format --flag=C_:2:pass-c-format --flag=NC_:2:pass-c-format
  --flag=g_dngettext:2:pass-c-format
)

need () {
  if ! command -v "$1" >/dev/null 2>&1; then
    echo "# $1 not found (Debian package gettext)"
    echo "1..0 # SKIP $1 not found"
    exit 0
  fi
}

case $part in
po-complete)
  need msgfmt
  for lang in $(languages); do
    po=$po_dir/$lang.po
    if ! msgfmt --check --check-accelerators=_ --statistics -o /dev/null "$po" 2>"$tmp/stats"; then
      sed 's/^/# /' "$tmp/stats"
      not_ok "$lang.po passes msgfmt --check"
      continue
    fi
    ok "$lang.po passes msgfmt --check"
    stats=$(cat "$tmp/stats")
    echo "# $lang: $stats"
    case $stats in
      *untranslated*) not_ok "$lang.po has no untranslated message" ;;
      *) ok "$lang.po has no untranslated message" ;;
    esac
    case $stats in
      *fuzzy*) not_ok "$lang.po has no fuzzy message" ;;
      *) ok "$lang.po has no fuzzy message" ;;
    esac
    check "$lang.po: Plural-Forms for $lang" grep -q '^"Plural-Forms: nplurals=[0-9]*; plural=' "$po"
  done
  check "po/LINGUAS names a language" test -n "$(languages)"
  finish
  ;;

potfiles)
  need xgettext
  grep -v '^#' "$po_dir/POTFILES.in" | grep -v '^$' >"$tmp/listed"
  missing_files=$(while read -r f; do [ -e "$src/$f" ] || echo "$f"; done <"$tmp/listed")
  [ -z "$missing_files" ] || echo "$missing_files" | sed 's/^/# listed but missing: /'
  check "every file in POTFILES.in exists" test -z "$missing_files"
  check "POTFILES.in is sorted (LC_ALL=C sort)" sh -c "LC_ALL=C sort -c '$tmp/listed'"
  (cd "$src" && ls src/*.c src/*/*.c ui/*.ui 2>/dev/null) | while read -r f; do
    if xgettext "${xgettext_args[@]}" -o - "$src/$f" 2>/dev/null | grep -q '^msgid "[^"]'; then
      echo "$f"
    fi
  done >"$tmp/with-strings"
  unlisted=$(grep -vxF -f "$tmp/listed" "$tmp/with-strings")
  [ -z "$unlisted" ] || echo "$unlisted" | sed 's/^/# has translatable text but is not in po\/POTFILES.in: /'
  check "every .c and .ui file with translatable text is in POTFILES.in" test -z "$unlisted"
  finish
  ;;

po-up-to-date)
  need xgettext
  need msgcmp
  if ! (cd "$src" && xgettext "${xgettext_args[@]}" --package-name=rare-earth-atlas \
          --files-from=po/POTFILES.in --directory="$src" -o "$tmp/now.pot") 2>"$tmp/xgettext.log"; then
    sed 's/^/# /' "$tmp/xgettext.log"
    not_ok "xgettext reads every file in POTFILES.in"
    finish
  fi
  ok "xgettext reads every file in POTFILES.in"
  for lang in $(languages); do
    if msgcmp "$po_dir/$lang.po" "$tmp/now.pot" 2>"$tmp/msgcmp.log"; then
      ok "$lang.po translates every message of the sources"
    else
      grep -v 'warning: this message is not used' "$tmp/msgcmp.log" | head -40 | sed 's/^/# /'
      echo "# run: ninja -C BUILD rare-earth-atlas-update-po, then translate po/$lang.po"
      not_ok "$lang.po translates every message of the sources"
    fi
  done
  finish
  ;;

cli-lang)
  program=${ATLAS_BINARY:?ATLAS_BINARY is not set}
  dataset=$src/tests/data/app/small.json
  han='[\x{4e00}-\x{9fff}]'
  contains () { LC_ALL=C.UTF-8 grep -qF -- "$2" "$1"; }
  export_with () { # export_with [-u VAR]... [VAR=VALUE]... -- PROGRAM-ARGS
    local envs=()
    while [ "$1" != "--" ]; do envs+=("$1"); shift; done
    shift
    env -u DISPLAY -u WAYLAND_DISPLAY "${envs[@]}" "$program" "$dataset" "$@" 2>"$tmp/stderr"
  }

  # The locales a machine may start in: the test's C.UTF-8, plain C, and
  # none at all (a fresh machine without LANG), where glibc would ignore
  # LANGUAGE unless the program moves to C.UTF-8.
  for locale in "LC_ALL=C.UTF-8" "LC_ALL=C" "-u LC_ALL -u LANG -u LC_MESSAGES"; do
    read -r -a envs <<<"-u LANGUAGE $locale"
    csv=$tmp/zh.csv
    if export_with "${envs[@]}" -- --export=flows --lang=zh --output="$csv"; then
      ok "[$locale] --export=flows --lang=zh --output=zh.csv"
      check "[$locale] zh CSV header is the chart's words in Chinese (起点 … 来源)" \
        sh -c "head -n 1 '$csv' | grep -q '^起点,终点,' && head -n 1 '$csv' | grep -q '来源'"
      check "[$locale] zh CSV rows name regions in Chinese (中国)" contains "$csv" "中国"
    else
      sed 's/^/# /' "$tmp/stderr"
      not_ok "[$locale] --export=flows --lang=zh --output=zh.csv"
    fi
  done

  if command -v pdftotext >/dev/null 2>&1; then
    pdf=$tmp/zh.pdf
    if export_with -u LANGUAGE LC_ALL=C -- --export=flows --lang=zh --output="$pdf" &&
       pdftotext "$pdf" "$tmp/zh.txt"; then
      ok "--lang=zh PDF written and read back"
      check "zh PDF: the footer says 来源：" contains "$tmp/zh.txt" "来源："
      check "zh PDF: the footer says 数据截至" contains "$tmp/zh.txt" "数据截至"
      check "zh PDF: the subtitle is Chinese (年流量，单位：)" contains "$tmp/zh.txt" "年流量，单位："
      check "zh PDF: dataset text in Chinese (中国)" contains "$tmp/zh.txt" "中国"
      check "zh PDF: no English footer left" sh -c "! grep -q 'Sources\\?: \\|Data as of' '$tmp/zh.txt'"
    else
      sed 's/^/# /' "$tmp/stderr"
      not_ok "--lang=zh PDF written and read back"
    fi
    pdf=$tmp/en.pdf
    # A Chinese desktop, and --lang=en: the chart is English all the same.
    if export_with LC_ALL=C.UTF-8 LANGUAGE=zh_CN -- --export=flows --lang=en --output="$pdf" &&
       pdftotext "$pdf" "$tmp/en.txt"; then
      ok "--lang=en PDF on a Chinese desktop written and read back"
      check "en PDF: the footer says Source(s):" sh -c "grep -q 'Sources\\?: ' '$tmp/en.txt'"
      check "en PDF: the footer says Data as of" contains "$tmp/en.txt" "Data as of"
      check "en PDF: dataset text in English (China)" contains "$tmp/en.txt" "China"
      check "en PDF: not one Chinese character" sh -c "! LC_ALL=C.UTF-8 grep -qP '$han' '$tmp/en.txt'"
    else
      sed 's/^/# /' "$tmp/stderr"
      not_ok "--lang=en PDF on a Chinese desktop written and read back"
    fi
  else
    skip "pdftotext not found (Debian package poppler-utils)"
  fi

  csv=$tmp/en.csv
  if export_with LC_ALL=C.UTF-8 LANGUAGE=zh_CN -- --export=flows --lang=en --output="$csv"; then
    ok "--export=flows --lang=en --output=en.csv on a Chinese desktop"
    check "en CSV header is English (From,To,… Sources)" \
      sh -c "head -n 1 '$csv' | grep -q '^From,To,' && head -n 1 '$csv' | grep -q 'Sources'"
    check "en CSV: not one Chinese character" sh -c "! LC_ALL=C.UTF-8 grep -qP '$han' '$csv'"
  else
    sed 's/^/# /' "$tmp/stderr"
    not_ok "--export=flows --lang=en --output=en.csv on a Chinese desktop"
  fi

  svg=$tmp/zh.svg
  if export_with -u LANGUAGE LC_ALL=C -- --export=timeline --lang=zh --output="$svg"; then
    ok "--export=timeline --lang=zh --output=zh.svg"
    sed -n 's/.*<desc>\(.*\)<\/desc>.*/\1/p' "$svg" >"$tmp/desc"
    echo "# <desc>: $(head -c 300 "$tmp/desc")"
    check "zh SVG <desc> is the chart's description in Chinese (个事件)" contains "$tmp/desc" "个事件"
  else
    sed 's/^/# /' "$tmp/stderr"
    not_ok "--export=timeline --lang=zh --output=zh.svg"
  fi

  # --help follows the desktop's language (LANGUAGE, as a Chinese desktop sets it).
  env LC_ALL=C.UTF-8 LANGUAGE=zh_CN "$program" --help >"$tmp/help-zh" 2>&1
  check "--help on a Chinese desktop is Chinese" contains "$tmp/help-zh" "图表的语言"
  env -u LANGUAGE LC_ALL=C.UTF-8 "$program" --help >"$tmp/help-en" 2>&1
  check "--help in C.UTF-8 is English" contains "$tmp/help-en" "Language of the chart"
  check "--help in C.UTF-8 has no Chinese" sh -c "! LC_ALL=C.UTF-8 grep -qP '$han' '$tmp/help-en'"
  finish
  ;;

*)
  echo "test-translation.sh: unknown part $part" >&2
  exit 2
  ;;
esac
