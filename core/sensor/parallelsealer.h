// SPDX-License-Identifier: AGPL-3.0-or-later
// SPDX-FileCopyrightText: D4 Console contributors
#pragma once

#include <condition_variable>
#include <functional>
#include <memory>
#include <mutex>
#include <thread>

#include "protocol/packetencoder.h"

namespace d4::sensor {

/**
 * A second thread with its own PacketEncoder (same identity and key), so a batch can be signed on
 * two cores: SHA-256 is nearly all of d4-sensor's work. run() hands over one job; wait() blocks
 * until it is done. One job at a time; the owner's thread only.
 */
class ParallelSealer final
{
public:
    explicit ParallelSealer(std::unique_ptr<protocol::PacketEncoder> encoder);
    ~ParallelSealer();
    ParallelSealer(const ParallelSealer &) = delete;
    ParallelSealer &operator=(const ParallelSealer &) = delete;

    void run(std::function<void(protocol::PacketEncoder &)> job);
    void wait();

private:
    void loop();

    std::unique_ptr<protocol::PacketEncoder> m_encoder;
    std::mutex m_mutex;
    std::condition_variable m_changed;
    std::function<void(protocol::PacketEncoder &)> m_job;
    bool m_busy = false;
    bool m_stop = false;
    std::thread m_thread;
};

} // namespace d4::sensor
