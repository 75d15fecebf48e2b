// SPDX-License-Identifier: GPL-3.0-or-later
// SpikingConvNet Workbench — spike counts of a layer, one heatmap per kernel map.
#pragma once

#include "views/customplotview.h"

#include "model/network.h"

#include <cstdint>
#include <memory>
#include <span>
#include <vector>

class QCPColorScale;
class QMouseEvent;

namespace scnn::views {

class HeatmapGrid;

/**
 * @brief Layer activity: spike counts per neuron, one H×W heatmap per kernel map.
 *
 * Counts cover a layer output of shape (H, W, K) in tensor order with the
 * map fastest: the count of map k at row y, column x is
 * `counts[(y·W + x)·K + k]`. All maps share one colour scale (white = no
 * spikes) with a legend.
 *
 * @code
 * auto* activity = new ActivityView(parent);
 * activity->setActivity({9, 9, 4}, counts);   // counts.size() == 9·9·4
 * @endcode
 */
class ActivityView : public CustomPlotView
{
    Q_OBJECT

public:
    explicit ActivityView(QWidget* parent = nullptr);
    ~ActivityView() override;

    void setActivity(const model::Shape& layerShape, std::span<const float> counts);
    void setActivity(const model::Shape& layerShape, std::span<const std::int32_t> counts);
    void clear();
    /// Maps per row; 0 chooses a near-square grid.
    void setColumns(int columns);
    /// Label of the colour scale (default "spikes per neuron").
    void setValueLabel(const QString& label);

    /// Largest count shown (top of the colour scale).
    double maximum() const { return m_maximum; }
    /// Widget rectangle of one map (after layout), empty if none.
    QRect mapRect(int map) const;

protected:
    void retranslate() override;

private:
    void relayout();
    void fill();
    int autoColumns() const;
    void showToolTip(QMouseEvent* event);

    std::unique_ptr<HeatmapGrid> m_grid;
    QCPColorScale* m_scale = nullptr;
    model::Shape m_shape;
    std::vector<float> m_counts;
    std::vector<float> m_scratch;
    int m_columns = 0;
    int m_perRow = 1;
    double m_maximum = 0;
    bool m_customLabel = false; ///< setValueLabel() was called
};

} // namespace scnn::views
