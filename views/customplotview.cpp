// SPDX-License-Identifier: GPL-3.0-or-later
// SpikingConvNet Workbench — base of the views drawn with QCustomPlot (kept out of public headers).
#include "views/customplotview.h"

#include "views/plotstyle.h"

#include <qcustomplot.h>

#include <QVBoxLayout>

namespace scnn::views {

CustomPlotView::CustomPlotView(QWidget* parent)
    : PlotView(parent)
    , m_plot(new QCustomPlot(this))
{
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_plot);
    m_plot->setNoAntialiasingOnDrag(true);
    // QCustomPlot keeps mouse events to itself (WA_NoMousePropagation), so its
    // right clicks are forwarded to PlotView's menu explicitly.
    m_plot->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(m_plot, &QWidget::customContextMenuRequested, this,
            [this](const QPoint& pos) { showContextMenu(m_plot->mapToGlobal(pos)); });
}

CustomPlotView::~CustomPlotView() = default;

void CustomPlotView::requestReplot()
{
    // A hidden plot would still draw all its layers into its buffers.
    if (!isVisible()) {
        m_replotWhenShown = true;
        return;
    }
    m_plot->replot(QCustomPlot::rpQueuedReplot);
}

void CustomPlotView::flushPending()
{
    m_replotWhenShown = false;
    m_plot->replot(QCustomPlot::rpImmediateRefresh);
}

void CustomPlotView::showEvent(QShowEvent* event)
{
    PlotView::showEvent(event);
    if (m_replotWhenShown) {
        m_replotWhenShown = false;
        m_plot->replot(QCustomPlot::rpQueuedReplot);
    }
}

void CustomPlotView::applyFont()
{
    PlotStyle::applyFont(m_plot, font());
    fontApplied();
    requestReplot();
}

void CustomPlotView::paintExport(QPaintDevice* device, PlotExport::Format format)
{
    QCPPainter painter(device);
    if (format != PlotExport::Format::Png)
        painter.setMode(QCPPainter::pmVectorized);
    painter.setMode(QCPPainter::pmNoCaching);
    m_plot->toPainter(&painter, m_plot->width(), m_plot->height());
}

} // namespace scnn::views
