// SPDX-License-Identifier: GPL-3.0-or-later
// A run on the SpiNNaker backend in the window: the receiver the window starts takes the loopback
// toolchain's handshake and spike stream and the raster shows those spikes; the board-time confirmation.
#include "app/workbench/experimentdocument.h"
#include "app/workbench/livespikelink.h"
#include "app/workbench/mainwindow.h"
#include "app/workbench/runcontroller.h"
#include "app/workbench/spinnakerpanel.h"
#include "spinnaker/loopbackpeer.h"
#include "model/error.h"
#include "views/spikerasterview.h"

#include <QApplication>
#include <QComboBox>
#include <QElapsedTimer>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QSettings>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

#include <thread>

using namespace scnn;
using app::MainWindow;
using app::PhaseId;
using namespace std::chrono_literals;

namespace {

const std::vector<test::TestPopulation> kPops = {
    {"input", 16, 0x10000, true},
    {"kernels", 4, 0x20000, true},
};

/// A phase that behaves like a generated sPyNNaker script talking to the
/// workbench: database notification, wait for ready, start, `packets` LPG
/// packets of every neuron of both populations (one per time step), stop.
app::PhaseFunction toolchainPhase(std::string db, std::uint16_t notifyPort, std::uint16_t spikePort, int packets)
{
    return [=](const model::Experiment& snapshot, app::PhaseSink&, const std::atomic<bool>&) {
        test::ToolchainPeer toolchain(notifyPort);
        toolchain.announceDatabase(db);
        if (!toolchain.waitForReady(5s))
            throw model::Error("the workbench did not answer the database notification");
        toolchain.start();
        test::UdpPeer lpg;
        for (int step = 0; step < packets; ++step) {
            std::vector<std::uint32_t> keys;
            for (const auto& p : kPops)
                for (int a = 0; a < p.size; ++a)
                    keys.push_back(test::testKey(p, a, test::DbSchema::View6));
            lpg.sendTo(test::lpgPacket(std::uint32_t(step), keys), test::loopback(spikePort));
            std::this_thread::sleep_for(2ms); // a board's pace, not a flood
        }
        std::this_thread::sleep_for(100ms);
        toolchain.stop();
        app::PhaseOutcome out;
        out.experiment = snapshot;
        return out;
    };
}

} // namespace

