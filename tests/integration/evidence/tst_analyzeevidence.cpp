// SPDX-License-Identifier: AGPL-3.0-or-later
// SPDX-FileCopyrightText: D4 Console contributors
// `d4-server analyze --evidence-dir` as a user runs it: the real binary on real captures; every
// file the JSON report names is opened with libpcap and compared packet by packet with the first
// and last backscatter packets of its victim in the input capture.

#include <QDir>
#include <QHash>
#include <QHostAddress>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include "analyzers/backscatter/classification.h"
#include "analyzerun.h"
#include "capture/capturefilereader.h"
#include "capture/packetdecoder.h"
#include "testenvironment.h"

#include <pcap/pcap.h>

using namespace d4::test;

namespace {

using Run = AnalyzeRun;

Run analyze(const QStringList &arguments)
{
    return runAnalyze(arguments);
}

QString dataFile(const char *name)
{
    return testDataPath(QStringLiteral("pcap/") + QLatin1String(name));
}

struct Packet
{
    qint64 seconds = 0;
    qint64 microseconds = 0;
    quint32 originalLength = 0;
    QByteArray data;
    bool operator==(const Packet &) const = default;
};

/** The backscatter packets of @p capture per "victim/protocol number", read with the project's reader. */
QHash<QString, QList<Packet>> backscatterByVictim(const QString &capture)
{
    QHash<QString, QList<Packet>> byVictim;
    d4::capture::PacketDecoder decoder;
    d4::capture::DecodedPacket decoded;
    d4::capture::CaptureFileReader::read(capture, [&](const d4::capture::CapturePacket &p) {
        decoder.decode(p.linkType, p.data, p.capturedLength, decoded);
        if (!decoded.isIp() || decoded.source.version != 4) {
            return;
        }
        const auto c = d4::analyzers::backscatter::classify(decoded, false);
        if (!d4::analyzers::backscatter::isBackscatter(c.cls)) {
            return;
        }
        const QString key =
            QHostAddress(c.victim.v4).toString() + QLatin1Char('/') + QString::number(c.protocol);
        byVictim[key].append(
            {p.timestampNs / 1000000000LL, (p.timestampNs % 1000000000LL) / 1000, p.originalLength,
             QByteArray(reinterpret_cast<const char *>(p.data), qsizetype(p.capturedLength))});
    });
    return byVictim;
}

/** Every packet of @p path read with libpcap; @p linkType gets pcap_datalink(). */
QList<Packet> readWithLibpcap(const QString &path, int &linkType, QString &error)
{
    QList<Packet> packets;
    char errorBuffer[PCAP_ERRBUF_SIZE] = {};
    pcap_t *handle = pcap_open_offline(QFile::encodeName(path).constData(), errorBuffer);
    if (!handle) {
        error = QString::fromLocal8Bit(errorBuffer);
        return packets;
    }
    linkType = pcap_datalink(handle);
    pcap_pkthdr *header = nullptr;
    const u_char *data = nullptr;
    int status = 0;
    while ((status = pcap_next_ex(handle, &header, &data)) == 1) {
        packets.append({header->ts.tv_sec, header->ts.tv_usec, header->len,
                        QByteArray(reinterpret_cast<const char *>(data), qsizetype(header->caplen))});
    }
    if (status != PCAP_ERROR_BREAK) {
        error = QString::fromLocal8Bit(pcap_geterr(handle));
    }
    pcap_close(handle);
    return packets;
}

/** Checks every attack of @p report against its evidence file; returns how many files there were. */
int checkEvidence(const QJsonObject &report, const QString &capture, int first, int recent)
{
    const QHash<QString, QList<Packet>> input = backscatterByVictim(capture);
    const QJsonArray attacks =
        report.value(QStringLiteral("backscatter")).toObject().value(QStringLiteral("attacks")).toArray();
    int files = 0;
    for (const QJsonValue &value : attacks) {
        const QJsonObject attack = value.toObject();
        const QString key = attack.value(QStringLiteral("victim")).toString() + QLatin1Char('/') +
                            QString::number(attack.value(QStringLiteral("protocol_number")).toInt());
        const QList<Packet> all = input.value(key);
        if (all.size() != attack.value(QStringLiteral("packets")).toInt()) {
            qWarning() << key << "input" << all.size() << "report" << attack.value(QStringLiteral("packets"));
            return -1;
        }
        const QList<Packet> wanted = all.size() <= first + recent ? all : all.first(first) + all.last(recent);
        const QString path = attack.value(QStringLiteral("evidence_file")).toString();
        if (path.isEmpty() || !path.endsWith(QStringLiteral(".pcap"))) {
            qWarning() << key << "no evidence file" << attack;
            return -1;
        }
        const QString start = attack.value(QStringLiteral("start"))
                                  .toString()
                                  .remove(QLatin1Char('-'))
                                  .remove(QLatin1Char(':'));
        const QString protocol = attack.value(QStringLiteral("protocol")).toString().toLower();
        if (QFileInfo(path).fileName() != attack.value(QStringLiteral("victim")).toString() +
                                              QLatin1Char('-') + protocol + QLatin1Char('-') + start +
                                              QStringLiteral(".pcap")) {
            qWarning() << "unexpected name" << path;
            return -1;
        }
        int linkType = -1;
        QString error;
        const QList<Packet> read = readWithLibpcap(path, linkType, error);
        if (!error.isEmpty() || linkType != DLT_EN10MB || read != wanted ||
            attack.value(QStringLiteral("evidence_packets")).toInt() != wanted.size() ||
            attack.value(QStringLiteral("evidence_not_kept")).toInt() != all.size() - wanted.size()) {
            qWarning() << key << path << error << linkType << read.size() << wanted.size();
            return -1;
        }
        ++files;
    }
    return files;
}

QJsonObject parse(const QByteArray &json)
{
    QJsonParseError error;
    const QJsonObject object = QJsonDocument::fromJson(json, &error).object();
    return error.error == QJsonParseError::NoError ? object : QJsonObject();
}

} // namespace

