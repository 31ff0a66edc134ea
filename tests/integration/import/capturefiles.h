// SPDX-License-Identifier: AGPL-3.0-or-later
// SPDX-FileCopyrightText: D4 Console contributors
#pragma once

#include <QList>
#include <QString>

namespace d4::test {

/** One packet of a test capture: time and frame bytes. */
struct TestPacket
{
    qint64 timestampNs = 0;
    quint32 originalLength = 0;
    QByteArray data;
};

/** The packets of a capture under tests/data (read with the project's capture reader). */
QList<TestPacket> readTestCapture(const QString &relativePath, quint32 *linkType = nullptr);
/** Writes a little-endian µs libpcap file. */
bool writePcap(const QString &path, const QList<TestPacket> &packets, quint32 linkType = 1);
/**
 * Writes a pcap of at least @p minBytes by repeating @p packets, each round shifted by
 * @p roundNs so that times keep increasing. Returns the number of packets written.
 */
quint64 writeRepeatedPcap(const QString &path, const QList<TestPacket> &packets, quint64 minBytes,
                          qint64 roundNs, quint32 linkType = 1);

} // namespace d4::test
