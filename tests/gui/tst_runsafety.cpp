// SPDX-License-Identifier: GPL-3.0-or-later
// Runs that go wrong, through the real window and training pipeline: a backend that throws
// mid-run, a cancelled phase and a window closed during a run leave the experiment (document
// and saved folder) byte for byte as before, the user sees a message, and the worker ends.
#include "app/workbench/experimentdocument.h"
#include "app/workbench/mainwindow.h"
#include "app/workbench/pipelinephases.h"
#include "app/workbench/runcontroller.h"
#include "hardware/sim/simbackend.h"
#include "idxfixture.h"
#include "model/error.h"
#include "model/experiment.h"
#include "model/fileutil.h"
#include "model/presets.h"
#include "testsupport.h"

#include <QAction>
#include <QApplication>
#include <QElapsedTimer>
#include <QMessageBox>
#include <QPushButton>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

#include <atomic>
#include <filesystem>
#include <map>
#include <new>
#include <stdexcept>
#include <thread>

using namespace scnn;
using app::MainWindow;
using app::PhaseId;
namespace fs = std::filesystem;

namespace {

/// What the backend does on its `at`-th run() call (1-based); before that it simulates.
enum class Fault { None, ModelError, BadAlloc, NotAnException };

/**
 * @brief The embedded simulator, counting its calls: it throws on call `at`
 * (per Fault) and sleeps `delayMs` before every call so a test can act mid-run.
 */
class FaultyBackend : public hardware::Backend
{
public:
    FaultyBackend(Fault fault, int at, int delayMs, std::shared_ptr<std::atomic<int>> calls)
        : m_fault(fault), m_at(at), m_delayMs(delayMs), m_calls(std::move(calls))
    {
    }
    std::string name() const override { return "faulty sim"; }
    hardware::PhaseResult run(const hardware::PhaseDescription& phase, const hardware::RunControl& control) override
    {
        const int n = ++*m_calls;
        if (m_delayMs > 0)
            std::this_thread::sleep_for(std::chrono::milliseconds(m_delayMs));
        if (n == m_at) {
            switch (m_fault) {
            case Fault::ModelError: throw model::Error("simulated failure of the backend in chunk 3", "faulty sim");
            case Fault::BadAlloc: throw std::bad_alloc();
            case Fault::NotAnException: throw 42;
            case Fault::None: break;
            }
        }
        return m_sim.run(phase, control);
    }

private:
    hardware::SimBackend m_sim;
    Fault m_fault;
    int m_at;
    int m_delayMs;
    std::shared_ptr<std::atomic<int>> m_calls;
};

/// Every file of a folder, by relative path.
std::map<std::string, std::string> folderBytes(const std::string& dir)
{
    std::map<std::string, std::string> out;
    for (const auto& f : fs::recursive_directory_iterator(dir))
        if (f.is_regular_file())
            out[fs::relative(f.path(), dir).generic_string()] = model::readTextFile(f.path().string());
    return out;
}

/// Answers every message box that opens (clicking the button with `role`) and keeps its text.
class BoxAnswerer : public QObject
{
public:
    explicit BoxAnswerer(QMessageBox::ButtonRole role) : m_role(role)
    {
        connect(&m_timer, &QTimer::timeout, this, [this] {
            auto* box = qobject_cast<QMessageBox*>(QApplication::activeModalWidget());
            if (!box)
                return;
            texts << box->windowTitle() + QStringLiteral(": ") + box->text();
            for (QAbstractButton* b : box->buttons())
                if (box->buttonRole(b) == m_role) {
                    b->click();
                    return;
                }
            box->reject();
        });
        m_timer.start(20);
    }
    QStringList texts;

private:
    QMessageBox::ButtonRole m_role;
    QTimer m_timer;
};

} // namespace

