// SPDX-License-Identifier: GPL-3.0-or-later
// SpikingConvNet Workbench — base of every plot widget: export menu, export to file, font following.
#include "views/plotview.h"

#include <QContextMenuEvent>
#include <QDir>
#include <QEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QMenu>
#include <QMessageBox>
#include <QPainter>

namespace scnn::views {

PlotView::PlotView(QWidget* parent)
    : QWidget(parent)
{
}

PlotView::~PlotView() = default;

bool PlotView::exportTo(const QString& path, QString* errorMessage)
{
    flushPending();
    const bool ok = PlotExport::write(
        path, size(), [this](QPaintDevice* device, PlotExport::Format format) { paintExport(device, format); },
        errorMessage);
    if (ok)
        Q_EMIT exported(path);
    return ok;
}

QImage PlotView::toImage(double scale)
{
    flushPending();
    QImage image(size() * scale, QImage::Format_ARGB32_Premultiplied);
    if (image.isNull())
        return image;
    image.setDevicePixelRatio(scale);
    image.fill(Qt::white);
    paintExport(&image, PlotExport::Format::Png);
    return image;
}

void PlotView::exportWithDialog()
{
    const QString folder = m_lastExportFolder.isEmpty() ? QDir::homePath() : m_lastExportFolder;
    QString name = objectName().isEmpty() ? tr("plot") : objectName();
    const QString path = QFileDialog::getSaveFileName(this, tr("Export view"),
                                                      QDir(folder).filePath(name + QLatin1String(".png")),
                                                      PlotExport::fileDialogFilter());
    if (path.isEmpty())
        return;
    m_lastExportFolder = QFileInfo(path).absolutePath();
    QString error;
    if (!exportTo(path, &error))
        QMessageBox::warning(this, tr("Export view"), error);
}

void PlotView::paintExport(QPaintDevice* device, PlotExport::Format)
{
    QPainter painter(device);
    render(&painter, QPoint(), QRegion(), QWidget::DrawWindowBackground | QWidget::DrawChildren);
}

void PlotView::fillContextMenu(QMenu&)
{
}

void PlotView::showContextMenu(const QPoint& globalPos)
{
    QMenu menu(this);
    fillContextMenu(menu);
    if (!menu.isEmpty())
        menu.addSeparator();
    menu.addAction(tr("Export…"), this, &PlotView::exportWithDialog);
    menu.exec(globalPos);
}

void PlotView::contextMenuEvent(QContextMenuEvent* event)
{
    showContextMenu(event->globalPos());
    event->accept();
}

void PlotView::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::FontChange)
        applyFont();
    else if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

} // namespace scnn::views
