// SPDX-License-Identifier: AGPL-3.0-or-later
// SPDX-FileCopyrightText: D4 Console contributors
#include "common/logsetup.h"

#include <cstdio>

#include <QDateTime>
#include <QLoggingCategory>
#include <QString>

namespace d4::app {

namespace {

void handleMessage(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    const char *level = "INFO";
    switch (type) {
    case QtDebugMsg:
        level = "DEBUG";
        break;
    case QtInfoMsg:
        level = "INFO";
        break;
    case QtWarningMsg:
        level = "WARNING";
        break;
    case QtCriticalMsg:
        level = "ERROR";
        break;
    case QtFatalMsg:
        level = "CRITICAL";
        break;
    }
    const QByteArray line =
        QDateTime::currentDateTime().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss,zzz")).toUtf8() + " - " +
        level + " - " + (context.category ? context.category : "default") + ": " + message.toUtf8() + '\n';
    std::fwrite(line.constData(), 1, static_cast<size_t>(line.size()), stderr);
}

} // namespace

void installLogHandler(bool verbose)
{
    qInstallMessageHandler(handleMessage);
    QLoggingCategory::setFilterRules(verbose ? QStringLiteral("d4.*.debug=true")
                                             : QStringLiteral("d4.*.debug=false"));
}

} // namespace d4::app
