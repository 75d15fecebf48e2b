// SPDX-License-Identifier: GPL-3.0-or-later
// SpikingConvNet Workbench — colours, gradients and fonts shared by the QCustomPlot views (internal).
#pragma once

#include <QColor>
#include <QFont>

class QCustomPlot;
class QCPColorGradient;
class QCPAbstractItem;

namespace scnn::views {

/**
 * @brief Shared look of the QCustomPlot-based views.
 *
 * Internal to `views/`: only .cpp files include this header, so QCustomPlot
 * stays hidden from the code that embeds the views.
 */
class PlotStyle
{
public:
    /// Sequential gradient for weights (perceptually uniform, dark violet → yellow).
    static QCPColorGradient weightGradient();
    /// Diverging gradient for changes: blue (negative) → white (0) → red (positive).
    /// Use with a data range symmetric around 0 so 0 maps to white.
    static QCPColorGradient divergingGradient();
    /// Sequential gradient for counts (white → dark red through orange).
    static QCPColorGradient countGradient();
    /// Sequential gradient for rates 0…1 (white → dark blue).
    static QCPColorGradient rateGradient();

    static QColor preSynapticColor();  ///< Blue, as the original raster plots
    static QColor postSynapticColor(); ///< Red, as the original raster plots
    /// A qualitative colour for series `index` (ten distinct colours, repeating).
    static QColor seriesColor(int index);

    /// `font` enlarged by `factor` (works for point- and pixel-sized fonts).
    static QFont scaledFont(const QFont& font, double factor);

    /**
     * Applies `font` to every axis label, tick label, colour scale, legend and
     * title of `plot`. Text items keep their relative size: an item with the
     * dynamic property `fontScale` (double) gets `font` × that factor.
     */
    static void applyFont(QCustomPlot* plot, const QFont& font);
    /**
     * Moves the legend out of the axis rect so it never hides data: a
     * compact centred row above the plot (Qt::Horizontal) or a column right
     * of the plot, aligned to the top (Qt::Vertical).
     */
    static void placeLegendOutside(QCustomPlot* plot, Qt::Orientation orientation);
    /// Sets the relative font size of a text item (see applyFont).
    static void setItemFontScale(QCPAbstractItem* item, const QFont& base, double factor);
};

} // namespace scnn::views
