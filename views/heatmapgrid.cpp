// SPDX-License-Identifier: GPL-3.0-or-later
// SpikingConvNet Workbench — many small colour maps laid out in one plot (internal to views/).
#include "views/heatmapgrid.h"

#include "views/plotstyle.h"

#include <qcustomplot.h>

#include <QFontMetricsF>

#include <algorithm>
#include <cmath>

namespace scnn::views {

namespace {

constexpr double kLabelFontScale = 0.85;
constexpr double kTitlePaddingPx = 4;

template<typename T>
void resizePool(std::vector<T*>& pool, std::size_t n, QCustomPlot* plot, auto create)
{
    while (pool.size() > n) {
        if constexpr (std::is_base_of_v<QCPAbstractPlottable, T>)
            plot->removePlottable(pool.back());
        else
            plot->removeItem(pool.back());
        pool.pop_back();
    }
    while (pool.size() < n)
        pool.push_back(create());
}

} // namespace

double HeatmapGrid::gapFor(int cells)
{
    return std::max(1.0, 0.3 * cells);
}

int HeatmapGrid::bestColumns(int count, int rows, int cols, int blocks, double blockGap, const QSizeF& area)
{
    if (count <= 1 || area.isEmpty())
        return std::max(1, count);
    const double gx = gapFor(cols);
    const double gy = gapFor(rows);
    int best = 1;
    double bestScale = -1;
    for (int perRow = 1; perRow <= count; ++perRow) {
        const int rowCount = (count + perRow - 1) / perRow;
        const double width = blocks * (perRow * (cols + gx) - gx) + (blocks - 1) * blockGap;
        const double height = rowCount * (rows + gy);
        const double scale = std::min(area.width() / width, area.height() / height);
        if (scale > bestScale * 1.0001) {
            bestScale = scale;
            best = perRow;
        }
    }
    return best;
}

QSizeF HeatmapGrid::availableArea() const
{
    const QRect rect = m_plot->axisRect()->rect();
    if (rect.width() > 10 && rect.height() > 10)
        return rect.size();
    return QSizeF(m_plot->width() * 0.8, m_plot->height());
}

std::vector<HeatmapGrid::Cell> HeatmapGrid::gridCells(int count, int rows, int cols, int perRow, double left,
                                                      double* gapY, double* blockWidth)
{
    const double gx = gapFor(cols);
    const double gy = gapFor(rows);
    if (perRow <= 0)
        perRow = bestColumns(count, rows, cols, 1, 0, QSizeF(1.5, 1.0));
    perRow = std::clamp(perRow, 1, std::max(1, count));
    std::vector<Cell> cells;
    cells.reserve(std::size_t(std::max(0, count)));
    for (int k = 0; k < count; ++k) {
        Cell cell;
        cell.x = left + (k % perRow) * (cols + gx);
        cell.y = (k / perRow) * (rows + gy);
        cell.cols = cols;
        cell.rows = rows;
        cell.label = QString::number(k + 1);
        cells.push_back(cell);
    }
    if (gapY)
        *gapY = gy;
    if (blockWidth)
        *blockWidth = perRow * (cols + gx) - gx;
    return cells;
}

HeatmapGrid::HeatmapGrid(QCustomPlot* plot)
    : m_plot(plot)
    , m_gradient(std::make_unique<QCPColorGradient>(PlotStyle::weightGradient()))
{
    m_plot->xAxis->setVisible(false);
    m_plot->yAxis->setVisible(false);
    m_plot->xAxis->grid()->setVisible(false);
    m_plot->yAxis->grid()->setVisible(false);
    m_plot->yAxis->setRangeReversed(true);
    m_plot->axisRect()->setAutoMargins(QCP::msNone);
    m_plot->axisRect()->setMargins(QMargins(4, 4, 4, 4));
}

HeatmapGrid::~HeatmapGrid() = default;

void HeatmapGrid::setLayout(const std::vector<Cell>& cells, const std::vector<Title>& titles, double labelGap)
{
    m_cells = cells;
    m_titleSpecs = titles;
    m_labelGap = labelGap;
    const std::size_t n = cells.size();
    const QFont font = m_plot->font();

    resizePool(m_maps, n, m_plot, [this] {
        auto* map = new QCPColorMap(m_plot->xAxis, m_plot->yAxis);
        map->setInterpolate(false);
        map->setTightBoundary(false);
        map->setGradient(*m_gradient);
        map->setSelectable(QCP::stNone);
        return map;
    });
    resizePool(m_frames, n, m_plot, [this] {
        auto* frame = new QCPItemRect(m_plot);
        frame->setPen(QPen(QColor(150, 150, 150), 0));
        frame->setBrush(Qt::NoBrush);
        frame->setSelectable(false);
        frame->setVisible(m_framesVisible);
        return frame;
    });
    resizePool(m_labels, n, m_plot, [this, &font] {
        auto* label = new QCPItemText(m_plot);
        label->setPositionAlignment(Qt::AlignHCenter | Qt::AlignBottom);
        label->setColor(QColor(60, 60, 60));
        label->setPadding(QMargins(0, 0, 0, 1));
        label->setSelectable(false);
        PlotStyle::setItemFontScale(label, font, kLabelFontScale);
        return label;
    });
    resizePool(m_titles, titles.size(), m_plot, [this, &font] {
        auto* title = new QCPItemText(m_plot);
        title->setPositionAlignment(Qt::AlignLeft | Qt::AlignBottom);
        title->setColor(Qt::black);
        title->setSelectable(false);
        PlotStyle::setItemFontScale(title, font, 1.0);
        return title;
    });

    QRectF bounds;
    for (std::size_t i = 0; i < n; ++i) {
        const Cell& c = cells[i];
        QCPColorMap* map = m_maps[i];
        if (map->data()->keySize() != c.cols || map->data()->valueSize() != c.rows)
            map->data()->setSize(c.cols, c.rows);
        // A map of n > 1 values spans its outer cell centres; a single value spans its range.
        const auto span = [](double start, int n) {
            return n > 1 ? QCPRange(start, start + n - 1) : QCPRange(start - 0.5, start + 0.5);
        };
        map->data()->setRange(span(c.x, c.cols), span(c.y, c.rows));
        const QRectF area(c.x - 0.5, c.y - 0.5, c.cols, c.rows);
        m_frames[i]->topLeft->setCoords(area.left(), area.top());
        m_frames[i]->bottomRight->setCoords(area.right(), area.bottom());
        m_labels[i]->setText(c.label);
        m_labels[i]->position->setCoords(area.center().x(), area.top());
        bounds |= area.adjusted(0, -labelGap, 0, 0);
    }
    for (std::size_t i = 0; i < titles.size(); ++i)
        m_titles[i]->setText(titles[i].text);
    m_bounds = bounds;
}

void HeatmapGrid::setValues(int cell, std::span<const float> values)
{
    if (cell < 0 || cell >= cellCount())
        return;
    const Cell& c = m_cells[std::size_t(cell)];
    QCPColorMapData* data = m_maps[std::size_t(cell)]->data();
    const std::size_t expected = std::size_t(c.rows) * std::size_t(c.cols);
    if (values.size() != expected) {
        qWarning("HeatmapGrid::setValues: cell %d needs %zu values (%d×%d), got %zu; ignored", cell, expected,
                 c.rows, c.cols, values.size());
        return;
    }
    for (int row = 0; row < c.rows; ++row)
        for (int col = 0; col < c.cols; ++col)
            data->setCell(col, row, double(values[std::size_t(row) * std::size_t(c.cols) + std::size_t(col)]));
}

void HeatmapGrid::setCellRange(int cell, double lower, double upper)
{
    if (cell < 0 || cell >= cellCount())
        return;
    if (!(upper > lower)) { // constant data: put it in the middle of the gradient
        const double mid = std::isfinite(lower) ? lower : 0.0;
        const double half = std::max(std::abs(mid) * 1e-3, 1e-9);
        lower = mid - half;
        upper = mid + half;
    }
    m_maps[std::size_t(cell)]->setDataRange(QCPRange(lower, upper));
}

void HeatmapGrid::setGradient(const QCPColorGradient& gradient)
{
    *m_gradient = gradient;
    for (QCPColorMap* map : m_maps)
        map->setGradient(gradient);
}

void HeatmapGrid::setFramesVisible(bool visible)
{
    m_framesVisible = visible;
    for (QCPItemRect* frame : m_frames)
        frame->setVisible(visible);
}

void HeatmapGrid::fitView()
{
    const QRect rect = m_plot->axisRect()->rect();
    if (rect.width() < 2 || rect.height() < 2 || m_bounds.isEmpty())
        return;
    const QFont font = m_plot->font();
    const QFontMetricsF titleMetrics(m_titles.empty() ? font : m_titles.front()->font());
    const QFontMetricsF labelMetrics(m_labels.empty() ? font : m_labels.front()->font());
    const double titlePx = m_titles.empty() ? 0.0 : titleMetrics.height() + kTitlePaddingPx;

    // A few pixels of margin, so that the outermost frames are not clipped by the axis rect.
    constexpr double marginPx = 6.0;
    const double scale = std::max(1e-9, std::min((rect.width() - 2 * marginPx) / m_bounds.width(),
                                                 (rect.height() - titlePx - 2 * marginPx) / m_bounds.height()));
    const double spanX = rect.width() / scale;
    const double spanY = rect.height() / scale;
    const double titleUnits = titlePx / scale;
    const double freeY = spanY - m_bounds.height() - titleUnits;
    const double top = m_bounds.top() - titleUnits - std::max(0.0, freeY) / 2;
    const double left = m_bounds.center().x() - spanX / 2;
    m_plot->xAxis->setRange(left, left + spanX);
    m_plot->yAxis->setRange(top, top + spanY);

    for (std::size_t i = 0; i < m_titles.size(); ++i)
        m_titles[i]->position->setCoords(m_titleSpecs[i].x - 0.5, m_bounds.top() - 0.1 / scale);

    // Labels only when every one fits above and beside its cell.
    bool fits = m_labelGap * scale >= labelMetrics.height();
    for (std::size_t i = 0; fits && i < m_cells.size(); ++i)
        fits = labelMetrics.horizontalAdvance(m_cells[i].label) <= (m_cells[i].cols + 0.8) * scale;
    for (QCPItemText* label : m_labels)
        label->setVisible(fits);
}

int HeatmapGrid::cellAt(const QPointF& pixel, int* row, int* col) const
{
    const double x = m_plot->xAxis->pixelToCoord(pixel.x());
    const double y = m_plot->yAxis->pixelToCoord(pixel.y());
    for (std::size_t i = 0; i < m_cells.size(); ++i) {
        const Cell& c = m_cells[i];
        const int cx = int(std::floor(x - c.x + 0.5));
        const int cy = int(std::floor(y - c.y + 0.5));
        if (cx >= 0 && cx < c.cols && cy >= 0 && cy < c.rows) {
            if (row)
                *row = cy;
            if (col)
                *col = cx;
            return int(i);
        }
    }
    return -1;
}

QRectF HeatmapGrid::cellPixelRect(int cell) const
{
    if (cell < 0 || cell >= cellCount())
        return {};
    const Cell& c = m_cells[std::size_t(cell)];
    const QPointF a(m_plot->xAxis->coordToPixel(c.x - 0.5), m_plot->yAxis->coordToPixel(c.y - 0.5));
    const QPointF b(m_plot->xAxis->coordToPixel(c.x + c.cols - 0.5),
                    m_plot->yAxis->coordToPixel(c.y + c.rows - 0.5));
    return QRectF(a, b).normalized();
}

} // namespace scnn::views
