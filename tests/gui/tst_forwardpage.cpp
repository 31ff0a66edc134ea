// SPDX-License-Identifier: AGPL-3.0-or-later
// SPDX-FileCopyrightText: D4 Console contributors
// The Sharing page, offscreen, on a real redis-server filled as the forwarding server fills it
// (rule JSON, accounting hashes): the table and its live updates, Pause/Resume writing the control
// hash, the dry-run preview of pasted passivedns lines, of a queue sample and of a capture, and
// editing the rules of a server.conf (New rule / Edit / Remove).
// With D4_SCREENSHOT_DIR set, the page is saved as forward.png.

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QDialogButtonBox>
#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

#include "forward/filterdecision.h"
#include "forward/forwardkeys.h"
#include "forward/forwardpage.h"
#include "forward/forwardpreviewmodel.h"
#include "forward/forwardpreviewpanel.h"
#include "forward/forwardruledialog.h"
#include "forward/forwardrulejson.h"
#include "forward/forwardrulesmodel.h"
#include "mainwindow/mainwindow.h"
#include "redisserverfixture.h"
#include "testenvironment.h"
#include "workers/queuemanager.h"

using namespace d4;
using d4::forward::FilterReason;
using d4::forward::ForwardRule;
using d4::forward::ForwardSource;
using d4::test::RedisServerFixture;
using d4::ui::ForwardPage;
using d4::ui::ForwardPreviewModel;
using d4::ui::ForwardRulesModel;
namespace fkeys = d4::forward::keys;

namespace {

constexpr int kMetadataDb = 0;
constexpr int kAnalyzerDb = 2;
const QByteArray kQueue = "3a5f0c2e-8b1d-4e6f-9a7c-2d4b6e8f0a1c";

QByteArray line(const QByteArray &name, const QByteArray &type, const QByteArray &answer)
{
    return "1700000000.101000||10.0.0.2||10.0.0.1||IN||" + name + "||" + type + "||" + answer + "||300||1";
}

ForwardRule lineRule()
{
    ForwardRule rule;
    rule.name = QStringLiteral("cert-partner");
    rule.type = 8;
    ForwardSource source;
    source.kind = ForwardSource::Kind::AnalyzerQueue;
    source.queueUuid = kQueue;
    ForwardSource sensors;
    sensors.kind = ForwardSource::Kind::Sensors;
    sensors.sensors = {"0b4a7c6e-9a0f-4d6c-8d2b-5b1f2a3c4d5e", "c4b1d2e3-f4a5-4b6c-9d7e-8f9a0b1c2d3e"};
    rule.sources = {source, sensors};
    rule.partner.server = {QStringLiteral("d4.partner.example"), 4443};
    rule.partnerUuid = "9e2a4c1b-7d3f-4e5a-8b6c-0d1e2f3a4b5c";
    rule.partnerKey = "never-published";
    rule.lines.passiveDns = true;
    rule.lines.dropSuffixes = {QStringLiteral("example.net")};
    return rule;
}

ForwardRule pcapRule(const QString &expression, bool enabled)
{
    ForwardRule rule;
    rule.name = QStringLiteral("dns-captures");
    rule.enabled = enabled;
    rule.type = 1;
    ForwardSource every;
    every.kind = ForwardSource::Kind::Sensors;
    rule.sources = {every};
    rule.partner.server = {QStringLiteral("192.0.2.80"), 4443};
    rule.partnerUuid = "1c2d3e4f-5a6b-4c7d-8e9f-0a1b2c3d4e5f";
    rule.pcap.expression = expression;
    return rule;
}

} // namespace

class TestForwardPage : public QObject
{
    Q_OBJECT

private:
    RedisServerFixture m_redis;

