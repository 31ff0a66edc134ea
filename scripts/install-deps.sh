#!/usr/bin/env bash
# SPDX-License-Identifier: AGPL-3.0-or-later
# Installs every Debian 12 package D4 Console needs to build, test and run.
# Idempotent: packages already present are left alone. Works as root or via sudo.
set -euo pipefail

PACKAGES=(
  # toolchain
  build-essential cmake ninja-build ccache pkg-config git
  # Qt 6 (Core, Network, Widgets, HttpServer, Test, linguist tools)
  qt6-base-dev qt6-base-dev-tools qt6-httpserver-dev qt6-tools-dev qt6-tools-dev-tools
  # QtNetwork private API: one TLS context per ingest thread (core/ingest/sharedtlscontext.h)
  qt6-base-private-dev
  qt6-l10n-tools qt6-qpa-plugins libqt6svg6 qt6-translations-l10n
  # charts
  libqcustomplot-dev
  # storage, crypto, compression, DNS
  libhiredis-dev libssl-dev zlib1g-dev libldns-dev libpcap-dev redis-server redis-tools
  # fuzzing and sanitizers (libFuzzer ships with clang's runtime)
  clang libclang-rt-14-dev
  # packaging and desktop checks
  dpkg-dev fakeroot appstream desktop-file-utils shared-mime-info libxml2-utils man-db systemd
)

missing=()
for p in "${PACKAGES[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done

if [ ${#missing[@]} -eq 0 ]; then
  echo "install-deps: all ${#PACKAGES[@]} packages already installed"
  exit 0
fi

SUDO=""
if [ "$(id -u)" -ne 0 ]; then
  SUDO="sudo"
fi

echo "install-deps: installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