class TestAnalyzeEvidence : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    // Default bounds (25 first + 25 recent) on the synthetic telescope capture: two attacks, two files.
    void defaultEvidenceOfTheSyntheticCapture()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString evidence = dir.filePath(QStringLiteral("evidence"));
        const Run run = analyze({QStringLiteral("--json"), QStringLiteral("--evidence-dir"), evidence,
                                 dataFile("backscatter-synthetic.pcap")});
        QCOMPARE(run.exitCode, 0);
        const QJsonObject report = parse(run.out);
        QVERIFY(!report.isEmpty());
        QCOMPARE(checkEvidence(report, dataFile("backscatter-synthetic.pcap"), 25, 25), 2);
        QCOMPARE(QDir(evidence).entryList(QDir::Files).size(), 2);
        QCOMPARE(QDir(evidence).entryList(QDir::Files),
                 (QStringList{QStringLiteral("192.0.2.30-udp-20231114T221322.200000000Z.pcap"),
                              QStringLiteral("198.51.100.10-tcp-20231114T221320.000000000Z.pcap")}));
    }

    // The real reflection capture with low thresholds: many attacks (SYN/ACK, RST and ICMP errors
    // filed under the quoted protocol), each file read by libpcap equal to its victim's packets.
    void reflectionCaptureWithSmallBounds()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const Run run = analyze(
            {QStringLiteral("--json"), QStringLiteral("--evidence-dir"), dir.path(),
             QStringLiteral("--evidence-packets"), QStringLiteral("2"), QStringLiteral("--evidence-recent"),
             QStringLiteral("1"), QStringLiteral("--min-packets"), QStringLiteral("3"),
             QStringLiteral("--min-duration"), QStringLiteral("0"), QStringLiteral("--min-window-packets"),
             QStringLiteral("0"), dataFile("amp.TCP.reflection.SYNACK.pcap")});
        QCOMPARE(run.exitCode, 0);
        const QJsonObject report = parse(run.out);
        const QJsonObject backscatter = report.value(QStringLiteral("backscatter")).toObject();
        const int attacks = int(backscatter.value(QStringLiteral("attacks")).toArray().size());
        QVERIFY2(attacks >= 10, QByteArray::number(attacks).constData());
        QCOMPARE(checkEvidence(report, dataFile("amp.TCP.reflection.SYNACK.pcap"), 2, 1), attacks);
        QCOMPARE(QDir(dir.path()).entryList(QDir::Files).size(), attacks);
        const QJsonObject settings = backscatter.value(QStringLiteral("settings")).toObject();
        QCOMPARE(settings.value(QStringLiteral("evidence_first_packets")).toInt(), 2);
        QCOMPARE(settings.value(QStringLiteral("evidence_recent_packets")).toInt(), 1);
        QCOMPARE(backscatter.value(QStringLiteral("counters"))
                     .toObject()
                     .value(QStringLiteral("evidence_refused"))
                     .toInt(),
                 0);
    }

    void textReportNamesTheFiles()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const Run run =
            analyze({QStringLiteral("--evidence-dir"), dir.path(), dataFile("backscatter-synthetic.pcap")});
        QCOMPARE(run.exitCode, 0);
        const QString text = QString::fromUtf8(run.out);
        QVERIFY2(
            text.contains(QStringLiteral("evidence: ") +
                          QDir(dir.path())
                              .filePath(QStringLiteral("198.51.100.10-tcp-20231114T221320.000000000Z.pcap")) +
                          QStringLiteral(" (50 packets, 220 not kept)")),
            run.out.constData());
    }

    // Without --evidence-dir nothing is written and the report has no file names.
    void noDirectoryNoFiles()
    {
        const Run run = analyze({QStringLiteral("--json"), dataFile("backscatter-synthetic.pcap")});
        QCOMPARE(run.exitCode, 0);
        const QJsonArray attacks = parse(run.out)
                                       .value(QStringLiteral("backscatter"))
                                       .toObject()
                                       .value(QStringLiteral("attacks"))
                                       .toArray();
        QCOMPARE(attacks.size(), 2);
        QVERIFY(!attacks[0].toObject().contains(QStringLiteral("evidence_file")));
        QCOMPARE(attacks[0].toObject().value(QStringLiteral("evidence_packets")).toInt(), 50);
    }

    void badOptions()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        Run run = analyze({QStringLiteral("--evidence-packets"), QStringLiteral("many"),
                           dataFile("backscatter-synthetic.pcap")});
        QCOMPARE(run.exitCode, 2);
        QVERIFY(run.err.contains("--evidence-packets"));
        run = analyze({QStringLiteral("--evidence-dir"), dir.path(), QStringLiteral("--evidence-packets"),
                       QStringLiteral("0"), QStringLiteral("--evidence-recent"), QStringLiteral("0"),
                       dataFile("backscatter-synthetic.pcap")});
        QCOMPARE(run.exitCode, 2);
        QVERIFY(run.err.contains("--evidence-dir"));
        // A directory that cannot be created: the analysis runs, the exit code says it failed.
        QFile blocker(dir.filePath(QStringLiteral("file")));
        QVERIFY(blocker.open(QIODevice::WriteOnly));
        blocker.close();
        run = analyze({QStringLiteral("--evidence-dir"), dir.filePath(QStringLiteral("file/sub")),
                       dataFile("backscatter-synthetic.pcap")});
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.err.contains("--evidence-dir"), run.err.constData());
    }
};

QTEST_GUILESS_MAIN(TestAnalyzeEvidence)
#include "tst_analyzeevidence.moc"
