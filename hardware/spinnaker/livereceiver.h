// SPDX-License-Identifier: GPL-3.0-or-later
// SpikingConvNet Workbench — live spikes from SpiNNaker: the database handshake and the EIEIO receiver.
#pragma once

#include "hardware/backend.h"
#include "hardware/spinnaker/livedatabase.h"

#include <atomic>
#include <chrono>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <vector>

namespace scnn::hardware {

/// The spikes of one population received since the previous block.
struct LiveSpikeBlock
{
    int population = 0;   ///< Index into the current database's populations()
    std::string label;    ///< Population label (stable across database changes)
    SpikeList spikes;     ///< ids = neuron index in the population, times [ms]; sorted by time then id
};

/// What the receiver tells its owner besides spikes.
enum class LiveNoticeKind {
    DatabaseReady,   ///< Key map read and the ready answer sent; a run is about to start
    DatabaseFailed,  ///< The database could not be read (message says why); answered anyway
    Started,         ///< START_RESUME_NOTIFICATION
    Stopped,         ///< STOP_PAUSE_NOTIFICATION (spikes already queued were delivered first)
};

struct LiveNotice
{
    LiveNoticeKind kind = LiveNoticeKind::DatabaseReady;
    std::string message;
    std::shared_ptr<const LiveDatabase> database; ///< DatabaseReady: the map now in use
};

/// Counters since start(); read with LiveReceiver::stats() from any thread.
struct LiveReceiverStats
{
    std::uint64_t packets = 0;         ///< Spike datagrams decoded
    std::uint64_t spikes = 0;          ///< Spikes with a known key
    std::uint64_t malformed = 0;       ///< Datagrams dropped: bad length, wrong type, unexpected command, bad count
    std::uint64_t unknownKeys = 0;     ///< Keys not in the database (or no database yet)
    std::uint64_t rejectedSenders = 0; ///< Datagrams from an address not allowed
    std::uint64_t notifications = 0;   ///< Database/start/stop notifications handled
    std::uint64_t blocks = 0;          ///< Callbacks made
    std::uint64_t delivered = 0;       ///< Spikes handed to the callback
    std::uint64_t droppedPaused = 0;   ///< Spikes counted but not delivered while paused
    std::uint64_t filtered = 0;        ///< Spikes of populations not asked for
    std::uint64_t callbackErrors = 0;  ///< Exceptions thrown by onSpikes/onNotice (caught)
};

/**
 * @brief How the receiver listens and when it hands spikes over.
 *
 * Update policy: spikes are collected per population and handed over as one
 * batch of blocks every `updateInterval`, or as soon as `maxPendingSpikes`
 * have accumulated, whichever comes first; nothing is handed over when no
 * spike arrived. While paused, spikes are still received and counted but
 * dropped instead of handed over, so resuming shows live data again rather
 * than a backlog.
 */
struct LiveReceiverConfig
{
    std::string bindAddress = "127.0.0.1"; ///< Local address of both sockets (loopback by default)
    /// Local address of the spike socket when it differs, e.g. "0.0.0.0" for a
    /// board on the network while the toolchain notifies on loopback; empty = bindAddress.
    std::string spikeBindAddress;
    std::uint16_t notifyPort = 19999;      ///< Database notifications; 0 = any free port
    std::uint16_t spikePort = 17895;       ///< Live spike output; 0 = any free port
    bool handshake = true;                 ///< Open the notification socket at all
    /// Addresses datagrams are accepted from (both sockets); "0.0.0.0" accepts any IPv4 sender.
    std::vector<std::string> allowedSenders{"127.0.0.1"};
    /// Also accept spikes from the boards the database names as live-output
    /// senders (app_output_tag_view.board_address), e.g. a board spalloc chose.
    bool allowDatabaseBoards = false;
    /// Read this file instead of the path the toolchain announces (toolchain on
    /// another machine); when set it is also loaded by start().
    std::string databaseOverride;
    std::vector<std::string> labels;       ///< Populations to hand over; empty = all
    std::chrono::milliseconds updateInterval{33}; ///< Hand-over period (≈ 30 Hz)
    std::size_t maxPendingSpikes = 16384;  ///< Hand over early when this many are waiting
    int receiveBufferBytes = 4 << 20;      ///< SO_RCVBUF request for the spike socket [bytes]
    bool strippedSdp = true;               ///< IP tag strips SDP (default); false: skip pad + SDP header
    unsigned colourBits = 0;               ///< Clear this many low key bits before lookup (raw 7.x keys)
};

/**
 * @brief Takes part in sPyNNaker's database handshake and receives live
 * spikes over UDP (spinnaker.md §4), on its own Boost.Asio thread.
 *
 * Notification socket: on `01 40 + path` it reads the database on a worker
 * thread, then answers exactly `01 40` to the sender from the same socket;
 * `0B 40` marks a start, `0A 40` a stop. Spike socket: EIEIO data packets are
 * checked (sender allowed, exact length), keys looked up, and spikes
 * collected into per-population blocks handed to `onSpikes` per the update
 * policy. Malformed or unexpected datagrams are counted and dropped.
 *
 * Both callbacks run on the receiver's thread; a GUI forwards them with a
 * queued invocation and returns at once:
 * @code
 * LiveReceiver rx(config);
 * rx.onSpikes = [view](std::vector<LiveSpikeBlock>&& blocks) {
 *     QMetaObject::invokeMethod(view, [view, b = std::move(blocks)] { view->append(b); },
 *                               Qt::QueuedConnection);
 * };
 * rx.start();   // throws model::Error when a port cannot be bound
 * @endcode
 */
class LiveReceiver
{
public:
    using SpikeHandler = std::function<void(std::vector<LiveSpikeBlock>&&)>;
    using NoticeHandler = std::function<void(const LiveNotice&)>;

