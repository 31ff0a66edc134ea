#!/usr/bin/env bash
# SPDX-License-Identifier: AGPL-3.0-or-later
# Set-up command 1: install dependencies, build, start the console.
# Arguments are passed to d4-console.
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/install-deps.sh
./scripts/build.sh
exec ./build/app/d4-console "$@"
