// SPDX-License-Identifier: AGPL-3.0-or-later
// SPDX-FileCopyrightText: D4 Console contributors
#pragma once

#include <QThread>

#include "api/lookupsettings.h"

namespace d4::api {

class LookupServer;

/**
 * Runs a LookupServer on a thread of its own, so that Redis round trips of lookups never block the
 * caller's thread (d4-server's main thread, or the console's GUI thread). Thread affinity of this
 * object: the creating thread.
 */
class LookupService final
{
public:
    explicit LookupService(LookupSettings settings);
    ~LookupService();
    LookupService(const LookupService &) = delete;
    LookupService &operator=(const LookupService &) = delete;

    /** Starts the thread and listens; false with @p error when the port cannot be bound. */
    bool start(QString &error);
    void stop();
    /** The bound port (useful with port 0), 0 when not running. */
    quint16 port() const noexcept { return m_port; }
    const LookupSettings &settings() const noexcept { return m_settings; }

private:
    LookupSettings m_settings;
    QThread m_thread;
    LookupServer *m_server = nullptr; ///< lives on m_thread, deleted there
    quint16 m_port = 0;
};

} // namespace d4::api
