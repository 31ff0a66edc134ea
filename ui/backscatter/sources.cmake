# SPDX-License-Identifier: AGPL-3.0-or-later
# The Backscatter page (docs/captures-and-backscatter.md "Console"), included by ui/CMakeLists.txt.
target_sources(d4ui PRIVATE
    backscatter/attacktablemodel.h
    backscatter/backscatterpage.h
    backscatter/backscattersourcebox.h
    backscatter/importbackscatterlink.h
    backscatter/attacktablemodel.cpp
    backscatter/backscatterpage.cpp
    backscatter/backscattersourcebox.cpp
    backscatter/importbackscatterlink.cpp
)
