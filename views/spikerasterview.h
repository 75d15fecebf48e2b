// SPDX-License-Identifier: GPL-3.0-or-later
// SpikingConvNet Workbench — spike raster (neurons × time), pre-synaptic blue, post-synaptic red.
#pragma once

#include "views/customplotview.h"

#include <cstdint>
#include <span>

class QCPItemStraightLine;

namespace scnn::views {

class RasterPlottable;

/**
 * @brief Spike raster: one tick per spike at (time, neuron), two groups.
 *
 * Pre-synaptic spikes are blue and post-synaptic spikes red, as in the
 * original package's plots. Times are in ms, neuron ids are 0-based within
 * their group. With setNeuronCounts(pre, post) the post-synaptic neurons are
 * drawn above the pre-synaptic ones (a dashed line separates them);
 * otherwise ids are drawn as given.
 *
 * Spikes arrive in blocks (appendSpikes, for live runs) or all at once
 * (setSpikes). Drawing costs one pixel rectangle per visible spike, so a
 * million spikes stay interactive. The wheel zooms the time axis
 * (Ctrl+wheel zooms both axes), dragging pans, double-click or "Reset view"
 * shows everything again (or the sliding window in live runs).
 *
 * @code
 * auto* raster = new SpikeRasterView(parent);
 * raster->setNeuronCounts(16, 4);
 * raster->setSlidingWindow(1000.0);                       // live: last second
 * raster->appendSpikes(times, ids, SpikeRasterView::Group::Pre);
 * @endcode
 */
class SpikeRasterView : public CustomPlotView
{
    Q_OBJECT

public:
    enum class Group { Pre, Post };

    explicit SpikeRasterView(QWidget* parent = nullptr);
    ~SpikeRasterView() override;

    /// Replaces the spikes of one group; times [ms] and ids must have equal length.
    void setSpikes(std::span<const double> timesMs, std::span<const std::int32_t> ids, Group group);
    void setSpikes(std::span<const float> timesMs, std::span<const std::int32_t> ids, Group group);
    /// Adds a block of spikes to one group (any order; in-order blocks are cheapest).
    void appendSpikes(std::span<const double> timesMs, std::span<const std::int32_t> ids, Group group);
    void appendSpikes(std::span<const float> timesMs, std::span<const std::int32_t> ids, Group group);
    void clear();
    std::size_t spikeCount(Group group) const;

    /// Stacks post above pre with these neuron counts; (0, 0) draws ids as given.
    void setNeuronCounts(int pre, int post);
    /// Live runs: show only the last `ms` milliseconds while following; 0 switches it off.
    void setSlidingWindow(double ms);
    double slidingWindow() const { return m_window; }
    /// Keeps at most this many spikes per group, dropping the oldest (default 50 million).
    void setCapacity(std::size_t spikesPerGroup);
    void setGroupNames(const QString& pre, const QString& post);

    /// Visible time range [ms].
    std::pair<double, double> timeRange() const;
    /// Visible neuron range (drawn ids).
    std::pair<double, double> neuronRange() const;
    /// Sets the visible time range [ms]; stops following new data until resetView().
    void setTimeRange(double fromMs, double toMs);

public Q_SLOTS:
    /// Shows all spikes (or the sliding window) and follows new data again.
    void resetView();

protected:
    void fillContextMenu(QMenu& menu) override;
    void retranslate() override;

private:
    template<typename T>
    bool check(const char* what, std::span<const T> timesMs, std::span<const std::int32_t> ids) const;
    RasterPlottable* raster(Group group) const;
    void dataChanged();
    void applyAutoRange();

    RasterPlottable* m_pre = nullptr;
    RasterPlottable* m_post = nullptr;
    QCPItemStraightLine* m_separator = nullptr;
    int m_preCount = 0;
    int m_postCount = 0;
    double m_window = 0;
    bool m_follow = true;
    bool m_customNames = false; ///< setGroupNames() was called: keep those names
};

} // namespace scnn::views
