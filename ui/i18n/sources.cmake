# SPDX-License-Identifier: AGPL-3.0-or-later
# Included by ui/CMakeLists.txt. The translations themselves are built and embedded into d4ui by
# translations/CMakeLists.txt (qt_add_translations, resource prefix /i18n).
include(GNUInstallDirs)
target_sources(d4ui PRIVATE
    i18n/languageloader.h
    i18n/languageloader.cpp
)
# Installed catalogues are found relative to the executable, so the package works under any prefix.
file(RELATIVE_PATH d4_translations_relative_dir
    "${CMAKE_INSTALL_PREFIX}/${CMAKE_INSTALL_BINDIR}"
    "${CMAKE_INSTALL_PREFIX}/${CMAKE_INSTALL_DATADIR}/d4-console/translations")
set_property(SOURCE i18n/languageloader.cpp APPEND PROPERTY COMPILE_DEFINITIONS
    D4_TRANSLATIONS_RELATIVE_DIR="${d4_translations_relative_dir}")