    explicit LiveReceiver(LiveReceiverConfig config = {});
    ~LiveReceiver();
    LiveReceiver(const LiveReceiver&) = delete;
    LiveReceiver& operator=(const LiveReceiver&) = delete;

    SpikeHandler onSpikes;   ///< Set before start()
    NoticeHandler onNotice;  ///< Set before start()

    /// Binds the sockets, loads databaseOverride if set, and starts the I/O
    /// thread. Throws model::Error naming the address and port on failure.
    void start();
    /// Stops the thread and closes the sockets; pending spikes are handed over
    /// first. Safe to call twice; the destructor calls it.
    void stop();

    void pause() { m_paused.store(true); }
    void resume() { m_paused.store(false); }
    bool paused() const { return m_paused.load(); }

    /// Bound ports (useful with port 0).
    std::uint16_t notifyPort() const { return m_boundNotifyPort; }
    std::uint16_t spikePort() const { return m_boundSpikePort; }

    /// Counters; after stop() the final values.
    LiveReceiverStats stats() const;
    /// Number of stop notifications seen so far.
    int stopCount() const;
    /// Blocks until `stopCount() > stopsSeen` or the timeout; true when a stop
    /// notification came. Not to be called while another thread calls stop().
    bool waitForStop(int stopsSeen, std::chrono::milliseconds timeout) const;
    /// The key map in use (null before the first database).
    std::shared_ptr<const LiveDatabase> database() const;

private:
    struct Impl;
    LiveReceiverConfig m_config;
    std::unique_ptr<Impl> m_impl;
    std::atomic<bool> m_paused{false};
    std::uint16_t m_boundNotifyPort = 0;
    std::uint16_t m_boundSpikePort = 0;
    LiveReceiverStats m_lastStats;                     ///< Kept after stop()
    std::shared_ptr<const LiveDatabase> m_lastDatabase; ///< Kept after stop()
};

} // namespace scnn::hardware
