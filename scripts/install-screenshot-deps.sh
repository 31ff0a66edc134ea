#!/usr/bin/env bash
# SPDX-License-Identifier: AGPL-3.0-or-later
# What scripts/take-screenshots.sh needs beyond the build: a virtual display, a key sender, a screen grabber.
set -euo pipefail
sudo_cmd=()
[ "$(id -u)" = 0 ] || sudo_cmd=(sudo)
"${sudo_cmd[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends \
  xvfb xdotool imagemagick redis-tools python3
