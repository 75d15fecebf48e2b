// SPDX-License-Identifier: GPL-3.0-or-later
// `scnn train/run --backend pynn:spinnaker`: the board time is printed first, and more than an hour needs --yes.
#include "clitestsupport.h"
#include "model/boardtime.h"
#include "model/experiment.h"
#include "testsupport.h"

#include <QTemporaryDir>
#include <QTest>

using namespace scnn;

class TestBoardTimeCli : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    std::string m_exp;

private slots:
    void initTestCase()
    {
        if (!test::sharedExists("data/mnist"))
            QSKIP("the shared MNIST copy is not there");
        const std::string data = test::sharedDir("data/mnist");
        m_exp = (m_dir.path() + QStringLiteral("/exp")).toStdString();
        const test::Run made = test::scnnRun({"new", m_exp, "--data", data, "--train-per-class", "25"});
        QVERIFY2(made.code == 0, made.err.c_str());
    }

    void moreThanAnHourNeedsYes()
    {
        const model::Experiment e = model::loadExperiment(m_exp);
        const model::BoardTime t = model::boardTime(100, model::windowsPerImage(e.network, 0),
                                                    e.network.timing.presentationMs, 20);
        QVERIFY(t.exceedsHour());
        const test::Run r = test::scnnRun(
            {"train", m_exp, "--layer", "1", "--backend", "pynn:spinnaker", "--time-scale-factor", "20"});
        QCOMPARE(r.code, int(cli::ExitUsage));
        QVERIFY2(r.err.find("board time: train layer 1: " + model::describe(t)) != std::string::npos, r.err.c_str());
        QVERIFY2(r.err.find("--yes") != std::string::npos, r.err.c_str());
        // Nothing ran, nothing changed.
        QCOMPARE(model::loadExperiment(m_exp).history.size(), e.history.size());
    }

    void underAnHourStartsAtOnce()
    {
        // It starts the script: either sPyNNaker runs, or it says why it cannot.
        const test::Run r = test::scnnRun({"train", m_exp, "--layer", "1", "--backend", "pynn:spinnaker",
                                           "--python", "/nonexistent/python3"});
        QVERIFY2(r.err.find("board time: train layer 1: 100 images") != std::string::npos, r.err.c_str());
        QVERIFY2(r.err.find("--yes") == std::string::npos, r.err.c_str());
        QVERIFY2(r.err.find("/nonexistent/python3") != std::string::npos, r.err.c_str());
        QVERIFY(r.code != 0);
    }

    void yesStartsALongRun()
    {
        const test::Run r = test::scnnRun({"train", m_exp, "--layer", "1", "--backend", "pynn:spinnaker",
                                           "--time-scale-factor", "20", "--yes", "--python", "/nonexistent/python3"});
        QVERIFY2(r.err.find("4.50 h") != std::string::npos, r.err.c_str());
        QVERIFY2(r.err.find("add --yes") == std::string::npos, r.err.c_str());
        QVERIFY2(r.err.find("/nonexistent/python3") != std::string::npos, r.err.c_str());
    }

    void simulatorRunsPrintNoBoardTime()
    {
        const test::Run r = test::scnnRun({"train", m_exp, "--layer", "svm", "--backend", "sim"});
        QVERIFY2(r.err.find("board time") == std::string::npos, r.err.c_str());
    }

    void badBoardOptions()
    {
        const test::Run r = test::scnnRun({"train", m_exp, "--layer", "1", "--backend", "pynn:spinnaker", "--board",
                                           "10.0.0.2", "--spalloc", "s.example.org"});
        QCOMPARE(r.code, int(cli::ExitUsage));
        QVERIFY2(r.err.find("exclude") != std::string::npos, r.err.c_str());
    }
};

QTEST_MAIN(TestBoardTimeCli)
#include "tst_boardtimecli.moc"