    void publish(const ForwardRule &rule)
    {
        const QByteArray name = rule.name.toUtf8();
        m_redis.command({"SADD", fkeys::rules(), name}, kMetadataDb);
        m_redis.command(
            {"HSET", fkeys::rule(name), fkeys::kFieldConfig,
             QJsonDocument(forward::ForwardRuleJson::toJson(rule)).toJson(QJsonDocument::Compact)},
            kMetadataDb);
    }
    void setStats(const QString &rule, const QByteArrayList &fieldsAndValues)
    {
        QByteArrayList command{"HSET", fkeys::stats(rule.toUtf8())};
        command += fieldsAndValues;
        m_redis.command(command, kMetadataDb);
    }
    QString cell(ForwardPage &page, const QString &rule, int column) const
    {
        const ForwardRulesModel *model = page.rulesModel();
        return model->index(model->rowOf(rule), column).data().toString();
    }
    std::unique_ptr<ForwardPage> makePage()
    {
        return std::make_unique<ForwardPage>(m_redis.endpoint(kMetadataDb), m_redis.endpoint(kAnalyzerDb));
    }
    bool runPreview(ForwardPage &page, const std::function<void()> &start)
    {
        QSignalSpy finished(page.previewPanel(), &ui::ForwardPreviewPanel::previewFinished);
        start();
        return finished.wait(10000);
    }

private Q_SLOTS:
    void initTestCase() { D4_START_REDIS(m_redis); }

    void init()
    {
        m_redis.command({"FLUSHALL"});
        publish(lineRule());
        publish(pcapRule(QStringLiteral("udp"), false));
        setStats(QStringLiteral("cert-partner"),
                 {"read",
                  "10",
                  "spooled",
                  "7",
                  "sent",
                  "6",
                  "acknowledged",
                  "5",
                  "bytes_sent",
                  "1234",
                  "filtered:" + forward::filterReasonName(FilterReason::DropSuffix),
                  "2",
                  "filtered:" + forward::filterReasonName(FilterReason::Unparsable),
                  "1",
                  "spool_bytes",
                  "2048",
                  "spool_records",
                  "1",
                  "connected",
                  "1",
                  "connections",
                  "2",
                  "last_error",
                  "",
                  "last_ack",
                  "1700000000"});
    }

    void tableShowsRulesAndUpdates()
    {
        auto page = makePage();
        QAbstractItemModelTester tester(page->rulesModel());
        QTRY_COMPARE_WITH_TIMEOUT(page->rulesModel()->rowCount(), 2, 5000);
        const QString cert = QStringLiteral("cert-partner");
        QCOMPARE(cell(*page, cert, ForwardRulesModel::Partner), QStringLiteral("d4.partner.example:4443"));
        QCOMPARE(cell(*page, cert, ForwardRulesModel::Type), QStringLiteral("8"));
        QCOMPARE(cell(*page, cert, ForwardRulesModel::Sources),
                 QStringLiteral("queue 3a5f0c2e, 2 sensor(s)"));
        QCOMPARE(cell(*page, cert, ForwardRulesModel::State), QStringLiteral("connected"));
        QCOMPARE(cell(*page, cert, ForwardRulesModel::Read), QStringLiteral("10"));
        QCOMPARE(cell(*page, cert, ForwardRulesModel::Filtered), QStringLiteral("3"));
        const QString reasons = page->rulesModel()
                                    ->index(page->rulesModel()->rowOf(cert), ForwardRulesModel::Filtered)
                                    .data(Qt::ToolTipRole)
                                    .toString();
        QVERIFY2(reasons.contains(QStringLiteral("in a drop zone: 2")), qPrintable(reasons));
        QVERIFY2(reasons.contains(QStringLiteral("unparsable: 1")), qPrintable(reasons));
        QVERIFY(cell(*page, cert, ForwardRulesModel::Spooled).startsWith(QStringLiteral("1 (")));
        QCOMPARE(cell(*page, cert, ForwardRulesModel::Sent), QStringLiteral("6"));
        QCOMPARE(cell(*page, cert, ForwardRulesModel::Acknowledged), QStringLiteral("5"));
        const QString pcap = QStringLiteral("dns-captures");
        QCOMPARE(cell(*page, pcap, ForwardRulesModel::State), QStringLiteral("disabled"));
        QCOMPARE(cell(*page, pcap, ForwardRulesModel::Sources), QStringLiteral("every sensor"));

        // The server counts on and loses its partner: the page follows within a refresh or two.
        QVERIFY(page->selectRule(cert));
        setStats(cert, {"read", "25", "connected", "0", "last_error", "connection refused"});
        QTRY_COMPARE_WITH_TIMEOUT(cell(*page, cert, ForwardRulesModel::Read), QStringLiteral("25"), 5000);
        QCOMPARE(cell(*page, cert, ForwardRulesModel::State), QStringLiteral("reconnecting"));
        QCOMPARE(cell(*page, cert, ForwardRulesModel::LastError), QStringLiteral("connection refused"));
        QCOMPARE(page->selectedRule(), cert); // the refresh kept the selection

        // A rule added to server.conf appears.
        ForwardRule third = lineRule();
        third.name = QStringLiteral("zz-third");
        publish(third);
        QTRY_COMPARE_WITH_TIMEOUT(page->rulesModel()->rowCount(), 3, 5000);
        QCOMPARE(page->selectedRule(), cert);
    }

