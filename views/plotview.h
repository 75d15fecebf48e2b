// SPDX-License-Identifier: GPL-3.0-or-later
// SpikingConvNet Workbench — base of every plot widget: export menu, export to file, font following.
#pragma once

#include "views/plotexport.h"

#include <QImage>
#include <QWidget>

QT_BEGIN_NAMESPACE
class QMenu;
QT_END_NAMESPACE

namespace scnn::views {

/**
 * @brief Base of all plot widgets in `views/`.
 *
 * Offers "Export…" in the context menu and exportTo() for scripts and
 * screenshots; the format follows the file extension (.png, .svg, .pdf).
 * Subclasses paint their content for export in paintExport() (default: the
 * widget as it is on screen) and add their own context actions in
 * fillContextMenu(). When the widget font changes (for example because a
 * presentation mode enlarges the window font), applyFont() is called so axis
 * and tick labels follow it.
 */
class PlotView : public QWidget
{
    Q_OBJECT

public:
    explicit PlotView(QWidget* parent = nullptr);
    ~PlotView() override;

    /**
     * Writes the view to `path` (.png, .svg or .pdf) at the widget's current
     * size. Returns false and sets `errorMessage` when it cannot.
     */
    bool exportTo(const QString& path, QString* errorMessage = nullptr);

    /// The view rendered to an image at `scale` × its logical size (for screenshots).
    QImage toImage(double scale = 1.0);

public Q_SLOTS:
    /// Asks for a file name and exports; problems are shown in a message box.
    void exportWithDialog();
    /// Opens the view's context menu (its own actions and "Export…") at a global position.
    void showContextMenu(const QPoint& globalPos);

Q_SIGNALS:
    /// A file was written by exportTo() or exportWithDialog().
    void exported(const QString& path);

protected:
    /// Paints the view onto `device` at the widget's logical size.
    virtual void paintExport(QPaintDevice* device, PlotExport::Format format);
    /// Brings pending data onto the screen before an export or grab (e.g. a queued replot).
    virtual void flushPending() {}
    /// Adds view-specific actions above "Export…".
    virtual void fillContextMenu(QMenu& menu);
    /// Applies the widget font to the drawing (axes, tick labels, legends).
    virtual void applyFont() {}
    /// Sets the view's own texts (axis titles, legends) again after a language change.
    virtual void retranslate() {}

    void contextMenuEvent(QContextMenuEvent* event) override;
    void changeEvent(QEvent* event) override;

private:
    QString m_lastExportFolder;
};

} // namespace scnn::views