class TestBoardRun : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    std::string m_db;

    void prepare(MainWindow& w)
    {
        w.setLivePorts(0, 0); // any free ports
        w.spinnakerPanel()->machineBox()->setCurrentIndex(0);
        w.spinnakerPanel()->hostEdit()->setText(QStringLiteral("127.0.0.1"));
        w.spinnakerPanel()->pythonEdit()->setText(QStringLiteral("sh"));
        w.document()->setBackend(QStringLiteral("pynn:spinnaker"));
        QVERIFY(w.spinnakerPanel()->problem().isEmpty());
    }

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QSettings().remove(QStringLiteral("spinnaker"));
        QVERIFY(m_dir.isValid());
        m_db = (m_dir.path() + QStringLiteral("/input_output_database.sqlite3")).toStdString();
        test::writeTestDatabase(m_db, kPops, test::DbSchema::View6, 1000, 1);
    }

    void liveSpikesReachTheRaster()
    {
        MainWindow w;
        prepare(w);
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        const int packets = 200;
        w.setPhaseProvider([&w, this, packets](const PhaseId&) {
            // Asked when the phase starts: the window's receiver listens already.
            app::LiveSpikeLink* link = w.liveLink();
            if (!link->isRunning())
                return app::PhaseFunction{};
            return toolchainPhase(m_db, link->notifyPort(), link->spikePort(), packets);
        });
        QElapsedTimer clock;
        clock.start();
        QVERIFY(w.startRun({PhaseId::Kind::TrainSvm}));
        QVERIFY(w.liveLink()->isRunning());
        QTRY_VERIFY_WITH_TIMEOUT(!w.runController()->isRunning(), 20000);
        QVERIFY(!w.liveLink()->isRunning()); // stopped with the run
        const views::SpikeRasterView* raster = w.recordedViews().raster;
        QTRY_COMPARE_WITH_TIMEOUT(raster->spikeCount(views::SpikeRasterView::Group::Pre), std::size_t(16 * packets),
                                  5000);
        QTRY_COMPARE_WITH_TIMEOUT(raster->spikeCount(views::SpikeRasterView::Group::Post), std::size_t(4 * packets),
                                  5000);
        QCOMPARE(w.liveLink()->drawn(), std::size_t(20 * packets));
        QCOMPARE(w.liveLink()->dropped(), std::size_t(0));
        // One raster update per 33 ms at most (+1 for the final hand-over).
        QVERIFY2(w.liveLink()->updates() <= int(clock.elapsed() / app::LiveSpikeLink::minIntervalMs) + 2,
                 qPrintable(QStringLiteral("%1 updates in %2 ms").arg(w.liveLink()->updates()).arg(clock.elapsed())));
        QVERIFY(w.liveLink()->updates() >= 1);
    }

    void simulatorRunsStartNoReceiver()
    {
        MainWindow w;
        w.setLivePorts(0, 0);
        w.document()->setBackend(QStringLiteral("sim"));
        bool listening = true;
        w.setPhaseProvider([&](const PhaseId&) {
            listening = w.liveLink()->isRunning();
            return app::PhaseFunction([](const model::Experiment& s, app::PhaseSink&, const std::atomic<bool>&) {
                return app::PhaseOutcome{s, {}};
            });
        });
        QVERIFY(w.startRun({PhaseId::Kind::TrainSvm}));
        QTRY_VERIFY(!w.runController()->isRunning());
        QVERIFY(!listening);
    }

    void longBoardTrainingAsksFirst()
    {
        MainWindow w;
        prepare(w);
        w.setPhaseProvider([](const PhaseId&) {
            return app::PhaseFunction([](const model::Experiment& s, app::PhaseSink&, const std::atomic<bool>&) {
                return app::PhaseOutcome{s, {}};
            });
        });
        w.spinnakerPanel()->timeScaleBox()->setValue(4);
        const auto t = app::SpinnakerPanel::trainingTime(w.document()->experiment(), 0);
        QVERIFY(t && t->exceedsHour());

        QString text, details;
        auto answer = [&](QMessageBox::StandardButton button) {
            QTimer::singleShot(0, [&, button] {
                auto* box = qobject_cast<QMessageBox*>(QApplication::activeModalWidget());
                QVERIFY(box);
                QCOMPARE(box->objectName(), QStringLiteral("boardTimeConfirmation"));
                text = box->text();
                details = box->informativeText();
                box->button(button)->click();
            });
        };
        answer(QMessageBox::Cancel);
        QVERIFY(!w.startRun({PhaseId::Kind::TrainLayer, 0}));
        QVERIFY(!w.runController()->isRunning());
        const QLocale loc;
        QVERIFY2(text.contains(loc.toString(t->realHours(), 'f', 2)), qPrintable(text));
        for (const QString& part : {loc.toString(qlonglong(t->images)), loc.toString(qlonglong(t->windowsPerImage)),
                                    loc.toString(t->presentationMs, 'g', 6)})
            QVERIFY2(details.contains(part), qPrintable(details));

        answer(QMessageBox::Yes);
        QVERIFY(w.startRun({PhaseId::Kind::TrainLayer, 0}));
        QTRY_VERIFY(!w.runController()->isRunning());

        // Under an hour: no question.
        w.spinnakerPanel()->timeScaleBox()->setValue(1);
        QVERIFY(!app::SpinnakerPanel::trainingTime(w.document()->experiment(), 0)->exceedsHour());
        QVERIFY(w.startRun({PhaseId::Kind::TrainLayer, 0}));
        QTRY_VERIFY(!w.runController()->isRunning());
    }

    void incompleteSettingsStopABoardRun()
    {
        MainWindow w;
        prepare(w);
        w.setPhaseProvider([](const PhaseId&) {
            return app::PhaseFunction([](const model::Experiment& s, app::PhaseSink&, const std::atomic<bool>&) {
                return app::PhaseOutcome{s, {}};
            });
        });
        w.spinnakerPanel()->hostEdit()->clear();
        QVERIFY(!w.spinnakerPanel()->problem().isEmpty());
        QTimer::singleShot(0, [] {
            if (auto* box = qobject_cast<QMessageBox*>(QApplication::activeModalWidget()))
                box->close();
        });
        QVERIFY(!w.startRun({PhaseId::Kind::TrainSvm}));
        QVERIFY(!w.runController()->isRunning());
    }
};

QTEST_MAIN(TestBoardRun)
#include "tst_boardrun.moc"
