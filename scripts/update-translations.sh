#!/usr/bin/env bash
# SPDX-License-Identifier: AGPL-3.0-or-later
# Rescans ui/, app/ and core/ for tr() strings and updates translations/d4console_*.ts, then lists
# every string that still needs a translator (new or changed source texts are "unfinished").
#
#   scripts/update-translations.sh            update the .ts files in place, list unfinished strings
#   scripts/update-translations.sh --check    update temporary copies only; exit 1 listing every
#                                             unfinished or missing string (the ctest
#                                             translations_complete runs this)
#
# Translate with Qt Linguist (`linguist translations/d4console_fr.ts`) or any editor: remove the
# type="unfinished" attribute once a <translation> is done. Environment: LUPDATE, LRELEASE (tools).
set -euo pipefail
cd "$(dirname "$0")/.."

mode=update
if [ "${1:-}" = "--check" ]; then
  mode=check
elif [ $# -gt 0 ]; then
  echo "usage: $0 [--check]" >&2
  exit 2
fi

find_tool() {
  local name=$1 override=$2
  if [ -n "$override" ]; then echo "$override"; return; fi
  # Debian's /usr/bin/lupdate is qtchooser's, which wants Qt 5; Qt 6's tools live here.
  for candidate in /usr/lib/qt6/bin/"$name" "$(command -v "$name"6 2>/dev/null || true)"; do
    if [ -n "$candidate" ] && [ -x "$candidate" ]; then echo "$candidate"; return; fi
  done
  echo "update-translations: $name (Qt 6 linguist tools, Debian qt6-l10n-tools) not found" >&2
  exit 2
}
LUPDATE=$(find_tool lupdate "${LUPDATE:-}")
LRELEASE=$(find_tool lrelease "${LRELEASE:-}")
command -v xmllint >/dev/null || { echo "update-translations: xmllint (libxml2-utils) not found" >&2; exit 2; }

mapfile -t catalogues < <(ls translations/d4console_*.ts)
if [ ${#catalogues[@]} -eq 0 ]; then
  echo "update-translations: no translations/d4console_*.ts" >&2
  exit 2
fi

targets=("${catalogues[@]}")
if [ "$mode" = check ]; then
  work=$(mktemp -d)
  trap 'rm -rf "$work"' EXIT
  targets=()
  for ts in "${catalogues[@]}"; do
    cp "$ts" "$work/"
    targets+=("$work/$(basename "$ts")")
  done
fi

# -locations none keeps the files stable while code moves; -no-obsolete drops vanished strings.
"$LUPDATE" -silent -no-obsolete -locations none -source-language en -extensions cpp,h \
  ui app core -ts "${targets[@]}"

unfinished_xpath='//message[translation/@type="unfinished" or translation/@type="vanished" or translation/@type="obsolete" or normalize-space(translation)="" and not(translation/numerusform)]'
total_missing=0
for ts in "${targets[@]}"; do
  lang=$(basename "$ts" .ts)
  lang=${lang#d4console_}
  stats=$("$LRELEASE" -verbose "$ts" -qm /dev/null 2>&1 | grep -E 'Generated|Ignored' | tr '\n' ' ' || true)
  count=$(xmllint --xpath "count($unfinished_xpath)" "$ts")
  count=${count%.*}
  echo "$lang: ${stats:-no lrelease statistics} -> $count string(s) to translate"
  # List them in one pass (lupdate writes one element per line; a <source> may span lines).
  awk -v lang="$lang" '
    function unescape(t) { gsub(/&lt;/, "<", t); gsub(/&gt;/, ">", t); gsub(/&quot;/, "\"", t); gsub(/&apos;/, "\047", t); gsub(/&amp;/, "\\&", t); return t }
    /<name>/ { context = $0; sub(/.*<name>/, "", context); sub(/<\/name>.*/, "", context) }
    /<source>/ { source = $0; sub(/.*<source>/, "", source); insource = 1 }
    insource && !/<source>/ { source = source "\\n" $0 }
    insource && /<\/source>/ { sub(/<\/source>.*/, "", source); insource = 0 }
    /<translation/ && (/type="unfinished"/ || /type="vanished"/ || /type="obsolete"/ || /<translation><\/translation>/) {
      printf "  %s [%s] %s\n", lang, context, unescape(source)
    }
  ' "$ts"
  total_missing=$((total_missing + count))
done

if [ "$mode" = check ] && [ "$total_missing" -gt 0 ]; then
  echo "translations: $total_missing string(s) are untranslated; run scripts/update-translations.sh and translate them" >&2
  exit 1
fi
echo "translations: ${#catalogues[@]} catalogue(s), $total_missing string(s) to translate"
