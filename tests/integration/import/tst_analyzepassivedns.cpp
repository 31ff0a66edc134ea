// SPDX-License-Identifier: AGPL-3.0-or-later
// SPDX-FileCopyrightText: D4 Console contributors
// `d4-server analyze FILE... --json` (the real binary): the "passive_dns" array extracted from the
// DNS responses of the captures, aggregated across files.

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTest>

#include "testenvironment.h"

using namespace d4::test;

class TestAnalyzePassiveDns : public QObject
{
    Q_OBJECT

private:
    static QJsonObject analyze(const QStringList &files, int *exitCode)
    {
        QProcess process;
        process.start(builtExecutable(QStringLiteral("d4-server")),
                      QStringList{QStringLiteral("analyze")} + files + QStringList{QStringLiteral("--json")});
        if (!process.waitForFinished(60000)) {
            *exitCode = -1;
            return {};
        }
        *exitCode = process.exitCode();
        return QJsonDocument::fromJson(process.readAllStandardOutput()).object();
    }

    static QJsonObject find(const QJsonArray &array, const QString &name, const QString &type,
                            const QString &rdata)
    {
        for (const QJsonValue &value : array) {
            const QJsonObject object = value.toObject();
            if (object.value(QStringLiteral("rrname")).toString() == name &&
                object.value(QStringLiteral("rrtype")).toString() == type &&
                object.value(QStringLiteral("rdata")).toString() == rdata) {
                return object;
            }
        }
        return {};
    }

private Q_SLOTS:
    void passiveDnsArray()
    {
        int exitCode = 0;
        const QJsonObject report = analyze({testDataPath(QStringLiteral("pdns/dns_udp.pcap")),
                                            testDataPath(QStringLiteral("pdns/dns_tcp.pcap")),
                                            testDataPath(QStringLiteral("pdns/pdns-synthetic.pcap"))},
                                           &exitCode);
        QCOMPARE(exitCode, 0);
        QVERIFY(report.contains(QStringLiteral("backscatter")));
        const QJsonArray dns = report.value(QStringLiteral("passive_dns")).toArray();
        QVERIFY(dns.size() > 30);
        // Seen once over UDP (2020-06-10) and once over TCP: one tuple, count 2.
        const QJsonObject tcpdump = find(dns, QStringLiteral("www.tcpdump.org"), QStringLiteral("A"),
                                         QStringLiteral("192.139.46.66"));
        QCOMPARE(tcpdump.value(QStringLiteral("count")).toInteger(), 2);
        QCOMPARE(tcpdump.value(QStringLiteral("first")).toInteger(), 1591780794);
        QCOMPARE(tcpdump.value(QStringLiteral("last")).toInteger(), 1591780863);
        const QJsonObject www =
            find(dns, QStringLiteral("www.example.com"), QStringLiteral("A"), QStringLiteral("192.0.2.10"));
        QCOMPARE(www.value(QStringLiteral("count")).toInteger(), 2);
        QVERIFY(!find(dns, QStringLiteral("example.com"), QStringLiteral("MX"),
                      QStringLiteral("10 mail.example.com"))
                     .isEmpty());
        const QJsonObject nx = find(dns, QStringLiteral("does-not-exist.example.com"), QStringLiteral("A"),
                                    QStringLiteral("NXDOMAIN"));
        QVERIFY(nx.value(QStringLiteral("error")).toBool());
        // Sorted by name, so the report is stable.
        for (qsizetype i = 1; i < dns.size(); ++i) {
            QVERIFY(dns[i - 1].toObject().value(QStringLiteral("rrname")).toString() <=
                    dns[i].toObject().value(QStringLiteral("rrname")).toString());
        }
    }

    void noDnsGivesAnEmptyArray()
    {
        int exitCode = 0;
        const QJsonObject report =
            analyze({testDataPath(QStringLiteral("pcap/backscatter-synthetic.pcap"))}, &exitCode);
        QCOMPARE(exitCode, 0);
        QVERIFY(report.value(QStringLiteral("passive_dns")).isArray());
        QCOMPARE(report.value(QStringLiteral("passive_dns")).toArray().size(), 0);
    }
};

QTEST_GUILESS_MAIN(TestAnalyzePassiveDns)
#include "tst_analyzepassivedns.moc"
