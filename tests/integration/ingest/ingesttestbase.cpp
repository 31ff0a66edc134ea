// SPDX-License-Identifier: AGPL-3.0-or-later
// SPDX-FileCopyrightText: D4 Console contributors
#include "ingesttestbase.h"

#include <QDeadlineTimer>
#include <QThread>

namespace d4::test {

QByteArray IngestTestBase::sessionOf(int type, const QByteArray &uuidHex)
{
    const QDeadlineTimer deadline(3000);
    while (!deadline.hasExpired()) {
        const RedisReply sessions = streams({"SMEMBERS", "session_uuid:" + QByteArray::number(type)});
        for (const RedisReply &session : sessions.elements) {
            const RedisReply first =
                streams({"XRANGE", "stream:" + QByteArray::number(type) + ':' + session.string, "-", "+",
                         "COUNT", "1"});
            if (!first.elements.isEmpty() && first.elements[0].elements.size() == 2 &&
                first.elements[0].elements[1].elements.size() >= 4 &&
                first.elements[0].elements[1].elements[3].string == uuidHex) {
                return session.string;
            }
        }
        QThread::msleep(20);
    }
    return {};
}

} // namespace d4::test
