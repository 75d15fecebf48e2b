// SPDX-License-Identifier: GPL-3.0-or-later
// SpikingConvNet Workbench — colours, gradients and fonts shared by the QCustomPlot views (internal).
#include "views/plotstyle.h"

#include <qcustomplot.h>

#include <array>

namespace scnn::views {

namespace {

const char* const kFontScaleProperty = "fontScale";

QCPColorGradient gradientFromStops(std::initializer_list<std::pair<double, QColor>> stops)
{
    QCPColorGradient gradient;
    gradient.clearColorStops();
    for (const auto& [position, color] : stops)
        gradient.setColorStopAt(position, color);
    gradient.setColorInterpolation(QCPColorGradient::ciRGB);
    gradient.setLevelCount(256);
    gradient.setNanHandling(QCPColorGradient::nhTransparent);
    return gradient;
}

} // namespace

QCPColorGradient PlotStyle::weightGradient()
{
    // Samples of matplotlib's "viridis".
    return gradientFromStops({{0.00, QColor(68, 1, 84)},
                              {0.25, QColor(59, 82, 139)},
                              {0.50, QColor(33, 145, 140)},
                              {0.75, QColor(94, 201, 98)},
                              {1.00, QColor(253, 231, 37)}});
}

QCPColorGradient PlotStyle::divergingGradient()
{
    // ColorBrewer "RdBu" reversed: negative blue, zero white, positive red.
    return gradientFromStops({{0.00, QColor(5, 48, 97)},
                              {0.25, QColor(67, 147, 195)},
                              {0.50, QColor(255, 255, 255)},
                              {0.75, QColor(214, 96, 77)},
                              {1.00, QColor(103, 0, 31)}});
}

QCPColorGradient PlotStyle::countGradient()
{
    // ColorBrewer "OrRd"-like: zero is white, so silent maps look empty.
    return gradientFromStops({{0.00, QColor(255, 255, 255)},
                              {0.25, QColor(253, 212, 158)},
                              {0.50, QColor(252, 141, 89)},
                              {0.75, QColor(215, 48, 31)},
                              {1.00, QColor(127, 0, 0)}});
}

QCPColorGradient PlotStyle::rateGradient()
{
    // ColorBrewer "Blues".
    return gradientFromStops({{0.00, QColor(255, 255, 255)},
                              {0.35, QColor(198, 219, 239)},
                              {0.70, QColor(66, 146, 198)},
                              {1.00, QColor(8, 48, 107)}});
}

QColor PlotStyle::preSynapticColor()
{
    return QColor(20, 70, 230);
}

QColor PlotStyle::postSynapticColor()
{
    return QColor(225, 25, 25);
}

QColor PlotStyle::seriesColor(int index)
{
    // matplotlib "tab10".
    static const std::array<QColor, 10> colors{
        QColor(31, 119, 180), QColor(255, 127, 14), QColor(44, 160, 44),  QColor(214, 39, 40),
        QColor(148, 103, 189), QColor(140, 86, 75), QColor(227, 119, 194), QColor(127, 127, 127),
        QColor(188, 189, 34),  QColor(23, 190, 207)};
    const int n = int(colors.size());
    return colors[std::size_t(((index % n) + n) % n)];
}

QFont PlotStyle::scaledFont(const QFont& font, double factor)
{
    QFont scaled = font;
    if (font.pointSizeF() > 0)
        scaled.setPointSizeF(font.pointSizeF() * factor);
    else if (font.pixelSize() > 0)
        scaled.setPixelSize(std::max(1, int(font.pixelSize() * factor + 0.5)));
    return scaled;
}

void PlotStyle::placeLegendOutside(QCustomPlot* plot, Qt::Orientation orientation)
{
    QCPLegend* legend = plot->legend;
    legend->setVisible(true);
    plot->axisRect()->insetLayout()->take(legend);
    plot->axisRect()->insetLayout()->simplify();
    legend->setBorderPen(Qt::NoPen);
    legend->setBrush(Qt::NoBrush);
    // Empty elements on both sides take the spare room, so the legend keeps its natural size.
    auto* holder = new QCPLayoutGrid;
    holder->setMargins(QMargins(0, 0, 0, 0));
    if (orientation == Qt::Horizontal) {
        legend->setFillOrder(QCPLegend::foColumnsFirst);
        legend->setMargins(QMargins(4, 2, 4, 0));
        plot->plotLayout()->insertRow(0);
        plot->plotLayout()->addElement(0, 0, holder);
        plot->plotLayout()->setRowStretchFactor(0, 0.001);
        holder->addElement(0, 0, new QCPLayoutElement(plot));
        holder->addElement(0, 1, legend);
        holder->addElement(0, 2, new QCPLayoutElement(plot));
        holder->setColumnStretchFactors({1.0, 0.001, 1.0});
    } else {
        legend->setFillOrder(QCPLegend::foRowsFirst);
        legend->setMargins(QMargins(6, 4, 2, 4));
        const int column = plot->plotLayout()->columnCount();
        plot->plotLayout()->addElement(plot->plotLayout()->rowCount() - 1, column, holder);
        plot->plotLayout()->setColumnStretchFactor(column, 0.001);
        holder->addElement(0, 0, legend);
        holder->addElement(1, 0, new QCPLayoutElement(plot));
        holder->setRowStretchFactors({0.001, 1.0});
    }
}

void PlotStyle::setItemFontScale(QCPAbstractItem* item, const QFont& base, double factor)
{
    item->setProperty(kFontScaleProperty, factor);
    if (auto* text = qobject_cast<QCPItemText*>(item))
        text->setFont(scaledFont(base, factor));
}

void PlotStyle::applyFont(QCustomPlot* plot, const QFont& font)
{
    const auto applyToAxis = [&font](QCPAxis* axis) {
        axis->setLabelFont(font);
        axis->setTickLabelFont(font);
        axis->setSelectedLabelFont(font);
        axis->setSelectedTickLabelFont(font);
    };
    for (QCPAxisRect* rect : plot->axisRects())
        for (QCPAxis* axis : rect->axes())
            applyToAxis(axis);
    for (QCPLayoutElement* element : plot->plotLayout()->elements(true)) {
        if (auto* scale = qobject_cast<QCPColorScale*>(element)) {
            applyToAxis(scale->axis());
            // Room above and below the bar, or QCustomPlot drops the end labels as clipped.
            const int half = QFontMetrics(font).height() / 2 + 2;
            scale->setMinimumMargins(QMargins(0, half, 0, half));
        }
        else if (auto* title = qobject_cast<QCPTextElement*>(element))
            title->setFont(scaledFont(font, 1.15));
        else if (auto* legend = qobject_cast<QCPLegend*>(element)) {
            legend->setFont(font);
            for (int i = 0; i < legend->itemCount(); ++i)
                legend->item(i)->setFont(font);
        }
    }
    for (int i = 0; i < plot->itemCount(); ++i) {
        QCPAbstractItem* item = plot->item(i);
        if (auto* text = qobject_cast<QCPItemText*>(item)) {
            const QVariant factor = item->property(kFontScaleProperty);
            text->setFont(scaledFont(font, factor.isValid() ? factor.toDouble() : 1.0));
        }
    }
}

} // namespace scnn::views