    void invalidConfigurationIsShownNotHidden()
    {
        m_redis.command({"HSET", fkeys::rule("cert-partner"), fkeys::kFieldConfig, "{\"name\": 3}"},
                        kMetadataDb);
        auto page = makePage();
        QTRY_COMPARE_WITH_TIMEOUT(page->rulesModel()->rowCount(), 2, 5000);
        QCOMPARE(cell(*page, QStringLiteral("cert-partner"), ForwardRulesModel::Sources),
                 QStringLiteral("(configuration unreadable)"));
    }

    void unreachableRedisIsReportedWithoutBlocking()
    {
        store::RedisEndpoint nowhere = m_redis.endpoint(kMetadataDb);
        nowhere.port = 1; // nothing listens there
        ForwardPage page(nowhere, nowhere);
        QSignalSpy refreshed(&page, &ForwardPage::refreshed);
        QVERIFY(refreshed.wait(10000));
        QVERIFY(!refreshed.first().at(0).toString().isEmpty());
        QVERIFY(page.statusLabel()->text().startsWith(QStringLiteral("Cannot read the forwarding rules")));
        QCOMPARE(page.rulesModel()->rowCount(), 0);
    }

    void pauseAndResumeWriteTheControlHash()
    {
        auto page = makePage();
        QTRY_COMPARE_WITH_TIMEOUT(page->rulesModel()->rowCount(), 2, 5000);
        QVERIFY(page->selectRule(QStringLiteral("cert-partner")));
        QVERIFY(page->pauseButton()->isEnabled());
        QCOMPARE(page->pauseButton()->text(), QStringLiteral("&Pause"));

        QSignalSpy paused(page.get(), &ForwardPage::pauseFinished);
        QTest::mouseClick(page->pauseButton(), Qt::LeftButton);
        QVERIFY(paused.wait(5000));
        QCOMPARE(paused.first().at(1).toBool(), true);
        QCOMPARE(m_redis.command({"HGET", fkeys::control("cert-partner"), fkeys::kFieldPaused}, kMetadataDb)
                     .string,
                 QByteArray("1"));
        QTRY_COMPARE_WITH_TIMEOUT(cell(*page, QStringLiteral("cert-partner"), ForwardRulesModel::State),
                                  QStringLiteral("paused"), 5000);
        QTRY_COMPARE_WITH_TIMEOUT(page->pauseButton()->text(), QStringLiteral("&Resume"), 5000);
        QTRY_VERIFY_WITH_TIMEOUT(page->pauseButton()->isEnabled(), 5000);

        paused.clear();
        QTest::mouseClick(page->pauseButton(), Qt::LeftButton);
        QVERIFY(paused.wait(5000));
        QCOMPARE(paused.first().at(1).toBool(), false);
        QCOMPARE(m_redis.command({"HGET", fkeys::control("cert-partner"), fkeys::kFieldPaused}, kMetadataDb)
                     .string,
                 QByteArray("0"));
        QTRY_COMPARE_WITH_TIMEOUT(cell(*page, QStringLiteral("cert-partner"), ForwardRulesModel::State),
                                  QStringLiteral("connected"), 5000);

        // A disabled rule cannot be paused: there is nothing running.
        QVERIFY(page->selectRule(QStringLiteral("dns-captures")));
        QVERIFY(!page->pauseButton()->isEnabled());
    }

