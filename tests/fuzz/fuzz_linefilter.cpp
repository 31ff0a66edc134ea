// SPDX-License-Identifier: AGPL-3.0-or-later
// SPDX-FileCopyrightText: D4 Console contributors
//
// Fuzz target: each input line through the forwarding LineFilter in passive DNS mode (default and
// a custom layout with the client MAC and a one-byte separator) with zones, dropped rrtypes,
// sampling and client fields pseudonymised or dropped. Properties checked: no crash; a kept line
// has an output and a left-out one none; the decision does not change when repeated; a kept text
// line still splits into the layout's fields with the same query, a kept JSON line is still an
// object with the same query; dropping client fields never makes a text line longer.

#include <cstdint>
#include <cstdlib>

#include <QByteArray>
#include <QJsonDocument>
#include <QJsonObject>

#include "analyzers/passivedns/lineparser.h"
#include "forward/linefilter.h"

namespace {

using d4::forward::ClientFieldPolicy;
using d4::forward::FilterDecision;
using d4::forward::LineFilter;
using d4::forward::LineFilterSettings;

LineFilterSettings settingsFor(QByteArray fields, QByteArray separator, ClientFieldPolicy policy)
{
    LineFilterSettings settings;
    settings.passiveDns = true;
    settings.fields = std::move(fields);
    settings.separator = std::move(separator);
    settings.dropSuffixes = {QStringLiteral("example.org"), QStringLiteral("Bad.Example."),
                             QStringLiteral(".")};
    settings.dropSuffixes.removeLast(); // the root would drop everything
    settings.keepSuffixes = {QStringLiteral("com"), QStringLiteral("example.net"), QStringLiteral("arpa")};
    settings.dropRrtypes = {16, 99};
    settings.sampleRate = 0.75;
    settings.clientFields = policy;
    settings.pseudonymKey = "fuzz-key";
    return settings;
}

QByteArrayView trimmedLine(QByteArrayView text)
{
    while (!text.isEmpty() &&
           (text.back() == '\r' || text.back() == '\n' || text.back() == ' ' || text.back() == '\t')) {
        text.chop(1);
    }
    while (!text.isEmpty() && (text.front() == ' ' || text.front() == '\t')) {
        text = text.sliced(1);
    }
    return text;
}

void check(const LineFilter &filter, const QByteArray &line)
{
    const FilterDecision decision = filter.apply(line);
    const FilterDecision again = filter.apply(line);
    if (decision.reason != again.reason || decision.output != again.output) {
        std::abort();
    }
    if (decision.kept() == decision.output.isEmpty()) {
        std::abort();
    }
    if (!decision.kept()) {
        return;
    }
    const LineFilterSettings &settings = filter.settings();
    const QByteArrayView text = trimmedLine(line);
    if (text.startsWith('{')) {
        const QJsonDocument before = QJsonDocument::fromJson(line);
        const QJsonDocument after = QJsonDocument::fromJson(decision.output);
        if (!after.isObject() ||
            after.object().value(QLatin1String("query")) != before.object().value(QLatin1String("query"))) {
            std::abort();
        }
        return;
    }
    if (settings.clientFields == ClientFieldPolicy::Drop && decision.output.size() > line.size()) {
        std::abort();
    }
    d4::passivedns::LineLayout layout;
    layout.fields = settings.fields;
    layout.separator = settings.separator;
    const d4::passivedns::LineParser parser(layout, {});
    d4::passivedns::TextFields before;
    d4::passivedns::TextFields after;
    if (parser.splitText(text, before) || parser.splitText(trimmedLine(decision.output), after) ||
        before.order != after.order || before.field('Q') != after.field('Q')) {
        std::abort();
    }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const QByteArray input = QByteArray::fromRawData(reinterpret_cast<const char *>(data), qsizetype(size));
    static const LineFilter pseudonymising(settingsFor("SMcsCQTAtn", "||", ClientFieldPolicy::Pseudonymise));
    static const LineFilter dropping(settingsFor("SMcsCQTAtn", "||", ClientFieldPolicy::Drop));
    static const LineFilter custom(settingsFor("HhcwsWpCQLTAltn", ";", ClientFieldPolicy::Pseudonymise));
    for (const QByteArray &line : input.split('\n')) {
        check(pseudonymising, line);
        check(dropping, line);
        check(custom, line);
    }
    return 0;
}
