// SPDX-License-Identifier: AGPL-3.0-or-later
// SPDX-FileCopyrightText: D4 Console contributors
#include "forward/spoolfiles.h"

#include <algorithm>

#include <QFile>
#include <QSaveFile>

namespace d4::forward::spoolfiles {

namespace {

constexpr qint64 kMaxAcknowledgedFileSize = 256;

/**
 * The acknowledged file is one line of two decimal numbers that only this class writes; a
 * format library would add nothing but a dependency, so it is parsed by hand, strictly.
 */
bool parseAcknowledged(const QByteArray &content, SpoolCursor &cursor)
{
    if (!content.endsWith('\n')) {
        return false;
    }
    const QList<QByteArray> fields = content.chopped(1).split(' ');
    if (fields.size() != 2) {
        return false;
    }
    const auto number = [](const QByteArray &field, quint64 &value) {
        if (field.isEmpty() || field.size() > 20 ||
            !std::all_of(field.begin(), field.end(), [](char c) { return c >= '0' && c <= '9'; })) {
            return false;
        }
        bool ok = false;
        value = field.toULongLong(&ok);
        return ok;
    };
    return number(fields[0], cursor.segment) && number(fields[1], cursor.offset) &&
           cursor.segment < kLastSequence;
}

} // namespace

QString acknowledgedFileName()
{
    return QStringLiteral("acknowledged");
}

QString segmentFileName(quint64 sequence)
{
    return QStringLiteral("%1.seg").arg(sequence, 16, 10, QLatin1Char('0'));
}

bool parseSegmentFileName(const QString &name, quint64 &sequence)
{
    if (name.size() != 20 || !name.endsWith(QLatin1String(".seg"))) {
        return false;
    }
    const QStringView digits = QStringView(name).left(16);
    if (!std::all_of(digits.begin(), digits.end(),
                     [](QChar c) { return c.isDigit() && c.unicode() < 128; })) {
        return false;
    }
    bool ok = false;
    sequence = digits.toULongLong(&ok);
    return ok;
}

bool readAcknowledged(const QString &path, SpoolCursor &cursor, QString &message)
{
    QFile file(path);
    if (!file.exists()) {
        return true;
    }
    if (!file.open(QIODevice::ReadOnly)) {
        message = QStringLiteral("cannot read the spool's acknowledged cursor %1: %2")
                      .arg(path, file.errorString());
        return false;
    }
    if (!parseAcknowledged(file.read(kMaxAcknowledgedFileSize + 1), cursor)) {
        message = QStringLiteral("the spool's acknowledged cursor %1 is damaged: it should hold one line "
                                 "\"<segment> <offset>\"")
                      .arg(path);
        return false;
    }
    return true;
}

bool saveAcknowledged(const QString &path, const SpoolCursor &cursor, QString &message)
{
    QSaveFile file(path);
    const QByteArray content =
        QByteArray::number(cursor.segment) + ' ' + QByteArray::number(cursor.offset) + '\n';
    if (!file.open(QIODevice::WriteOnly) || file.write(content) != content.size() || !file.commit()) {
        message = QStringLiteral("cannot save the spool's acknowledged cursor %1: %2")
                      .arg(path, file.errorString());
        return false;
    }
    return true;
}

} // namespace d4::forward::spoolfiles
