// SPDX-License-Identifier: GPL-3.0-or-later
// SpikingConvNet Workbench — live spikes of a board run into the spike raster.
#include "app/workbench/livespikelink.h"

#include "views/spikerasterview.h"

#include <QTimer>

namespace scnn::app {

LiveSpikeLink::LiveSpikeLink(views::SpikeRasterView* raster, QObject* parent) : QObject(parent), m_raster(raster) {}

LiveSpikeLink::~LiveSpikeLink()
{
    stop();
}

void LiveSpikeLink::start(const hardware::LiveReceiverConfig& config)
{
    stop();
    {
        const std::lock_guard lock(m_mutex);
        m_pending = {};
        m_dropped = 0;
        m_scheduled = false;
    }
    m_drawn = 0;
    m_updates = 0;
    if (m_raster) {
        m_raster->clear();
        m_raster->setNeuronCounts(0, 0);
        m_raster->setCapacity(rasterCapacity);
        m_raster->setSlidingWindow(slidingWindowMs);
    }
    auto receiver = std::make_unique<hardware::LiveReceiver>(config);
    receiver->onSpikes = [this](std::vector<hardware::LiveSpikeBlock>&& blocks) { enqueue(std::move(blocks)); };
    receiver->onNotice = [this](const hardware::LiveNotice& n) {
        QString line;
        switch (n.kind) {
        case hardware::LiveNoticeKind::DatabaseReady:
            line = tr("Live spikes: the toolchain's database is read; waiting for the run");
            break;
        case hardware::LiveNoticeKind::DatabaseFailed:
            line = tr("Live spikes: the toolchain's database could not be read: %1").arg(QString::fromStdString(n.message));
            break;
        case hardware::LiveNoticeKind::Started:
            line = tr("Live spikes: the board started");
            break;
        case hardware::LiveNoticeKind::Stopped:
            line = tr("Live spikes: the board stopped");
            break;
        }
        QMetaObject::invokeMethod(this, [this, line] { emit logLine(line); }, Qt::QueuedConnection);
    };
    receiver->start(); // throws model::Error naming the address and port
    m_receiver = std::move(receiver);
    m_sinceDraw.invalidate();
}

void LiveSpikeLink::stop()
{
    if (!m_receiver)
        return;
    m_receiver->stop(); // hands over what is pending first
    const hardware::LiveReceiverStats s = m_receiver->stats();
    m_receiver.reset();
    if (s.malformed + s.unknownKeys + s.rejectedSenders > 0)
        emit logLine(tr("Live spikes: %1 received; dropped %2 malformed packets, %3 unknown keys, %4 from other senders")
                         .arg(s.spikes)
                         .arg(s.malformed)
                         .arg(s.unknownKeys)
                         .arg(s.rejectedSenders));
}

std::uint16_t LiveSpikeLink::notifyPort() const
{
    return m_receiver ? m_receiver->notifyPort() : 0;
}

std::uint16_t LiveSpikeLink::spikePort() const
{
    return m_receiver ? m_receiver->spikePort() : 0;
}

std::size_t LiveSpikeLink::dropped() const
{
    const std::lock_guard lock(m_mutex);
    return m_dropped;
}

void LiveSpikeLink::enqueue(std::vector<hardware::LiveSpikeBlock>&& blocks)
{
    // Receiver thread: copy into the pending buffer, schedule one drain.
    bool schedule = false;
    {
        const std::lock_guard lock(m_mutex);
        for (const hardware::LiveSpikeBlock& b : blocks) {
            const bool pre = b.label == "input" || b.label == "window";
            auto& times = pre ? m_pending.preTimes : m_pending.postTimes;
            auto& ids = pre ? m_pending.preIds : m_pending.postIds;
            const std::size_t room = maxPendingSpikes > m_pending.size() ? maxPendingSpikes - m_pending.size() : 0;
            const std::size_t take = std::min(room, b.spikes.size());
            times.insert(times.end(), b.spikes.times.begin(), b.spikes.times.begin() + std::ptrdiff_t(take));
            ids.insert(ids.end(), b.spikes.ids.begin(), b.spikes.ids.begin() + std::ptrdiff_t(take));
            m_dropped += b.spikes.size() - take;
        }
        if (!m_scheduled && m_pending.size() > 0) {
            m_scheduled = true;
            schedule = true;
        }
    }
    if (schedule)
        QMetaObject::invokeMethod(this, &LiveSpikeLink::drain, Qt::QueuedConnection);
}

void LiveSpikeLink::drain()
{
    // GUI thread: at most one raster update per minIntervalMs.
    if (m_sinceDraw.isValid() && m_sinceDraw.elapsed() < minIntervalMs) {
        QTimer::singleShot(int(minIntervalMs - m_sinceDraw.elapsed()), this, &LiveSpikeLink::drain);
        return;
    }
    Pending batch;
    {
        const std::lock_guard lock(m_mutex);
        std::swap(batch, m_pending);
        m_scheduled = false;
    }
    if (batch.size() == 0 || !m_raster)
        return;
    m_sinceDraw.start();
    if (!batch.preTimes.empty())
        m_raster->appendSpikes(std::span<const double>(batch.preTimes), std::span<const std::int32_t>(batch.preIds),
                               views::SpikeRasterView::Group::Pre);
    if (!batch.postTimes.empty())
        m_raster->appendSpikes(std::span<const double>(batch.postTimes), std::span<const std::int32_t>(batch.postIds),
                               views::SpikeRasterView::Group::Post);
    m_drawn += batch.size();
    ++m_updates;
    emit spikesDrawn();
}

} // namespace scnn::app
