// SPDX-License-Identifier: AGPL-3.0-or-later
// SPDX-FileCopyrightText: D4 Console contributors
#include "sensorcommandline.h"

#include <QCommandLineOption>
#include <QCommandLineParser>

namespace d4::app {

namespace {

const char kDescription[] =
    "Sends data as signed D4 packets, like the D4 C and Go clients: reads the source (stdin or a file) and\n"
    "writes the packets to stdout, or over TLS to a D4 server with reconnection.\n"
    "\n"
    "The configuration directory holds one setting per file: uuid (generated if missing), key, type,\n"
    "version, snaplen, source, destination (stdout or host:port), metaheader.json (types 2 and 254),\n"
    "rootCA.crt and fingerprint (server verification). See docs/d4-sensor.md.\n"
    "\n"
    "A server certificate must be verifiable: by rootCA.crt, by a pinned SHA-256 fingerprint (--pin or\n"
    "the fingerprint file), or explicitly not at all with --insecure.\n"
    "\n"
    "Exit codes:\n"
    "  0  the source ended and all data was sent\n"
    "  1  runtime error: reading the source or writing stdout failed\n"
    "  2  bad command line or configuration\n"
    "  3  the server could not be reached (retries exhausted or disabled) or its certificate was refused";

bool parseBounded(const QString &text, int maximum, int &out)
{
    bool ok = false;
    const int value = text.toInt(&ok);
    if (!ok || value < 0 || value > maximum) {
        return false;
    }
    out = value;
    return true;
}

} // namespace

SensorCommandLine SensorCommandLine::parse(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QString::fromLatin1(kDescription));
    const QCommandLineOption help = parser.addHelpOption();
    const QCommandLineOption version(QStringLiteral("version"),
                                     QStringLiteral("Displays version information."));
    const QCommandLineOption config({QStringLiteral("c"), QStringLiteral("config")},
                                    QStringLiteral("The configuration directory (required)."),
                                    QStringLiteral("dir"));
    const QCommandLineOption insecure(
        QStringLiteral("insecure"),
        QStringLiteral("Do not verify the server's certificate chain and host name. A "
                       "pin (--pin or the fingerprint file) is still enforced."));
    const QCommandLineOption pin(
        QStringLiteral("pin"),
        QStringLiteral("Accept only a server certificate with this SHA-256 fingerprint (64 "
                       "hex digits, colons allowed). Overrides the fingerprint file."),
        QStringLiteral("sha256"));
    const QCommandLineOption retryMax(
        QStringLiteral("retry-max"),
        QStringLiteral("Longest wait between reconnection attempts, in seconds (back-off "
                       "1 s doubling up to this; default 30). 0 disables reconnecting."),
        QStringLiteral("seconds"), QStringLiteral("30"));
    const QCommandLineOption retryLimit(
        QStringLiteral("retry-limit"),
        QStringLiteral("Give up (exit code 3) after this many consecutive failed "
                       "connection attempts (default 0: never)."),
        QStringLiteral("n"), QStringLiteral("0"));
    const QCommandLineOption verbose({QStringLiteral("v"), QStringLiteral("verbose")},
                                     QStringLiteral("Log connections, back-off and a summary to stderr."));
    parser.addOptions({version, config, insecure, pin, retryMax, retryLimit, verbose});

    SensorCommandLine out;
    out.helpText = parser.helpText();
    const auto fail = [&out](const QString &message) {
        out.action = Action::Error;
        out.error = message;
        return out;
    };
    if (!parser.parse(arguments)) {
        return fail(parser.errorText());
    }
    if (parser.isSet(help) || parser.isSet(QStringLiteral("help-all"))) {
        out.action = Action::Help;
        return out;
    }
    if (parser.isSet(version)) {
        out.action = Action::Version;
        return out;
    }
    if (!parser.positionalArguments().isEmpty()) {
        return fail(QStringLiteral("unexpected argument: %1").arg(parser.positionalArguments().constFirst()));
    }
    if (!parser.isSet(config)) {
        return fail(QStringLiteral("the configuration directory is required (-c DIR)"));
    }
    out.configDirectory = parser.value(config);
    out.options.insecure = parser.isSet(insecure);
    out.verbose = parser.isSet(verbose);
    if (parser.isSet(pin)) {
        out.options.pin = sensor::parseSha256Fingerprint(parser.value(pin));
        if (!out.options.pin) {
            return fail(
                QStringLiteral("--pin: \"%1\" is not a SHA-256 fingerprint (64 hex digits, colons allowed)")
                    .arg(parser.value(pin)));
        }
    }
    int seconds = 0;
    if (!parseBounded(parser.value(retryMax), 86400, seconds)) {
        return fail(QStringLiteral("--retry-max: expected a number of seconds in 0..86400"));
    }
    out.options.retryMax = std::chrono::seconds(seconds);
    if (!parseBounded(parser.value(retryLimit), 1000000, out.options.retryLimit)) {
        return fail(QStringLiteral("--retry-limit: expected a count in 0..1000000"));
    }
    out.action = Action::Run;
    return out;
}

} // namespace d4::app
