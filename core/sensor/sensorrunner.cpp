// SPDX-License-Identifier: AGPL-3.0-or-later
// SPDX-FileCopyrightText: D4 Console contributors
#include "sensor/sensorrunner.h"

#include <cerrno>
#include <cstring>
#include <memory>

#include <QFile>

#include "protocol/d4types.h"
#include "sensor/fdsink.h"
#include "sensor/fdutil.h"
#include "sensor/metaheaderpreamble.h"
#include "sensor/pcapresumepreamble.h"
#include "sensor/sensorsender.h"
#include "sensor/tlssink.h"

#include <fcntl.h>
#include <unistd.h>

namespace d4::sensor {

SensorRunner::SensorRunner(SensorConfig config, RunOptions options)
    : m_config(std::move(config))
    , m_options(std::move(options))
{
}

std::optional<SensorError> SensorRunner::run()
{
    if (m_config.source == SensorConfig::Source::Stdin) {
        enlargePipe(STDIN_FILENO);
        return runWithSource(STDIN_FILENO);
    }
    const int fd = ::open(QFile::encodeName(m_config.sourcePath).constData(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) {
        return SensorError{SensorError::Kind::Source,
                           QStringLiteral("cannot open the source %1: %2")
                               .arg(m_config.sourcePath, QString::fromLocal8Bit(std::strerror(errno)))};
    }
    ::posix_fadvise(fd, 0, 0, POSIX_FADV_SEQUENTIAL);
    auto error = runWithSource(fd);
    ::close(fd);
    return error;
}

std::optional<SensorError> SensorRunner::runWithSource(int fd)
{
    PreambleFactory preamble;
    DeliveryObserver delivered;
    if (m_config.usesMetaHeader()) {
        preamble = MetaHeaderPreamble(m_config);
    } else if (m_config.type == protocol::kTypePcap &&
               m_config.destination == SensorConfig::Destination::Server) {
        // Only a connection that is lost and made again needs it: stdout has one session.
        PcapResumePreamble pcap(m_config);
        delivered = [pcap](std::span<const std::uint8_t> packets) mutable { pcap.delivered(packets); };
        preamble = std::move(pcap);
    }
    std::unique_ptr<PacketSink> sink;
    if (m_config.destination == SensorConfig::Destination::Stdout) {
        sink = std::make_unique<FdSink>(STDOUT_FILENO, std::move(preamble));
    } else {
        TlsOptions tls;
        tls.server = m_config.server;
        tls.rootCaPem = m_config.rootCaPem;
        tls.pin = m_options.pin ? m_options.pin : m_config.fingerprint;
        tls.insecure = m_options.insecure;
        tls.retryMax = m_options.retryMax;
        tls.retryLimit = m_options.retryLimit;
        auto tlsSink = TlsSink::create(std::move(tls), std::move(preamble));
        if (!tlsSink) {
            return tlsSink.error();
        }
        sink = std::move(tlsSink.value());
    }
    SensorSender sender(m_config, fd, *sink, std::move(delivered));
    auto error = sender.run();
    m_payloadBytes = sender.payloadBytes();
    m_packets = sender.packetCount();
    return error;
}

} // namespace d4::sensor
