# SPDX-License-Identifier: AGPL-3.0-or-later
# Capture import in the console (docs/import.md).
target_sources(d4ui PRIVATE
    import/importcontroller.h
    import/importdnsmodel.h
    import/importpage.h
    import/importcontroller.cpp
    import/importdnsmodel.cpp
    import/importpage.cpp
)
