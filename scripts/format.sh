#!/usr/bin/env bash
# SPDX-License-Identifier: AGPL-3.0-or-later
# Formats every tracked C++ file with .clang-format; with --check, only reports (exit 1 on a diff).
set -euo pipefail
cd "$(dirname "$0")/.."
mapfile -t files < <(git ls-files '*.cpp' '*.h')
if [ "${1:-}" = "--check" ]; then
  clang-format --dry-run --Werror "${files[@]}"
  echo "format: ${#files[@]} files are formatted"
else
  clang-format -i "${files[@]}"
fi
