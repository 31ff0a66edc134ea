// SPDX-License-Identifier: AGPL-3.0-or-later
// SPDX-FileCopyrightText: D4 Console contributors
#include "sensor/metaheaderpreamble.h"

#include <algorithm>
#include <ctime>
#include <string_view>

#include "protocol/d4types.h"
#include "protocol/packetencoder.h"
#include "sensor/sensorconfig.h"

namespace d4::sensor {

MetaHeaderPreamble::MetaHeaderPreamble(const SensorConfig &config)
    : m_encoder(std::make_shared<protocol::PacketEncoder>(
          config.uuid, protocol::kTypeMetaHeader, std::string_view(config.key.constData(), config.key.size()),
          config.version))
    , m_metaHeader(config.metaHeader)
    , m_snaplen(std::max<std::uint32_t>(config.snaplen, 1))
{
}

std::vector<std::uint8_t> MetaHeaderPreamble::operator()(const ResumePoint & /*at*/) const
{
    std::vector<std::uint8_t> out;
    const auto timestamp = static_cast<std::uint64_t>(std::time(nullptr));
    const auto *bytes = reinterpret_cast<const std::uint8_t *>(m_metaHeader.constData());
    const auto size = static_cast<std::size_t>(m_metaHeader.size());
    out.reserve(size + (size / m_snaplen + 1) * protocol::kHeaderSize);
    for (std::size_t offset = 0; offset < size; offset += m_snaplen) {
        m_encoder->appendPacket(out, {bytes + offset, std::min<std::size_t>(m_snaplen, size - offset)},
                                timestamp);
    }
    return out;
}

} // namespace d4::sensor
