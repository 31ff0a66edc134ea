# SPDX-License-Identifier: AGPL-3.0-or-later
# d4_common_cfg: the INTERFACE target every project target links. Flags live here and nowhere
# else, so vendored or generated code is not affected by our warning policy.

set(CMAKE_EXPORT_COMPILE_COMMANDS ON)
set(CMAKE_AUTOMOC ON)

if(D4_USE_CCACHE)
    find_program(CCACHE_PROGRAM ccache)
    if(CCACHE_PROGRAM)
        set(CMAKE_C_COMPILER_LAUNCHER "${CCACHE_PROGRAM}")
        set(CMAKE_CXX_COMPILER_LAUNCHER "${CCACHE_PROGRAM}")
    endif()
endif()

if(NOT CMAKE_BUILD_TYPE AND NOT CMAKE_CONFIGURATION_TYPES)
    set(CMAKE_BUILD_TYPE RelWithDebInfo CACHE STRING "Build type" FORCE)
endif()

add_library(d4_common_cfg INTERFACE)
target_compile_features(d4_common_cfg INTERFACE cxx_std_20)
set(CMAKE_CXX_EXTENSIONS OFF)

target_compile_definitions(d4_common_cfg INTERFACE
    QT_NO_CAST_FROM_ASCII
    QT_NO_CAST_TO_ASCII
    QT_NO_CAST_FROM_BYTEARRAY
    QT_NO_CONTEXTLESS_CONNECT
    QT_NO_NARROWING_CONVERSIONS_IN_CONNECT
    QT_USE_QSTRINGBUILDER
    QT_NO_KEYWORDS
    QT_DISABLE_DEPRECATED_UP_TO=0x060400
    OPENSSL_API_COMPAT=30000
    OPENSSL_NO_DEPRECATED
    # Hardening: bounds-checked std containers and fortified libc calls.
    _GLIBCXX_ASSERTIONS
    $<$<NOT:$<CONFIG:Debug>>:_FORTIFY_SOURCE=2>)

target_compile_options(d4_common_cfg INTERFACE
    -Wall -Wextra -pedantic -Wold-style-cast -Wnon-virtual-dtor -Woverloaded-virtual
    -Wshadow -Wformat=2 -Wimplicit-fallthrough
    -fstack-protector-strong -fstack-clash-protection -fPIE
    $<$<BOOL:${D4_WERROR}>:-Werror>)
if(CMAKE_SYSTEM_PROCESSOR MATCHES "x86_64|AMD64")
    target_compile_options(d4_common_cfg INTERFACE -fcf-protection)
endif()
target_link_options(d4_common_cfg INTERFACE -pie -Wl,-z,relro -Wl,-z,now -Wl,-z,noexecstack)

set(D4_SANITIZERS "")
if(D4_ENABLE_ASAN)
    list(APPEND D4_SANITIZERS address)
endif()
if(D4_ENABLE_UBSAN)
    list(APPEND D4_SANITIZERS undefined)
endif()
if(D4_ENABLE_TSAN)
    list(APPEND D4_SANITIZERS thread)
endif()
if(D4_SANITIZERS)
    list(JOIN D4_SANITIZERS "," D4_SANITIZER_LIST)
    target_compile_options(d4_common_cfg INTERFACE -fsanitize=${D4_SANITIZER_LIST} -fno-omit-frame-pointer
        -fno-sanitize-recover=all)
    target_link_options(d4_common_cfg INTERFACE -fsanitize=${D4_SANITIZER_LIST})
endif()
