// SPDX-License-Identifier: GPL-3.0-or-later
// SpikingConvNet Workbench — writes a painting to PNG, SVG or PDF, chosen by file extension.
#pragma once

#include <QCoreApplication>
#include <QSize>
#include <QString>

#include <functional>

QT_BEGIN_NAMESPACE
class QPaintDevice;
QT_END_NAMESPACE

namespace scnn::views {

/**
 * @brief Shared export of every view to PNG, SVG and PDF.
 *
 * The caller supplies a function that paints the view onto any paint device
 * at a logical size; PlotExport creates the device the file extension asks
 * for (QImage for .png, QSvgGenerator for .svg, QPdfWriter for .pdf), so all
 * views export the same way whatever library draws them.
 *
 * @code
 * QString error;
 * if (!PlotExport::write(path, size, [&](QPaintDevice* d, PlotExport::Format) { paint(d); }, &error))
 *     QMessageBox::warning(this, tr("Export"), error);
 * @endcode
 */
class PlotExport
{
    Q_DECLARE_TR_FUNCTIONS(scnn::views::PlotExport)

public:
    enum class Format { Unknown, Png, Svg, Pdf };

    /// Paints the view onto `device`, whose logical size is the size passed to write().
    using Painter = std::function<void(QPaintDevice* device, Format format)>;

    /// The format a file name asks for, by its extension (case-insensitive).
    static Format formatForPath(const QString& path);

    /// The filter string for a save dialog ("PNG image (*.png);;…").
    static QString fileDialogFilter();

    /**
     * Writes `path` in the format of its extension. `size` is the logical size
     * [pixels at 96 dpi]; PNGs are rendered at `pngScale` × that size.
     * Returns false and sets `errorMessage` (naming the file) when the
     * extension is unknown, the size is empty or the file cannot be written.
     */
    static bool write(const QString& path, const QSize& size, const Painter& paint,
                      QString* errorMessage = nullptr, double pngScale = 2.0);
};

} // namespace scnn::views
