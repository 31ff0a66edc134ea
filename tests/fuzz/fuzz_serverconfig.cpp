// SPDX-License-Identifier: AGPL-3.0-or-later
// SPDX-FileCopyrightText: D4 Console contributors
//
// Fuzz target for the server.conf reader (IniFile + ServerConfigLoader): any bytes give either a
// configuration or an error that names a line of the input; parsing twice gives the same result.

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>

#include <QByteArray>
#include <QString>

#include "config/serverconfig.h"

namespace {

void check(bool condition, const char *what)
{
    if (!condition) {
        std::fprintf(stderr, "fuzz_serverconfig: invariant violated: %s\n", what);
        std::abort();
    }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const QByteArray text(reinterpret_cast<const char *>(data), static_cast<qsizetype>(size));
    const QString fileName = QStringLiteral("fuzz.conf");
    d4::config::ConfigError first;
    const auto config = d4::config::ServerConfigLoader::parse(text, fileName, first);
    d4::config::ConfigError second;
    const auto again = d4::config::ServerConfigLoader::parse(text, fileName, second);
    check(config.has_value() == again.has_value(), "parsing is deterministic");
    if (!config) {
        check(!first.toString().isEmpty(), "a refusal has a message");
        check(first.toString() == second.toString(), "the same message twice");
        check(first.line >= 0 && first.line <= text.count('\n') + 1, "the error names a line of the input");
    } else {
        check(config->serverPort >= 0 && config->serverPort <= 65535, "the port is a port");
        check(config->maxPayloadSize > 0, "the payload limit is positive");
    }
    return 0;
}
