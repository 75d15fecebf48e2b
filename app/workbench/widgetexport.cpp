// SPDX-License-Identifier: GPL-3.0-or-later
// SpikingConvNet Workbench — saving a view as PNG, SVG or PDF.
#include "app/workbench/widgetexport.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QPageSize>
#include <QPainter>
#include <QPdfWriter>
#include <QPixmap>
#include <QSvgGenerator>
#include <QWidget>

namespace scnn::app {

namespace {

struct Export
{
    Q_DECLARE_TR_FUNCTIONS(Export)
};

} // namespace

bool exportWidget(QWidget* widget, const QString& path, QString* error)
{
    const QString suffix = QFileInfo(path).suffix().toLower();
    const QSize size = widget->size();
    bool ok = false;
    if (suffix == QLatin1String("svg")) {
        QSvgGenerator svg;
        svg.setFileName(path);
        svg.setSize(size);
        svg.setViewBox(QRect(QPoint(0, 0), size));
        svg.setTitle(QFileInfo(path).completeBaseName());
        QPainter p;
        ok = p.begin(&svg);
        if (ok) {
            widget->render(&p);
            ok = p.end();
        }
    } else if (suffix == QLatin1String("pdf")) {
        QPdfWriter pdf(path);
        pdf.setResolution(96);
        pdf.setPageSize(QPageSize(QSizeF(size), QPageSize::Point));
        pdf.setPageMargins(QMarginsF(0, 0, 0, 0));
        QPainter p;
        ok = p.begin(&pdf);
        if (ok) {
            const double scale = std::min(double(pdf.width()) / size.width(), double(pdf.height()) / size.height());
            p.scale(scale, scale);
            widget->render(&p);
            ok = p.end();
        }
    } else if (suffix == QLatin1String("png")) {
        const qreal ratio = 2.0;
        QPixmap pixmap(size * ratio);
        pixmap.setDevicePixelRatio(ratio);
        widget->render(&pixmap);
        ok = pixmap.save(path, "PNG");
    } else {
        if (error)
            *error = Export::tr("Unknown format “%1”: use .png, .svg or .pdf.").arg(suffix);
        return false;
    }
    if (!ok && error)
        *error = Export::tr("Could not write “%1”.").arg(path);
    return ok;
}

} // namespace scnn::app
