// SPDX-License-Identifier: AGPL-3.0-or-later
// SPDX-FileCopyrightText: D4 Console contributors
// Import benchmark (run-import-bench.sh, docs/import.md). Two modes:
//   bench_import FILE...        an import::ImportJob (backscatter and passive DNS on) on the calling
//                               thread: rate, and the longest gap between progress reports
//   bench_import --gui FILE...  the console's ImportController and ImportPage (offscreen) import the
//                               files twice, as an analyst dropping them would; a 2 ms timer on the
//                               GUI thread measures the event loop's longest pause while importing,
//                               while the results are shown, and when the next import replaces the
//                               previous one's results
// Each prints one line of "name value" pairs.

#include <cstdio>

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QTimer>

#include "import/importjob.h"

#ifdef D4_BENCH_IMPORT_GUI
#include <QApplication>

#include "import/importcontroller.h"
#include "import/importpage.h"
#endif

namespace {

#ifdef D4_BENCH_IMPORT_GUI

/** The GUI thread's longest pause, per phase of an import. */
class StallProbe final
{
public:
    enum Phase
    {
        Importing,
        Results, ///< from the finished signal until the event loop is idle again
        Restart, ///< the next import's start (the previous results released)
        PhaseCount
    };

    StallProbe()
    {
        m_timer.setInterval(2);
        QObject::connect(&m_timer, &QTimer::timeout, [this] { tick(); });
        m_timer.start();
    }
    void setPhase(Phase phase)
    {
        tick();
        m_phase = phase;
    }
    void tick()
    {
        if (m_clock.isValid()) {
            const qint64 gap = m_clock.elapsed();
            m_longest[m_phase] = qMax(m_longest[m_phase], gap);
            m_over50 += gap > 50 ? 1 : 0;
        }
        m_clock.start();
    }
    qint64 longest(Phase phase) const { return m_longest[phase]; }
    /** Pauses longer than 50 ms, all phases. */
    int over50() const { return m_over50; }

private:
    QTimer m_timer;
    QElapsedTimer m_clock;
    Phase m_phase = Importing;
    qint64 m_longest[PhaseCount] = {};
    int m_over50 = 0;
};

void settle(int ms)
{
    QEventLoop loop;
    QTimer::singleShot(ms, &loop, &QEventLoop::quit);
    loop.exec();
}

int runGui(const QStringList &files)
{
    d4::ui::ImportController controller;
    d4::ui::ImportPage page(&controller);
    page.resize(1200, 800);
    page.show();
    settle(300); // the first layout and paint are not the import's
    StallProbe probe;
    QElapsedTimer clock;
    qint64 restartCallMs = 0;
    int reports = 0;
    QObject::connect(&controller, &d4::ui::ImportController::progress, [&] { ++reports; });
    d4::import::ImportResult result;
    for (int round = 0; round < 2; ++round) {
        QEventLoop done;
        bool finished = false;
        const auto onFinished = [&](const d4::import::ImportResult &r) {
            result = r;
            finished = true;
            probe.setPhase(StallProbe::Results);
            done.quit();
        };
        const auto connection =
            QObject::connect(&controller, &d4::ui::ImportController::importFinished, onFinished);
        probe.setPhase(round == 0 ? StallProbe::Importing : StallProbe::Restart);
        clock.start();
        if (!controller.importPaths(files)) {
            return 2;
        }
        restartCallMs = round == 0 ? 0 : clock.elapsed();
        settle(50);
        if (!finished) {
            probe.setPhase(StallProbe::Importing);
            done.exec();
        }
        QObject::disconnect(connection);
        settle(300); // the page shows the results (its handler ran before ours)
        probe.setPhase(StallProbe::Importing);
    }
    const double seconds = double(qMax<qint64>(1, result.elapsedMs)) / 1000.0;
    std::printf("gui files %lld packets %llu bytes %llu seconds %.3f MB_per_s %.1f dns_tuples %llu "
                "progress_reports %d longest_gui_gap_importing_ms %lld longest_gui_gap_results_ms %lld "
                "longest_gui_gap_restart_ms %lld restart_call_ms %lld gui_gaps_over_50ms %d\n",
                static_cast<long long>(result.files.size()), static_cast<unsigned long long>(result.packets),
                static_cast<unsigned long long>(result.bytesRead), seconds,
                double(result.bytesRead) / 1e6 / seconds, static_cast<unsigned long long>(result.dnsTuples),
                reports, static_cast<long long>(probe.longest(StallProbe::Importing)),
                static_cast<long long>(probe.longest(StallProbe::Results)),
                static_cast<long long>(probe.longest(StallProbe::Restart)),
                static_cast<long long>(restartCallMs), probe.over50());
    return result.refused.isEmpty() ? 0 : 1;
}

#endif // D4_BENCH_IMPORT_GUI

int runJob(const QStringList &files)
{
    d4::import::ImportJob job(files, {});
    int reports = 0;
    qint64 longestGap = 0;
    qint64 last = 0;
    QObject::connect(&job, &d4::import::ImportJob::progress, [&](const d4::import::ImportProgress &progress) {
        ++reports;
        longestGap = qMax(longestGap, progress.elapsedMs - last);
        last = progress.elapsedMs;
    });
    job.run();
    const d4::import::ImportResult &r = job.result();
    const double seconds = double(qMax<qint64>(1, r.elapsedMs)) / 1000.0;
    std::printf(
        "files %lld packets %llu bytes %llu seconds %.3f packets_per_s %.0f MB_per_s %.1f dns_tuples %llu "
        "dns_records %llu dns_reassembled %llu attacks %llu backscatter_packets %llu progress_reports %d "
        "longest_report_gap_ms %lld refused %lld warnings %lld\n",
        static_cast<long long>(r.files.size()), static_cast<unsigned long long>(r.packets),
        static_cast<unsigned long long>(r.bytesRead), seconds, double(r.packets) / seconds,
        double(r.bytesRead) / 1e6 / seconds, static_cast<unsigned long long>(r.dnsTuples),
        static_cast<unsigned long long>(r.dnsRecords), static_cast<unsigned long long>(r.dnsReassembled),
        static_cast<unsigned long long>(r.attacks), static_cast<unsigned long long>(r.backscatterPackets),
        reports, static_cast<long long>(longestGap), static_cast<long long>(r.refused.size()),
        static_cast<long long>(r.warnings.size()));
    return r.refused.isEmpty() ? 0 : 1;
}

} // namespace

int main(int argc, char **argv)
{
    const bool gui = argc > 1 && qstrcmp(argv[1], "--gui") == 0;
    if (gui) {
#ifdef D4_BENCH_IMPORT_GUI
        QApplication app(argc, argv);
        QStringList files = QCoreApplication::arguments().mid(2);
        return files.isEmpty() ? 2 : runGui(files);
#else
        std::printf("bench_import: built without the GUI (D4_BUILD_GUI=OFF)\n");
        return 2;
#endif
    }
    QCoreApplication app(argc, argv);
    QStringList files = QCoreApplication::arguments().mid(1);
    if (files.isEmpty() || files.constFirst() == QStringLiteral("--help")) {
        std::printf("usage: bench_import [--gui] FILE...\n");
        return files.isEmpty() ? 2 : 0;
    }
    return runJob(files);
}
