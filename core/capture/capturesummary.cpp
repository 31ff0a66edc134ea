// SPDX-License-Identifier: AGPL-3.0-or-later
// SPDX-FileCopyrightText: D4 Console contributors
#include "capture/capturesummary.h"

#include <QCoreApplication>

namespace d4::capture {

QList<quint32> CaptureSummary::linkTypes() const
{
    QList<quint32> types;
    for (const CaptureInterface &interface : interfaces) {
        if (!types.contains(interface.linkType)) {
            types.append(interface.linkType);
        }
    }
    return types;
}

QStringList CaptureSummary::precisions() const
{
    QStringList result;
    for (const CaptureInterface &interface : interfaces) {
        if (!result.contains(interface.resolutionText())) {
            result.append(interface.resolutionText());
        }
    }
    return result;
}

QString CaptureSummary::warningText() const
{
    QString text;
    if (truncatedBytes > 0) {
        text = QCoreApplication::translate("d4::capture",
                                           "The capture file was cut short in the middle of a packet: %1 "
                                           "packet(s) read, %2 trailing byte(s) ignored.")
                   .arg(packets)
                   .arg(truncatedBytes);
    }
    if (compressionTruncated) {
        if (!text.isEmpty()) {
            text += QLatin1Char(' ');
        }
        text += QCoreApplication::translate("d4::capture", "The gzip stream ends before its end marker.");
    }
    return text;
}

} // namespace d4::capture
