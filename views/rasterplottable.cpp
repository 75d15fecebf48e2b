// SPDX-License-Identifier: GPL-3.0-or-later
// SpikingConvNet Workbench — a QCustomPlot plottable that draws millions of spikes as a raster image (internal).
#include "views/rasterplottable.h"

#include <algorithm>
#include <cmath>
#include <numeric>

namespace scnn::views {

RasterPlottable::RasterPlottable(QCPAxis* keyAxis, QCPAxis* valueAxis)
    : QCPAbstractPlottable(keyAxis, valueAxis)
{
    setSelectable(QCP::stNone);
    setAntialiasedFill(false);
    setAntialiasedScatters(false);
}

void RasterPlottable::setSpikes(std::span<const double> timesMs, std::span<const std::int32_t> ids)
{
    m_times.assign(timesMs.begin(), timesMs.end());
    m_ids.assign(ids.begin(), ids.end());
    m_sorted = std::is_sorted(m_times.begin(), m_times.end());
    m_minId = 0;
    m_maxId = -1;
    updateIdRange(ids);
    enforceCapacity();
    ++m_version;
}

void RasterPlottable::appendSpikes(std::span<const double> timesMs, std::span<const std::int32_t> ids)
{
    if (timesMs.empty())
        return;
    if (m_sorted && !m_times.empty() && timesMs.front() < m_times.back())
        m_sorted = false;
    if (m_sorted && !std::is_sorted(timesMs.begin(), timesMs.end()))
        m_sorted = false;
    m_times.insert(m_times.end(), timesMs.begin(), timesMs.end());
    m_ids.insert(m_ids.end(), ids.begin(), ids.end());
    updateIdRange(ids);
    enforceCapacity();
    ++m_version;
}

void RasterPlottable::clearSpikes()
{
    m_times.clear();
    m_ids.clear();
    m_sorted = true;
    m_minId = 0;
    m_maxId = -1;
    ++m_version;
}

void RasterPlottable::setCapacity(std::size_t spikes)
{
    m_capacity = std::max<std::size_t>(spikes, 1000);
    enforceCapacity();
}

void RasterPlottable::setIdOffset(int offset)
{
    m_idOffset = offset;
    ++m_version;
}

void RasterPlottable::setColor(const QColor& color)
{
    m_color = color;
    setPen(QPen(color));
    setBrush(QBrush(color));
    ++m_version;
}

double RasterPlottable::firstTime() const
{
    if (m_times.empty())
        return 0;
    return m_sorted ? m_times.front() : *std::min_element(m_times.begin(), m_times.end());
}

double RasterPlottable::lastTime() const
{
    if (m_times.empty())
        return 0;
    return m_sorted ? m_times.back() : *std::max_element(m_times.begin(), m_times.end());
}

void RasterPlottable::updateIdRange(std::span<const std::int32_t> ids)
{
    if (ids.empty())
        return;
    const auto [lo, hi] = std::minmax_element(ids.begin(), ids.end());
    if (m_maxId < m_minId) {
        m_minId = *lo;
        m_maxId = *hi;
    } else {
        m_minId = std::min(m_minId, int(*lo));
        m_maxId = std::max(m_maxId, int(*hi));
    }
}

void RasterPlottable::sortIfNeeded()
{
    if (m_sorted)
        return;
    std::vector<std::size_t> order(m_times.size());
    std::iota(order.begin(), order.end(), std::size_t(0));
    std::stable_sort(order.begin(), order.end(), [this](std::size_t a, std::size_t b) { return m_times[a] < m_times[b]; });
    std::vector<double> times(m_times.size());
    std::vector<std::int32_t> ids(m_ids.size());
    for (std::size_t i = 0; i < order.size(); ++i) {
        times[i] = m_times[order[i]];
        ids[i] = m_ids[order[i]];
    }
    m_times.swap(times);
    m_ids.swap(ids);
    m_sorted = true;
}

void RasterPlottable::enforceCapacity()
{
    if (m_times.size() <= m_capacity)
        return;
    sortIfNeeded();
    // Drop down to ¾ of the capacity so live appends do not erase on every block.
    const std::size_t drop = m_times.size() - m_capacity * 3 / 4;
    m_times.erase(m_times.begin(), m_times.begin() + std::ptrdiff_t(drop));
    m_ids.erase(m_ids.begin(), m_ids.begin() + std::ptrdiff_t(drop));
}

double RasterPlottable::selectTest(const QPointF&, bool, QVariant*) const
{
    return -1;
}

QCPRange RasterPlottable::getKeyRange(bool& foundRange, QCP::SignDomain) const
{
    foundRange = !m_times.empty();
    return foundRange ? QCPRange(firstTime(), lastTime()) : QCPRange();
}

QCPRange RasterPlottable::getValueRange(bool& foundRange, QCP::SignDomain, const QCPRange&) const
{
    foundRange = m_maxId >= m_minId;
    return foundRange ? QCPRange(m_minId + m_idOffset, m_maxId + m_idOffset) : QCPRange();
}

void RasterPlottable::draw(QCPPainter* painter)
{
    if (!mKeyAxis || !mValueAxis)
        return;
    sortIfNeeded();
    const QRect clip = clipRect();
    if (clip.isEmpty())
        return;
    const double dpr = painter->device() ? painter->device()->devicePixelRatioF() : 1.0;
    const QSize size(int(std::ceil(clip.width() * dpr)), int(std::ceil(clip.height() * dpr)));
    const QCPRange keys = mKeyAxis->range();
    const QCPRange values = mValueAxis->range();

    if (m_cachedVersion != m_version || m_cachedSize != size || keys != m_cachedKeys || values != m_cachedValues) {
        if (m_image.size() != size)
            m_image = QImage(size, QImage::Format_ARGB32_Premultiplied);
        // Linear maps from (time, id) to image pixels.
        const double kx0 = (mKeyAxis->coordToPixel(keys.lower) - clip.left()) * dpr;
        const double kx1 = (mKeyAxis->coordToPixel(keys.upper) - clip.left()) * dpr;
        const double ax = (kx1 - kx0) / (keys.upper - keys.lower);
        const double vy0 = (mValueAxis->coordToPixel(values.lower) - clip.top()) * dpr;
        const double vy1 = (mValueAxis->coordToPixel(values.upper) - clip.top()) * dpr;
        const double ay = (vy1 - vy0) / (values.upper - values.lower);
        // Ticks: ¾ of a neuron row high (1–12 px), 1–2 px wide.
        const double rowPx = std::abs(ay);
        const int markH = std::clamp(int(rowPx * 0.75), 1, int(12 * dpr));
        const int markW = std::clamp(int(std::min(rowPx, std::abs(ax)) * 0.5), 1, int(2 * dpr));
        const int width = size.width();
        const int height = size.height();

        // Pass 1: spikes per pixel (ticks overlap when zoomed out).
        m_hits.assign(std::size_t(width) * std::size_t(height), 0);
        const auto first = std::lower_bound(m_times.begin(), m_times.end(), std::min(keys.lower, keys.upper));
        const auto last = std::upper_bound(first, m_times.end(), std::max(keys.lower, keys.upper));
        std::size_t i = std::size_t(first - m_times.begin());
        const std::size_t end = std::size_t(last - m_times.begin());
        m_lastDrawn = end - i;
        std::uint64_t marks = 0; // pixel increments
        std::uint64_t lit = 0;   // pixels with at least one spike
        for (; i < end; ++i) {
            const double px = kx0 + ax * (m_times[i] - keys.lower);
            const double py = vy0 + ay * (double(m_ids[i]) + m_idOffset - values.lower);
            if (px < -markW || py < -markH || px >= width + markW || py >= height + markH)
                continue;
            int x = int(px + markW) - markW - markW / 2; // floor for px > −markW
            int y = int(py + markH) - markH - markH / 2;
            const int x1 = std::min(width, x + markW);
            const int y1 = std::min(height, y + markH);
            x = std::max(0, x);
            y = std::max(0, y);
            for (int yy = y; yy < y1; ++yy) {
                std::uint16_t* line = m_hits.data() + std::size_t(yy) * std::size_t(width);
                for (int xx = x; xx < x1; ++xx) {
                    lit += line[xx] == 0 ? 1 : 0;
                    line[xx] = std::uint16_t(line[xx] + (line[xx] < 65535 ? 1 : 0));
                    ++marks;
                }
            }
        }

        if (m_lastDrawn > 0) {
            // Pass 2: colour every pixel. Sparse rasters get solid ticks; where many spikes
            // share pixels the opacity grows with the count, so dense regions keep their structure.
            const double typical = lit ? double(marks) / double(lit) : 1.0;
            const bool density = typical > 1.5;
            constexpr int kLevels = 1024;
            std::vector<QRgb> shades(kLevels);
            shades[0] = 0; // transparent
            for (int h = 1; h < kLevels; ++h) {
                const double alpha = density ? std::min(1.0, 0.2 + 0.8 * double(h) / (2.0 * typical)) : 1.0;
                shades[std::size_t(h)] = qPremultiply(
                    qRgba(m_color.red(), m_color.green(), m_color.blue(), int(std::lround(alpha * 255))));
            }
            auto* bits = reinterpret_cast<QRgb*>(m_image.bits());
            const qsizetype stride = m_image.bytesPerLine() / qsizetype(sizeof(QRgb));
            for (int y = 0; y < height; ++y) {
                const std::uint16_t* hits = m_hits.data() + std::size_t(y) * std::size_t(width);
                QRgb* line = bits + y * stride;
                for (int x = 0; x < width; ++x)
                    line[x] = shades[std::min<std::size_t>(hits[x], kLevels - 1)];
            }
        }
        m_image.setDevicePixelRatio(dpr);
        m_cachedVersion = m_version;
        m_cachedSize = size;
        m_cachedKeys = keys;
        m_cachedValues = values;
    }
    if (m_lastDrawn > 0)
        painter->drawImage(clip.topLeft(), m_image);
}

void RasterPlottable::drawLegendIcon(QCPPainter* painter, const QRectF& rect) const
{
    const double h = rect.height() * 0.8;
    const QRectF tick(rect.center().x() - 1.5, rect.center().y() - h / 2, 3, h);
    painter->fillRect(tick, m_color);
    painter->fillRect(tick.translated(-rect.width() / 4, 0), m_color);
    painter->fillRect(tick.translated(rect.width() / 4, 0), m_color);
}

} // namespace scnn::views
