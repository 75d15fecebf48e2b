// SPDX-License-Identifier: GPL-3.0-or-later
// SpikingConvNet Workbench — live spikes of a board run into the spike raster.
#pragma once

#include "hardware/spinnaker/livereceiver.h"

#include <QElapsedTimer>
#include <QObject>
#include <QPointer>

#include <memory>
#include <mutex>
#include <vector>

namespace scnn::views {
class SpikeRasterView;
}

namespace scnn::app {

/**
 * @brief Runs a hardware::LiveReceiver for the duration of a SpiNNaker run
 * and draws what it receives into a SpikeRasterView.
 *
 * Update policy: the receiver (its own io_context thread) hands over blocks
 * about every 33 ms; they are queued here under a lock, at most
 * `maxPendingSpikes` (newer spikes beyond that are counted and dropped), and
 * one queued invocation at a time moves them into the raster on the GUI
 * thread, never more often than every `minIntervalMs` (≤ 30 Hz). The raster
 * keeps a sliding window and at most `rasterCapacity` spikes per group.
 * Populations labelled "input" or "window" are drawn as pre-synaptic (blue),
 * every other one as post-synaptic (red).
 *
 * @code
 * LiveSpikeLink link(raster);
 * link.start(config);            // before the toolchain announces its database
 * ...                            // spikes appear while the board runs
 * link.stop();
 * @endcode
 */
class LiveSpikeLink : public QObject
{
    Q_OBJECT

public:
    static constexpr qint64 minIntervalMs = 33;
    static constexpr std::size_t maxPendingSpikes = 200000;
    static constexpr std::size_t rasterCapacity = 2000000;
    static constexpr double slidingWindowMs = 2000.0;

    explicit LiveSpikeLink(views::SpikeRasterView* raster, QObject* parent = nullptr);
    ~LiveSpikeLink() override;

    /// Clears the raster and starts listening; throws model::Error when a port cannot be bound.
    void start(const hardware::LiveReceiverConfig& config);
    /// Stops listening; spikes already received are still drawn. Safe to call twice.
    void stop();
    bool isRunning() const { return bool(m_receiver); }

    /// Bound ports of the running receiver (0 when stopped).
    std::uint16_t notifyPort() const;
    std::uint16_t spikePort() const;

    /// Spikes drawn since start().
    std::size_t drawn() const { return m_drawn; }
    /// Spikes dropped because the GUI fell behind (pending limit).
    std::size_t dropped() const;
    /// Times the raster was updated since start().
    int updates() const { return m_updates; }

signals:
    /// A line for the run log (database read, start, stop, problems).
    void logLine(const QString& line);
    /// Spikes were drawn (the window shows the raster).
    void spikesDrawn();

private:
    void enqueue(std::vector<hardware::LiveSpikeBlock>&& blocks);
    void drain();

    QPointer<views::SpikeRasterView> m_raster;
    std::unique_ptr<hardware::LiveReceiver> m_receiver;

    struct Pending
    {
        std::vector<double> preTimes, postTimes;
        std::vector<std::int32_t> preIds, postIds;
        std::size_t size() const { return preTimes.size() + postTimes.size(); }
    };
    mutable std::mutex m_mutex;
    Pending m_pending;
    bool m_scheduled = false;
    std::size_t m_dropped = 0;

    QElapsedTimer m_sinceDraw;
    std::size_t m_drawn = 0;
    int m_updates = 0;
};

} // namespace scnn::app
