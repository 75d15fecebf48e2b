// SPDX-License-Identifier: GPL-3.0-or-later
// SpikingConvNet Workbench — feeds the raster, membrane, activity and input views while a phase runs.
#include "app/workbench/liveviews.h"

#include "views/activityview.h"
#include "views/imagegridview.h"
#include "views/membranetraceview.h"
#include "views/spikerasterview.h"

#include <QCoreApplication>

#include <algorithm>

namespace scnn::app {

namespace {

struct Live
{
    Q_DECLARE_TR_FUNCTIONS(Live)
};

void append(hardware::SpikeList& to, const hardware::SpikeList& from)
{
    to.ids.insert(to.ids.end(), from.ids.begin(), from.ids.end());
    to.times.insert(to.times.end(), from.times.begin(), from.times.end());
}

} // namespace

LiveViews::LiveViews(const RecordedViews& views, views::ImageGridView* inputs) : m_views(views), m_inputs(inputs)
{
    m_drawTimer.setSingleShot(true);
    m_drawTimer.setInterval(drawIntervalMs);
    m_drawTimer.callOnTimeout([this] {
        if (m_pending)
            flush();
    });
}

void LiveViews::beginPhase()
{
    m_fresh = true;
    m_pending = false;
    m_latest = {};
    m_inputSpikes = {};
    m_outputSpikes = {};
}

RecordedShown LiveViews::show(const PhaseSnapshot& s)
{
    RecordedShown shown;
    if (!s.image.empty())
        showImage(s);
    if (s.hasSpikes) {
        append(m_inputSpikes, s.inputSpikes);
        append(m_outputSpikes, s.outputSpikes);
        // The newest traces and counts replace older ones; spikes accumulate.
        m_latest = s;
        m_latest.inputSpikes = {};
        m_latest.outputSpikes = {};
        shown.raster = m_views.raster && m_rasterEnabled;
        shown.membrane = m_views.membrane && !s.membraneNeurons.empty();
        shown.activity = m_views.activity && !s.activity.empty();
    }
    m_pending = true;
    if (!m_drawTimer.isActive())
        flush(); // the first data of a quiet spell at once, then at most every drawIntervalMs
    return shown;
}

void LiveViews::flush()
{
    m_pending = false;
    m_drawTimer.start();
    if (m_imagesChanged && m_inputs && !m_images.empty()) {
        std::vector<std::uint8_t> pixels;
        pixels.reserve(m_images.size() * m_images.front().size());
        for (const auto& img : m_images)
            pixels.insert(pixels.end(), img.begin(), img.end());
        m_inputs->setImages({m_imageH, m_imageW, 1}, pixels, int(m_images.size()), m_captions);
        m_inputs->setHighlighted(int(m_images.size()) - 1);
        m_imagesChanged = false;
    }
    if (!m_latest.hasSpikes)
        return;
    const PhaseSnapshot& s = m_latest;
    if (auto* raster = m_views.raster; raster && m_rasterEnabled) {
        if (m_fresh) {
            raster->clear();
            raster->setCapacity(rasterCapacity);
            raster->setNeuronCounts(s.inputNeurons, s.outputNeurons);
            raster->setSlidingWindow(std::max(s.toMs - s.fromMs, 1.0));
            raster->resetView();
            m_fresh = false;
        }
        raster->appendSpikes(m_inputSpikes.times, m_inputSpikes.ids, views::SpikeRasterView::Group::Pre);
        raster->appendSpikes(m_outputSpikes.times, m_outputSpikes.ids, views::SpikeRasterView::Group::Post);
        m_inputSpikes = {};
        m_outputSpikes = {};
    }
    if (auto* traces = m_views.membrane; traces && !s.membraneNeurons.empty()) {
        QStringList labels;
        for (std::int32_t id : s.membraneNeurons)
            labels << Live::tr("kernel %1").arg(id + 1);
        traces->setSlidingWindow(0);
        traces->setThreshold(s.thresholdMv);
        traces->setResetPotential(s.resetMv);
        traces->setTraces(s.membraneTimes, s.membraneValues, s.membraneNeurons, labels);
        traces->resetView();
    }
    if (auto* activity = m_views.activity; activity && !s.activity.empty())
        activity->setActivity(model::Shape{s.activityH, s.activityW, s.activityK}, s.activity);
    m_latest.membraneNeurons.clear(); // drawn; the next snapshot brings new ones
    m_latest.activity.clear();
}

void LiveViews::showImage(const PhaseSnapshot& s)
{
    if (s.imageWidth <= 0 || s.imageHeight <= 0
        || s.image.size() != std::size_t(s.imageWidth) * std::size_t(s.imageHeight))
        return;
    if (s.imageWidth != m_imageW || s.imageHeight != m_imageH) {
        m_images.clear();
        m_captions.clear();
        m_imageW = s.imageWidth;
        m_imageH = s.imageHeight;
    }
    m_images.push_back(s.image);
    m_captions << s.imageCaption;
    while (int(m_images.size()) > presentedImages) {
        m_images.pop_front();
        m_captions.removeFirst();
    }
    m_imagesChanged = true;
}

} // namespace scnn::app
