#!/usr/bin/env bash
# SPDX-License-Identifier: AGPL-3.0-or-later
# Set-up command 2: install dependencies, build with warnings as errors, run the whole test suite.
# .ci/run calls exactly this. Extra arguments go to ctest (e.g. -L unit).
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/install-deps.sh
./scripts/build.sh -DD4_WERROR=ON -DD4_BUILD_TESTS=ON
cd "${D4_BUILD_DIR:-build}"
export QT_QPA_PLATFORM=offscreen
ctest --output-on-failure --timeout 300 "$@"
