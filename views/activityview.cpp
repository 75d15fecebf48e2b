// SPDX-License-Identifier: GPL-3.0-or-later
// SpikingConvNet Workbench — spike counts of a layer, one heatmap per kernel map.
#include "views/activityview.h"

#include "views/heatmapgrid.h"
#include "views/plotstyle.h"

#include <qcustomplot.h>

#include <QToolTip>

#include <algorithm>

namespace scnn::views {

ActivityView::ActivityView(QWidget* parent)
    : CustomPlotView(parent)
    , m_grid(std::make_unique<HeatmapGrid>(plot()))
{
    setObjectName(QStringLiteral("activity"));
    m_scale = new QCPColorScale(plot());
    plot()->plotLayout()->addElement(0, 1, m_scale);
    m_scale->setType(QCPAxis::atRight);
    m_scale->setBarWidth(14);
    m_scale->setRangeDrag(false);
    m_scale->setRangeZoom(false);
    m_scale->setGradient(PlotStyle::countGradient());
    retranslate();
    m_scale->setDataRange(QCPRange(0, 1));
    m_grid->setGradient(PlotStyle::countGradient());
    connect(plot(), &QCustomPlot::afterLayout, this, [this] {
        if (m_shape.size() > 0 && autoColumns() != m_perRow) {
            relayout(); // the widget's shape changed: rearrange the grid
            fill();
        }
        m_grid->fitView();
    });
    connect(plot(), &QCustomPlot::mouseMove, this, &ActivityView::showToolTip);
    setMinimumSize(160, 120);
}

ActivityView::~ActivityView() = default;

void ActivityView::setActivity(const model::Shape& layerShape, std::span<const std::int32_t> counts)
{
    const std::vector<float> values(counts.begin(), counts.end());
    setActivity(layerShape, std::span<const float>(values));
}

void ActivityView::setActivity(const model::Shape& layerShape, std::span<const float> counts)
{
    if (layerShape.h <= 0 || layerShape.w <= 0 || layerShape.c <= 0
        || std::int64_t(counts.size()) != layerShape.size()) {
        qWarning("ActivityView::setActivity: layer (%d,%d,%d) needs %lld counts, got %zu; ignored", layerShape.h,
                 layerShape.w, layerShape.c, static_cast<long long>(std::max<std::int64_t>(0, layerShape.size())),
                 counts.size());
        return;
    }
    m_counts.assign(counts.begin(), counts.end());
    if (layerShape != m_shape) {
        m_shape = layerShape;
        relayout();
    }
    fill();
}

void ActivityView::fill()
{
    const int cells = m_shape.h * m_shape.w;
    const int maps = m_shape.c;
    m_maximum = 0;
    for (float c : m_counts)
        m_maximum = std::max(m_maximum, double(c));
    const double top = m_maximum > 0 ? m_maximum : 1.0;
    m_scratch.resize(std::size_t(std::max(0, cells)));
    for (int map = 0; map < maps && !m_counts.empty(); ++map) {
        for (int i = 0; i < cells; ++i)
            m_scratch[std::size_t(i)] = m_counts[std::size_t(i) * std::size_t(maps) + std::size_t(map)];
        m_grid->setValues(map, m_scratch);
        m_grid->setCellRange(map, 0.0, top);
    }
    m_scale->setDataRange(QCPRange(0.0, top));
    requestReplot();
}

void ActivityView::clear()
{
    m_shape = {};
    m_counts.clear();
    m_maximum = 0;
    relayout();
    requestReplot();
}

void ActivityView::setColumns(int columns)
{
    m_columns = std::max(0, columns);
    relayout();
    fill();
}

void ActivityView::retranslate()
{
    if (!m_customLabel)
        m_scale->axis()->setLabel(tr("spikes per neuron"));
    requestReplot();
}

void ActivityView::setValueLabel(const QString& label)
{
    m_customLabel = true;
    m_scale->axis()->setLabel(label);
    requestReplot();
}

void ActivityView::relayout()
{
    double gapY = 1.0;
    std::vector<HeatmapGrid::Cell> cells;
    m_perRow = autoColumns();
    if (m_shape.size() > 0)
        cells = HeatmapGrid::gridCells(m_shape.c, m_shape.h, m_shape.w, m_perRow, 0.0, &gapY, nullptr);
    m_grid->setLayout(cells, {}, gapY);
    PlotStyle::applyFont(plot(), font());
}

int ActivityView::autoColumns() const
{
    if (m_columns > 0)
        return m_columns;
    return HeatmapGrid::bestColumns(m_shape.c, m_shape.h, m_shape.w, 1, 0, m_grid->availableArea());
}

QRect ActivityView::mapRect(int map) const
{
    return m_grid->cellPixelRect(map).toAlignedRect().translated(plot()->pos());
}

void ActivityView::showToolTip(QMouseEvent* event)
{
    int row = 0;
    int col = 0;
    const int map = m_grid->cellAt(event->position(), &row, &col);
    if (map < 0 || m_counts.empty()) {
        QToolTip::hideText();
        return;
    }
    const std::size_t i = (std::size_t(row) * std::size_t(m_shape.w) + std::size_t(col)) * std::size_t(m_shape.c)
            + std::size_t(map);
    QToolTip::showText(event->globalPosition().toPoint(),
                       tr("Map %1, row %2, column %3: %4 spikes")
                           .arg(map + 1)
                           .arg(row + 1)
                           .arg(col + 1)
                           .arg(double(m_counts[i]), 0, 'g', 6),
                       this);
}

} // namespace scnn::views
