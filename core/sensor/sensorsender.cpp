// SPDX-License-Identifier: AGPL-3.0-or-later
// SPDX-FileCopyrightText: D4 Console contributors
#include "sensor/sensorsender.h"

#include <ctime>
#include <memory>
#include <string_view>
#include <thread>

#include "protocol/d4types.h"
#include "protocol/packetencoder.h"
#include "sensor/packetbatch.h"
#include "sensor/parallelsealer.h"
#include "sensor/sensorconfig.h"

namespace d4::sensor {

SensorSender::SensorSender(const SensorConfig &config, int sourceFd, PacketSink &sink,
                           DeliveryObserver delivered)
    : m_config(config)
    , m_sourceFd(sourceFd)
    , m_sink(sink)
    , m_delivered(std::move(delivered))
{
}

std::optional<SensorError> SensorSender::run()
{
    if (auto error = m_sink.open()) {
        return error;
    }
    // As the Go client: after the type-2 meta header, data of types 2 and 254 travels as 254.
    const std::uint8_t type = m_config.usesMetaHeader() ? protocol::kTypeExtended : m_config.type;
    protocol::PacketEncoder encoder(m_config.uuid, type,
                                    std::string_view(m_config.key.constData(), m_config.key.size()),
                                    m_config.version);
    PacketBatch batch(m_config.snaplen);
    // SHA-256 is nearly all the work: sign large batches on two cores when there are two.
    std::unique_ptr<ParallelSealer> helper;
    if (std::thread::hardware_concurrency() > 1) {
        helper = std::make_unique<ParallelSealer>(std::make_unique<protocol::PacketEncoder>(
            m_config.uuid, type, std::string_view(m_config.key.constData(), m_config.key.size()),
            m_config.version));
    }
    for (;;) {
        const auto read = batch.readFrom(m_sourceFd);
        if (!read) {
            return read.error();
        }
        const std::size_t bytes = read.value();
        const auto packets =
            batch.seal(encoder, bytes, static_cast<std::uint64_t>(std::time(nullptr)), helper.get());
        if (auto error = m_sink.write(packets)) {
            return error;
        }
        if (m_delivered) {
            m_delivered(packets);
        }
        m_payloadBytes += bytes;
        m_packets += bytes == 0 ? 1 : (bytes + m_config.snaplen - 1) / m_config.snaplen;
        if (bytes == 0) {
            break;
        }
    }
    return m_sink.close();
}

} // namespace d4::sensor
