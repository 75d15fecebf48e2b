// SPDX-License-Identifier: GPL-3.0-or-later
// The main window driven through its real widgets on the offscreen platform:
// layer editing updates shapes, an invalid kernel blocks Run with the reason,
// undo/redo, a (fake) phase shows progress and commits, Cancel, presentation key.
#include "app/workbench/datapanel.h"
#include "app/workbench/experimentdocument.h"
#include "app/workbench/layerstackeditor.h"
#include "app/workbench/mainwindow.h"
#include "app/workbench/parametereditor.h"
#include "app/workbench/runcontroller.h"
#include "fakephase.h"
#include "testsupport.h"

#include <QAction>
#include <QCheckBox>
#include <QDoubleSpinBox>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTest>
#include <QToolBar>
#include <QToolButton>

using namespace scnn;
using app::MainWindow;
using app::PhaseId;

namespace {

/// Replaces the text of a spin box the way a user does: select all, type.
void typeInto(QAbstractSpinBox* box, const QString& text)
{
    box->setFocus();
    box->selectAll();
    QTest::keyClicks(box, text);
    QTest::keyClick(box, Qt::Key_Tab);
}

/// The tool button that shows `action` in the window's tool bar.
QWidget* toolButton(MainWindow& w, QAction* action)
{
    for (QToolBar* bar : w.findChildren<QToolBar*>())
        if (QWidget* b = bar->widgetForAction(action))
            return b;
    return nullptr;
}

} // namespace

