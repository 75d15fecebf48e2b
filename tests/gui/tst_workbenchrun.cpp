// SPDX-License-Identifier: GPL-3.0-or-later
// The window with the real training pipeline: the classroom preset trains on a
// few MNIST examples while the kernel heatmaps and the progress change, the
// event loop stays responsive, and the saved experiment reopens with its
// kernels shown. Needs the shared MNIST copy (skips without it).
#include "app/workbench/experimentdocument.h"
#include "app/workbench/layerstackeditor.h"
#include "app/workbench/liveviews.h"
#include "app/workbench/mainwindow.h"
#include "app/workbench/runcontroller.h"
#include "model/experiment.h"
#include "testsupport.h"
#include "views/activityview.h"
#include "views/imagegridview.h"
#include "views/kernelgridview.h"
#include "views/membranetraceview.h"
#include "views/spikerasterview.h"

#include <QAction>
#include <QElapsedTimer>
#include <QProgressBar>
#include <QSignalSpy>
#include <QStackedWidget>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

#include <algorithm>
#include <ctime>

using namespace scnn;
using app::MainWindow;
using app::PhaseId;

namespace {

/// CPU time the calling thread has used [s] (Linux; 0 elsewhere).
double threadCpuSeconds()
{
    timespec ts{};
    if (clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts) != 0)
        return 0.0;
    return double(ts.tv_sec) + double(ts.tv_nsec) * 1e-9;
}

/// Whether the view tab `name` shows its view rather than the hint.
bool viewShown(MainWindow& w, const char* name)
{
    auto* stack = w.findChild<QStackedWidget*>(QLatin1String(name));
    return stack && stack->currentIndex() == 1;
}

bool kernelViewShown(MainWindow& w)
{
    auto* stack = qobject_cast<QStackedWidget*>(w.kernelView()->parentWidget());
    return stack && stack->currentWidget() == w.kernelView();
}

} // namespace

