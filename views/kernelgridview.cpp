// SPDX-License-Identifier: GPL-3.0-or-later
// SpikingConvNet Workbench — all kernels of a layer as heatmaps in a grid, weights or weight changes.
#include "views/kernelgridview.h"

#include "views/heatmapgrid.h"
#include "views/plotstyle.h"

#include <qcustomplot.h>

#include <QActionGroup>
#include <QMenu>
#include <QToolTip>

#include <algorithm>
#include <cmath>
#include <limits>

namespace scnn::views {

namespace {

constexpr float kNaN = std::numeric_limits<float>::quiet_NaN();

} // namespace

KernelGridView::KernelGridView(QWidget* parent)
    : CustomPlotView(parent)
    , m_grid(std::make_unique<HeatmapGrid>(plot()))
    , m_replicas(1)
{
    setObjectName(QStringLiteral("kernels"));
    m_scale = new QCPColorScale(plot());
    plot()->plotLayout()->addElement(0, 1, m_scale);
    m_scale->setType(QCPAxis::atRight);
    m_scale->setBarWidth(14);
    m_scale->setRangeDrag(false);
    m_scale->setRangeZoom(false);
    m_scale->axis()->setLabel(tr("weight"));
    m_scale->setGradient(PlotStyle::weightGradient());
    m_grid->setGradient(PlotStyle::weightGradient());
    connect(plot(), &QCustomPlot::afterLayout, this, [this] {
        if (m_count > 0 && autoColumns() != m_perRow)
            relayout(); // the widget's shape changed: rearrange the grid
        m_grid->fitView();
    });
    connect(plot(), &QCustomPlot::mouseMove, this, &KernelGridView::showToolTip);
    setMinimumSize(160, 120);
    relayout();
}

KernelGridView::~KernelGridView() = default;

bool KernelGridView::accept(const char* what, const model::Shape& shape, std::span<const float> weights,
                            int count, int replica)
{
    if (shape.h <= 0 || shape.w <= 0 || shape.c <= 0 || count < 0) {
        qWarning("KernelGridView::%s: invalid kernel shape (%d,%d,%d) or count %d; ignored", what, shape.h,
                 shape.w, shape.c, count);
        return false;
    }
    if (std::int64_t(weights.size()) != shape.size() * count) {
        qWarning("KernelGridView::%s: %d kernels of (%d,%d,%d) need %lld weights, got %zu; ignored", what, count,
                 shape.h, shape.w, shape.c, static_cast<long long>(shape.size() * count), weights.size());
        return false;
    }
    if (replica < 0 || replica > 63) {
        qWarning("KernelGridView::%s: replica %d is out of range 0…63; ignored", what, replica);
        return false;
    }
    if (replica >= replicaCount())
        setReplicaCount(replica + 1);
    if (shape != m_shape || count != m_count) {
        // A new layer: earlier weights of other replicas no longer fit.
        for (Replica& r : m_replicas) {
            r.weights.clear();
            r.reference.clear();
        }
        m_shape = shape;
        m_count = count;
        m_channel = std::clamp(m_channel, 0, shape.c - 1);
        relayout();
    }
    return true;
}

void KernelGridView::setKernels(const model::Shape& kernelShape, std::span<const float> weights, int count,
                                int replica)
{
    if (!accept("setKernels", kernelShape, weights, count, replica))
        return;
    m_replicas[std::size_t(replica)].weights.assign(weights.begin(), weights.end());
    recompute();
}

void KernelGridView::setReferenceKernels(const model::Shape& kernelShape, std::span<const float> weights,
                                         int count, int replica)
{
    if (!accept("setReferenceKernels", kernelShape, weights, count, replica))
        return;
    m_replicas[std::size_t(replica)].reference.assign(weights.begin(), weights.end());
    recompute();
}

void KernelGridView::setKernelChange(const model::Shape& kernelShape, std::span<const float> before,
                                     std::span<const float> after, int count, int replica)
{
    if (!accept("setKernelChange", kernelShape, before, count, replica)
        || !accept("setKernelChange", kernelShape, after, count, replica))
        return;
    Replica& r = m_replicas[std::size_t(replica)];
    r.reference.assign(before.begin(), before.end());
    r.weights.assign(after.begin(), after.end());
    m_mode = Mode::Change;
    recompute();
}

void KernelGridView::setReplicaCount(int replicas)
{
    replicas = std::clamp(replicas, 1, 64);
    if (replicas == replicaCount())
        return;
    m_replicas.resize(std::size_t(replicas));
    relayout();
}

void KernelGridView::setReplicaLabels(const QStringList& labels)
{
    m_replicaLabels = labels;
    relayout();
}

void KernelGridView::clear()
{
    m_replicas.assign(1, Replica{});
    m_shape = {};
    m_count = 0;
    relayout();
}

void KernelGridView::setMode(Mode mode)
{
    if (mode == m_mode)
        return;
    m_mode = mode;
    recompute();
}

void KernelGridView::setScaling(Scaling scaling)
{
    if (scaling == m_scaling)
        return;
    m_scaling = scaling;
    recompute();
}

void KernelGridView::setChannelMode(ChannelMode mode)
{
    if (mode == m_channelMode)
        return;
    m_channelMode = mode;
    relayout();
}

void KernelGridView::setChannel(int channel)
{
    channel = std::clamp(channel, 0, std::max(0, m_shape.c - 1));
    if (channel == m_channel)
        return;
    m_channel = channel;
    recompute();
}

void KernelGridView::setColumns(int columns)
{
    m_columns = std::max(0, columns);
    relayout();
}

void KernelGridView::setFixedRange(std::optional<std::pair<double, double>> range)
{
    m_fixedRange = range;
    recompute();
}

double KernelGridView::replicaGap() const
{
    return std::max(3.0, 0.6 * m_shape.w);
}

int KernelGridView::autoColumns() const
{
    if (m_columns > 0 || m_count <= 0)
        return m_columns > 0 ? m_columns : 1;
    return HeatmapGrid::bestColumns(m_count, m_shape.h, cellColumns(), replicaCount(), replicaGap(),
                                    m_grid->availableArea());
}

int KernelGridView::cellColumns() const
{
    if (m_channelMode == ChannelMode::Tiles && m_shape.c > 1)
        return m_shape.c * m_shape.w + (m_shape.c - 1); // one transparent column between channels
    return m_shape.w;
}

void KernelGridView::relayout()
{
    std::vector<HeatmapGrid::Cell> cells;
    std::vector<HeatmapGrid::Title> titles;
    double gapY = 1.0;
    double left = 0;
    m_perRow = autoColumns();
    for (int r = 0; m_count > 0 && r < replicaCount(); ++r) {
        if (r < m_replicaLabels.size() && !m_replicaLabels[r].isEmpty())
            titles.push_back({left, 0, m_replicaLabels[r]});
        double blockWidth = 0;
        const auto block = HeatmapGrid::gridCells(m_count, m_shape.h, cellColumns(), m_perRow, left, &gapY,
                                                  &blockWidth);
        cells.insert(cells.end(), block.begin(), block.end());
        left += blockWidth + replicaGap();
    }
    m_grid->setLayout(cells, titles, gapY);
    PlotStyle::applyFont(plot(), font());
    recompute();
}

void KernelGridView::recompute()
{
    const bool change = m_mode == Mode::Change;
    const int rows = m_shape.h;
    const int cols = cellColumns();
    const std::size_t kernelSize = std::size_t(std::max<std::int64_t>(0, m_shape.size()));
    m_scratch.resize(std::size_t(std::max(0, rows * cols)));

    double lo = std::numeric_limits<double>::infinity();
    double hi = -lo;
    bool anyReferenceMissing = false;
    std::vector<std::pair<double, double>> kernelRanges;
    for (int r = 0; r < replicaCount() && m_count > 0; ++r) {
        const Replica& replica = m_replicas[std::size_t(r)];
        const bool haveWeights = replica.weights.size() == kernelSize * std::size_t(m_count);
        const bool haveReference = replica.reference.size() == replica.weights.size();
        if (change && haveWeights && !haveReference)
            anyReferenceMissing = true;
        for (int k = 0; k < m_count; ++k) {
            const std::size_t base = kernelSize * std::size_t(k);
            const auto value = [&](int y, int x, int c) -> float {
                const std::size_t i = base + (std::size_t(y) * std::size_t(m_shape.w) + std::size_t(x))
                        * std::size_t(m_shape.c) + std::size_t(c);
                return change ? replica.weights[i] - replica.reference[i] : replica.weights[i];
            };
            double klo = std::numeric_limits<double>::infinity();
            double khi = -klo;
            for (int y = 0; y < rows; ++y)
                for (int x = 0; x < cols; ++x) {
                    float v = kNaN;
                    if (haveWeights && (!change || haveReference)) {
                        if (m_channelMode == ChannelMode::Tiles && m_shape.c > 1) {
                            const int stride = m_shape.w + 1;
                            if (x % stride < m_shape.w)
                                v = value(y, x % stride, x / stride);
                        } else if (m_channelMode == ChannelMode::Average) {
                            double sum = 0;
                            for (int c = 0; c < m_shape.c; ++c)
                                sum += value(y, x, c);
                            v = float(sum / m_shape.c);
                        } else {
                            v = value(y, x, m_channel);
                        }
                    }
                    m_scratch[std::size_t(y * cols + x)] = v;
                    if (!std::isnan(v)) {
                        klo = std::min(klo, double(v));
                        khi = std::max(khi, double(v));
                    }
                }
            m_grid->setValues(r * m_count + k, m_scratch);
            kernelRanges.emplace_back(klo, khi);
            lo = std::min(lo, klo);
            hi = std::max(hi, khi);
        }
    }
    if (!(lo <= hi)) { // nothing to show yet
        lo = change ? -1.0 : 0.0;
        hi = 1.0;
    }

    const auto symmetric = [](double a, double b) {
        const double m = std::max({std::abs(a), std::abs(b), 1e-12});
        return std::pair{-m, m};
    };
    if (m_scaling == Scaling::Shared) {
        std::pair<double, double> range{lo, hi};
        if (change)
            range = symmetric(lo, hi);
        else if (m_fixedRange && m_fixedRange->second > m_fixedRange->first)
            range = *m_fixedRange;
        else if (!(hi > lo))
            range = {lo - 0.5, hi + 0.5};
        for (int i = 0; i < m_grid->cellCount(); ++i)
            m_grid->setCellRange(i, range.first, range.second);
        m_colorRange = range;
        if (m_scale->axis()->ticker().dynamicCast<QCPAxisTickerText>())
            m_scale->axis()->setTicker(QSharedPointer<QCPAxisTicker>(new QCPAxisTicker));
        m_scale->setDataRange(QCPRange(range.first, range.second));
    } else {
        for (int i = 0; i < m_grid->cellCount() && i < int(kernelRanges.size()); ++i) {
            auto [klo, khi] = kernelRanges[std::size_t(i)];
            if (!(klo <= khi))
                continue;
            if (change)
                std::tie(klo, khi) = symmetric(klo, khi);
            m_grid->setCellRange(i, klo, khi);
        }
        m_colorRange = {0.0, 1.0};
        auto ticker = QSharedPointer<QCPAxisTickerText>(new QCPAxisTickerText);
        if (change) {
            ticker->addTick(0.0, tr("−max"));
            ticker->addTick(0.5, tr("0"));
            ticker->addTick(1.0, tr("+max"));
        } else {
            ticker->addTick(0.0, tr("min"));
            ticker->addTick(1.0, tr("max"));
        }
        m_scale->axis()->setTicker(ticker);
        m_scale->setDataRange(QCPRange(0.0, 1.0));
    }

    const auto gradient = change ? PlotStyle::divergingGradient() : PlotStyle::weightGradient();
    m_grid->setGradient(gradient);
    m_scale->setGradient(gradient);
    QString label = change ? tr("weight change (after − before)") : tr("weight");
    if (m_scaling == Scaling::PerKernel)
        label += tr(", per kernel");
    if (anyReferenceMissing)
        label = tr("weight change: no reference weights");
    m_scale->axis()->setLabel(label);
    requestReplot();
}

QRect KernelGridView::kernelRect(int replica, int kernel) const
{
    if (replica < 0 || replica >= replicaCount() || kernel < 0 || kernel >= m_count)
        return {};
    return m_grid->cellPixelRect(replica * m_count + kernel).toAlignedRect().translated(plot()->pos());
}

void KernelGridView::showToolTip(QMouseEvent* event)
{
    int row = 0;
    int col = 0;
    const int cell = m_count > 0 ? m_grid->cellAt(event->position(), &row, &col) : -1;
    if (cell < 0) {
        QToolTip::hideText();
        return;
    }
    const int replica = cell / m_count;
    const int kernel = cell % m_count;
    int channel = m_channel;
    int x = col;
    QString channelText;
    if (m_channelMode == ChannelMode::Tiles && m_shape.c > 1) {
        if (col % (m_shape.w + 1) == m_shape.w)
            return; // the gap between channels
        channel = col / (m_shape.w + 1);
        x = col % (m_shape.w + 1);
    }
    if (m_channelMode == ChannelMode::Average)
        channelText = tr("mean of %n channel(s)", nullptr, m_shape.c);
    else
        channelText = tr("channel %1").arg(channel + 1);
    const Replica& r = m_replicas[std::size_t(replica)];
    const std::size_t kernelSize = std::size_t(m_shape.size());
    QString valueText;
    if (r.weights.size() == kernelSize * std::size_t(m_count) && m_channelMode != ChannelMode::Average) {
        const std::size_t i = kernelSize * std::size_t(kernel)
                + (std::size_t(row) * std::size_t(m_shape.w) + std::size_t(x)) * std::size_t(m_shape.c)
                + std::size_t(channel);
        valueText = tr("weight %1").arg(double(r.weights[i]), 0, 'g', 4);
        if (r.reference.size() == r.weights.size())
            valueText += tr(", before %1, change %2")
                             .arg(double(r.reference[i]), 0, 'g', 4)
                             .arg(double(r.weights[i] - r.reference[i]), 0, 'g', 4);
    }
    QString text = tr("Kernel %1, row %2, column %3, %4").arg(kernel + 1).arg(row + 1).arg(x + 1).arg(channelText);
    if (replicaCount() > 1)
        text = (replica < m_replicaLabels.size() ? m_replicaLabels[replica] : tr("replica %1").arg(replica + 1))
            + QLatin1String(": ") + text;
    if (!valueText.isEmpty())
        text += QLatin1Char('\n') + valueText;
    QToolTip::showText(event->globalPosition().toPoint(), text, this);
}

void KernelGridView::fillContextMenu(QMenu& menu)
{
    QAction* change = menu.addAction(tr("Show weight change (after − before)"));
    change->setCheckable(true);
    change->setChecked(m_mode == Mode::Change);
    connect(change, &QAction::toggled, this, [this](bool on) { setMode(on ? Mode::Change : Mode::Weights); });

    QAction* perKernel = menu.addAction(tr("Scale each kernel to its own range"));
    perKernel->setCheckable(true);
    perKernel->setChecked(m_scaling == Scaling::PerKernel);
    connect(perKernel, &QAction::toggled, this,
            [this](bool on) { setScaling(on ? Scaling::PerKernel : Scaling::Shared); });

    if (m_shape.c > 1) {
        QMenu* channels = menu.addMenu(tr("Channels"));
        auto* group = new QActionGroup(channels);
        for (int c = 0; c < m_shape.c && c < 64; ++c) {
            QAction* a = channels->addAction(tr("Channel %1").arg(c + 1));
            a->setCheckable(true);
            a->setChecked(m_channelMode == ChannelMode::Single && m_channel == c);
            group->addAction(a);
            connect(a, &QAction::triggered, this, [this, c] {
                setChannelMode(ChannelMode::Single);
                setChannel(c);
            });
        }
        channels->addSeparator();
        QAction* average = channels->addAction(tr("Average of all channels"));
        average->setCheckable(true);
        average->setChecked(m_channelMode == ChannelMode::Average);
        group->addAction(average);
        connect(average, &QAction::triggered, this, [this] { setChannelMode(ChannelMode::Average); });
        QAction* tiles = channels->addAction(tr("Every channel side by side"));
        tiles->setCheckable(true);
        tiles->setChecked(m_channelMode == ChannelMode::Tiles);
        group->addAction(tiles);
        connect(tiles, &QAction::triggered, this, [this] { setChannelMode(ChannelMode::Tiles); });
    }
}

void KernelGridView::retranslate()
{
    recompute(); // sets the colour scale's label and ticks in the current language
}

void KernelGridView::fontApplied()
{
    requestReplot();
}

} // namespace scnn::views
