#!/usr/bin/env bash
# SPDX-License-Identifier: AGPL-3.0-or-later
# Set-up command 2: install dependencies, build with warnings as errors, run the whole test suite.
# .ci/run calls exactly this. Extra arguments go to ctest (e.g. -L unit).
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/install-deps.sh
./scripts/build.sh -DD4_WERROR=ON -DD4_BUILD_TESTS=ON
BUILD_DIR="${D4_BUILD_DIR:-build}"
export QT_QPA_PLATFORM=offscreen
(cd "$BUILD_DIR" && ctest --output-on-failure --timeout 300 "$@")

# Package step (docs/packaging.md, about 50 s): build the .deb from this build, check its metadata
# and contents, run the packaged programs from a throwaway root. D4_PACKAGE_INSTALL_TEST=1 (root)
# also apt-installs and purges it on this machine (about 60 s more). D4_SKIP_PACKAGE_CHECK=1 skips.
if [ "${D4_SKIP_PACKAGE_CHECK:-0}" != 1 ]; then
  install_flag=()
  if [ "${D4_PACKAGE_INSTALL_TEST:-0}" = 1 ]; then
    install_flag=(--install)
  fi
  tests/packaging/check-package.sh "${install_flag[@]}" "$BUILD_DIR"
fi

# Sanitizer step (docs/fuzzing.md, "Sanitizers in CI"): the unit tests and the fuzz corpus replays
# built with AddressSanitizer + UndefinedBehaviorSanitizer (d4core and those programs only, no GUI)
# in build-asan-unit (D4_ASAN_UNIT_BUILD_DIR), then run; any report fails the run. Cold, that subset
# took 1,403 CPU-seconds of build (about 12 min on 2 cores) and 9 s of tests; the integration and
# GUI tests stay in the by-hand `scripts/run-sanitizers.sh asan` (46 min cold build).
# D4_SKIP_SANITIZERS=1 skips it.
if [ "${D4_SKIP_SANITIZERS:-0}" != 1 ]; then
  SECONDS=0
  scripts/run-sanitizers.sh unit
  echo "== sanitizer step: $((SECONDS / 60)) min $((SECONDS % 60)) s"
fi
