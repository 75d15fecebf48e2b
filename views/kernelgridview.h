// SPDX-License-Identifier: GPL-3.0-or-later
// SpikingConvNet Workbench — all kernels of a layer as heatmaps in a grid, weights or weight changes.
#pragma once

#include "views/customplotview.h"

#include "model/network.h"

#include <QStringList>

#include <memory>
#include <optional>
#include <span>
#include <utility>
#include <vector>

class QCPColorScale;
class QMouseEvent;

namespace scnn::views {

class HeatmapGrid;

/**
 * @brief All kernels of one conv layer as small heatmaps in a grid.
 *
 * Kernel weights are given as a flat array of `count` kernels of
 * kh×kw×C values each (`kernelShape` = {kh, kw, C}), kernel-major then
 * row-major with the channel fastest: the weight of kernel k at row y,
 * column x, channel c is `weights[((k·kh + y)·kw + x)·C + c]`.
 *
 * Modes: Weights shows the weights; Change shows current − reference
 * ("after − before") on a blue–white–red scale symmetric around 0, so
 * unchanged weights are white. Colours share one scale (with a colour-scale
 * legend) or are normalised per kernel. Several replicas of a layer can be
 * shown side by side, each with its own label.
 *
 * setKernels() only overwrites values when the shape and count stay the
 * same, and replots once per event-loop pass however often it is called,
 * so it keeps up with live snapshots (~30 per second).
 *
 * @code
 * auto* view = new KernelGridView(parent);
 * view->setKernels({4, 4, 1}, weights, 4);           // 4 kernels of 4×4×1
 * view->setReferenceKernels({4, 4, 1}, before, 4);   // weights at phase start
 * view->setMode(KernelGridView::Mode::Change);        // after − before
 * @endcode
 */
class KernelGridView : public CustomPlotView
{
    Q_OBJECT

public:
    enum class Mode { Weights, Change };
    enum class Scaling { Shared, PerKernel };
    /// How a kernel's C channels become one picture.
    enum class ChannelMode { Single, Average, Tiles };

    explicit KernelGridView(QWidget* parent = nullptr);
    ~KernelGridView() override;

    /// Sets the weights of one replica (0-based); ignores (with a warning) arrays of the wrong size.
    void setKernels(const model::Shape& kernelShape, std::span<const float> weights, int count, int replica = 0);
    /// Sets the weights Change mode subtracts ("before"), per replica.
    void setReferenceKernels(const model::Shape& kernelShape, std::span<const float> weights, int count,
                             int replica = 0);
    /// Shorthand: reference = before, weights = after, mode = Change.
    void setKernelChange(const model::Shape& kernelShape, std::span<const float> before,
                         std::span<const float> after, int count, int replica = 0);
    /// Number of replicas shown side by side (≥ 1); extra replicas start empty.
    void setReplicaCount(int replicas);
    int replicaCount() const { return int(m_replicas.size()); }
    /// Labels above the replicas ("replica 1", …); empty for no labels.
    void setReplicaLabels(const QStringList& labels);
    void clear();

    void setMode(Mode mode);
    Mode mode() const { return m_mode; }
    void setScaling(Scaling scaling);
    Scaling scaling() const { return m_scaling; }
    void setChannelMode(ChannelMode mode);
    ChannelMode channelMode() const { return m_channelMode; }
    /// The channel shown in ChannelMode::Single (clamped to the kernel depth).
    void setChannel(int channel);
    int channel() const { return m_channel; }
    /// Kernels per row in each replica; 0 chooses a near-square grid.
    void setColumns(int columns);
    /// A fixed colour range for Weights mode with shared scaling (e.g. 0 … w_max); nullopt = data range.
    void setFixedRange(std::optional<std::pair<double, double>> range);

    /// Colour range of the shared scale as last drawn (lower, upper).
    std::pair<double, double> colorRange() const { return m_colorRange; }
    /// Widget rectangle of one kernel (after the view has been laid out), empty if none.
    QRect kernelRect(int replica, int kernel) const;

protected:
    void fillContextMenu(QMenu& menu) override;
    void fontApplied() override;
    void retranslate() override;

private:
    struct Replica
    {
        std::vector<float> weights;
        std::vector<float> reference;
    };

    bool accept(const char* what, const model::Shape& shape, std::span<const float> weights, int count,
                int replica);
    void relayout();
    void recompute();
    void showToolTip(QMouseEvent* event);
    int cellColumns() const;
    int autoColumns() const;
    double replicaGap() const;

    std::unique_ptr<HeatmapGrid> m_grid;
    QCPColorScale* m_scale = nullptr;
    std::vector<Replica> m_replicas;
    QStringList m_replicaLabels;
    model::Shape m_shape;
    int m_count = 0;
    Mode m_mode = Mode::Weights;
    Scaling m_scaling = Scaling::Shared;
    ChannelMode m_channelMode = ChannelMode::Single;
    int m_channel = 0;
    int m_columns = 0;
    int m_perRow = 1;
    std::optional<std::pair<double, double>> m_fixedRange;
    std::pair<double, double> m_colorRange{0.0, 1.0};
    std::vector<float> m_scratch;
};

} // namespace scnn::views