    void previewOfPastedLines()
    {
        auto page = makePage();
        QTRY_COMPARE_WITH_TIMEOUT(page->rulesModel()->rowCount(), 2, 5000);
        QVERIFY(page->selectRule(QStringLiteral("cert-partner")));
        ui::ForwardPreviewPanel *panel = page->previewPanel();
        QVERIFY(panel->input()->isEnabled());
        QVERIFY(!panel->noteLabel()->text().contains(QStringLiteral("random key")));
        const QByteArrayList lines{
            line("www.example.com.", "A", "192.0.2.10"),
            line("alias.example.net.", "CNAME", "edge.cdn.example.org."), "not a passivedns line",
            line("mail.EXAMPLE.NET.", "MX", "mx.example.org."), line("www.example.org.", "A", "192.0.2.20")};
        panel->input()->setPlainText(QString::fromUtf8(lines.join('\n')));
        QVERIFY(runPreview(*page, [panel] { QTest::mouseClick(panel->runButton(), Qt::LeftButton); }));
        const ForwardPreviewModel *model = panel->model();
        QCOMPARE(model->rowCount(), 5);
        const QList<FilterReason> expected{FilterReason::None, FilterReason::DropSuffix,
                                           FilterReason::Unparsable, FilterReason::DropSuffix,
                                           FilterReason::None};
        for (int row = 0; row < 5; ++row) {
            QCOMPARE(model->items()[row].reason, expected[row]);
            const QString decision = model->index(row, ForwardPreviewModel::Decision).data().toString();
            QCOMPARE(decision, expected[row] == FilterReason::None ? QStringLiteral("kept")
                                                                   : QStringLiteral("left out"));
            QCOMPARE(model->index(row, ForwardPreviewModel::Reason).data().toString(),
                     expected[row] == FilterReason::None ? QString()
                                                         : ForwardRulesModel::reasonText(expected[row]));
        }
        // Nothing rewrites these lines: what is sent is the line itself.
        QCOMPARE(model->index(0, ForwardPreviewModel::Output).data().toString(), QString::fromUtf8(lines[0]));
        QVERIFY(model->index(1, ForwardPreviewModel::Output).data().toString().isEmpty());
        const QString totals = panel->totalsLabel()->text();
        QVERIFY2(totals.contains(QStringLiteral("2 kept")), qPrintable(totals));
        QVERIFY2(totals.contains(QStringLiteral("in a drop zone: 2")), qPrintable(totals));
        QVERIFY2(totals.contains(QStringLiteral("unparsable: 1")), qPrintable(totals));
    }

    void pseudonymisingRuleSaysItUsesARandomKey()
    {
        ForwardRule rule = lineRule();
        rule.lines.clientFields = forward::ClientFieldPolicy::Pseudonymise;
        rule.lines.pseudonymKey = "the-real-secret";
        publish(rule);
        auto page = makePage();
        QTRY_COMPARE_WITH_TIMEOUT(page->rulesModel()->rowCount(), 2, 5000);
        QVERIFY(page->selectRule(QStringLiteral("cert-partner")));
        QVERIFY(page->previewPanel()->noteLabel()->text().contains(QStringLiteral("random key")));
        const QByteArray kept = line("www.example.com.", "A", "192.0.2.10");
        page->previewPanel()->input()->setPlainText(QString::fromUtf8(kept));
        QVERIFY(runPreview(*page, [&page] { page->previewPanel()->runPreview(); }));
        const QString output =
            page->previewPanel()->model()->index(0, ForwardPreviewModel::Output).data().toString();
        QVERIFY(!output.isEmpty());
        QVERIFY2(!output.contains(QStringLiteral("10.0.0.2")), qPrintable(output)); // the client was replaced
    }

    void previewOfAQueueSampleLeavesTheQueueAlone()
    {
        QString error;
        workers::QueueManager queues(m_redis.endpoint(kMetadataDb), m_redis.endpoint(kAnalyzerDb));
        QVERIFY2(queues.create(8, {}, QStringLiteral("pdns"), {}, kQueue, error).has_value(),
                 qPrintable(error));
        // LPUSH as the workers do: the newest item at the head, consumers RPOP the oldest.
        for (int i = 0; i < 120; ++i) {
            const QByteArray name = (i % 4 == 0 ? "host%1.example.net." : "host%1.example.com.");
            m_redis.command({"LPUSH", "analyzer:8:" + kQueue,
                             line(QString::fromLatin1(name).arg(i).toLatin1(), "A", "192.0.2.1")},
                            kAnalyzerDb);
        }
        auto page = makePage();
        QTRY_COMPARE_WITH_TIMEOUT(page->rulesModel()->rowCount(), 2, 5000);
        QVERIFY(page->selectRule(QStringLiteral("cert-partner")));
        QVERIFY(page->previewPanel()->sampleButton()->isEnabled());
        QVERIFY(runPreview(
            *page, [&page] { QTest::mouseClick(page->previewPanel()->sampleButton(), Qt::LeftButton); }));
        const ForwardPreviewModel *model = page->previewPanel()->model();
        QCOMPARE(model->rowCount(), 100);
        int dropped = 0;
        for (const auto &item : model->items()) {
            dropped += item.reason == FilterReason::DropSuffix ? 1 : 0;
        }
        QCOMPARE(dropped, 25); // the 100 the rule reads next (0..99), every fourth in example.net
        QVERIFY(model->items().first().input.contains(QStringLiteral("host0.")));
        QVERIFY(model->items().last().input.contains(QStringLiteral("host99.")));
        QCOMPARE(m_redis.command({"LLEN", "analyzer:8:" + kQueue}, kAnalyzerDb).integer, 120LL);
    }

