#!/usr/bin/env bash
# SPDX-License-Identifier: AGPL-3.0-or-later
# Builds the Debian package from a configured build directory and checks it:
#   1. metadata (dpkg-deb -I): name, version = project(), architecture, dependencies, scripts;
#   2. contents (dpkg-deb -c): every expected file, nothing unexpected, modes of the scripts;
#   3. a throwaway root (dpkg -x): each program's --version, desktop-file-validate,
#      appstreamcli validate (metainfo and the whole tree), the MIME package, the man pages (and
#      that d4-server(1) documents `analyze` and the configuration sections), and
#      check-systemd-unit.sh: systemd-analyze verify, the hardening options, d4-server started
#      as ExecStart starts it with the shipped sample configuration until it listens, then
#      SIGTERM and exit status 0; plus the unit's offline security score;
#   4. with --install (root only): `apt-get install ./d4-console_*.deb` on this machine, the user,
#      configuration and permissions postinst creates, d4-server.service under a real systemd
#      (check-systemd-service.sh), then purge, which must keep
#      /var/lib/d4-server (user data) and remove the rest.
# Usage: tests/packaging/check-package.sh [--install] [--no-build] [BUILD_DIR]   (default: build)
# shellcheck disable=SC2015  # `check && pass || fail`: pass only echoes, it cannot fail
set -euo pipefail
cd "$(dirname "$0")/../.."

install_test=no
rebuild=yes
while [ $# -gt 0 ]; do
  case "$1" in
    --install) install_test=yes; shift ;;
    --no-build) rebuild=no; shift ;;  # package the binaries already built, do not rebuild them
    *) break ;;
  esac
done
BUILD_DIR=$(realpath "${1:-${D4_BUILD_DIR:-build}}")
failures=0
fail() { echo "check-package: FAIL: $*" >&2; failures=$((failures + 1)); }
pass() { echo "check-package: ok: $*"; }
need() {
  if ! command -v "$1" >/dev/null; then
    echo "check-package: $1 is missing (run scripts/install-deps.sh)" >&2
    exit 2
  fi
}
for tool in dpkg-deb dpkg-shlibdeps fakeroot desktop-file-validate appstreamcli xmllint update-mime-database; do
  need "$tool"
done

start=$(date +%s)
version=$(sed -n 's/^CMAKE_PROJECT_VERSION:STATIC=//p' "$BUILD_DIR/CMakeCache.txt")
[ -n "$version" ] || { echo "check-package: $BUILD_DIR is not a configured build directory" >&2; exit 2; }
rm -rf "$BUILD_DIR/packages"
if [ "$rebuild" = yes ]; then
  package_command=(cmake --build "$BUILD_DIR" --target package_deb)
else
  package_command=(cpack --config "$BUILD_DIR/CPackConfig.cmake" -B "$BUILD_DIR/packages")
fi
(cd "$BUILD_DIR" && "${package_command[@]}") >"$BUILD_DIR/package.log" 2>&1 || {
  tail -30 "$BUILD_DIR/package.log" >&2
  echo "check-package: building the package failed (log: $BUILD_DIR/package.log)" >&2
  exit 1
}
arch=$(dpkg --print-architecture)
deb="$BUILD_DIR/packages/d4-console_${version}_${arch}.deb"
[ -f "$deb" ] || { echo "check-package: $deb was not built" >&2; ls "$BUILD_DIR/packages" >&2; exit 1; }
ls "$BUILD_DIR"/packages/d4-console-"$version"-*.tar.gz >/dev/null 2>&1 && pass "tarball built" || fail "no .tar.gz built"
pass "built $(basename "$deb") ($(du -k "$deb" | cut -f1) KiB) in $(($(date +%s) - start)) s"

# 1. Metadata
field() { dpkg-deb -f "$deb" "$1"; }
[ "$(field Package)" = d4-console ] && pass "Package: d4-console" || fail "Package is $(field Package)"
[ "$(field Version)" = "$version" ] && pass "Version: $version (project())" || fail "Version is $(field Version), project() says $version"
[ "$(field Architecture)" = "$arch" ] || fail "Architecture is $(field Architecture)"
depends=$(field Depends)
for dep in redis-server libqt6core6 libqt6widgets6 libqt6network6 libhiredis0.14 libssl3 zlib1g libc6 qt6-qpa-plugins libqt6svg6 qt6-base-abi; do
  grep -qE "(^|, )$dep( |,|$)" <<<"$depends" || fail "Depends lacks $dep: $depends"
done
pass "Depends: $depends"
control=$(dpkg-deb -I "$deb")
for script in postinst prerm postrm; do
  grep -qE "^ +[0-9]+ bytes, +[0-9]+ lines +\* +$script " <<<"$control" \
    && pass "maintainer script $script (executable)" || fail "maintainer script $script missing or not executable"
done

