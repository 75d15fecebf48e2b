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

} // namespace

LiveViews::LiveViews(const RecordedViews& views, views::ImageGridView* inputs) : m_views(views), m_inputs(inputs)
{
}

void LiveViews::beginPhase()
{
    m_fresh = true;
}

RecordedShown LiveViews::show(const PhaseSnapshot& s)
{
    RecordedShown shown;
    if (!s.image.empty())
        showImage(s);
    if (!s.hasSpikes)
        return shown;
    const double span = std::max(s.toMs - s.fromMs, 1.0);
    if (auto* raster = m_views.raster) {
        if (m_fresh) {
            raster->clear();
            raster->setCapacity(rasterCapacity);
            raster->setNeuronCounts(s.inputNeurons, s.outputNeurons);
            raster->setSlidingWindow(span);
            raster->resetView();
            m_fresh = false;
        }
        raster->appendSpikes(s.inputSpikes.times, s.inputSpikes.ids, views::SpikeRasterView::Group::Pre);
        raster->appendSpikes(s.outputSpikes.times, s.outputSpikes.ids, views::SpikeRasterView::Group::Post);
        shown.raster = true;
    }
    if (auto* traces = m_views.membrane; traces && !s.membraneNeurons.empty()) {
        QStringList labels;
        for (std::int32_t id : s.membraneNeurons)
            labels << Live::tr("kernel %1").arg(id + 1);
        traces->setSlidingWindow(0);
        traces->setThreshold(s.thresholdMv);
        traces->setResetPotential(std::nullopt);
        traces->setTraces(s.membraneTimes, s.membraneValues, s.membraneNeurons, labels);
        traces->resetView();
        shown.membrane = true;
    }
    if (auto* activity = m_views.activity; activity && !s.activity.empty()) {
        activity->setActivity(model::Shape{s.activityH, s.activityW, s.activityK}, s.activity);
        shown.activity = true;
    }
    return shown;
}

void LiveViews::showImage(const PhaseSnapshot& s)
{
    if (!m_inputs || s.imageWidth <= 0 || s.imageHeight <= 0
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
    std::vector<std::uint8_t> pixels;
    pixels.reserve(m_images.size() * s.image.size());
    for (const auto& img : m_images)
        pixels.insert(pixels.end(), img.begin(), img.end());
    m_inputs->setImages({m_imageH, m_imageW, 1}, pixels, int(m_images.size()), m_captions);
    m_inputs->setHighlighted(int(m_images.size()) - 1);
}

} // namespace scnn::app
