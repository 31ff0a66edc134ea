# SPDX-License-Identifier: AGPL-3.0-or-later
# Fuzz targets of the configuration reader and the workers' framing (docs/fuzzing.md).
d4_add_fuzzer(NAME fuzz_serverconfig SOURCES fuzz_serverconfig.cpp LIBRARIES d4core)
d4_add_fuzzer(NAME fuzz_pcapframer SOURCES fuzz_pcapframer.cpp LIBRARIES d4core)
d4_add_fuzzer(NAME fuzz_linerebuilder SOURCES fuzz_linerebuilder.cpp LIBRARIES d4core)
