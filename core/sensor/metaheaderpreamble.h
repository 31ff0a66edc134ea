// SPDX-License-Identifier: AGPL-3.0-or-later
// SPDX-FileCopyrightText: D4 Console contributors
#pragma once

#include <cstdint>
#include <memory>
#include <vector>

#include <QByteArray>

#include "sensor/packetsink.h"

namespace d4::protocol {
class PacketEncoder;
}

namespace d4::sensor {

struct SensorConfig;

/**
 * The preamble of types 2 and 254, as the Go client sends it at start and after every
 * reconnect: metaheader.json, byte for byte, as type-2 packets of at most snaplen bytes each,
 * stamped with the current time. A copyable callable, suitable as a PreambleFactory.
 */
class MetaHeaderPreamble final
{
public:
    explicit MetaHeaderPreamble(const SensorConfig &config);

    /** The same packets wherever the session takes up the stream. */
    std::vector<std::uint8_t> operator()(const ResumePoint &at = {}) const;

private:
    // Shared because std::function copies its target, and an encoder (an HMAC context) cannot be copied.
    std::shared_ptr<protocol::PacketEncoder> m_encoder;
    QByteArray m_metaHeader;
    std::uint32_t m_snaplen;
};

} // namespace d4::sensor