# 2. Contents
contents=$(dpkg-deb -c "$deb" | awk '{print $1, $6}' | sed 's| \./| /|')
files=$(awk '$1 !~ /^d/ {print $2}' <<<"$contents" | sort)
app=org.d4_project.D4Console
expected=(
  /usr/bin/d4-console /usr/bin/d4-server /usr/bin/d4-sensor
  /usr/share/d4-console/translations/d4console_fr.qm /usr/share/d4-console/translations/d4console_de.qm
  "/usr/share/applications/$app.desktop" "/usr/share/metainfo/$app.metainfo.xml"
  /usr/share/mime/packages/d4-console.xml "/usr/share/icons/hicolor/scalable/apps/$app.svg"
  /usr/share/man/man1/d4-console.1.gz /usr/share/man/man1/d4-server.1.gz /usr/share/man/man1/d4-sensor.1.gz
  /usr/share/doc/d4-console/server.conf.sample /usr/share/doc/d4-console/copyright
  /usr/lib/systemd/system/d4-server.service /usr/lib/sysusers.d/d4-server.conf
)
for size in 16 22 24 32 48 64 128 256; do
  expected+=("/usr/share/icons/hicolor/${size}x${size}/apps/$app.png")
done
for f in "${expected[@]}"; do
  grep -qxF "$f" <<<"$files" || fail "missing from the package: $f"
done
unexpected=$(comm -23 <(echo "$files") <(printf '%s\n' "${expected[@]}" | sort))
[ -z "$unexpected" ] && pass "contents: the ${#expected[@]} expected files, nothing else" || fail "unexpected files: $unexpected"
for program in d4-console d4-server d4-sensor; do
  grep -qE "^-rwxr-xr-x /usr/bin/$program$" <<<"$contents" || fail "/usr/bin/$program is not 0755"
done

# 3. A throwaway root
root=$(mktemp -d)
cleanup() {
  rm -rf "$root"
}
trap cleanup EXIT
dpkg -x "$deb" "$root"
for program in d4-console d4-server d4-sensor; do
  out=$(QT_QPA_PLATFORM=offscreen "$root/usr/bin/$program" --version 2>&1) || fail "$program --version exited with $?"
  grep -qF "$version" <<<"$out" && pass "$program --version: $out" || fail "$program --version printed: $out"
done
desktop-file-validate "$root/usr/share/applications/$app.desktop" && pass "desktop-file-validate" || fail "desktop-file-validate"
grep -qx 'MimeType=application/vnd.tcpdump.pcap;application/x-pcapng;' "$root/usr/share/applications/$app.desktop" \
  || fail "the desktop file does not declare the pcap and pcapng MIME types"
grep -qx 'Exec=d4-console %F' "$root/usr/share/applications/$app.desktop" || fail "Exec is not 'd4-console %F'"
appstreamcli validate --no-net "$root/usr/share/metainfo/$app.metainfo.xml" >/tmp/d4-appstream.$$ 2>&1 \
  && pass "appstreamcli validate --no-net" || { cat /tmp/d4-appstream.$$ >&2; fail "appstreamcli validate"; }
grep -q "<release version=\"$version\"" "$root/usr/share/metainfo/$app.metainfo.xml" || fail "metainfo has no release $version"
appstreamcli validate-tree --no-net "$root" >/tmp/d4-appstream.$$ 2>&1 \
  && pass "appstreamcli validate-tree --no-net" || { cat /tmp/d4-appstream.$$ >&2; fail "appstreamcli validate-tree"; }
rm -f /tmp/d4-appstream.$$
# The MIME package must compile, and the result must map *.pcapng to our type.
mkdir -p "$root/mime/packages"
cp /usr/share/mime/packages/freedesktop.org.xml "$root/usr/share/mime/packages/d4-console.xml" "$root/mime/packages/"
update-mime-database "$root/mime" >/dev/null 2>&1 && grep -q 'application/x-pcapng:\*\.pcapng' "$root/mime/globs" \
  && pass "MIME package: *.pcapng -> application/x-pcapng" || fail "the MIME package does not register *.pcapng"
for page in d4-console d4-server d4-sensor; do
  warnings=$(LC_ALL=C.UTF-8 man --warnings -l "$root/usr/share/man/man1/$page.1.gz" 2>&1 >/dev/null || true)
  [ -z "$warnings" ] && pass "man page $page(1)" || fail "man $page: $warnings"
done
# d4-server(1) documents every subcommand and the configuration sections the server accepts.
before=$failures
server_page=$(LC_ALL=C.UTF-8 MANWIDTH=200 man -l "$root/usr/share/man/man1/d4-server.1.gz" 2>/dev/null || true)
for section in ANALYZE CONFIGURATION SIGNALS; do
  grep -qx "$section" <<<"$server_page" || fail "d4-server(1) has no $section section"
