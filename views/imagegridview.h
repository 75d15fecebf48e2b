// SPDX-License-Identifier: GPL-3.0-or-later
// SpikingConvNet Workbench — a grid of input images with their labels (dataset preview, current input).
#pragma once

#include "views/plotview.h"

#include "model/network.h"

#include <QImage>
#include <QStringList>

#include <cstdint>
#include <span>
#include <vector>

namespace scnn::views {

/**
 * @brief Input images in a grid, each with its label underneath.
 *
 * Images are `count` tensors of `imageShape` = (H, W, C) in tensor order
 * (row-major, channel fastest): pixel (y, x, c) of image i is
 * `pixels[((i·H + y)·W + x)·C + c]`. One channel is grey, three are RGB,
 * any other depth shows channel 1. 8-bit images use 0…255; float images are
 * mapped from [lo, hi] to black…white. Pixels are drawn as crisp squares;
 * one image can be highlighted (the input being presented).
 *
 * @code
 * auto* preview = new ImageGridView(parent);
 * preview->setImages({28, 28, 1}, pixels, 16, labels);   // 16 MNIST digits
 * preview->setHighlighted(3);
 * @endcode
 */
class ImageGridView : public PlotView
{
    Q_OBJECT

public:
    explicit ImageGridView(QWidget* parent = nullptr);
    ~ImageGridView() override;

    void setImages(const model::Shape& imageShape, std::span<const std::uint8_t> pixels, int count,
                   const QStringList& labels = {});
    void setImages(const model::Shape& imageShape, std::span<const float> pixels, int count,
                   const QStringList& labels = {}, float lo = 0.0f, float hi = 1.0f);
    void clear();
    int imageCount() const { return int(m_images.size()); }

    /// Images per row; 0 chooses the layout with the largest images.
    void setColumns(int columns);
    /// Frames one image (e.g. the one being presented); -1 for none.
    void setHighlighted(int index);
    int highlighted() const { return m_highlighted; }
    /// Text shown when there are no images.
    void setPlaceholderText(const QString& text);

    /// Widget rectangle of one image's pixels (after layout), empty if none.
    QRect imageRect(int index) const;

    QSize sizeHint() const override;

protected:
    void paintEvent(QPaintEvent* event) override;

private:
    struct Layout
    {
        int columns = 1;
        double scale = 1; ///< Screen pixels per image pixel
        QSizeF cell;      ///< Grid cell including the label [px]
        int labelHeight = 0;
    };
    Layout layoutFor(const QSize& area) const;
    QRect imageRect(const Layout& layout, int index) const;

    std::vector<QImage> m_images;
    QStringList m_labels;
    int m_columns = 0;
    int m_highlighted = -1;
    QString m_placeholder;
};

} // namespace scnn::views
