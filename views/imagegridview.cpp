// SPDX-License-Identifier: GPL-3.0-or-later
// SpikingConvNet Workbench — a grid of input images with their labels (dataset preview, current input).
#include "views/imagegridview.h"

#include <QFontMetrics>
#include <QPainter>
#include <QPaintEvent>

#include <algorithm>
#include <cmath>

namespace scnn::views {

namespace {

constexpr int kMargin = 6;
constexpr int kSpacing = 8;

bool validShape(const char* what, const model::Shape& shape, std::size_t size, int count)
{
    if (shape.h <= 0 || shape.w <= 0 || shape.c <= 0 || count < 0 || count > 100000
        || std::int64_t(size) != shape.size() * count) {
        qWarning("ImageGridView::%s: %d images of (%d,%d,%d) need %lld values, got %zu; ignored", what, count,
                 shape.h, shape.w, shape.c, static_cast<long long>(std::max<std::int64_t>(0, shape.size()) * count),
                 size);
        return false;
    }
    return true;
}

template<typename T, typename ToByte>
std::vector<QImage> toImages(const model::Shape& shape, std::span<const T> pixels, int count, ToByte toByte)
{
    std::vector<QImage> images;
    images.reserve(std::size_t(count));
    const std::size_t perImage = std::size_t(shape.size());
    for (int i = 0; i < count; ++i) {
        const T* src = pixels.data() + std::size_t(i) * perImage;
        QImage image(shape.w, shape.h, QImage::Format_RGB32);
        for (int y = 0; y < shape.h; ++y) {
            auto* line = reinterpret_cast<QRgb*>(image.scanLine(y));
            for (int x = 0; x < shape.w; ++x) {
                const T* p = src + (std::size_t(y) * std::size_t(shape.w) + std::size_t(x)) * std::size_t(shape.c);
                line[x] = shape.c == 3 ? qRgb(toByte(p[0]), toByte(p[1]), toByte(p[2]))
                                       : qRgb(toByte(p[0]), toByte(p[0]), toByte(p[0]));
            }
        }
        images.push_back(std::move(image));
    }
    return images;
}

} // namespace

ImageGridView::ImageGridView(QWidget* parent)
    : PlotView(parent)
    , m_placeholder(tr("No images"))
{
    setObjectName(QStringLiteral("images"));
    setAutoFillBackground(true);
    setBackgroundRole(QPalette::Base);
    setMinimumSize(80, 80);
}

ImageGridView::~ImageGridView() = default;

void ImageGridView::setImages(const model::Shape& imageShape, std::span<const std::uint8_t> pixels, int count,
                              const QStringList& labels)
{
    if (!validShape("setImages", imageShape, pixels.size(), count))
        return;
    m_images = toImages(imageShape, pixels, count, [](std::uint8_t v) { return int(v); });
    m_labels = labels;
    update();
}

void ImageGridView::setImages(const model::Shape& imageShape, std::span<const float> pixels, int count,
                              const QStringList& labels, float lo, float hi)
{
    if (!validShape("setImages", imageShape, pixels.size(), count))
        return;
    const float span = hi > lo ? hi - lo : 1.0f;
    m_images = toImages(imageShape, pixels, count, [lo, span](float v) {
        const float t = std::isfinite(v) ? (v - lo) / span : 0.0f;
        return int(std::lround(std::clamp(t, 0.0f, 1.0f) * 255.0f));
    });
    m_labels = labels;
    update();
}

void ImageGridView::clear()
{
    m_images.clear();
    m_labels.clear();
    m_highlighted = -1;
    update();
}

void ImageGridView::setColumns(int columns)
{
    m_columns = std::max(0, columns);
    update();
}

void ImageGridView::setHighlighted(int index)
{
    m_highlighted = index;
    update();
}

void ImageGridView::setPlaceholderText(const QString& text)
{
    m_placeholder = text;
    update();
}

QSize ImageGridView::sizeHint() const
{
    return QSize(360, 260);
}

ImageGridView::Layout ImageGridView::layoutFor(const QSize& area) const
{
    Layout best;
    const int n = int(m_images.size());
    if (n == 0)
        return best;
    const QSize image = m_images.front().size();
    best.labelHeight = std::any_of(m_labels.begin(), m_labels.end(), [](const QString& l) { return !l.isEmpty(); })
        ? QFontMetrics(font()).height() + 2
        : 0;
    const double width = area.width() - 2 * kMargin;
    const double height = area.height() - 2 * kMargin;
    const int from = m_columns > 0 ? std::min(m_columns, n) : 1;
    const int to = m_columns > 0 ? from : n;
    best.scale = -1;
    for (int columns = from; columns <= to; ++columns) {
        const int rows = (n + columns - 1) / columns;
        const double cellW = (width - (columns - 1) * kSpacing) / columns;
        const double cellH = (height - (rows - 1) * kSpacing) / rows;
        double scale = std::min(cellW / image.width(), (cellH - best.labelHeight) / image.height());
        if (scale >= 3)
            scale = std::floor(scale); // whole screen pixels per image pixel stay crisp
        if (scale > best.scale) {
            best.scale = scale;
            best.columns = columns;
            best.cell = QSizeF(cellW, cellH);
        }
    }
    best.scale = std::max(best.scale, 0.1);
    return best;
}

QRect ImageGridView::imageRect(const Layout& layout, int index) const
{
    const QSize image = m_images.front().size();
    const int column = index % layout.columns;
    const int row = index / layout.columns;
    const double w = image.width() * layout.scale;
    const double h = image.height() * layout.scale;
    const double x = kMargin + column * (layout.cell.width() + kSpacing) + (layout.cell.width() - w) / 2;
    const double y = kMargin + row * (layout.cell.height() + kSpacing)
            + (layout.cell.height() - layout.labelHeight - h) / 2;
    return QRectF(x, y, w, h).toRect();
}

QRect ImageGridView::imageRect(int index) const
{
    if (index < 0 || index >= imageCount())
        return {};
    return imageRect(layoutFor(size()), index);
}

void ImageGridView::paintEvent(QPaintEvent*)
{
    QPainter painter(this);
    if (m_images.empty()) {
        painter.setPen(palette().color(QPalette::PlaceholderText));
        painter.drawText(rect(), Qt::AlignCenter, m_placeholder);
        return;
    }
    const Layout layout = layoutFor(size());
    painter.setRenderHint(QPainter::SmoothPixmapTransform, false);
    painter.setRenderHint(QPainter::Antialiasing, false);
    for (int i = 0; i < imageCount(); ++i) {
        const QRect target = imageRect(layout, i);
        painter.drawImage(target, m_images[std::size_t(i)]);
        if (i == m_highlighted) {
            painter.setPen(QPen(palette().color(QPalette::Highlight), 3));
            painter.setBrush(Qt::NoBrush);
            painter.drawRect(target.adjusted(-3, -3, 2, 2));
        }
        if (i < m_labels.size() && !m_labels[i].isEmpty()) {
            painter.setPen(palette().color(QPalette::Text));
            const QRect text(target.center().x() - int(layout.cell.width() / 2), target.bottom() + 2,
                             int(layout.cell.width()), layout.labelHeight);
            painter.drawText(text, Qt::AlignHCenter | Qt::AlignTop, m_labels[i]);
        }
    }
}

} // namespace scnn::views
