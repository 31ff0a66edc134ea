# SPDX-License-Identifier: AGPL-3.0-or-later
# Every external dependency is a Debian 12 package (scripts/install-deps.sh installs them).

set(D4_QT_COMPONENTS Core Network)
if(D4_BUILD_GUI)
    list(APPEND D4_QT_COMPONENTS Gui Widgets PrintSupport)
endif()
if(D4_BUILD_TESTS)
    list(APPEND D4_QT_COMPONENTS Test)
endif()
find_package(Qt6 6.4 REQUIRED COMPONENTS ${D4_QT_COMPONENTS} OPTIONAL_COMPONENTS LinguistTools)
qt_standard_project_setup()

find_package(OpenSSL 3.0 REQUIRED)
find_package(ZLIB REQUIRED)
find_package(PkgConfig REQUIRED)
pkg_check_modules(HIREDIS REQUIRED IMPORTED_TARGET hiredis>=0.14)

if(D4_BUILD_GUI)
    find_package(QCustomPlotQt6 REQUIRED)
endif()

set_package_properties(OpenSSL PROPERTIES TYPE REQUIRED PURPOSE "TLS, HMAC-SHA256")
set_package_properties(ZLIB PROPERTIES TYPE REQUIRED PURPOSE "gzip of rotated files")
