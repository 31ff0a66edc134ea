// SPDX-License-Identifier: AGPL-3.0-or-later
// SPDX-FileCopyrightText: D4 Console contributors
#include "workers/workercontext.h"

#include "workers/filefinisher.h"
#include "workers/leftoverfiles.h"

namespace d4::workers {

bool WorkerContext::finishFile(const QString &path, const QByteArray &sensorUuid, int type, QString &error)
{
    LeftoverFiles::File file{path, sensorUuid, type};
    if (finisher) {
        finisher->submit(std::move(file));
        return true;
    }
    QString finished;
    return LeftoverFiles::finish(file, queues, finished, error) == LeftoverFiles::Outcome::Finished;
}

void WorkerContext::guardOpening(RotatingFile &file)
{
    if (finisher) {
        file.setOpenGuard([this](const QString &path) { finisher->waitUntilReleased(path); });
    }
}

} // namespace d4::workers
