// SPDX-License-Identifier: GPL-3.0-or-later
// The run controller and its worker thread: progress, commit on success,
// cancel, failures and stale runs (the event-loop latency is tst_eventlatency).
#include "app/workbench/experimentdocument.h"
#include "app/workbench/runcontroller.h"
#include "fakephase.h"
#include "testsupport.h"

#include <QElapsedTimer>
#include <QSignalSpy>
#include <QTest>

#include <algorithm>

using namespace scnn;
using app::PhaseId;
using app::PhaseResult;
using app::RunController;

class TestRunController : public QObject
{
    Q_OBJECT

private slots:
    void phaseRunsAndCommits()
    {
        app::ExperimentDocument doc;
        RunController run(&doc);
        run.setPhaseProvider([](const PhaseId&) { return test::fakePhase(12, 10); });
        QSignalSpy progress(&run, &RunController::progressChanged);
        QSignalSpy finished(&run, &RunController::phaseFinished);
        QVERIFY(run.start({PhaseId::Kind::TrainLayer, 0}));
        QVERIFY(run.isRunning());
        QVERIFY(!run.start({PhaseId::Kind::Test, 0})); // one run at a time
        QVERIFY(finished.wait(5000));
        QVERIFY(!run.isRunning());
        const auto result = finished.at(0).at(0).value<PhaseResult>();
        QCOMPARE(result.status, PhaseResult::Status::Succeeded);
        QVERIFY(progress.count() >= 2);
        // progress increased and ended at the total
        qint64 last = -1;
        for (const auto& args : progress) {
            QVERIFY(args.at(0).toLongLong() >= last);
            last = args.at(0).toLongLong();
        }
        QCOMPARE(last, qint64(12));
        QCOMPARE(doc.network().layers[0].kernels, 5);
        QVERIFY(doc.isModified());
    }

    void progressIsThrottled()
    {
        app::ExperimentDocument doc;
        RunController run(&doc);
        // 200 chunks of ~1 ms: about 0.2 s, so at most ~8 reports at 30 Hz (+ the last).
        run.setPhaseProvider([](const PhaseId&) { return test::fakePhase(200, 1); });
        QSignalSpy progress(&run, &RunController::progressChanged);
        QSignalSpy finished(&run, &RunController::phaseFinished);
        QElapsedTimer clock;
        clock.start();
        run.start({PhaseId::Kind::TrainLayer, 0});
        QVERIFY(finished.wait(5000));
        const double seconds = double(clock.elapsed()) / 1000.0;
        QVERIFY2(progress.count() <= int(seconds * 31.0) + 2,
                 qPrintable(QStringLiteral("%1 reports in %2 s").arg(progress.count()).arg(seconds)));
    }

    void cancelLeavesDocumentUnchanged()
    {
        app::ExperimentDocument doc;
        RunController run(&doc);
        run.setPhaseProvider([](const PhaseId&) { return test::fakePhase(1000, 10); });
        QSignalSpy progress(&run, &RunController::progressChanged);
        QSignalSpy finished(&run, &RunController::phaseFinished);
        run.start({PhaseId::Kind::RunAll});
        QVERIFY(progress.wait(5000));
        QElapsedTimer clock;
        clock.start();
        run.cancel();
        QVERIFY(finished.wait(5000));
        QVERIFY2(clock.elapsed() < 1000, "cancel took longer than a second");
        QCOMPARE(finished.last().at(0).value<PhaseResult>().status, PhaseResult::Status::Cancelled);
        QCOMPARE(finished.count(), 1); // the rest of Run all did not start
        QVERIFY(!run.isRunning());
        QCOMPARE(doc.network(), model::seedNetwork());
        QVERIFY(!doc.isModified());
    }

    void runAllRunsEveryStep()
    {
        app::ExperimentDocument doc;
        doc.addLayer(model::LayerKind::Pool);
        doc.addLayer(model::LayerKind::Conv);
        RunController run(&doc);
        QList<PhaseId> seen;
        run.setPhaseProvider([&seen](const PhaseId& id) {
            seen.append(id);
            return test::fakePhase(2, 1);
        });
        QSignalSpy running(&run, &RunController::runningChanged);
        run.start({PhaseId::Kind::RunAll});
        QTRY_VERIFY_WITH_TIMEOUT(!run.isRunning(), 5000);
        QCOMPARE(seen.size(), 4);
        QCOMPARE(seen[0], (PhaseId{PhaseId::Kind::TrainLayer, 0}));
        QCOMPARE(seen[1], (PhaseId{PhaseId::Kind::TrainLayer, 2}));
        QCOMPARE(seen[2].kind, PhaseId::Kind::TrainSvm);
        QCOMPARE(seen[3].kind, PhaseId::Kind::Test);
        QCOMPARE(running.count(), 2);
        QCOMPARE(doc.network().layers[0].kernels, 4 + 4); // each step committed
    }

    void exceptionBecomesFailure()
    {
        app::ExperimentDocument doc;
        RunController run(&doc);
        run.setPhaseProvider([](const PhaseId&) -> app::PhaseFunction {
            return [](const model::Experiment&, app::PhaseSink&, const std::atomic<bool>&) -> app::PhaseOutcome {
                throw model::Error("kernel 9x9 is larger than its input 5x5", "layer 2 (conv)");
            };
        });
        QSignalSpy failed(&run, &RunController::failed);
        run.start({PhaseId::Kind::TrainLayer, 0});
        QVERIFY(failed.wait(5000));
        QVERIFY(failed.at(0).at(1).toString().contains(QStringLiteral("larger than its input")));
        QCOMPARE(doc.network(), model::seedNetwork());
        QVERIFY(!run.isRunning());
    }

};

QTEST_MAIN(TestRunController)
#include "tst_runcontroller.moc"
