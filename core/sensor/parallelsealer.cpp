// SPDX-License-Identifier: AGPL-3.0-or-later
// SPDX-FileCopyrightText: D4 Console contributors
#include "sensor/parallelsealer.h"

namespace d4::sensor {

ParallelSealer::ParallelSealer(std::unique_ptr<protocol::PacketEncoder> encoder)
    : m_encoder(std::move(encoder))
    , m_thread([this] { loop(); })
{
}

ParallelSealer::~ParallelSealer()
{
    {
        const std::lock_guard lock(m_mutex);
        m_stop = true;
    }
    m_changed.notify_all();
    m_thread.join();
}

void ParallelSealer::run(std::function<void(protocol::PacketEncoder &)> job)
{
    {
        const std::lock_guard lock(m_mutex);
        m_job = std::move(job);
        m_busy = true;
    }
    m_changed.notify_all();
}

void ParallelSealer::wait()
{
    std::unique_lock lock(m_mutex);
    m_changed.wait(lock, [this] { return !m_busy; });
}

void ParallelSealer::loop()
{
    std::unique_lock lock(m_mutex);
    for (;;) {
        m_changed.wait(lock, [this] { return m_stop || m_busy; });
        if (m_stop) {
            return;
        }
        auto job = std::move(m_job);
        lock.unlock();
        job(*m_encoder);
        lock.lock();
        m_busy = false;
        m_changed.notify_all();
    }
}

} // namespace d4::sensor