class TestWorkbenchRun : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        if (!test::sharedExists("data/mnist"))
            QSKIP("the shared MNIST copy (data/mnist) is not there");
    }

    void classroomTrainsLiveAndReopens()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString folder = dir.filePath(QStringLiteral("classroom"));
        {
            MainWindow w;
            w.newFromPreset(QStringLiteral("classroom"));
            app::ExperimentDocument* doc = w.document();
            doc->setDataFolder(QString::fromStdString(test::sharedDir("data/mnist")));
            doc->setTrainPerClass(200); // long enough for several live redraws (~10 on an idle machine)
            doc->setTestPerClass(5);
            w.show();
            QVERIFY(QTest::qWaitForWindowExposed(&w));
            QVERIFY2(w.runBlockedReason().isEmpty(), qPrintable(w.runBlockedReason()));
            QVERIFY(!kernelViewShown(w));

            QSignalSpy snapshots(w.runController(), &app::RunController::snapshotArrived);
            QSignalSpy progress(w.runController(), &app::RunController::progressChanged);
            QSignalSpy finished(w.runController(), &app::RunController::phaseFinished);
            QSignalSpy failed(w.runController(), &app::RunController::failed);

            // Timer delays on the GUI thread while the phase runs.
            std::vector<double> delays;
            QElapsedTimer clock;
            clock.start();
            qint64 due = clock.nsecsElapsed() + 5'000'000;
            QTimer timer;
            timer.setSingleShot(true);
            timer.setTimerType(Qt::PreciseTimer);
            connect(&timer, &QTimer::timeout, this, [&] {
                delays.push_back(double(clock.nsecsElapsed() - due) * 1e-6);
                if (w.runController()->isRunning()) {
                    due = clock.nsecsElapsed() + 5'000'000;
                    timer.start(5);
                }
            });

            // What the raster, traces, activity and inputs hold when a snapshot
            // arrives while the phase is still running (the window's slot runs first).
            auto* raster = w.findChild<views::SpikeRasterView*>();
            auto* traces = w.findChild<views::MembraneTraceView*>();
            auto* activity = w.findChild<views::ActivityView*>();
            auto* inputsStack = w.findChild<QStackedWidget*>(QStringLiteral("inputs"));
            auto* inputs = inputsStack ? qobject_cast<views::ImageGridView*>(inputsStack->widget(1)) : nullptr;
            QVERIFY(raster && traces && activity && inputs);
            std::vector<std::size_t> liveSpikes;
            int liveTraces = 0;
            double liveActivity = 0.0;
            bool liveShown = false;
            bool presented = false;
            bool training = false;
            connect(w.runController(), &app::RunController::phaseStarted, this,
                    [&](const PhaseId& id) { training = id.kind == PhaseId::Kind::TrainLayer; });
            connect(w.runController(), &app::RunController::snapshotArrived, this, [&] {
                if (!w.runController()->isRunning())
                    return;
                if (training && raster->spikeCount(views::SpikeRasterView::Group::Pre) > 0)
                    liveSpikes.push_back(raster->spikeCount(views::SpikeRasterView::Group::Pre)
                                         + raster->spikeCount(views::SpikeRasterView::Group::Post));
                liveTraces = std::max(liveTraces, traces->traceCount());
                liveActivity = std::max(liveActivity, activity->maximum());
                liveShown = liveShown || (viewShown(w, "raster") && viewShown(w, "membrane") && viewShown(w, "activity"));
                presented = presented || (viewShown(w, "inputs") && inputs->highlighted() >= 0);
            });

            const double guiCpuBefore = threadCpuSeconds();
            QElapsedTimer wall;
            wall.start();
            w.runAction({PhaseId::Kind::RunAll})->trigger();
            timer.start(5);
            QVERIFY(w.runController()->isRunning());
            // The heatmaps appear and the progress moves while the layer trains.
            QTRY_VERIFY_WITH_TIMEOUT(snapshots.count() >= 2 || !failed.isEmpty(), 60000);
            QVERIFY(failed.isEmpty());
            QVERIFY(kernelViewShown(w));
            QVERIFY(progress.count() >= 2);
            QTRY_VERIFY_WITH_TIMEOUT(!w.runController()->isRunning(), 120000);
            QVERIFY2(failed.isEmpty(), failed.isEmpty() ? "" : qPrintable(failed.first().at(1).toString()));
            QCOMPARE(finished.count(), 3); // layer 1, svm, test
            // The live views filled while the phases ran, and the raster grew.
            QVERIFY(liveSpikes.size() >= 2);
            QVERIFY(std::is_sorted(liveSpikes.begin(), liveSpikes.end()));
            QVERIFY(liveSpikes.back() > liveSpikes.front());
            QVERIFY(liveSpikes.back() <= 2 * app::LiveViews::rasterCapacity);
            QVERIFY(liveTraces > 0);
            QVERIFY(liveActivity > 0.0);
            QVERIFY(liveShown);
            QVERIFY(presented);
            qInfo("run all: %.2f s wall, GUI thread busy %.2f s, %lld snapshots, %lld progress reports",
                  double(wall.elapsed()) / 1000.0, threadCpuSeconds() - guiCpuBefore, qlonglong(snapshots.count()),
                  qlonglong(progress.count()));

            const model::Experiment& e = doc->experiment();
            QVERIFY(e.weights(0) != nullptr);
            QCOMPARE(e.history.size(), std::size_t(3));
            QVERIFY(e.history.back().accuracy.has_value());
            QVERIFY(w.isWindowModified());
            QVERIFY(kernelViewShown(w));

            // Reported, not asserted: on a shared machine the scheduler decides
            // (tst_runcontroller holds the p99 < 50 ms bound with a fake phase).
            if (!delays.empty()) {
                std::sort(delays.begin(), delays.end());
                const double p99 = delays[std::min(delays.size() - 1, std::size_t(double(delays.size()) * 0.99))];
                qInfo("timer delays during real phases: %zu events, median %.2f ms, p99 %.2f ms, max %.2f ms",
                      delays.size(), delays[delays.size() / 2], p99, delays.back());
            }

            model::saveExperiment(e, folder.toStdString());
            doc->setFilePath(folder);
            doc->markSaved();
            QVERIFY(!w.isWindowModified());
        }

        // Reopening shows the learned kernels without running anything.
        MainWindow again;
        QVERIFY(again.openExperiment(folder, false));
        again.show();
        QVERIFY(QTest::qWaitForWindowExposed(&again));
        QVERIFY(kernelViewShown(again));
        for (const char* view : {"change", "raster", "membrane", "activity", "accuracy", "confusion"})
            QVERIFY2(viewShown(again, view), view);
        QCOMPARE(again.document()->experiment().history.size(), std::size_t(3));
        QVERIFY(!again.isWindowModified());
        QVERIFY(again.windowTitle().startsWith(QStringLiteral("classroom")));
    }
};

QTEST_MAIN(TestWorkbenchRun)
#include "tst_workbenchrun.moc"
