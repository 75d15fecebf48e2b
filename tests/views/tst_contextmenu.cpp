// SPDX-License-Identifier: GPL-3.0-or-later
// SpikingConvNet Workbench — a right click anywhere on a plot view opens its menu with "Export…".
#include "viewtestsupport.h"

#include "views/accuracychartview.h"
#include "views/confusionmatrixview.h"
#include "views/imagegridview.h"
#include "views/kernelgridview.h"
#include "views/spikerasterview.h"

#include <QContextMenuEvent>
#include <QMenu>
#include <QTimer>

#include <memory>

using namespace scnn::views;

namespace {

/// Right-clicks the deepest child under the centre of `view` and returns the menu's action texts.
QStringList menuTexts(QWidget* view)
{
    const QPoint centre = view->rect().center();
    QWidget* target = view->childAt(centre);
    if (!target)
        target = view;
    const QPoint local = target->mapFrom(view, centre);
    QStringList texts;
    QTimer::singleShot(0, [&texts] {
        if (auto* menu = qobject_cast<QMenu*>(QApplication::activePopupWidget())) {
            for (QAction* action : menu->actions())
                if (!action->isSeparator())
                    texts << action->text();
            menu->close();
        }
    });
    QContextMenuEvent event(QContextMenuEvent::Mouse, local, target->mapToGlobal(local));
    QApplication::sendEvent(target, &event);
    return texts;
}

} // namespace

class TestContextMenu : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void everyViewOffersExport_data()
    {
        QTest::addColumn<QString>("kind");
        QTest::addColumn<QString>("extra");
        QTest::newRow("kernels") << QStringLiteral("kernels") << QStringLiteral("Show weight change (after − before)");
        QTest::newRow("raster") << QStringLiteral("raster") << QStringLiteral("Reset view");
        QTest::newRow("confusion") << QStringLiteral("confusion") << QString();
        QTest::newRow("accuracy") << QStringLiteral("accuracy") << QStringLiteral("Dates on the x axis");
        QTest::newRow("images") << QStringLiteral("images") << QString();
    }
    void everyViewOffersExport()
    {
        QFETCH(QString, kind);
        QFETCH(QString, extra);
        std::unique_ptr<PlotView> view;
        if (kind == QLatin1String("kernels"))
            view = std::make_unique<KernelGridView>();
        else if (kind == QLatin1String("raster"))
            view = std::make_unique<SpikeRasterView>();
        else if (kind == QLatin1String("confusion"))
            view = std::make_unique<ConfusionMatrixView>();
        else if (kind == QLatin1String("accuracy"))
            view = std::make_unique<AccuracyChartView>();
        else
            view = std::make_unique<ImageGridView>();
        scnn::test::showAndSettle(view.get(), QSize(400, 300));
        const QStringList texts = menuTexts(view.get());
        QVERIFY2(texts.contains(QStringLiteral("Export…")), qPrintable(texts.join(QLatin1Char('|'))));
        if (!extra.isEmpty())
            QVERIFY2(texts.contains(extra), qPrintable(texts.join(QLatin1Char('|'))));
    }
};

QTEST_MAIN(TestContextMenu)
#include "tst_contextmenu.moc"