done
grep -qE '^ +d4-server +analyze +file\.\.\. +\[--json\]' <<<"$server_page" || fail "d4-server(1) SYNOPSIS lacks 'd4-server analyze file... [--json]'"
for option in --json --prefix --preset --min-packets --min-duration --min-window-packets --udp-responses --pibs --pibs-csv; do
  grep -qE "^ +$option( |$)" <<<"$server_page" || fail "d4-server(1) does not describe analyze $option"
done
for key in shutdown_drain_seconds '\[Forward:name\]' '\[Sensor_Groups\]'; do
  grep -qE "^ +$key" <<<"$server_page" || fail "d4-server(1) does not describe $key"
done
[ "$failures" -eq "$before" ] && pass "d4-server(1): analyze and its options, CONFIGURATION with shutdown_drain_seconds, [Forward:name], [Sensor_Groups]"
for res in "$root/usr/share/icons/hicolor"/*x*/apps/"$app".png; do
  size=$(basename "$(dirname "$(dirname "$res")")")
  # PNG: the IHDR width is the big-endian 32-bit number at offset 16.
  od -An -tu1 -j16 -N4 "$res" | awk -v want="${size%x*}" '{w = $1*16777216 + $2*65536 + $3*256 + $4} END {exit w != want}' \
    || fail "$res is not ${size}"
done
# The unit and d4-server with the shipped sample, as the unit starts it (check-systemd-unit.sh:
# systemd-analyze verify, hardening options, start until it listens on a free port with a
# temporary data directory, SIGTERM, exit status 0). A real systemd start is not possible here.
if tests/packaging/check-systemd-unit.sh "$root/usr/lib/systemd/system/d4-server.service" "$root/usr/bin/d4-server" \
  "$root/usr/share/doc/d4-console/server.conf.sample" >"$root/unit-check.out" 2>&1; then
  sed 's/^check-systemd-unit: ok: /check-package: ok: unit: /' "$root/unit-check.out" | grep 'ok: '
else
  cat "$root/unit-check.out" >&2
  fail "the systemd unit or d4-server with the sample server.conf (above)"
fi
if command -v systemd-analyze >/dev/null; then
  exposure=$(systemd-analyze security --offline=yes --root="$root" /usr/lib/systemd/system/d4-server.service 2>/dev/null \
    | sed -n 's/.*Overall exposure level for .*: \(.*\)$/\1/p' || true)
  pass "systemd-analyze security (offline): exposure ${exposure:-not reported}"
fi

# 4. Installation on this machine, then purge (CI, as root).
if [ "$install_test" = yes ]; then
  [ "$(id -u)" -eq 0 ] || { echo "check-package: --install needs root" >&2; exit 2; }
  if dpkg-query -W -f='${Status}' d4-console 2>/dev/null | grep -q "install ok installed"; then
    echo "check-package: d4-console is already installed here; not touching it" >&2
    exit 2
  fi
  export DEBIAN_FRONTEND=noninteractive
  apt-get install -y -qq --no-install-recommends "$deb" >"$BUILD_DIR/package-install.log" 2>&1 \
    && pass "apt-get install ./$(basename "$deb")" || { tail -20 "$BUILD_DIR/package-install.log" >&2; fail "apt-get install"; }
  getent passwd d4-server >/dev/null && pass "postinst created the d4-server user" || fail "no d4-server user"
  [ "$(stat -c '%U:%G %a' /etc/d4-server/server.conf 2>/dev/null)" = "root:d4-server 640" ] \
    && pass "/etc/d4-server/server.conf is root:d4-server 0640" || fail "/etc/d4-server/server.conf: $(stat -c '%U:%G %a' /etc/d4-server/server.conf 2>&1)"
  [ "$(stat -c '%U:%G' /var/lib/d4-server 2>/dev/null)" = "d4-server:d4-server" ] || fail "/var/lib/d4-server is not owned by d4-server"
  for program in d4-console d4-server d4-sensor; do
    QT_QPA_PLATFORM=offscreen "/usr/bin/$program" --version >/dev/null || fail "installed $program --version"
  done
  # The unit under a real systemd (booted in a private namespace): start, sandbox, journal, restart, stop.
  if tests/packaging/check-systemd-service.sh; then
    pass "d4-server.service under systemd"
  else
    fail "d4-server.service under systemd (above)"
  fi
  echo "user data" >/var/lib/d4-server/canary
  apt-get purge -y -qq d4-console >>"$BUILD_DIR/package-install.log" 2>&1 && pass "apt-get purge d4-console" || fail "apt-get purge"
  [ ! -e /usr/bin/d4-server ] && [ ! -e /etc/d4-server ] && [ ! -e /usr/lib/systemd/system/d4-server.service ] \
    && pass "purge removed the programs, the unit and /etc/d4-server" || fail "purge left files behind"
  [ -f /var/lib/d4-server/canary ] && pass "purge kept /var/lib/d4-server (user data)" || fail "purge removed user data"
  rm -f /var/lib/d4-server/canary
fi

echo "check-package: $failures failure(s) in $(($(date +%s) - start)) s"
[ "$failures" -eq 0 ]
