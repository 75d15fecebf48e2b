// SPDX-License-Identifier: GPL-3.0-or-later
// SpikingConvNet Workbench — many small colour maps laid out in one plot (internal to views/).
#pragma once

#include <QRectF>
#include <QSizeF>
#include <QString>

#include <memory>
#include <span>
#include <vector>

class QCustomPlot;
class QCPColorGradient;
class QCPColorMap;
class QCPItemRect;
class QCPItemText;

namespace scnn::views {

/**
 * @brief A set of small heatmaps (one QCPColorMap each) in one axis rect.
 *
 * Used by KernelGridView and ActivityView. Plot units are value cells: a
 * cell of `cols`×`rows` values with its top-left value at (x, y) covers
 * [x − ½, x + cols − ½] × [y − ½, y + rows − ½]; y grows downwards, like
 * image rows. setLayout() creates or removes colour maps only when the
 * number of cells changes; setValues() just overwrites cell values, so live
 * updates are cheap. fitView() (called after each layout pass) keeps square
 * value cells, leaves room for titles and hides labels that would not fit.
 */
class HeatmapGrid
{
public:
    struct Cell
    {
        double x = 0;  ///< Column of the top-left value [plot units]
        double y = 0;  ///< Row of the top-left value [plot units]
        int cols = 1;
        int rows = 1;
        QString label; ///< Shown centred above the cell when it fits
    };
    struct Title
    {
        double x = 0;  ///< Left edge [plot units]
        double y = 0;  ///< Baseline row [plot units], above the cells
        QString text;
    };

    /**
     * `count` cells of rows×cols values, `perRow` per row (0: a grid a
     * little wider than high), starting at column `left`, labelled 1…count.
     * Gaps between cells grow with the cell size so labels fit; the vertical
     * gap is returned in `gapY` for setLayout().
     */
    static std::vector<Cell> gridCells(int count, int rows, int cols, int perRow, double left, double* gapY,
                                       double* blockWidth);

    /**
     * Cells per row that make `blocks` side-by-side grids of `count` cells of
     * rows×cols values as large as possible inside `area` [px].
     */
    static int bestColumns(int count, int rows, int cols, int blocks, double blockGap, const QSizeF& area);
    /// Gap between neighbouring cells of `cells` values [plot units].
    static double gapFor(int cells);

    explicit HeatmapGrid(QCustomPlot* plot);
    /// Size of the axis rect, or of the whole plot before the first layout [px].
    QSizeF availableArea() const;
    ~HeatmapGrid();
    HeatmapGrid(const HeatmapGrid&) = delete;
    HeatmapGrid& operator=(const HeatmapGrid&) = delete;

    /// Places the cells; `labelGap` is the free space above each cell [plot units].
    void setLayout(const std::vector<Cell>& cells, const std::vector<Title>& titles, double labelGap);
    int cellCount() const { return int(m_cells.size()); }
    const Cell& cell(int index) const { return m_cells[std::size_t(index)]; }

    /// Overwrites the values of one cell (rows×cols, row-major); NaN is transparent.
    void setValues(int cell, std::span<const float> values);
    /// The value range of one cell's colours (lower → first gradient colour).
    void setCellRange(int cell, double lower, double upper);
    void setGradient(const QCPColorGradient& gradient);
    void setFramesVisible(bool visible);

    /// Fits the axis ranges to the cells (square values); call after a layout pass.
    void fitView();

    /// The cell under a widget pixel, with the value row and column, or -1.
    int cellAt(const QPointF& pixel, int* row, int* col) const;
    /// The widget rectangle covered by a cell (after fitView()).
    QRectF cellPixelRect(int cell) const;

private:
    QCustomPlot* m_plot;
    std::unique_ptr<QCPColorGradient> m_gradient;
    std::vector<Cell> m_cells;
    std::vector<Title> m_titleSpecs;
    std::vector<QCPColorMap*> m_maps;
    std::vector<QCPItemRect*> m_frames;
    std::vector<QCPItemText*> m_labels;
    std::vector<QCPItemText*> m_titles;
    QRectF m_bounds;       ///< Cells and their labels [plot units]
    double m_labelGap = 1;
    bool m_framesVisible = true;
};

} // namespace scnn::views
