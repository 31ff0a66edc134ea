# SPDX-License-Identifier: AGPL-3.0-or-later
# Sources of core/sensor/ (the d4-sensor client core), included by core/CMakeLists.txt.
target_sources(d4core PRIVATE
)
