// SPDX-License-Identifier: AGPL-3.0-or-later
// SPDX-FileCopyrightText: D4 Console contributors
#pragma once

#include <atomic>
#include <condition_variable>
#include <memory>
#include <mutex>
#include <thread>
#include <vector>

#include <QByteArray>
#include <QByteArrayList>

#include "forward/forwardrule.h"

namespace d4::protocol {
class PacketEncoder;
}
namespace d4::sensor {
class TlsConnection;
class TlsContext;
} // namespace d4::sensor

namespace d4::forward {

class ForwardCounters;
class ForwardSpool;
struct SpoolCursor;

/**
 * Sends a rule's spool to the partner as one D4 sensor (the rule's partner UUID and key), on its
 * own thread.
 *
 * D4 has no acknowledgements, so the sender makes its own from TLS: it sends in windows, and
 * ends each window by closing the connection cleanly (close_notify, then waiting for the partner
 * to close its side). A D4 server reads a connection to its end before it closes, so an orderly
 * close means the partner has read everything the window carried: only then is the window
 * acknowledged in the spool. A window ends after ackInterval or ackBytes, when the rule is paused
 * and when the sender stops; a quiet window stays open until ackInterval, so a trickle of data
 * does not become one partner session per item. A connection lost mid-window (partner
 * crashed, network) is retried with back-off from the last acknowledged record: delivery is at
 * least once, and exactly once when the partner stops by draining (d4-server
 * shutdown_drain_seconds). No connection is held open while there is nothing to send.
 *
 * Every connection starts with the rule's preamble: the pcap global header for type 1, the
 * meta header `{"type": "<extended type>"}` as type 2 for type 254. Lines are sent with '\n'.
 */
class ForwardSender final
{
public:
    /** @p pcapStreamHeader: the outgoing pcap global header (type 1 only). */
    ForwardSender(const ForwardRule &rule, ForwardSpool &spool, ForwardCounters &counters,
                  QByteArray pcapStreamHeader);
    ~ForwardSender();

    /** Builds the TLS context and starts the thread; false with @p error on a bad CA. */
    bool start(QString &error);
    /** Ends the current window cleanly (bounded by the linger timeout) and joins the thread. */
    void stop();
    void setPaused(bool paused);
    bool isPaused() const { return m_paused.load(); }

private:
    enum class WindowEnd
    {
        Clean,  ///< acknowledged
        Lost,   ///< connection failed: resend from the acknowledged cursor
        Nothing ///< nothing to send
    };

    void run();
    WindowEnd sendWindow();
    std::unique_ptr<sensor::TlsConnection> connect();
    bool writePayload(sensor::TlsConnection &connection, const QByteArray &payload, std::uint8_t type);
    QByteArray encodeRecords(const QByteArrayList &records) const;
    /** Waits @p duration unless stopping; false when stopping. */
    bool sleepFor(std::chrono::milliseconds duration);
    bool stopping() const { return m_stop.load(); }

    const ForwardRule &m_rule;
    ForwardSpool &m_spool;
    ForwardCounters &m_counters;
    QByteArray m_pcapStreamHeader;
    std::unique_ptr<sensor::TlsContext> m_context;
    std::unique_ptr<protocol::PacketEncoder> m_encoder;
    std::vector<std::uint8_t> m_packets;
    std::thread m_thread;
    std::atomic<bool> m_stop{false};
    std::atomic<bool> m_paused{false};
    std::mutex m_mutex;
    std::condition_variable m_wake;
};

} // namespace d4::forward
