#!/usr/bin/env bash
# SPDX-License-Identifier: AGPL-3.0-or-later
# Builds the Debian package and the .tar.gz in one command (see docs/packaging.md):
#   ./scripts/package.sh              install build dependencies, configure ./build-package
#                                     (Release, no tests), build, package, check the package
#   ./scripts/package.sh --no-check   the same without tests/packaging/check-package.sh
# The packages land in build-package/packages/. Install with:
#   sudo apt install ./build-package/packages/d4-console_*.deb
# Environment: D4_PACKAGE_BUILD_DIR (default build-package), D4_JOBS. Extra arguments go to cmake.
set -euo pipefail
cd "$(dirname "$0")/.."

check=yes
if [ "${1:-}" = "--no-check" ]; then
  check=no
  shift
fi
BUILD_DIR="${D4_PACKAGE_BUILD_DIR:-build-package}"
JOBS="${D4_JOBS:-$(nproc)}"

./scripts/install-deps.sh
cmake -S . -B "$BUILD_DIR" -G Ninja -DCMAKE_BUILD_TYPE=Release -DCMAKE_INSTALL_PREFIX=/usr \
  -DD4_BUILD_TESTS=OFF -DD4_BUILD_BENCHMARKS=OFF -DD4_BUILD_FUZZERS=OFF "$@"
cmake --build "$BUILD_DIR" -j "$JOBS" --target d4-server d4-sensor d4-console
if [ "$check" = yes ]; then
  # check-package.sh builds the package itself, then checks it.
  tests/packaging/check-package.sh "$BUILD_DIR"
else
  cmake --build "$BUILD_DIR" --target package_deb
fi
echo "package: $(ls "$BUILD_DIR"/packages/*.deb "$BUILD_DIR"/packages/*.tar.gz)"
