// SPDX-License-Identifier: AGPL-3.0-or-later
// SPDX-FileCopyrightText: D4 Console contributors
// Import benchmark (run-import-bench.sh, docs/import.md): runs an import::ImportJob (backscatter
// and passive DNS on) over the given captures on the calling thread and prints what it measured.
// Usage: bench_import FILE...

#include <cstdio>

#include <QCoreApplication>
#include <QElapsedTimer>

#include "import/importjob.h"

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QStringList files = QCoreApplication::arguments();
    files.removeFirst();
    if (files.isEmpty() || files.constFirst() == QStringLiteral("--help")) {
        std::printf("usage: bench_import FILE...\n");
        return files.isEmpty() ? 2 : 0;
    }
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
        "dns_records %llu attacks %llu backscatter_packets %llu progress_reports %d longest_report_gap_ms "
        "%lld "
        "refused %lld warnings %lld\n",
        static_cast<long long>(r.files.size()), static_cast<unsigned long long>(r.packets),
        static_cast<unsigned long long>(r.bytesRead), seconds, double(r.packets) / seconds,
        double(r.bytesRead) / 1e6 / seconds, static_cast<unsigned long long>(r.dnsTuples),
        static_cast<unsigned long long>(r.dnsRecords), static_cast<unsigned long long>(r.attacks),
        static_cast<unsigned long long>(r.backscatterPackets), reports, static_cast<long long>(longestGap),
        static_cast<long long>(r.refused.size()), static_cast<long long>(r.warnings.size()));
    return r.refused.isEmpty() ? 0 : 1;
}
