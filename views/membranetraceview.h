// SPDX-License-Identifier: GPL-3.0-or-later
// SpikingConvNet Workbench — membrane potential of chosen neurons over time, with the threshold.
#pragma once

#include "views/customplotview.h"

#include <QStringList>

#include <cstdint>
#include <optional>
#include <span>
#include <vector>

class QCPGraph;
class QCPItemStraightLine;
class QCPItemText;

namespace scnn::views {

/**
 * @brief Membrane potential v(t) of a few neurons, one coloured line each.
 *
 * All traces share sample times [ms]; values are in mV, given as a
 * neuron-major array: v of neuron n at sample s is `v[n·samples + s]`.
 * The firing threshold is a dashed line, v_reset optionally a dotted one,
 * and the legend names each neuron ("neuron 12" or the given label).
 * appendSamples() extends the traces in blocks during live runs. The wheel
 * zooms time, dragging pans, double-click resets.
 *
 * @code
 * auto* traces = new MembraneTraceView(parent);
 * traces->setThreshold(-50.0);                 // mV
 * traces->setResetPotential(-70.0);            // mV
 * traces->setTraces(timesMs, vMv, neuronIds);  // vMv.size() == ids × times
 * @endcode
 */
class MembraneTraceView : public CustomPlotView
{
    Q_OBJECT

public:
    explicit MembraneTraceView(QWidget* parent = nullptr);
    ~MembraneTraceView() override;

    /**
     * Replaces all traces. `valuesMv` holds neuronIds.size() × timesMs.size()
     * values, neuron-major. `labels` (optional, one per neuron) name the
     * legend entries; otherwise "neuron <id>".
     */
    void setTraces(std::span<const double> timesMs, std::span<const float> valuesMv,
                   std::span<const std::int32_t> neuronIds, const QStringList& labels = {});
    /// Appends a block of samples to the current traces (same neurons and order).
    void appendSamples(std::span<const double> timesMs, std::span<const float> valuesMv);
    void clear();
    int traceCount() const { return int(m_graphs.size()); }

    /// Firing threshold [mV], drawn dashed; nullopt hides it.
    void setThreshold(std::optional<double> vThreshMv);
    /// Reset potential [mV], drawn dotted; nullopt hides it.
    void setResetPotential(std::optional<double> vResetMv);
    /// Live runs: show only the last `ms` milliseconds (and keep ten windows of
    /// history while samples are appended); 0 shows and keeps everything.
    void setSlidingWindow(double ms);

public Q_SLOTS:
    void resetView();

protected:
    void fillContextMenu(QMenu& menu) override;
    void retranslate() override;

private:
    void dataChanged();
    void placeLine(QCPItemStraightLine* line, QCPItemText* text, std::optional<double> value);

    std::vector<QCPGraph*> m_graphs;
    QCPItemStraightLine* m_thresholdLine = nullptr;
    QCPItemText* m_thresholdText = nullptr;
    QCPItemStraightLine* m_resetLine = nullptr;
    QCPItemText* m_resetText = nullptr;
    std::optional<double> m_threshold;
    std::optional<double> m_reset;
    double m_window = 0;
    bool m_follow = true;
};

} // namespace scnn::views