class TestMainWindow : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true); // keep the user's settings out
    }

    void addingLayerUpdatesShapes()
    {
        MainWindow w;
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        app::LayerStackEditor* editor = w.layerEditor();
        QCOMPARE(editor->rowCount(), 1);
        QVERIFY(editor->outputLabel(0)->text().contains(QStringLiteral("(9, 9, 4)")));

        QTest::mouseClick(editor->addPoolButton(), Qt::LeftButton);
        QCOMPARE(editor->rowCount(), 2);
        QCOMPARE(w.document()->network().layers.size(), std::size_t(2));
        QVERIFY2(editor->outputLabel(1)->text().contains(QStringLiteral("(4, 4, 4)")),
                 qPrintable(editor->outputLabel(1)->text()));

        // Typing a kernel count updates this layer's and the next layer's shapes.
        typeInto(editor->kernelsBox(0), QStringLiteral("12"));
        QCOMPARE(w.document()->network().layers[0].kernels, 12);
        QVERIFY(editor->outputLabel(0)->text().contains(QStringLiteral("(9, 9, 12)")));
        QVERIFY(editor->outputLabel(1)->text().contains(QStringLiteral("(4, 4, 12)")));

        QTest::mouseClick(editor->addConvButton(), Qt::LeftButton);
        QCOMPARE(editor->rowCount(), 3);
        QCOMPARE(w.document()->network().layers[2].kind, model::LayerKind::Conv);
        QCOMPARE(w.document()->network().layers[2].params, model::defaultLayerParams(1));
        QCOMPARE(w.runAction({PhaseId::Kind::TrainLayer, 2})->text(), QStringLiteral("Train layer 3"));
    }

    void invalidKernelDisablesRun()
    {
        MainWindow w;
        w.setPhaseProvider([](const PhaseId&) { return test::fakePhase(2, 1); });
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        QAction* runAll = w.runAction({PhaseId::Kind::RunAll});
        QVERIFY(runAll->isEnabled());
        QVERIFY(w.runBlockedReason().isEmpty());

        QSpinBox* size = w.layerEditor()->sizeBox(0);
        typeInto(size, QStringLiteral("30"));
        QCOMPARE(w.document()->network().layers[0].kh, 30);
        QVERIFY(!runAll->isEnabled());
        QVERIFY(!w.runAction({PhaseId::Kind::TrainLayer, 0})->isEnabled());
        QVERIFY2(w.runBlockedReason().contains(QStringLiteral("larger than its input")), qPrintable(w.runBlockedReason()));
        QVERIFY(w.runProblemLabel()->text().contains(QStringLiteral("30×30")));
        QVERIFY(w.runProblemLabel()->isVisible());
        // Marked at the field, with the reason beside it.
        QVERIFY(size->property("invalid").toBool());
        QVERIFY(size->toolTip().contains(QStringLiteral("larger than its input")));
        QVERIFY(w.layerEditor()->problemLabel(0)->isVisible());
        QVERIFY(!w.layerEditor()->kernelsBox(0)->property("invalid").toBool());

        typeInto(size, QStringLiteral("5"));
        QVERIFY(runAll->isEnabled());
        QVERIFY(w.runBlockedReason().isEmpty());
        QVERIFY(!size->property("invalid").toBool());
        QVERIFY(!w.layerEditor()->problemLabel(0)->isVisible());

        // A problem in a parameter set blocks Run as well.
        app::ParameterEditor* params = w.parameterEditor();
        typeInto(params->trainField(4), QStringLiteral("0")); // v_reset above v_thresh (−5 mV)
        QVERIFY(!runAll->isEnabled());
        QVERIFY(params->problemLabel()->isVisible());
    }

    void undoRedoRestoreModel()
    {
        MainWindow w;
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        const model::Network original = w.document()->network();
        QVERIFY(!w.isWindowModified());

        QTest::mouseClick(w.layerEditor()->addConvButton(), Qt::LeftButton);
        typeInto(w.layerEditor()->strideBox(0), QStringLiteral("2"));
        typeInto(w.parameterEditor()->stdpField(2), QStringLiteral("0.05"));
        QTest::mouseClick(w.dataPanel()->classBox(3), Qt::LeftButton);
        const model::Network edited = w.document()->network();
        QVERIFY(edited != original);
        QVERIFY(w.isWindowModified());
        QCOMPARE(w.document()->data().classes, (std::vector<int>{0, 1, 3, 7, 8}));

        QAction* undo = nullptr;
        QAction* redo = nullptr;
        for (QAction* a : w.findChildren<QAction*>()) {
            if (a->shortcut() == QKeySequence(QKeySequence::Undo))
                undo = a;
            if (a->shortcut() == QKeySequence(QKeySequence::Redo))
                redo = a;
        }
        QVERIFY(undo && redo);
        while (undo->isEnabled())
            undo->trigger();
        QCOMPARE(w.document()->network(), original);
        QCOMPARE(w.document()->data().classes, (std::vector<int>{0, 1, 7, 8}));
        QVERIFY(!w.isWindowModified());
        QCOMPARE(w.layerEditor()->rowCount(), 1);
        QCOMPARE(w.layerEditor()->strideBox(0)->value(), 3);
        QVERIFY(!w.dataPanel()->classBox(3)->isChecked());

        while (redo->isEnabled())
            redo->trigger();
        QCOMPARE(w.document()->network(), edited);
        QCOMPARE(w.layerEditor()->rowCount(), 2);
        QCOMPARE(w.layerEditor()->strideBox(0)->value(), 2);
        QVERIFY(w.dataPanel()->classBox(3)->isChecked());
    }

    void phaseRunsWithProgress()
    {
        MainWindow w;
        w.setPhaseProvider([](const PhaseId&) { return test::fakePhase(40, 10); });
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        QSignalSpy finished(w.runController(), &app::RunController::phaseFinished);
        QWidget* run = toolButton(w, w.runAction({PhaseId::Kind::TrainLayer, 0}));
        QAction* train = w.runAction({PhaseId::Kind::TrainLayer, 0});
        QVERIFY(train->isEnabled());
        if (run)
            QTest::mouseClick(run, Qt::LeftButton);
        else
            train->trigger();
        QVERIFY(w.runController()->isRunning());
        QVERIFY(!train->isEnabled());
        QVERIFY(w.cancelAction()->isEnabled());
        QVERIFY(!w.layerEditor()->isEnabled()); // the phase commits into what it started from
        QList<int> values;
        QTRY_VERIFY_WITH_TIMEOUT(w.progressBar()->value() > 0 || !finished.isEmpty(), 5000);
        values << w.progressBar()->value();
        QTRY_VERIFY_WITH_TIMEOUT(!finished.isEmpty(), 10000);
        values << w.progressBar()->value();
        QVERIFY2(values.last() > values.first(), qPrintable(QStringLiteral("%1 → %2").arg(values.first()).arg(values.last())));
        QCOMPARE(values.last(), w.progressBar()->maximum());
        QVERIFY(w.rateLabel()->text().contains(QStringLiteral("/s")));
        QCOMPARE(w.document()->network().layers[0].kernels, 5); // committed
        QVERIFY(w.isWindowModified());
        QVERIFY(train->isEnabled());
        QVERIFY(!w.cancelAction()->isEnabled());
        QVERIFY(w.layerEditor()->isEnabled());
    }

    void newExperimentAbandonsRun()
    {
        MainWindow w;
        w.setPhaseProvider([](const PhaseId&) { return test::fakePhase(200, 10); });
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        w.runAction({PhaseId::Kind::TrainLayer, 0})->trigger();
        QVERIFY(w.runController()->isRunning());
        w.newFromPreset(QStringLiteral("mnist"));
        QVERIFY(!w.runController()->isRunning());
        const model::Network fresh = w.document()->network();
        QCOMPARE(fresh.layers.size(), std::size_t(3));
        QTest::qWait(300); // the abandoned phase ends; its result must not land here
        QCOMPARE(w.document()->network(), fresh);
        QVERIFY(!w.isWindowModified());
    }

    void cancelStopsAndKeepsExperiment()
    {
        MainWindow w;
        w.setPhaseProvider([](const PhaseId&) { return test::fakePhase(2000, 10); });
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        QSignalSpy progress(w.runController(), &app::RunController::progressChanged);
        QSignalSpy finished(w.runController(), &app::RunController::phaseFinished);
        w.runAction({PhaseId::Kind::RunAll})->trigger();
        QVERIFY(progress.wait(5000));
        QPushButton* cancel = nullptr;
        for (QPushButton* b : w.findChildren<QPushButton*>())
            if (b->text() == QStringLiteral("Cancel"))
                cancel = b;
        QVERIFY(cancel && cancel->isEnabled());
        QTest::mouseClick(cancel, Qt::LeftButton);
        QVERIFY(finished.wait(2000));
        QVERIFY(!w.runController()->isRunning());
        QCOMPARE(w.document()->network(), model::seedNetwork());
        QVERIFY(!w.isWindowModified());
        QVERIFY(w.runAction({PhaseId::Kind::RunAll})->isEnabled());
    }

    void presentationKeyStartsAndStops()
    {
        MainWindow w;
        w.setPhaseProvider([](const PhaseId&) { return test::fakePhase(2000, 10); });
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        QTest::keyClick(&w, Qt::Key_F11);
        QVERIFY(w.isPresenting());
        QTest::keyClick(&w, Qt::Key_Space);
        QVERIFY(w.runController()->isRunning());
        QTest::keyClick(&w, Qt::Key_Space);
        QTRY_VERIFY_WITH_TIMEOUT(!w.runController()->isRunning(), 2000);
        QTest::keyClick(&w, Qt::Key_F11);
        QVERIFY(!w.isPresenting());
    }
};

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
