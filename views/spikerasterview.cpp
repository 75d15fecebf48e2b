// SPDX-License-Identifier: GPL-3.0-or-later
// SpikingConvNet Workbench — spike raster (neurons × time), pre-synaptic blue, post-synaptic red.
#include "views/spikerasterview.h"

#include "views/plotstyle.h"
#include "views/rasterplottable.h"

#include <qcustomplot.h>

#include <QMenu>

#include <algorithm>
#include <cmath>
#include <vector>

namespace scnn::views {

SpikeRasterView::SpikeRasterView(QWidget* parent)
    : CustomPlotView(parent)
{
    setObjectName(QStringLiteral("raster"));
    QCustomPlot* p = plot();
    m_pre = new RasterPlottable(p->xAxis, p->yAxis);
    m_pre->setColor(PlotStyle::preSynapticColor());
    m_post = new RasterPlottable(p->xAxis, p->yAxis);
    m_post->setColor(PlotStyle::postSynapticColor());

    m_separator = new QCPItemStraightLine(p);
    m_separator->setPen(QPen(QColor(120, 120, 120), 1, Qt::DashLine));
    m_separator->setVisible(false);
    m_separator->setSelectable(false);

    retranslate();
    // Live runs reach millions of ms: whole numbers, never 1.5E+06.
    p->xAxis->setNumberFormat(QStringLiteral("f"));
    p->xAxis->setNumberPrecision(0);
    auto integerTicks = QSharedPointer<QCPAxisTickerFixed>(new QCPAxisTickerFixed);
    integerTicks->setTickStep(1.0);
    integerTicks->setScaleStrategy(QCPAxisTickerFixed::ssMultiples);
    p->yAxis->setTicker(integerTicks);
    p->xAxis->grid()->setVisible(false);
    p->yAxis->grid()->setVisible(false);
    PlotStyle::placeLegendOutside(p, Qt::Horizontal);
    p->setInteractions(QCP::iRangeDrag | QCP::iRangeZoom);
    p->axisRect()->setRangeZoom(Qt::Horizontal);
    p->axisRect()->setRangeZoomFactor(0.8);

    connect(p, &QCustomPlot::mouseWheel, this, [this](QWheelEvent* event) {
        plot()->axisRect()->setRangeZoom(event->modifiers() & Qt::ControlModifier ? Qt::Horizontal | Qt::Vertical
                                                                                   : Qt::Horizontal);
        m_follow = false;
    });
    connect(p, &QCustomPlot::mousePress, this, [this](QMouseEvent* event) {
        if (event->button() == Qt::LeftButton)
            m_follow = false;
    });
    connect(p, &QCustomPlot::mouseDoubleClick, this, [this](QMouseEvent*) { resetView(); });
    setMinimumSize(200, 140);
    applyAutoRange();
}

SpikeRasterView::~SpikeRasterView() = default;

RasterPlottable* SpikeRasterView::raster(Group group) const
{
    return group == Group::Pre ? m_pre : m_post;
}

template<typename T>
bool SpikeRasterView::check(const char* what, std::span<const T> timesMs, std::span<const std::int32_t> ids) const
{
    if (timesMs.size() != ids.size()) {
        qWarning("SpikeRasterView::%s: %zu spike times but %zu neuron ids; block ignored", what, timesMs.size(),
                 ids.size());
        return false;
    }
    for (std::size_t i = 0; i < timesMs.size(); ++i)
        if (!std::isfinite(double(timesMs[i]))) {
            qWarning("SpikeRasterView::%s: spike %zu has time %g ms (not finite); block ignored", what, i,
                     double(timesMs[i]));
            return false;
        }
    return true;
}

void SpikeRasterView::setSpikes(std::span<const double> timesMs, std::span<const std::int32_t> ids, Group group)
{
    if (!check("setSpikes", timesMs, ids))
        return;
    raster(group)->setSpikes(timesMs, ids);
    dataChanged();
}

void SpikeRasterView::setSpikes(std::span<const float> timesMs, std::span<const std::int32_t> ids, Group group)
{
    const std::vector<double> times(timesMs.begin(), timesMs.end());
    setSpikes(std::span<const double>(times), ids, group);
}

void SpikeRasterView::appendSpikes(std::span<const double> timesMs, std::span<const std::int32_t> ids, Group group)
{
    if (!check("appendSpikes", timesMs, ids))
        return;
    raster(group)->appendSpikes(timesMs, ids);
    dataChanged();
}

void SpikeRasterView::appendSpikes(std::span<const float> timesMs, std::span<const std::int32_t> ids, Group group)
{
    const std::vector<double> times(timesMs.begin(), timesMs.end());
    appendSpikes(std::span<const double>(times), ids, group);
}

void SpikeRasterView::clear()
{
    m_pre->clearSpikes();
    m_post->clearSpikes();
    m_follow = true;
    dataChanged();
}

std::size_t SpikeRasterView::spikeCount(Group group) const
{
    return raster(group)->spikeCount();
}

void SpikeRasterView::setNeuronCounts(int pre, int post)
{
    m_preCount = std::max(0, pre);
    m_postCount = std::max(0, post);
    const bool stacked = m_preCount + m_postCount > 0;
    m_post->setIdOffset(stacked ? m_preCount : 0);
    m_separator->setVisible(stacked && m_preCount > 0 && m_postCount > 0);
    m_separator->point1->setCoords(0, m_preCount - 0.5);
    m_separator->point2->setCoords(1, m_preCount - 0.5);
    dataChanged();
}

void SpikeRasterView::setSlidingWindow(double ms)
{
    m_window = std::isfinite(ms) && ms > 0 ? ms : 0.0;
    dataChanged();
}

void SpikeRasterView::setCapacity(std::size_t spikesPerGroup)
{
    m_pre->setCapacity(spikesPerGroup);
    m_post->setCapacity(spikesPerGroup);
    dataChanged();
}

void SpikeRasterView::retranslate()
{
    if (!m_customNames) {
        m_pre->setName(tr("pre-synaptic"));
        m_post->setName(tr("post-synaptic"));
    }
    plot()->xAxis->setLabel(tr("time (ms)"));
    plot()->yAxis->setLabel(tr("neuron"));
    requestReplot();
}

void SpikeRasterView::setGroupNames(const QString& pre, const QString& post)
{
    m_customNames = true;
    m_pre->setName(pre);
    m_post->setName(post);
    requestReplot();
}

std::pair<double, double> SpikeRasterView::timeRange() const
{
    const QCPRange r = plot()->xAxis->range();
    return {r.lower, r.upper};
}

std::pair<double, double> SpikeRasterView::neuronRange() const
{
    const QCPRange r = plot()->yAxis->range();
    return {r.lower, r.upper};
}

void SpikeRasterView::setTimeRange(double fromMs, double toMs)
{
    if (!(toMs > fromMs))
        return;
    m_follow = false;
    plot()->xAxis->setRange(fromMs, toMs);
    requestReplot();
}

void SpikeRasterView::resetView()
{
    m_follow = true;
    applyAutoRange();
    requestReplot();
}

void SpikeRasterView::dataChanged()
{
    if (m_follow)
        applyAutoRange();
    requestReplot();
}

void SpikeRasterView::applyAutoRange()
{
    const bool any = m_pre->hasSpikes() || m_post->hasSpikes();
    double t0 = 0;
    double t1 = 0;
    if (m_pre->hasSpikes()) {
        t0 = m_pre->firstTime();
        t1 = m_pre->lastTime();
    }
    if (m_post->hasSpikes()) {
        t0 = m_pre->hasSpikes() ? std::min(t0, m_post->firstTime()) : m_post->firstTime();
        t1 = m_pre->hasSpikes() ? std::max(t1, m_post->lastTime()) : m_post->lastTime();
    }
    t0 = std::min(t0, 0.0);
    if (m_window > 0) {
        t1 = std::max(t1, m_window);
        t0 = t1 - m_window;
    } else if (!(t1 > t0)) {
        t1 = t0 + 100.0;
    }
    const double pad = (t1 - t0) * 0.01;
    plot()->xAxis->setRange(t0 - (m_window > 0 ? 0 : pad), t1 + pad);

    double n0 = 0;
    double n1 = 1;
    if (m_preCount + m_postCount > 0) {
        n1 = m_preCount + m_postCount - 1;
    } else if (any) {
        bool found = false;
        QCPRange r;
        for (RasterPlottable* group : {m_pre, m_post}) {
            bool f = false;
            const QCPRange g = group->getValueRange(f);
            if (f)
                r = found ? QCPRange(std::min(r.lower, g.lower), std::max(r.upper, g.upper)) : g;
            found = found || f;
        }
        n0 = r.lower;
        n1 = r.upper;
    }
    plot()->yAxis->setRange(n0 - 0.5, n1 + 0.5);
}

void SpikeRasterView::fillContextMenu(QMenu& menu)
{
    menu.addAction(tr("Reset view"), this, &SpikeRasterView::resetView);
}

} // namespace scnn::views
