#!/bin/sh
# SPDX-License-Identifier: AGPL-3.0-or-later
# Tools the capture benchmark compares against (tests/bench/run-capture-bench.sh): tshark, tcpdump,
# capinfos (wireshark-common) and GNU time. Debian/Ubuntu.
set -eu
SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO=sudo
$SUDO apt-get update
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y --no-install-recommends tshark tcpdump wireshark-common time
