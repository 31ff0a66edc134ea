#!/usr/bin/env bash
# SPDX-License-Identifier: AGPL-3.0-or-later
# Renders the PNG icon sizes from the SVG (needs rsvg-convert: Debian package librsvg2-bin).
# The PNGs are committed so that building the package does not need librsvg; run this after
# editing the SVG.
set -euo pipefail
cd "$(dirname "$0")"
name=org.d4_project.D4Console
for size in 16 22 24 32 48 64 128 256; do
  mkdir -p "hicolor/${size}x${size}"
  rsvg-convert -w "$size" -h "$size" "$name.svg" -o "hicolor/${size}x${size}/$name.png"
done
echo "render-png: rendered $name.png in 8 sizes"
