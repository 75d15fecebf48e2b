// SPDX-License-Identifier: GPL-3.0-or-later
// SpikingConvNet Workbench — a QCustomPlot plottable that draws millions of spikes as a raster image (internal).
#pragma once

#include <qcustomplot.h>

#include <QColor>
#include <QImage>

#include <cstdint>
#include <span>
#include <vector>

namespace scnn::views {

/**
 * @brief Spikes (time, neuron id) drawn as short vertical ticks.
 *
 * Spikes are kept sorted by time, so drawing visits only the visible time
 * window (binary search) and sets pixels in an image the size of the axis
 * rect: each spike costs one small rectangle of counts, however many there
 * are. Where many spikes share a pixel the tick gets more opaque, so dense
 * rasters keep their structure instead of turning into a solid block. The image is
 * rebuilt only when the data, the axis ranges or the size change; otherwise
 * a replot redraws the cached image.
 */
class RasterPlottable : public QCPAbstractPlottable
{
public:
    RasterPlottable(QCPAxis* keyAxis, QCPAxis* valueAxis);

    void setSpikes(std::span<const double> timesMs, std::span<const std::int32_t> ids);
    void appendSpikes(std::span<const double> timesMs, std::span<const std::int32_t> ids);
    void clearSpikes();
    /// Keeps at most this many spikes, dropping the oldest first.
    void setCapacity(std::size_t spikes);
    /// Drawn at id + offset (to stack groups).
    void setIdOffset(int offset);
    void setColor(const QColor& color);
    QColor color() const { return m_color; }

    std::size_t spikeCount() const { return m_times.size(); }
    bool hasSpikes() const { return !m_times.empty(); }
    double firstTime() const;
    double lastTime() const;
    int minId() const { return m_minId; }
    int maxId() const { return m_maxId; }
    /// Spikes drawn by the last draw() (those inside the visible time window).
    std::size_t lastDrawnCount() const { return m_lastDrawn; }

    double selectTest(const QPointF& pos, bool onlySelectable, QVariant* details = nullptr) const override;
    QCPRange getKeyRange(bool& foundRange, QCP::SignDomain inSignDomain = QCP::sdBoth) const override;
    QCPRange getValueRange(bool& foundRange, QCP::SignDomain inSignDomain = QCP::sdBoth,
                           const QCPRange& inKeyRange = QCPRange()) const override;

protected:
    void draw(QCPPainter* painter) override;
    void drawLegendIcon(QCPPainter* painter, const QRectF& rect) const override;

private:
    void sortIfNeeded();
    void enforceCapacity();
    void updateIdRange(std::span<const std::int32_t> ids);

    std::vector<double> m_times;
    std::vector<std::int32_t> m_ids;
    bool m_sorted = true;
    int m_minId = 0;
    int m_maxId = -1;
    int m_idOffset = 0;
    std::size_t m_capacity = std::size_t(50) * 1000 * 1000;
    QColor m_color = Qt::black;

    // Cache of the last drawn image.
    std::uint64_t m_version = 0;
    std::uint64_t m_cachedVersion = ~std::uint64_t(0);
    QCPRange m_cachedKeys;
    QCPRange m_cachedValues;
    QSize m_cachedSize;
    QImage m_image;
    std::vector<std::uint16_t> m_hits; ///< Spikes per pixel of the last image
    std::size_t m_lastDrawn = 0;
};

} // namespace scnn::views
