// SPDX-License-Identifier: AGPL-3.0-or-later
// SPDX-FileCopyrightText: D4 Console contributors
#pragma once

#include <cstdint>
#include <optional>

#include <QByteArray>
#include <QString>

#include "protocol/d4header.h"
#include "sensor/configerror.h"
#include "sensor/endpoint.h"
#include "sensor/fingerprint.h"
#include "sensor/result.h"

namespace d4::sensor {

/**
 * A validated sensor configuration, read from a D4 C/Go client configuration directory.
 *
 * Files (each one line; one trailing '\n' then one '\r' are dropped, see
 * ConfigDirectory::trimLineEnding; numbers, uuid, source and destination also ignore
 * surrounding blanks, the key does not):
 * - uuid: a version-4 UUID. Missing or empty: one is generated and written back in the dashed
 *   form. Anything else that is not a v4 UUID is an error (the D4 server rejects other UUIDs).
 * - key: required (the HMAC key, raw bytes, may be empty).
 * - type: required, 1..255. version: 1..255, default 1. snaplen: 1..65535, default 4096.
 * - source: "stdin" (default) or a file path, optionally written "file:<path>"; relative paths
 *   are resolved against the configuration directory. The file must exist.
 * - destination: "stdout" (default), "host:port" or "[ipv6]:port" (TLS).
 * - metaheader.json: required for types 2 and 254; at most 100000 bytes, a JSON object with a
 *   string member "type". Kept byte for byte: it is what gets sent.
 * - rootCA.crt: optional PEM certificates the server's certificate must chain to.
 * - fingerprint: optional SHA-256 pin of the server certificate (see parseSha256Fingerprint).
 * An empty rootCA.crt or fingerprint counts as absent (the Go client creates missing files empty).
 */
struct SensorConfig
{
    enum class Source
    {
        Stdin,
        File
    };
    enum class Destination
    {
        Stdout,
        Server
    };

    static constexpr std::uint32_t kDefaultSnaplen = 4096;
    static constexpr std::uint32_t kMaxSnaplen = 65535;
    static constexpr qsizetype kMaxMetaHeaderBytes = 100000;
    static constexpr qsizetype kMaxRootCaBytes = 1024 * 1024;

    QString directory;
    protocol::Uuid uuid{};
    bool uuidGenerated = false; ///< true when load() created the uuid file
    QByteArray key;
    std::uint8_t type = 0;
    std::uint8_t version = protocol::kProtocolVersion;
    std::uint32_t snaplen = kDefaultSnaplen;
    Source source = Source::Stdin;
    QString sourcePath; ///< absolute; only for Source::File
    Destination destination = Destination::Stdout;
    Endpoint server;       ///< only for Destination::Server
    QByteArray metaHeader; ///< raw metaheader.json; empty unless usesMetaHeader()
    QByteArray rootCaPem;  ///< empty when there is no rootCA.crt
    std::optional<Sha256Fingerprint> fingerprint;

    /** Types 2 and 254 send metaheader.json (as type 2) before their data (as type 254). */
    bool usesMetaHeader() const noexcept;

    /**
     * Reads and validates @p directory. The only side effect is writing a generated uuid.
     * Every rejection is a ConfigError whose message names the file and the problem.
     */
    static Result<SensorConfig, ConfigError> load(const QString &directory);
};

} // namespace d4::sensor
