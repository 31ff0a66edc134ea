// SPDX-License-Identifier: AGPL-3.0-or-later
// SPDX-FileCopyrightText: D4 Console contributors
// GUI-stall benchmark: the console as d4-console runs it (embedded ServerRuntime with its own
// redis-server, ingest, workers, ManagementService, every page shown in turn) while
// bench_ingest_load streams from N sensors at full speed. A 10 ms timer on the GUI thread records
// the longest gap between two ticks; the GUI thread's and the whole process's CPU time are read
// from the kernel. Prints what it measured and on how much data.
//
//   QT_QPA_PLATFORM=offscreen build/tests/bench/bench_console --sensors 64 --seconds 20

#include <ctime>

#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QElapsedTimer>
#include <QProcess>
#include <QTemporaryDir>
#include <QTextStream>
#include <QTimer>

#include "common/serverruntime.h"
#include "console/consolecontroller.h"
#include "ingest/ingestserver.h"
#include "mainwindow/mainwindow.h"
#include "management/managementservice.h"
#include "store/keyschema.h"
#include "store/redissyncclient.h"

#include <sys/resource.h>

namespace {

double threadCpuSeconds()
{
    timespec ts{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return double(ts.tv_sec) + double(ts.tv_nsec) / 1e9;
}

double processCpuSeconds()
{
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) +
           double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6;
}

} // namespace

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QCoreApplication::setOrganizationName(QStringLiteral("d4-bench"));
    QCommandLineParser parser;
    parser.addHelpOption();
    const QCommandLineOption sensorsOption(QStringLiteral("sensors"), QStringLiteral("streaming sensors"),
                                           QStringLiteral("n"), QStringLiteral("64"));
    const QCommandLineOption secondsOption(QStringLiteral("seconds"), QStringLiteral("streaming time"),
                                           QStringLiteral("s"), QStringLiteral("20"));
    const QCommandLineOption payloadOption(QStringLiteral("payload"), QStringLiteral("bytes per packet"),
                                           QStringLiteral("bytes"), QStringLiteral("1024"));
    parser.addOptions({sensorsOption, secondsOption, payloadOption});
    parser.process(app);
    const int sensors = parser.value(sensorsOption).toInt();
    const double seconds = parser.value(secondsOption).toDouble();
    QTextStream out(stdout);

    QTemporaryDir dir;
    d4::config::ServerConfig config;
    config.serverPort = 0;
    config.listenAddress = QStringLiteral("127.0.0.1");
    config.serverMode = d4::config::ServerMode::SharedSecret;
    config.dataDirectory = dir.path();
    d4::app::ServerRuntime runtime(config);
    QString error;
    if (!runtime.start(error)) {
        out << "bench_console: the embedded server did not start: " << error << Qt::endl;
        return 1;
    }
    // Type 3 (log lines) is not in d4-core's default accepted set.
    d4::store::RedisSyncClient(runtime.redisRoles().metadata)
        .command({"SADD", d4::store::keys::acceptedTypes(), "3"});
    d4::management::ManagementOptions options;
    options.roles = runtime.redisRoles();
    options.serverMode = d4::config::ServerConfig::modeName(config.serverMode);
    options.saveDirectory = config.effectiveSaveDirectory();
    d4::ingest::IngestServer *ingest = runtime.ingestServer();
    options.ingestStatistics = [ingest] { return ingest->statistics(); };
    d4::management::ManagementService service(options);
    d4::ui::MainWindow window;
    d4::ui::ConsoleController controller(&window, &service);
    window.resize(1280, 860);
    service.start();
    window.show();

    qint64 longestGapMs = 0;
    qint64 idleLongestGapMs = 0; ///< before the sensors start: scheduling noise of a loaded machine
    bool streaming = false;
    qint64 ticks = 0;
    QElapsedTimer sinceTick;
    QTimer ticker;
    ticker.setTimerType(Qt::PreciseTimer);
    ticker.setInterval(10);
    QObject::connect(&ticker, &QTimer::timeout, &app, [&] {
        if (sinceTick.isValid()) {
            qint64 &longest = streaming ? longestGapMs : idleLongestGapMs;
            longest = std::max(longest, sinceTick.elapsed());
        }
        sinceTick.restart();
        ++ticks;
    });
    // Walk through the pages so each one paints with live data.
    int page = 0;
    QTimer pager;
    pager.setInterval(1000);
    QObject::connect(&pager, &QTimer::timeout, &app, [&] { window.showPage(page++ % window.pageCount()); });
    int overviews = 0;
    QObject::connect(&service, &d4::management::ManagementService::overviewUpdated, &app,
                     [&] { ++overviews; });

    QProcess load;
    load.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    const QString loadProgram =
        QDir(QCoreApplication::applicationDirPath()).filePath(QStringLiteral("bench_ingest_load"));
    const QStringList loadArguments{QStringLiteral("--port"),    QString::number(runtime.listeningPort()),
                                    QStringLiteral("--mode"),    QStringLiteral("stream"),
                                    QStringLiteral("--sensors"), QString::number(sensors),
                                    QStringLiteral("--seconds"), QString::number(seconds),
                                    QStringLiteral("--type"),    QStringLiteral("3"),
                                    QStringLiteral("--payload"), parser.value(payloadOption)};
    d4::ingest::IngestStatsSnapshot before;
    double guiCpuBefore = 0;
    double processCpuBefore = 0;
    QObject::connect(&load, &QProcess::started, &app, [&] {
        before = ingest->statistics();
        guiCpuBefore = threadCpuSeconds();
        processCpuBefore = processCpuSeconds();
    });
    QElapsedTimer wall;
    QObject::connect(&load, &QProcess::finished, &app, [&] { QCoreApplication::quit(); });
    // 3 s of the console alone (baseline), then the sensors.
    QTimer::singleShot(0, &app, [&] {
        sinceTick.start();
        ticker.start();
        pager.start();
    });
    QTimer::singleShot(3000, &app, [&] {
        streaming = true;
        wall.start();
        load.start(loadProgram, loadArguments);
        if (!load.waitForStarted(5000)) {
            out << "bench_console: cannot start " << loadProgram << Qt::endl;
            QCoreApplication::exit(1);
        }
    });
    QTimer::singleShot(int((seconds + 60) * 1000), &app, [] { QCoreApplication::exit(1); });
    const int code = QApplication::exec();
    const double elapsed = double(wall.elapsed()) / 1000.0;
    const double guiCpu = threadCpuSeconds() - guiCpuBefore;
    const double processCpu = processCpuSeconds() - processCpuBefore;
    const auto after = ingest->statistics();
    const QByteArray loadOutput = load.readAllStandardOutput();
    service.stop();
    runtime.stop();

    const double packets = double(after.acceptedPackets - before.acceptedPackets);
    const double megabytes = double(after.acceptedPayloadBytes - before.acceptedPayloadBytes) / 1e6;
    out << "bench_console: " << sensors << " sensors streaming type 3, " << parser.value(payloadOption)
        << "-byte payloads, " << QString::number(seconds, 'f', 0) << " s of sending, "
        << QString::number(elapsed, 'f', 1) << " s until the server drained and closed\n"
        << "  ingested            " << QString::number(packets, 'f', 0) << " packets, "
        << QString::number(megabytes, 'f', 1) << " MB (" << QString::number(packets / elapsed, 'f', 0)
        << " packets/s, " << QString::number(megabytes / elapsed, 'f', 1) << " MB/s)\n"
        << "  GUI timer ticks     " << ticks << " (10 ms timer), longest gap " << longestGapMs << " ms"
        << (longestGapMs <= 50 ? " (target <= 50 ms: met)" : " (target <= 50 ms: MISSED)")
        << "; before streaming " << idleLongestGapMs << " ms\n"
        << "  snapshots received  " << overviews << "\n"
        << "  GUI thread CPU      " << QString::number(guiCpu, 'f', 2) << " s ("
        << QString::number(100.0 * guiCpu / elapsed, 'f', 1) << " % of one core)\n"
        << "  process CPU         " << QString::number(processCpu, 'f', 2) << " s ("
        << QString::number(100.0 * processCpu / elapsed, 'f', 1)
        << " % of one core; includes the embedded ingest, workers and management threads)\n"
        << "  load generator      "
        << QString::fromUtf8(loadOutput)
               .trimmed()
               .replace(QLatin1Char('\n'), QStringLiteral("\n                      "))
        << Qt::endl;
    return code;
}
