// SPDX-License-Identifier: GPL-3.0-or-later
// SpikingConvNet Workbench — injects live spikes into a running SpiNNaker network as EIEIO packets.
#pragma once

#include "hardware/spinnaker/livedatabase.h"

#include <chrono>
#include <cstdint>
#include <memory>
#include <span>
#include <string>
#include <string_view>

namespace scnn::hardware {

struct LiveSenderConfig
{
    std::string host = "127.0.0.1";   ///< Board address (numeric)
    std::uint16_t port = 0;           ///< Reverse IP tag port of the SpikeInjector (17896–17999 on a board)
    std::size_t keysPerPacket = 63;   ///< KEY_32_BIT keys per datagram (≤ 63: 2 + 63×4 = 254 bytes ≤ 256)
    /// Pacing as SpiNNMan's LiveEventConnection: pause `burstPause` after every
    /// `packetsPerBurst` packets; 0 packets per burst = unpaced.
    int packetsPerBurst = 6;
    std::chrono::milliseconds burstPause{100};
    std::size_t maxQueuedKeys = 1 << 20; ///< Keys beyond this are dropped and counted
};

struct LiveSenderStats
{
    std::uint64_t packets = 0;   ///< Datagrams sent
    std::uint64_t keys = 0;      ///< Keys sent
    std::uint64_t dropped = 0;   ///< Keys refused because the queue was full
    std::uint64_t errors = 0;    ///< Failed sends (keys lost)
};

/**
 * @brief Sends spikes to a SpikeInjector population on a running board:
 * 32-bit keys in EIEIO KEY_32_BIT data packets (no prefix), to the reverse IP
 * tag's port (spinnaker.md §1.2: the datagram is the EIEIO packet only).
 *
 * `send*()` only queues and returns at once (safe from the GUI thread); the
 * sender's own Boost.Asio thread drains the queue with SpiNNMan's pacing.
 * @code
 * LiveSender tx({.host = "192.168.240.1", .port = 17897});
 * tx.start();
 * tx.sendSpikes(*receiver.database(), "input", std::vector<int>{3, 17});
 * @endcode
 */
class LiveSender
{
public:
    explicit LiveSender(LiveSenderConfig config);
    ~LiveSender();
    LiveSender(const LiveSender&) = delete;
    LiveSender& operator=(const LiveSender&) = delete;

    /// Opens the socket and starts the thread; throws model::Error for a bad host or port.
    void start();
    /// Sends what is queued (bounded by `drainTimeout`) and stops.
    void stop(std::chrono::milliseconds drainTimeout = std::chrono::milliseconds(1000));

    /// Queues keys; returns false when some did not fit the queue (counted as dropped).
    bool sendKeys(std::span<const std::uint32_t> keys);
    /// Queues the keys of neurons of population `label`; throws model::Error
    /// naming the label or neuron when the database has no key for it.
    bool sendSpikes(const LiveDatabase& database, std::string_view label, std::span<const int> neurons);
    /// Waits until the queue is empty; false on timeout.
    bool flush(std::chrono::milliseconds timeout);

    LiveSenderStats stats() const;

private:
    struct Impl;
    LiveSenderConfig m_config;
    std::unique_ptr<Impl> m_impl;
    LiveSenderStats m_lastStats;
};

} // namespace scnn::hardware