    void previewOfACapture()
    {
        publish(pcapRule(QStringLiteral("udp port 53"), true));
        auto page = makePage();
        QTRY_COMPARE_WITH_TIMEOUT(page->rulesModel()->rowCount(), 2, 5000);
        QVERIFY(page->selectRule(QStringLiteral("dns-captures")));
        QVERIFY(!page->previewPanel()->input()->isEnabled());
        const QString path = test::testDataPath(QStringLiteral("pcap/edns-opts.pcap"));
        QVERIFY(runPreview(*page, [&] { page->previewPanel()->loadFile(path); }));
        const ForwardPreviewModel *model = page->previewPanel()->model();
        QCOMPARE(model->rowCount(), 42);
        for (const auto &item : model->items()) {
            QVERIFY2(item.kept(), qPrintable(item.input));
            QVERIFY2(item.output.contains(QStringLiteral("UDP")), qPrintable(item.output));
            QVERIFY2(item.output.contains(QStringLiteral(":53")), qPrintable(item.output));
        }

        publish(pcapRule(QStringLiteral("tcp"), true));
        QTRY_COMPARE_WITH_TIMEOUT(page->rulesModel()
                                      ->ruleAt(page->rulesModel()->rowOf(QStringLiteral("dns-captures")))
                                      ->rule->pcap.expression,
                                  QStringLiteral("tcp"), 5000);
        QVERIFY(runPreview(*page, [&] { page->previewPanel()->loadFile(path); }));
        QCOMPARE(model->rowCount(), 42);
        for (const auto &item : model->items()) {
            QCOMPARE(item.reason, FilterReason::PcapFilter);
        }
    }

    void editingNeedsAConfigFile()
    {
        auto page = makePage();
        QTRY_COMPARE_WITH_TIMEOUT(page->rulesModel()->rowCount(), 2, 5000);
        QVERIFY(page->selectRule(QStringLiteral("cert-partner")));
        for (QPushButton *button : {page->newButton(), page->editButton(), page->removeButton()}) {
            QVERIFY(!button->isEnabled());
            QVERIFY(button->toolTip().contains(QStringLiteral("server.conf")));
        }
        QCOMPARE(page->newButton()->text(), QStringLiteral("&New rule…"));
        QCOMPARE(page->editButton()->text(), QStringLiteral("&Edit…"));
        QCOMPARE(page->removeButton()->text(), QStringLiteral("Rem&ove"));

        QTemporaryDir dir;
        page->setConfigFile(dir.filePath(QStringLiteral("server.conf")));
        QVERIFY(page->newButton()->isEnabled());
        QVERIFY(page->editButton()->isEnabled());
        QVERIFY(page->removeButton()->isEnabled());
        QVERIFY(page->editButton()->toolTip().isEmpty());
    }

