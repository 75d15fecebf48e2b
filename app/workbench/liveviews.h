// SPDX-License-Identifier: GPL-3.0-or-later
// SpikingConvNet Workbench — feeds the raster, membrane, activity and input views while a phase runs.
#pragma once

#include "app/workbench/phase.h"
#include "app/workbench/recordedviews.h"

#include <QStringList>
#include <QTimer>

#include <cstdint>
#include <deque>
#include <vector>

namespace scnn::views {
class ImageGridView;
} // namespace scnn::views

namespace scnn::app {

/**
 * @brief Shows a running phase's live recordings: appends the latest spikes
 * to the raster (input blue, kernels red) with a sliding time window and a
 * bounded history, shows the latest membrane traces with threshold and
 * reset, the layer's spike counts per kernel map, and the last images
 * presented.
 *
 * Snapshots may come 30 times a second; the views redraw at most every
 * drawIntervalMs (the first snapshot at once, later ones collected in
 * between), which keeps the window responsive while it draws a million
 * spikes. Memory stays flat however long the run is (rasterCapacity spikes
 * per group, presentedImages images).
 *
 * @code
 * LiveViews live(recorded, inputs);
 * connect(run, &RunController::phaseStarted, [&] { live.beginPhase(); });
 * connect(run, &RunController::snapshotArrived, [&](const PhaseSnapshot& s) { live.show(s); });
 * @endcode
 */
class LiveViews
{
public:
    /// Spikes kept per raster group during live runs (the oldest go first).
    static constexpr std::size_t rasterCapacity = 400000;
    /// Images kept in the inputs view while a phase presents them.
    static constexpr int presentedImages = 12;
    /// Shortest time between two redraws of the live views [ms].
    static constexpr int drawIntervalMs = 100;

    LiveViews(const RecordedViews& views, views::ImageGridView* inputs);

    /// A new phase begins: the next spikes start a fresh raster.
    void beginPhase();
    /// Takes what `s` carries; returns which views (will) show data from it.
    RecordedShown show(const PhaseSnapshot& s);
    /// Draws what has been collected since the last redraw.
    void flush();
    /// Whether snapshot spikes go into the raster (off while another source,
    /// e.g. the live link of a board run, fills it); traces, activity and
    /// images are shown either way.
    void setRasterEnabled(bool enabled) { m_rasterEnabled = enabled; }
    /// Whether the inputs view shows presented images (rather than the data preview).
    bool showsPresented() const { return !m_images.empty(); }

private:
    void showImage(const PhaseSnapshot& s);

    RecordedViews m_views;
    views::ImageGridView* m_inputs;
    QTimer m_drawTimer;
    bool m_pending = false;
    bool m_fresh = true;
    bool m_rasterEnabled = true;
    // Collected since the last redraw
    PhaseSnapshot m_latest;        ///< Traces, activity, neuron counts of the newest snapshot
    hardware::SpikeList m_inputSpikes;
    hardware::SpikeList m_outputSpikes;
    int m_imageW = 0;
    int m_imageH = 0;
    std::deque<std::vector<std::uint8_t>> m_images;
    QStringList m_captions;
    bool m_imagesChanged = false;
};

} // namespace scnn::app
