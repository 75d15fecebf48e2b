// SPDX-License-Identifier: GPL-3.0-or-later
// The SpiNNaker settings panel: validation at the field, where settings are kept, undo, and the
// connection test against the loopback SCAMP stand-in (answer, silence) without blocking the window.
#include "app/workbench/experimentdocument.h"
#include "app/workbench/spinnakerpanel.h"
#include "spinnaker/loopbackpeer.h"
#include "model/boardsettings.h"

#include <QComboBox>
#include <QElapsedTimer>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTest>
#include <QTimer>
#include <QUndoStack>

using namespace scnn;
using app::SpinnakerPanel;

class TestSpinnakerPanel : public QObject
{
    Q_OBJECT

    static bool invalid(QWidget* w) { return w->property("invalid").toBool(); }

    static void selectMachine(SpinnakerPanel& p, SpinnakerPanel::Machine m)
    {
        p.machineBox()->setCurrentIndex(p.machineBox()->findData(int(m)));
    }

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true); // keep the user's settings out
    }

    void init()
    {
        QSettings().remove(QStringLiteral("spinnaker"));
    }

    void fieldsAreValidatedWithTheirReason()
    {
        app::ExperimentDocument doc;
        SpinnakerPanel p(&doc);
        selectMachine(p, SpinnakerPanel::Machine::Board);
        p.hostEdit()->clear();
        QVERIFY(invalid(p.hostEdit()));
        QVERIFY(!p.hostEdit()->toolTip().isEmpty());
        QVERIFY(!p.problem().isEmpty());
        QVERIFY(!p.testButton()->isEnabled());
        QTest::keyClicks(p.hostEdit(), QStringLiteral("10.0.0.2:17893"));
        QVERIFY(invalid(p.hostEdit()));
        QVERIFY(p.problem().contains(QStringLiteral("10.0.0.2:17893")));
        p.hostEdit()->setText(QStringLiteral("127.0.0.1"));
        QVERIFY(!invalid(p.hostEdit()));
        QVERIFY(p.problem().isEmpty());
        QVERIFY(p.testButton()->isEnabled());

        selectMachine(p, SpinnakerPanel::Machine::Spalloc);
        QVERIFY(invalid(p.spallocServerEdit()));
        QVERIFY(invalid(p.spallocUserEdit()));
        p.spallocServerEdit()->setText(QStringLiteral("spalloc.example.org"));
        QVERIFY(!invalid(p.spallocServerEdit()));
        QVERIFY(invalid(p.spallocUserEdit()));
        p.spallocUserEdit()->setText(QStringLiteral("ada"));
        QVERIFY(p.problem().isEmpty());
        QVERIFY(!p.testButton()->isEnabled()); // spalloc boards are allocated per run
        const hardware::SpinnakerSettings s = p.settings();
        QCOMPARE(s.spallocServer, std::string("spalloc.example.org"));
        QCOMPARE(s.spallocUser, std::string("ada"));
        QVERIFY(s.boardHost.empty());

        p.pythonEdit()->setText(QStringLiteral("/nonexistent/python3"));
        QVERIFY(invalid(p.pythonEdit()));
        QVERIFY(p.problem().contains(QStringLiteral("/nonexistent/python3")));
        p.pythonEdit()->setText(QStringLiteral("no-such-python-here"));
        QVERIFY(invalid(p.pythonEdit()));
        p.pythonEdit()->setText(QStringLiteral("sh")); // on every PATH
        QVERIFY(!invalid(p.pythonEdit()));
    }

    void timeScaleMustKeepOneMillisecondPerStep()
    {
        app::ExperimentDocument doc;
        model::TimingParams t = doc.network().timing;
        t.dt = 0.1;
        doc.setTiming(t, {});
        SpinnakerPanel p(&doc);
        p.timeScaleBox()->setValue(5);
        QVERIFY(invalid(p.timeScaleBox()));
        QVERIFY(p.timeScaleBox()->toolTip().contains(QStringLiteral("at least 10")));
        p.timeScaleBox()->setValue(10);
        QVERIFY(!invalid(p.timeScaleBox()));
        p.timeScaleBox()->setValue(0); // sPyNNaker's default follows dt
        QVERIFY(!invalid(p.timeScaleBox()));
        QVERIFY(p.timeScaleBox()->specialValueText().contains(QStringLiteral("10")));
    }

    void mappingIsUndoableMachineIsInSettings()
    {
        app::ExperimentDocument doc;
        {
            SpinnakerPanel p(&doc);
            p.neuronsPerCoreBox()->setValue(64);
            p.timeScaleBox()->setValue(20);
            QCOMPARE(model::boardRunSettings(doc.experiment()), (model::BoardRunSettings{64, 20}));
            QVERIFY(doc.isModified());
            doc.undoStack()->undo(); // both spin boxes merge into one step
            QCOMPARE(model::boardRunSettings(doc.experiment()), model::BoardRunSettings{});
            QCOMPARE(p.neuronsPerCoreBox()->value(), 100);
            QCOMPARE(p.timeScaleBox()->value(), 0);
            doc.undoStack()->redo();
            QCOMPARE(p.neuronsPerCoreBox()->value(), 64);
            QCOMPARE(p.backendConfig().pynn.script.spinnaker.neuronsPerCore, 64);

            selectMachine(p, SpinnakerPanel::Machine::Board);
            p.hostEdit()->setText(QStringLiteral("192.168.240.253"));
            p.versionBox()->setCurrentIndex(p.versionBox()->findData(3));
            p.pythonEdit()->setText(QStringLiteral("sh"));
        }
        // The machine is not part of the experiment, it is this computer's.
        QVERIFY(doc.experiment().extra.dump().find("192.168") == std::string::npos);
        app::ExperimentDocument other;
        SpinnakerPanel again(&other);
        QCOMPARE(again.hostEdit()->text(), QStringLiteral("192.168.240.253"));
        QCOMPARE(again.settings().boardVersion, 3);
        QCOMPARE(again.python(), QStringLiteral("sh"));
        QCOMPARE(again.backendConfig().pynn.python, std::string("sh"));
        QCOMPARE(again.neuronsPerCoreBox()->value(), 100); // the other experiment's own
    }

    void estimateFollowsTheExperiment()
    {
        app::ExperimentDocument doc;
        SpinnakerPanel p(&doc);
        const auto before = SpinnakerPanel::trainingTime(doc.experiment(), 0);
        QVERIFY(before);
        QVERIFY(p.estimateLabel()->text().contains(QString::number(before->windowsPerImage)));
        p.timeScaleBox()->setValue(7);
        const auto after = SpinnakerPanel::trainingTime(doc.experiment(), 0);
        QCOMPARE(after->timeScaleFactor, 7);
        QCOMPARE(after->realSeconds, before->realSeconds / before->timeScaleFactor * 7);
        QVERIFY(p.estimateLabel()->text().contains(QLocale().toString(after->realHours(), 'f', 2)));
    }

    void connectionTestAnswered()
    {
        test::ScampPeer board(test::ScampMode::Good, 0, 0);
        app::ExperimentDocument doc;
        SpinnakerPanel p(&doc);
        selectMachine(p, SpinnakerPanel::Machine::Board);
        p.hostEdit()->setText(QStringLiteral("127.0.0.1"));
        p.setProbePort(board.port());
        QSignalSpy done(&p, &SpinnakerPanel::testFinished);
        QTest::mouseClick(p.testButton(), Qt::LeftButton);
        QVERIFY(p.isTesting());
        QVERIFY(!p.testButton()->isEnabled());
        QVERIFY(done.wait(5000));
        QCOMPARE(done.first().at(0).toBool(), true);
        const QString text = p.testResultLabel()->text();
        QVERIFY2(text.contains(QStringLiteral("SC&MP")) && text.contains(QStringLiteral("4.0.0"))
                     && text.contains(QStringLiteral("(0, 0)")) && text.contains(QStringLiteral("core 0")),
                 qPrintable(text));
        QVERIFY(p.testButton()->isEnabled());
        QVERIFY(board.requests() >= 1);
    }

    void connectionTestTimesOutWithoutBlocking()
    {
        test::ScampPeer board(test::ScampMode::Silent);
        app::ExperimentDocument doc;
        SpinnakerPanel p(&doc);
        selectMachine(p, SpinnakerPanel::Machine::Board);
        p.hostEdit()->setText(QStringLiteral("127.0.0.1"));
        p.setProbePort(board.port());
        p.setProbeTimeout(std::chrono::milliseconds(600));
        QSignalSpy done(&p, &SpinnakerPanel::testFinished);
        // The event loop keeps turning while the board stays silent.
        int ticks = 0;
        QTimer tick;
        connect(&tick, &QTimer::timeout, [&] { ++ticks; });
        tick.start(20);
        QTest::mouseClick(p.testButton(), Qt::LeftButton);
        QVERIFY(p.isTesting());
        QVERIFY(done.wait(5000));
        QCOMPARE(done.first().at(0).toBool(), false);
        QVERIFY2(ticks >= 2, "the window did not get events while the probe waited");
        const QString text = p.testResultLabel()->text();
        QVERIFY2(text.startsWith(p.tr("No answer")), qPrintable(text));
        QVERIFY(board.requests() >= 1);
    }

    void connectionTestNobodyListens()
    {
        app::ExperimentDocument doc;
        SpinnakerPanel p(&doc);
        selectMachine(p, SpinnakerPanel::Machine::Board);
        p.hostEdit()->setText(QStringLiteral("127.0.0.1"));
        p.setProbePort(test::unusedPort());
        p.setProbeTimeout(std::chrono::milliseconds(600));
        QSignalSpy done(&p, &SpinnakerPanel::testFinished);
        p.testConnection();
        QVERIFY(done.wait(5000));
        QCOMPARE(done.first().at(0).toBool(), false);
        QVERIFY(!p.testResultLabel()->text().isEmpty());
    }

    void closingDuringATestDoesNotWait()
    {
        test::ScampPeer board(test::ScampMode::Silent);
        app::ExperimentDocument doc;
        auto* p = new SpinnakerPanel(&doc);
        p->hostEdit()->setText(QStringLiteral("127.0.0.1"));
        p->setProbePort(board.port());
        p->setProbeTimeout(std::chrono::milliseconds(30000));
        p->testConnection();
        QVERIFY(p->isTesting());
        QElapsedTimer t;
        t.start();
        delete p; // cancels the probe
        QVERIFY2(t.elapsed() < 10000, "closing waited for the whole probe timeout");
    }
};

QTEST_MAIN(TestSpinnakerPanel)
#include "tst_spinnakerpanel.moc"
