// SPDX-License-Identifier: GPL-3.0-or-later
// Choosing a language in View ▸ Language retranslates the open window at
// once: menus, dock titles, view tabs, the run panel and the editors, and
// back again; the document and its undo history stay as they were.
#include "app/workbench/experimentdocument.h"
#include "app/workbench/layerstackeditor.h"
#include "app/workbench/mainwindow.h"
#include "app/workbench/parametereditor.h"
#include "app/workbench/startup.h"
#include "views/spikerasterview.h"

#include <QAction>
#include <QCoreApplication>
#include <QDockWidget>
#include <QFile>
#include <QMenuBar>
#include <QPushButton>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QUndoStack>

using namespace scnn;
using app::MainWindow;

namespace {

QAction* languageAction(MainWindow& w, const QString& code)
{
    for (QAction* a : w.findChildren<QAction*>())
        if (a->isCheckable() && a->data().toString() == code && a->actionGroup())
            return a;
    return nullptr;
}

QString dockTitle(MainWindow& w, const char* name)
{
    auto* d = w.findChild<QDockWidget*>(QLatin1String(name));
    return d ? d->windowTitle() : QString();
}

QString restoreButtonText(MainWindow& w)
{
    auto* b = w.parameterEditor()->findChild<QPushButton*>();
    return b ? b->text() : QString();
}

} // namespace

class TestLanguage : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }
    void cleanupTestCase() { app::switchLanguage(QStringLiteral("en")); }

    void switchesTheLiveWindow()
    {
        app::switchLanguage(QStringLiteral("en"));
        MainWindow w;
        w.newFromPreset(QStringLiteral("classroom"));
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        w.document()->setTrainPerClass(7); // an edit that must survive
        auto* tabs = w.findChild<QTabWidget*>(QStringLiteral("views"));
        QVERIFY(tabs);
        QCOMPARE(w.menuBar()->actions().first()->text(), QStringLiteral("&File"));
        QCOMPARE(tabs->tabText(0), QStringLiteral("Kernels"));
        QCOMPARE(dockTitle(w, "layersDock"), QStringLiteral("Layers"));
        QCOMPARE(restoreButtonText(w), QStringLiteral("Restore defaults"));

        QAction* german = languageAction(w, QStringLiteral("de"));
        QVERIFY(german);
        german->trigger();
        QCoreApplication::processEvents(); // the translator posts LanguageChange to the windows
        if (w.menuBar()->actions().first()->text() == QStringLiteral("&File"))
            QSKIP("the German translation is not built in");
        QCOMPARE(w.menuBar()->actions().first()->text(), QStringLiteral("&Datei"));
        QCOMPARE(tabs->tabText(0), QStringLiteral("Kerne"));
        QCOMPARE(dockTitle(w, "layersDock"), QStringLiteral("Schichten"));
        QCOMPARE(restoreButtonText(w), QStringLiteral("Standardwerte wiederherstellen"));
        QVERIFY(w.runAction({app::PhaseId::Kind::RunAll})->text() != QStringLiteral("Run &All"));
        // The plots retranslate their own texts: the raster's axis title, as exported.
        QTemporaryDir dir;
        const QString svg = dir.filePath(QStringLiteral("raster.svg"));
        auto* raster = w.findChild<views::SpikeRasterView*>();
        QVERIFY(raster && raster->exportTo(svg));
        QFile file(svg);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray drawn = file.readAll();
        QVERIFY2(drawn.contains("Zeit (ms)") && !drawn.contains("time (ms)"), "raster axis title not German");
        // The editors are live: they edit the same document with its history.
        QCOMPARE(w.document()->data().trainPerClass, 7);
        QVERIFY(w.document()->undoStack()->canUndo());
        QTest::mouseClick(w.layerEditor()->addConvButton(), Qt::LeftButton);
        QCOMPARE(w.document()->network().layers.size(), std::size_t(2));
        w.document()->undoStack()->undo();
        QCOMPARE(w.document()->network().layers.size(), std::size_t(1));

        QAction* french = languageAction(w, QStringLiteral("fr"));
        QVERIFY(french);
        french->trigger();
        QCoreApplication::processEvents();
        QCOMPARE(w.menuBar()->actions().first()->text(), QStringLiteral("&Fichier"));

        QAction* english = languageAction(w, QStringLiteral("en"));
        QVERIFY(english);
        english->trigger();
        QCoreApplication::processEvents();
        QCOMPARE(w.menuBar()->actions().first()->text(), QStringLiteral("&File"));
        QCOMPARE(tabs->tabText(0), QStringLiteral("Kernels"));
        QCOMPARE(dockTitle(w, "layersDock"), QStringLiteral("Layers"));
        QCOMPARE(restoreButtonText(w), QStringLiteral("Restore defaults"));
    }
};

QTEST_MAIN(TestLanguage)
#include "tst_language.moc"