    void editThroughThePageAndRemove()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("server.conf"));
        const QByteArray original =
            "[D4_Server]\nserver_port = 4443\n\n[Forward:cert-partner]\nsensors = *\n"
            "partner = d4.partner.example:4443\npartner_uuid = 9e2a4c1b-7d3f-4e5a-8b6c-0d1e2f3a4b5c\n"
            "partner_key = never-published\npartner_insecure = yes\n\n# kept\n[Lookup_Server]\n";
        {
            QFile file(path);
            QVERIFY(file.open(QIODevice::WriteOnly));
            file.write(original);
        }
        auto page = makePage();
        page->setConfigFile(path);
        QTRY_COMPARE_WITH_TIMEOUT(page->rulesModel()->rowCount(), 2, 5000);
        QVERIFY(page->selectRule(QStringLiteral("cert-partner")));

        // Edit opens the dialog on the file's values; a changed partner is saved in place.
        bool filled = false;
        QTimer::singleShot(0, this, [&filled] {
            auto *dialog = qobject_cast<ui::ForwardRuleDialog *>(QApplication::activeModalWidget());
            if (!dialog || dialog->field(QStringLiteral("partner"))->text() != u"d4.partner.example:4443") {
                if (dialog) {
                    dialog->reject();
                }
                return;
            }
            QLineEdit *partner = dialog->field(QStringLiteral("partner"));
            partner->selectAll();
            QTest::keyClick(partner, Qt::Key_Backspace);
            QTest::keyClicks(partner, QStringLiteral("other.example:4443"));
            filled = true;
            dialog->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Save)->click();
        });
        page->editButton()->click();
        QVERIFY(filled);
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray edited = file.readAll();
        file.close();
        QVERIFY2(edited.contains("partner = other.example:4443\n"), edited.constData());
        QVERIFY(edited.endsWith("\n# kept\n[Lookup_Server]\n"));
        QVERIFY(!page->applyLabel()->isHidden());
        QVERIFY2(page->applyLabel()->text().contains(QStringLiteral("restart D4 Console")),
                 qPrintable(page->applyLabel()->text()));

        QVERIFY(page->removeRule(QStringLiteral("cert-partner")));
        QVERIFY(file.open(QIODevice::ReadOnly));
        QCOMPARE(file.readAll(), QByteArray("[D4_Server]\nserver_port = 4443\n\n# kept\n[Lookup_Server]\n"));
        QVERIFY(page->applyLabel()->text().contains(QStringLiteral("removed")));
    }

    void screenshot()
    {
        const QString directory = qEnvironmentVariable("D4_SCREENSHOT_DIR");
        if (directory.isEmpty()) {
            QSKIP("D4_SCREENSHOT_DIR is not set");
        }
        ForwardRule third = pcapRule(QStringLiteral("udp port 53"), true);
        third.name = QStringLiteral("backscatter-research");
        third.partner.server = {QStringLiteral("d4.research.example"), 4443};
        publish(third);
        setStats(third.name, {"read",
                              "48211",
                              "spooled",
                              "9123",
                              "sent",
                              "9001",
                              "acknowledged",
                              "8800",
                              "bytes_sent",
                              "5123456",
                              "filtered:" + forward::filterReasonName(FilterReason::PcapFilter),
                              "39088",
                              "spool_bytes",
                              "77000",
                              "spool_records",
                              "122",
                              "connected",
                              "1",
                              "connections",
                              "1"});
        setStats(QStringLiteral("dns-captures"), {"last_error", "rule disabled in server.conf"});
        ForwardRule pseudonymising = lineRule();
        pseudonymising.lines.clientFields = forward::ClientFieldPolicy::Pseudonymise;
        publish(pseudonymising);
        m_redis.command({"HSET", fkeys::control("cert-partner"), fkeys::kFieldPaused, "0"}, kMetadataDb);
        ui::MainWindow window;
        window.resize(1280, 860);
        auto *page = new ForwardPage(m_redis.endpoint(kMetadataDb), m_redis.endpoint(kAnalyzerDb));
        window.addPage(QStringLiteral("Sharing"), QIcon(), page);
        window.showPage(page);
        window.show();
        QTRY_COMPARE_WITH_TIMEOUT(page->rulesModel()->rowCount(), 3, 5000);
        QVERIFY(page->selectRule(QStringLiteral("cert-partner")));
        const QByteArrayList lines{line("www.example.com.", "A", "192.0.2.10"),
                                   line("alias.example.net.", "CNAME", "edge.cdn.example.org."),
                                   line("mail.example.net.", "MX", "mx.example.org."),
                                   line("www.example.org.", "AAAA", "2001:db8::20"), "garbage"};
        page->previewPanel()->input()->setPlainText(QString::fromUtf8(lines.join('\n')));
        QVERIFY(runPreview(*page, [page] { page->previewPanel()->runPreview(); }));
        for (int i = 0; i < 3; ++i) {
            setStats(QStringLiteral("cert-partner"),
                     {"sent", QByteArray::number(6 + 40 * (i + 1)), "acknowledged",
                      QByteArray::number(5 + 40 * i), "bytes_sent",
                      QByteArray::number(1234 + 9000 * (i + 1))});
            QTest::qWait(1100);
        }
        QDir().mkpath(directory);
        QVERIFY(window.grab().save(QDir(directory).filePath(QStringLiteral("forward.png"))));
    }
};

QTEST_MAIN(TestForwardPage)
#include "tst_forwardpage.moc"
