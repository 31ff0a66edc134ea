// SPDX-License-Identifier: AGPL-3.0-or-later
// SPDX-FileCopyrightText: D4 Console contributors
#pragma once

#include <QByteArray>
#include <QDate>
#include <QList>
#include <QString>

#include "management/sensordetail.h"

namespace d4::management {

/** The sensor page's "Data Saved": what the workers wrote under <saveDirectory>/<uuid>/. */
class SavedDataScanner final
{
public:
    SavedDataScanner() = delete;

    /**
     * Walks <saveDirectory>/<uuid>/<type>/YYYY/MM/DD: every file counts in the totals, files of the
     * 7 days up to @p today also per day. Empty when @p saveDirectory is empty. Reads the disk: call
     * it off the GUI thread.
     */
    static QList<SavedData> scan(const QString &saveDirectory, const QByteArray &uuid, const QDate &today);
};

} // namespace d4::management
