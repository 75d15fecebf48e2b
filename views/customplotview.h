// SPDX-License-Identifier: GPL-3.0-or-later
// SpikingConvNet Workbench — base of the views drawn with QCustomPlot (kept out of public headers).
#pragma once

#include "views/plotview.h"

class QCustomPlot;

namespace scnn::views {

/**
 * @brief A PlotView that draws with one QCustomPlot.
 *
 * Subclasses fill plot() when data arrives (recompute) and call
 * requestReplot(), which coalesces any number of updates into one replot on
 * the next event-loop pass (paint); while the view is hidden (another tab)
 * the replot waits until it is shown, so live runs only draw what is seen.
 * Export draws the plot directly onto the
 * target device, so SVG and PDF stay vector drawings.
 */
class CustomPlotView : public PlotView
{
    Q_OBJECT

public:
    explicit CustomPlotView(QWidget* parent = nullptr);
    ~CustomPlotView() override;

protected:
    QCustomPlot* plot() const { return m_plot; }
    /// Queues one replot for the next event-loop pass (GUI thread only).
    void requestReplot();
    /// Called after the widget font was applied to the plot; re-style items here.
    virtual void fontApplied() {}

    void paintExport(QPaintDevice* device, PlotExport::Format format) override;
    void flushPending() override;
    void applyFont() override;
    void showEvent(QShowEvent* event) override;

private:
    QCustomPlot* m_plot = nullptr;
    bool m_replotWhenShown = false;
};

} // namespace scnn::views
