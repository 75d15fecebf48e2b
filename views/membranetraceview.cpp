// SPDX-License-Identifier: GPL-3.0-or-later
// SpikingConvNet Workbench — membrane potential of chosen neurons over time, with the threshold.
#include "views/membranetraceview.h"

#include "views/plotstyle.h"

#include <qcustomplot.h>

#include <QMenu>

#include <algorithm>
#include <cmath>

namespace scnn::views {

namespace {

/// Traces longer than this are drawn with 1 px pens (see setTraces()).
constexpr std::size_t kWidePenSamples = 400;
constexpr double kHistoryWindows = 10; // sliding-window history kept for panning back

QCPItemText* makeLineLabel(QCustomPlot* plot, const QString& text)
{
    auto* label = new QCPItemText(plot);
    label->setText(text);
    label->setPositionAlignment(Qt::AlignLeft | Qt::AlignBottom);
    label->position->setTypeX(QCPItemPosition::ptAxisRectRatio);
    label->position->setTypeY(QCPItemPosition::ptPlotCoords);
    label->setColor(QColor(70, 70, 70));
    label->setSelectable(false);
    label->setClipToAxisRect(true);
    PlotStyle::setItemFontScale(label, plot->font(), 0.85);
    return label;
}

} // namespace

MembraneTraceView::MembraneTraceView(QWidget* parent)
    : CustomPlotView(parent)
{
    setObjectName(QStringLiteral("membrane"));
    QCustomPlot* p = plot();
    // Live runs reach millions of ms: whole numbers, never 1.5E+06.
    p->xAxis->setNumberFormat(QStringLiteral("f"));
    p->xAxis->setNumberPrecision(0);
    PlotStyle::placeLegendOutside(p, Qt::Vertical);
    p->setInteractions(QCP::iRangeDrag | QCP::iRangeZoom);
    p->axisRect()->setRangeZoom(Qt::Horizontal);
    p->axisRect()->setRangeDrag(Qt::Horizontal);

    m_thresholdLine = new QCPItemStraightLine(p);
    m_thresholdLine->setPen(QPen(QColor(60, 60, 60), 1.5, Qt::DashLine));
    m_thresholdText = makeLineLabel(p, QString());
    m_resetLine = new QCPItemStraightLine(p);
    m_resetLine->setPen(QPen(QColor(110, 110, 110), 1.2, Qt::DotLine));
    m_resetText = makeLineLabel(p, QString());
    retranslate();
    for (QCPItemStraightLine* line : {m_thresholdLine, m_resetLine})
        line->setSelectable(false);
    placeLine(m_thresholdLine, m_thresholdText, std::nullopt);
    placeLine(m_resetLine, m_resetText, std::nullopt);

    connect(p, &QCustomPlot::mouseWheel, this, [this](QWheelEvent*) { m_follow = false; });
    connect(p, &QCustomPlot::mousePress, this, [this](QMouseEvent*) { m_follow = false; });
    connect(p, &QCustomPlot::mouseDoubleClick, this, [this](QMouseEvent*) { resetView(); });
    setMinimumSize(200, 140);
    dataChanged();
}

MembraneTraceView::~MembraneTraceView() = default;

void MembraneTraceView::setTraces(std::span<const double> timesMs, std::span<const float> valuesMv,
                                  std::span<const std::int32_t> neuronIds, const QStringList& labels)
{
    if (valuesMv.size() != timesMs.size() * neuronIds.size()) {
        qWarning("MembraneTraceView::setTraces: %zu neurons × %zu samples need %zu values, got %zu; ignored",
                 neuronIds.size(), timesMs.size(), neuronIds.size() * timesMs.size(), valuesMv.size());
        return;
    }
    QCustomPlot* p = plot();
    while (m_graphs.size() > neuronIds.size()) {
        p->removeGraph(m_graphs.back());
        m_graphs.pop_back();
    }
    while (m_graphs.size() < neuronIds.size()) {
        QCPGraph* graph = p->addGraph();
        graph->setAdaptiveSampling(true);
        graph->setSelectable(QCP::stNone);
        m_graphs.push_back(graph);
    }
    const std::size_t samples = timesMs.size();
    const QVector<double> keys(timesMs.begin(), timesMs.end());
    for (std::size_t n = 0; n < neuronIds.size(); ++n) {
        QCPGraph* graph = m_graphs[n];
        // Wide antialiased strokes cost ~0.1 ms per segment in Qt's raster
        // engine: long traces (live runs, recordings) get hairlines
        // and no antialiasing (a third of the cost again).
        const bool longTrace = samples > kWidePenSamples;
        graph->setPen(QPen(PlotStyle::seriesColor(int(n)), longTrace ? 1.0 : 1.6));
        graph->setAntialiased(!longTrace);
        graph->setName(int(n) < labels.size() ? labels[int(n)] : tr("neuron %1").arg(neuronIds[n]));
        const auto v = valuesMv.subspan(n * samples, samples);
        graph->setData(keys, QVector<double>(v.begin(), v.end()), std::is_sorted(keys.begin(), keys.end()));
    }
    PlotStyle::applyFont(p, font());
    dataChanged();
}

void MembraneTraceView::appendSamples(std::span<const double> timesMs, std::span<const float> valuesMv)
{
    if (valuesMv.size() != timesMs.size() * m_graphs.size()) {
        qWarning("MembraneTraceView::appendSamples: %zu traces × %zu samples need %zu values, got %zu; ignored",
                 m_graphs.size(), timesMs.size(), m_graphs.size() * timesMs.size(), valuesMv.size());
        return;
    }
    const std::size_t samples = timesMs.size();
    const QVector<double> keys(timesMs.begin(), timesMs.end());
    for (std::size_t n = 0; n < m_graphs.size(); ++n) {
        const auto v = valuesMv.subspan(n * samples, samples);
        m_graphs[n]->addData(keys, QVector<double>(v.begin(), v.end()), std::is_sorted(keys.begin(), keys.end()));
        // Live runs with a sliding window keep a few windows of history, not the whole run.
        if (m_window > 0 && !keys.isEmpty())
            m_graphs[n]->data()->removeBefore(keys.back() - kHistoryWindows * m_window);
    }
    dataChanged();
}

void MembraneTraceView::clear()
{
    for (QCPGraph* graph : m_graphs)
        plot()->removeGraph(graph);
    m_graphs.clear();
    m_follow = true;
    dataChanged();
}

void MembraneTraceView::setThreshold(std::optional<double> vThreshMv)
{
    m_threshold = vThreshMv;
    placeLine(m_thresholdLine, m_thresholdText, vThreshMv);
    dataChanged();
}

void MembraneTraceView::setResetPotential(std::optional<double> vResetMv)
{
    m_reset = vResetMv;
    placeLine(m_resetLine, m_resetText, vResetMv);
    dataChanged();
}

void MembraneTraceView::setSlidingWindow(double ms)
{
    m_window = std::isfinite(ms) && ms > 0 ? ms : 0.0;
    dataChanged();
}

void MembraneTraceView::placeLine(QCPItemStraightLine* line, QCPItemText* text, std::optional<double> value)
{
    const bool visible = value && std::isfinite(*value);
    line->setVisible(visible);
    text->setVisible(visible);
    if (!visible)
        return;
    line->point1->setCoords(0, *value);
    line->point2->setCoords(1, *value);
    text->position->setCoords(0.01, *value);
}

void MembraneTraceView::retranslate()
{
    plot()->xAxis->setLabel(tr("time (ms)"));
    plot()->yAxis->setLabel(tr("membrane potential (mV)"));
    m_thresholdText->setText(tr("threshold"));
    m_resetText->setText(tr("reset"));
    requestReplot();
}

void MembraneTraceView::resetView()
{
    m_follow = true;
    dataChanged();
}

void MembraneTraceView::dataChanged()
{
    if (m_follow) {
        QCustomPlot* p = plot();
        bool anyKeys = false;
        QCPRange keys(0, 100);
        QCPRange values;
        bool anyValues = false;
        for (QCPGraph* graph : m_graphs) {
            bool found = false;
            const QCPRange k = graph->getKeyRange(found);
            if (found)
                keys = anyKeys ? QCPRange(std::min(keys.lower, k.lower), std::max(keys.upper, k.upper)) : k;
            anyKeys = anyKeys || found;
        }
        if (m_window > 0 && anyKeys)
            keys = QCPRange(keys.upper - m_window, keys.upper);
        for (QCPGraph* graph : m_graphs) {
            bool found = false;
            const QCPRange v = graph->getValueRange(found, QCP::sdBoth, keys);
            if (found)
                values = anyValues ? QCPRange(std::min(values.lower, v.lower), std::max(values.upper, v.upper)) : v;
            anyValues = anyValues || found;
        }
        for (const auto& line : {m_threshold, m_reset})
            if (line && std::isfinite(*line)) {
                values = anyValues ? QCPRange(std::min(values.lower, *line), std::max(values.upper, *line))
                                   : QCPRange(*line, *line);
                anyValues = true;
            }
        // Strong inhibition can drive v thousands of mV below rest; the view
        // keeps the band around reset and threshold readable and lets deeper
        // dips leave the plot (zoom out or pan to see them).
        if (anyValues && m_threshold && m_reset && *m_threshold > *m_reset)
            values.lower = std::max(values.lower, *m_reset - 3.0 * (*m_threshold - *m_reset));
        if (!anyValues)
            values = QCPRange(-80, -40);
        if (!(values.upper > values.lower))
            values = QCPRange(values.lower - 1, values.upper + 1);
        const double pad = values.size() * 0.08;
        p->xAxis->setRange(keys);
        p->yAxis->setRange(values.lower - pad, values.upper + pad);
    }
    requestReplot();
}

void MembraneTraceView::fillContextMenu(QMenu& menu)
{
    menu.addAction(tr("Reset view"), this, &MembraneTraceView::resetView);
}

} // namespace scnn::views
