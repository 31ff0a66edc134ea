// SPDX-License-Identifier: AGPL-3.0-or-later
// SPDX-FileCopyrightText: D4 Console contributors
#pragma once

#include <array>

#include <QByteArrayList>
#include <QCoreApplication>
#include <QList>
#include <QString>

#include "forward/filterdecision.h"
#include "forward/forwardrule.h"

namespace d4::ui {

/** One previewed item: what went in, what the rule decided, and what would be sent. */
struct ForwardPreviewItem
{
    QString input; ///< the line, or a one-line summary of the packet as read
    forward::FilterReason reason = forward::FilterReason::None;
    QString output; ///< kept: the line or packet summary as it would be sent; empty otherwise

    bool kept() const { return reason == forward::FilterReason::None; }
};

/** The outcome of a dry run: the items, totals per reason, and notes for the analyst. */
struct ForwardPreviewResult
{
    QList<ForwardPreviewItem> items;
    std::array<int, int(forward::FilterReason::Count_)> totals{};
    bool randomKey = false; ///< pseudonyms were made with a random key, not the rule's
    bool truncated = false; ///< the file had more packets than were previewed
    QString error;          ///< the filter or the file could not be used
};

/**
 * Runs a rule's LineFilter / PcapFilter on sample data, exactly as the forwarder would, without
 * sending anything. The real pseudonymisation key is a secret the console does not have: a rule
 * that pseudonymises is previewed with a random key (pseudonyms differ from the real ones, the
 * decisions do not). Blocking (files): call it off the GUI thread. Thread-safe (no state).
 */
class ForwardPreviewRunner final
{
    Q_DECLARE_TR_FUNCTIONS(ForwardPreviewRunner)

public:
    static constexpr int kMaxPackets = 1000;

    static ForwardPreviewResult previewLines(const forward::ForwardRule &rule, const QByteArrayList &lines);
    /** The first kMaxPackets packets of a pcap / pcapng (/ .gz) capture file. */
    static ForwardPreviewResult previewCaptureFile(const forward::ForwardRule &rule, const QString &path);
    /** Splits pasted or loaded text into lines (LF or CRLF), leaving out empty lines. */
    static QByteArrayList splitLines(const QByteArray &text);
    /** "12:00:01.123456 10.0.0.1:53 → 10.0.0.2:41000 UDP 98 bytes" for one frame. */
    static QString packetSummary(qint64 timestampNs, quint32 linkType, const uchar *data,
                                 quint32 capturedLength, quint32 originalLength);
};

} // namespace d4::ui
