# SPDX-License-Identifier: AGPL-3.0-or-later
# CPack: one Debian package, d4-console, holding the three programs, and a .tar.gz of the same
# tree. The version is project()'s and nothing else. Included by the top-level CMakeLists.txt.
set(CPACK_GENERATOR "DEB;TGZ")
set(CPACK_PACKAGE_NAME d4-console)
set(CPACK_PACKAGE_VENDOR "D4 Console contributors")
set(CPACK_PACKAGE_CONTACT "D4 Console contributors <info@d4-project.org>")
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "${PROJECT_DESCRIPTION}")
set(CPACK_PACKAGE_HOMEPAGE_URL "${PROJECT_HOMEPAGE_URL}")
set(CPACK_RESOURCE_FILE_LICENSE "${CMAKE_SOURCE_DIR}/LICENSE")
set(CPACK_PACKAGE_FILE_NAME "${CPACK_PACKAGE_NAME}-${PROJECT_VERSION}-${CMAKE_SYSTEM_PROCESSOR}")
set(CPACK_PACKAGE_DIRECTORY "${CMAKE_BINARY_DIR}/packages")
set(CPACK_STRIP_FILES ON)
# Every install() rule goes into the one package (test helpers and benchmarks have none);
# tests/packaging/check-package.sh fails on any file it does not expect.

# Debian package (Debian 12). Dependencies: dpkg-shlibdeps on the binaries, plus what is loaded at
# run time and shlibdeps cannot see.
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SECTION net)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
# qt6-base-abi: d4core uses a QtNetwork private function (core/ingest/sharedtlscontext.h), which is
# only stable within one Qt release, as Debian's own packages that do so declare.
set(CPACK_DEBIAN_PACKAGE_DEPENDS "redis-server, qt6-qpa-plugins, libqt6svg6, adduser, qt6-base-abi (= ${Qt6Core_VERSION})")
set(CPACK_DEBIAN_PACKAGE_RECOMMENDS "qt6-translations-l10n, shared-mime-info, hicolor-icon-theme")
set(CPACK_DEBIAN_PACKAGE_SUGGESTS "wireshark")
set(CPACK_DEBIAN_PACKAGE_DESCRIPTION "${PROJECT_DESCRIPTION}
 D4 Console is a native desktop console and ingest server for CIRCL's D4 sensor
 networks, compatible with d4-core: same wire protocol, same Redis key schema,
 same analyzer queues.
 .
 This package contains d4-console (Qt desktop application, in English, French
 and German), d4-server (headless ingest server with a hardened systemd unit,
 not enabled by default) and d4-sensor (sensor client compatible with the D4 C
 and Go clients).")
set(CPACK_DEBIAN_PACKAGE_CONTROL_EXTRA
    "${CMAKE_SOURCE_DIR}/installer/debian/postinst"
    "${CMAKE_SOURCE_DIR}/installer/debian/prerm"
    "${CMAKE_SOURCE_DIR}/installer/debian/postrm")
set(CPACK_DEBIAN_PACKAGE_CONTROL_STRICT_PERMISSION ON)

# The tarball: same tree under d4-console-<version>-<arch>/ (bin/, share/, lib/).
set(CPACK_ARCHIVE_THREADS 0)

include(CPack)
