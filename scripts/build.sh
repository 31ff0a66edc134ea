#!/usr/bin/env bash
# SPDX-License-Identifier: AGPL-3.0-or-later
# Configures and builds D4 Console into ./build (or $D4_BUILD_DIR). Extra arguments go to cmake.
set -euo pipefail
cd "$(dirname "$0")/.."
BUILD_DIR="${D4_BUILD_DIR:-build}"
JOBS="${D4_JOBS:-$(nproc)}"
cmake -S . -B "$BUILD_DIR" -G Ninja -DCMAKE_BUILD_TYPE="${D4_BUILD_TYPE:-RelWithDebInfo}" "$@"
cmake --build "$BUILD_DIR" -j "$JOBS"
