# SPDX-License-Identifier: AGPL-3.0-or-later
include(passivedns/tests.cmake OPTIONAL)
include(backscatter/tests.cmake OPTIONAL)