class TestRunSafety : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_tmp;
    std::string m_data;
    int m_folders = 0;

    /// A saved seed experiment on the synthetic digits, opened in `w` (shown) with a faulty backend.
    std::string openIn(MainWindow& w, Fault fault, int at, int delayMs, std::shared_ptr<std::atomic<int>> calls)
    {
        model::Experiment e = model::makePreset("seed");
        e.dataset.dataDir = m_data;
        e.dataset.trainPerClass = 10;
        e.dataset.testPerClass = 2;
        e.addLog("created for the run-safety test");
        const std::string dir = m_tmp.filePath(QStringLiteral("exp%1").arg(++m_folders)).toStdString();
        model::saveExperiment(e, dir);
        if (!w.openExperiment(QString::fromStdString(dir), false))
            return {};
        w.setPhaseProvider(app::pipelinePhases(1, [=](const model::Experiment&, app::PhaseSink&) {
            return std::make_unique<FaultyBackend>(fault, at, delayMs, calls);
        }));
        w.show();
        return QTest::qWaitForWindowExposed(&w) ? dir : std::string();
    }

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY(m_tmp.isValid());
        m_data = m_tmp.filePath(QStringLiteral("data")).toStdString();
        fs::create_directories(m_data);
        test::writeSet(m_data, "train", std::vector<int>(10, 14), true, 28, 28);
    }

    /// The backend throws in its third chunk of train layer 1: a message, nothing changed.
    void failingBackendLeavesExperimentAsBefore_data()
    {
        QTest::addColumn<int>("fault");
        QTest::addColumn<QString>("message");
        QTest::newRow("model::Error") << int(Fault::ModelError)
                                      << QStringLiteral("simulated failure of the backend in chunk 3");
        QTest::newRow("std::bad_alloc") << int(Fault::BadAlloc) << QStringLiteral("out of memory: the phase needed more memory");
        QTest::newRow("not an exception") << int(Fault::NotAnException) << QStringLiteral("unknown error");
    }

    void failingBackendLeavesExperimentAsBefore()
    {
        QFETCH(int, fault);
        QFETCH(QString, message);
        MainWindow w;
        auto calls = std::make_shared<std::atomic<int>>(0);
        const std::string dir = openIn(w, Fault(fault), 3, 0, calls);
        QVERIFY(!dir.empty());
        const model::Experiment before = w.document()->experiment();
        const auto bytes = folderBytes(dir);
        BoxAnswerer answerer(QMessageBox::AcceptRole);
        QSignalSpy failed(w.runController(), &app::RunController::failed);
        QSignalSpy progress(w.runController(), &app::RunController::progressChanged);
        w.runAction({PhaseId::Kind::RunAll})->trigger();
        QVERIFY(w.runController()->isRunning());
        QTRY_VERIFY_WITH_TIMEOUT(!w.runController()->isRunning(), 60000);
        QCOMPARE(failed.count(), 1);
        QVERIFY(progress.count() >= 1);              // it failed mid-run, after chunks ran
        QCOMPARE(calls->load(), 3);                  // and nothing ran after the failure
        QTRY_VERIFY_WITH_TIMEOUT(!answerer.texts.isEmpty(), 5000);
        QVERIFY2(answerer.texts.first().contains(QStringLiteral("Train layer 1 failed")),
                 qPrintable(answerer.texts.first()));
        QVERIFY2(answerer.texts.first().contains(message), qPrintable(answerer.texts.first()));
        QCOMPARE(answerer.texts.size(), 1);
        QVERIFY(w.document()->experiment() == before);
        QVERIFY(!w.document()->isModified());
        QVERIFY(folderBytes(dir) == bytes);
        // The window still works: Run is enabled again.
        QVERIFY(w.runAction({PhaseId::Kind::RunAll})->isEnabled());
    }

    /// Cancel in the middle of train layer 1: no message, nothing changed, and the next run works.
    void cancelledPhaseLeavesExperimentAsBefore()
    {
        MainWindow w;
        auto calls = std::make_shared<std::atomic<int>>(0);
        const std::string dir = openIn(w, Fault::None, 0, 30, calls);
        QVERIFY(!dir.empty());
        const model::Experiment before = w.document()->experiment();
        const auto bytes = folderBytes(dir);
        BoxAnswerer answerer(QMessageBox::AcceptRole);
        QSignalSpy finished(w.runController(), &app::RunController::phaseFinished);
        w.runAction({PhaseId::Kind::RunAll})->trigger();
        QTRY_VERIFY_WITH_TIMEOUT(calls->load() >= 2, 30000);
        w.cancelAction()->trigger();
        QTRY_VERIFY_WITH_TIMEOUT(!w.runController()->isRunning(), 10000);
        QCOMPARE(finished.count(), 1);
        QCOMPARE(finished.first().at(0).value<app::PhaseResult>().status, app::PhaseResult::Status::Cancelled);
        QVERIFY2(answerer.texts.isEmpty(), qPrintable(answerer.texts.join(QLatin1Char('\n'))));
        QVERIFY(w.document()->experiment() == before);
        QVERIFY(!w.document()->isModified());
        QVERIFY(folderBytes(dir) == bytes);
    }

    /// Before Run: a network too large for the memory asks (Cancel by default), too few examples refuse.
    void limitsAskBeforeRun()
    {
        MainWindow w;
        auto calls = std::make_shared<std::atomic<int>>(0);
        QVERIFY(!openIn(w, Fault::None, 0, 30, calls).empty());
        qputenv("SCNN_MEMORY_LIMIT", "100000");
        {
            BoxAnswerer cancel(QMessageBox::RejectRole);
            w.runAction({PhaseId::Kind::RunAll})->trigger();
            QCOMPARE(cancel.texts.size(), 1);
            QVERIFY2(cancel.texts.first().contains(QStringLiteral("1108 neurons, 5184 static synapses")),
                     qPrintable(cancel.texts.first()));
            QVERIFY2(cancel.texts.first().contains(QStringLiteral("more than the 98 KiB of memory available")),
                     qPrintable(cancel.texts.first()));
            QVERIFY(!w.runController()->isRunning());
        }
        {
            BoxAnswerer runAnyway(QMessageBox::AcceptRole);
            w.runAction({PhaseId::Kind::RunAll})->trigger();
            QCOMPARE(runAnyway.texts.size(), 1);
            QVERIFY(w.runController()->isRunning());
            w.cancelAction()->trigger();
            QTRY_VERIFY_WITH_TIMEOUT(!w.runController()->isRunning(), 10000);
        }
        qunsetenv("SCNN_MEMORY_LIMIT");
        w.document()->setTrainPerClass(20); // the synthetic files hold 14 per class
        BoxAnswerer ok(QMessageBox::AcceptRole);
        const int before = calls->load();
        w.runAction({PhaseId::Kind::RunAll})->trigger();
        QCOMPARE(ok.texts.size(), 1);
        QVERIFY2(ok.texts.first().contains(QStringLiteral("class 0 has 14 examples, 8 short of the 20 training + "
                                                          "2 held-out test examples asked for")),
                 qPrintable(ok.texts.first()));
        QVERIFY(!w.runController()->isRunning());
        QCOMPARE(calls->load(), before);
    }

    /// Closing the window mid-run asks; "Keep Running" keeps it, "Stop and Close" stops the
    /// worker within a bounded time and commits nothing.
    void closingDuringRunStopsCleanly()
    {
        auto calls = std::make_shared<std::atomic<int>>(0);
        auto* w = new MainWindow;
        const std::string dir = openIn(*w, Fault::None, 0, 30, calls);
        QVERIFY(!dir.empty());
        const auto bytes = folderBytes(dir);
        w->runAction({PhaseId::Kind::RunAll})->trigger();
        QTRY_VERIFY_WITH_TIMEOUT(calls->load() >= 2, 30000);
        {
            BoxAnswerer keep(QMessageBox::RejectRole);
            QVERIFY(!w->close());
            QCOMPARE(keep.texts.size(), 1);
            QVERIFY2(keep.texts.first().contains(QStringLiteral("Stop the running phase and close?")),
                     qPrintable(keep.texts.first()));
        }
        QVERIFY(w->isVisible());
        QVERIFY(w->runController()->isRunning());
        const int before = calls->load();
        QTRY_VERIFY_WITH_TIMEOUT(calls->load() > before, 10000); // still running

        BoxAnswerer stop(QMessageBox::AcceptRole);
        QElapsedTimer clock;
        clock.start();
        QVERIFY(w->close());
        QVERIFY(!w->runController()->isRunning());
        delete w; // joins the worker thread
        const qint64 ms = clock.elapsed();
        const int atEnd = calls->load();
        qInfo("closed during a run: the worker ended %lld ms after Stop and Close, after %d backend calls",
              qlonglong(ms), atEnd);
        QVERIFY2(ms < 20000, "the worker did not end after the window closed");
        QTest::qWait(100);
        QCOMPARE(calls->load(), atEnd); // nothing runs any more
        QCOMPARE(stop.texts.size(), 1);
        QVERIFY(folderBytes(dir) == bytes);
        QVERIFY(model::loadExperiment(dir).history.empty());
    }
};

QTEST_MAIN(TestRunSafety)
#include "tst_runsafety.moc"
