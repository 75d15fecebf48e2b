// SPDX-License-Identifier: GPL-3.0-or-later
// SpikingConvNet Workbench — writes a painting to PNG, SVG or PDF, chosen by file extension.
#include "views/plotexport.h"

#include <QFile>
#include <QFileInfo>
#include <QImage>
#include <QPageLayout>
#include <QPageSize>
#include <QPdfWriter>
#include <QSvgGenerator>

#include <cmath>

namespace scnn::views {

namespace {

constexpr int kScreenDpi = 96;           // logical pixels per inch of the views
constexpr double kPointsPerPixel = 72.0 / kScreenDpi;

bool fail(QString* errorMessage, const QString& message)
{
    if (errorMessage)
        *errorMessage = message;
    return false;
}

} // namespace

PlotExport::Format PlotExport::formatForPath(const QString& path)
{
    const QString suffix = QFileInfo(path).suffix().toLower();
    if (suffix == QLatin1String("png"))
        return Format::Png;
    if (suffix == QLatin1String("svg"))
        return Format::Svg;
    if (suffix == QLatin1String("pdf"))
        return Format::Pdf;
    return Format::Unknown;
}

QString PlotExport::fileDialogFilter()
{
    return tr("PNG image (*.png)") + QLatin1String(";;") + tr("SVG drawing (*.svg)")
        + QLatin1String(";;") + tr("PDF document (*.pdf)");
}

bool PlotExport::write(const QString& path, const QSize& size, const Painter& paint,
                       QString* errorMessage, double pngScale)
{
    const Format format = formatForPath(path);
    if (format == Format::Unknown)
        return fail(errorMessage,
                    tr("Cannot export to “%1”: unknown file type “.%2”; use .png, .svg or .pdf.")
                        .arg(path, QFileInfo(path).suffix()));
    if (size.isEmpty())
        return fail(errorMessage, tr("Cannot export to “%1”: the view has no size (%2×%3 pixels).")
                                      .arg(path).arg(size.width()).arg(size.height()));
    const QFileInfo dir(QFileInfo(path).absolutePath());
    if (!dir.isDir() || !dir.isWritable())
        return fail(errorMessage, tr("Cannot export to “%1”: the folder “%2” does not exist or is not writable.")
                                      .arg(path, dir.absoluteFilePath()));

    if (QFileInfo::exists(path) && !QFile::remove(path))
        return fail(errorMessage, tr("Cannot export to “%1”: the existing file cannot be replaced.").arg(path));

    switch (format) {
    case Format::Png: {
        const double scale = std::isfinite(pngScale) && pngScale > 0 ? pngScale : 1.0;
        QImage image(QSize(int(std::lround(size.width() * scale)), int(std::lround(size.height() * scale))),
                     QImage::Format_ARGB32_Premultiplied);
        if (image.isNull())
            return fail(errorMessage, tr("Cannot export to “%1”: an image of %2×%3 pixels is too large.")
                                          .arg(path).arg(size.width() * scale).arg(size.height() * scale));
        image.setDevicePixelRatio(scale);
        image.fill(Qt::white);
        paint(&image, format);
        if (!image.save(path, "PNG"))
            return fail(errorMessage, tr("Cannot write the PNG file “%1”.").arg(path));
        return true;
    }
    case Format::Svg: {
        {
            QSvgGenerator svg;
            svg.setFileName(path);
            svg.setSize(size);
            svg.setViewBox(QRect(QPoint(0, 0), size));
            svg.setResolution(kScreenDpi);
            svg.setTitle(QFileInfo(path).completeBaseName());
            svg.setDescription(tr("Exported by SpikingConvNet Workbench"));
            paint(&svg, format);
        } // the generator flushes and closes the file here
        // QSvgGenerator reports no errors; an empty or missing file means it failed.
        if (QFileInfo(path).size() <= 0)
            return fail(errorMessage, tr("Cannot write the SVG file “%1”.").arg(path));
        return true;
    }
    case Format::Pdf: {
        {
            QPdfWriter pdf(path);
            pdf.setResolution(kScreenDpi);
            pdf.setPageSize(QPageSize(QSizeF(size) * kPointsPerPixel, QPageSize::Point));
            pdf.setPageMargins(QMarginsF(0, 0, 0, 0), QPageLayout::Point);
            pdf.setCreator(tr("SpikingConvNet Workbench"));
            pdf.setTitle(QFileInfo(path).completeBaseName());
            paint(&pdf, format);
        } // the writer finishes the file here
        if (QFileInfo(path).size() <= 0)
            return fail(errorMessage, tr("Cannot write the PDF file “%1”.").arg(path));
        return true;
    }
    case Format::Unknown:
        break;
    }
    return false;
}

} // namespace scnn::views
