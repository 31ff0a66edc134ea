// SPDX-License-Identifier: AGPL-3.0-or-later
// SPDX-FileCopyrightText: D4 Console contributors
// TcpDnsReassembler: every path (split, coalesced, retransmitted, gap, oversized, evicted, empty
// frame, FIN) with its counter.

#include <QTest>
#include <QtEndian>

#include "import/tcpdnsreassembler.h"

using d4::import::TcpDnsReassembler;

namespace {

QByteArray framed(const QByteArray &message)
{
    char length[2];
    qToBigEndian<quint16>(static_cast<quint16>(message.size()), length);
    return QByteArray(length, 2) + message;
}

} // namespace

class TestTcpDnsReassembler : public QObject
{
    Q_OBJECT

private:
    QByteArrayList m_messages;
    TcpDnsReassembler::MessageCallback collect()
    {
        m_messages.clear();
        return [this](QByteArrayView message) { m_messages.append(message.toByteArray()); };
    }

private Q_SLOTS:
    void splitAndCoalesced()
    {
        TcpDnsReassembler r(collect());
        const QByteArray a = framed(QByteArray(300, 'a'));
        const QByteArray b = framed(QByteArray(5, 'b'));
        const QByteArray c = framed(QByteArray(7, 'c'));
        r.segment("f", 1000, true, false, {}, 1);
        r.segment("f", 1001, false, false, a.left(1), 2); // the length split in the middle
        r.segment("f", 1002, false, false, a.mid(1, 100), 3);
        QVERIFY(m_messages.isEmpty());
        r.segment("f", 1102, false, false, QByteArray(a.mid(101) + b + c), 4);
        QCOMPARE(m_messages, (QByteArrayList{QByteArray(300, 'a'), QByteArray(5, 'b'), QByteArray(7, 'c')}));
        QCOMPARE(r.stats().messages, 3u);
        QCOMPARE(r.flows(), 1);
        r.segment("f", 1001 + quint32(a.size() + b.size() + c.size()), false, true, {}, 5);
        QCOMPARE(r.flows(), 0); // FIN forgets the flow
    }

    void retransmissionAndOverlap()
    {
        TcpDnsReassembler r(collect());
        const QByteArray a = framed(QByteArray(20, 'a'));
        r.segment("f", 1, false, false, a.left(10), 1); // picked up mid-stream: resynchronised here
        r.segment("f", 1, false, false, a.left(10), 2); // exact retransmission
        QCOMPARE(r.stats().retransmitted, 1u);
        r.segment("f", 6, false, false, a.mid(5), 3); // overlapping: only the new tail is used
        QCOMPARE(m_messages, QByteArrayList{QByteArray(20, 'a')});
    }

    void gapResynchronises()
    {
        TcpDnsReassembler r(collect());
        const QByteArray a = framed(QByteArray(20, 'a'));
        const QByteArray b = framed(QByteArray(4, 'b'));
        r.segment("f", 100, false, false, a.left(10), 1);
        r.segment("f", 500, false, false, b, 2); // bytes 110..499 were never captured
        QCOMPARE(r.stats().gaps, 1u);
        QCOMPARE(m_messages, QByteArrayList{QByteArray(4, 'b')});
    }

    void oversizedFlowIsDropped()
    {
        TcpDnsReassembler r(collect(), 16, 2 + 65535);
        QByteArray junk(40000, '\xff'); // announces 65535 bytes that never complete
        r.segment("f", 0, false, false, junk, 1);
        r.segment("f", 40000, false, false, junk, 2);
        QCOMPARE(r.stats().oversized, 1u);
        QCOMPARE(r.flows(), 0);
        QVERIFY(m_messages.isEmpty());
    }

    void flowsAreBoundedAndEmptyFramesSkipped()
    {
        TcpDnsReassembler r(collect(), 2);
        r.segment("a", 0, false, false, QByteArray(1, '\0'), 1);
        r.segment("b", 0, false, false, QByteArray(1, '\0'), 2);
        r.segment("c", 0, false, false, QByteArray(1, '\0'), 3);
        QCOMPARE(r.flows(), 2);
        QCOMPARE(r.stats().evicted, 1u);
        r.segment("c", 1, false, false, QByteArray(1, '\0'), 4); // a zero-length frame
        QCOMPARE(r.stats().emptyMessages, 1u);
        QVERIFY(m_messages.isEmpty());
        r.drop("c");
        QCOMPARE(r.flows(), 1);
    }
};

QTEST_GUILESS_MAIN(TestTcpDnsReassembler)
#include "tst_tcpdnsreassembler.moc"
