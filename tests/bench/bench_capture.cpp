// SPDX-License-Identifier: AGPL-3.0-or-later
// SPDX-FileCopyrightText: D4 Console contributors
// Capture benchmark: reads a capture file with CaptureFileReader, decodes every packet and runs the
// backscatter analyzer on it (the `d4-server analyze` pipeline), then prints packets, bytes,
// elapsed time, packets/s, MB/s and the peak resident memory. run-capture-bench.sh builds a >= 1 GB
// file and compares with tshark and tcpdump.

#include <chrono>
#include <cstdio>

#include <QCoreApplication>
#include <QString>

#include "analyzers/backscatter/backscatteranalyzer.h"
#include "capture/capturefilereader.h"
#include "capture/packetpipeline.h"

#include <sys/resource.h>

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    if (argc < 2 || QString::fromLocal8Bit(argv[1]) == QStringLiteral("--help")) {
        std::printf("usage: bench_capture FILE\n  read + decode + classify every packet of FILE\n");
        return argc < 2 ? 2 : 0;
    }
    d4::analyzers::backscatter::BackscatterAnalyzer analyzer;
    d4::capture::PacketPipeline pipeline;
    pipeline.addSink(&analyzer);
    const auto start = std::chrono::steady_clock::now();
    const auto summary = d4::capture::CaptureFileReader::read(
        QString::fromLocal8Bit(argv[1]), [&](const d4::capture::CapturePacket &p) { pipeline.onPacket(p); });
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    const auto snapshot = analyzer.snapshot();
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    std::printf("file: %s (%llu bytes, %s)\n", argv[1], static_cast<unsigned long long>(summary.fileSize),
                qPrintable(summary.format));
    std::printf("packets: %llu  backscatter: %llu  vectors: %llu  attacks: %lld\n",
                static_cast<unsigned long long>(summary.packets),
                static_cast<unsigned long long>(snapshot.counters.backscatter()),
                static_cast<unsigned long long>(snapshot.counters.vectorsCreated),
                static_cast<long long>(snapshot.attacks.size()));
    std::printf("elapsed: %.3f s  packets/s: %.0f  MB/s: %.1f  peak RSS: %ld KiB\n", seconds,
                static_cast<double>(summary.packets) / seconds,
                static_cast<double>(summary.fileSize) / 1e6 / seconds, usage.ru_maxrss);
    return summary.ok() ? 0 : 1;
}
