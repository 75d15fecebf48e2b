// SPDX-License-Identifier: GPL-3.0-or-later
// scnn train / test / run / baseline in-process: results saved, --json, same
// results on 1 and 2 threads, Ctrl-C leaves the experiment byte for byte as it was.
#include "app/cli/commands.h"
#include "clitestsupport.h"
#include "model/experiment.h"
#include "model/presets.h"
#include "pipelinefixture.h"
#include "testsupport.h"

#include <nlohmann/json.hpp>

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <signal.h>
#include <unistd.h>

#include <atomic>
#include <map>
#include <sstream>
#include <thread>

using namespace scnn;
using nlohmann::json;

namespace {

using test::Run;
using test::scnnRun;

/// Every file under `dir` with its bytes.
std::map<QString, QByteArray> snapshot(const std::string& dir)
{
    std::map<QString, QByteArray> files;
    QDirIterator it(QString::fromStdString(dir), QDir::Files, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString p = it.next();
        QFile f(p);
        if (f.open(QIODevice::ReadOnly))
            files[p] = f.readAll();
    }
    return files;
}

QByteArray fileBytes(const std::string& dir, const char* name)
{
    QFile f(QString::fromStdString(dir + "/" + name));
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

extern "C" void ignoreInterrupt(int) {}

} // namespace

class TestPipelineCli : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_tmp;
    std::string m_data;
    std::string path(const std::string& n) const { return m_tmp.filePath(QString::fromStdString(n)).toStdString(); }

    /// A small network on 12×12 bars (the fixture's).
    std::string makeExperiment(const std::string& name, int trainPerClass = 10)
    {
        model::Experiment e = model::classroomPreset();
        e.network = test::smallNetwork(12, 1);
        e.dataset.dataDir = m_data;
        e.dataset.classes = {0, 1};
        e.dataset.trainPerClass = trainPerClass;
        e.dataset.testPerClass = 5;
        e.dataset.validation = true;
        const std::string dir = path(name);
        model::saveExperiment(e, dir);
        return dir;
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_tmp.isValid());
        m_data = path("data");
        QDir().mkpath(QString::fromStdString(m_data));
        test::writeBarFiles(m_data, 12, 80);
    }

    void runDoesEveryPhaseOnce()
    {
        const std::string dir = makeExperiment("run");
        Run r = scnnRun({"run", dir, "--threads", "1", "--json"});
        QVERIFY2(r.code == cli::ExitOk, r.err.c_str());
        const json j = json::parse(r.out);
        QCOMPARE(j["phase"].get<std::string>(), std::string("run"));
        QCOMPARE(j["examples"].get<int>(), 10);
        const double acc = j["accuracy"].get<double>();
        QVERIFY2(acc >= 0.8 && acc <= 1.0, r.out.c_str());
        QCOMPARE(int(j["phases"].size()), 3);
        QVERIFY(r.err.find("train layer 1: windows") != std::string::npos);

        const model::Experiment e = model::loadExperiment(dir);
        QVERIFY(e.weights(0));
        QVERIFY(!e.svmModel.empty());
        QCOMPARE(int(e.history.size()), 3);
        QCOMPARE(e.history[0].phase, std::string("train layer 1"));
        QCOMPARE(e.history[2].phase, std::string("test"));
        QCOMPARE(*e.history[2].accuracy, acc);
        QVERIFY(e.arrays.count("training/layer1/snapshots.npy"));
        QVERIFY(e.arrays.count("training/layer1/membrane_values.npy"));
        QVERIFY(e.arrays.count("test/confusion.npy"));

        // Nothing left: a second run changes nothing and reports the last accuracy.
        const auto before = snapshot(dir);
        r = scnnRun({"run", dir, "--json"});
        QVERIFY2(r.code == cli::ExitOk, r.err.c_str());
        QCOMPARE(int(json::parse(r.out)["phases"].size()), 0);
        QVERIFY(before == snapshot(dir));

        // The test phase alone, and the baseline.
        r = scnnRun({"test", dir, "--json"});
        QVERIFY2(r.code == cli::ExitOk, r.err.c_str());
        QCOMPARE(json::parse(r.out)["accuracy"].get<double>(), acc);
        r = scnnRun({"baseline", dir, "--json"});
        QVERIFY2(r.code == cli::ExitOk, r.err.c_str());
        QVERIFY(json::parse(r.out)["accuracy"].get<double>() > 0.5);
        r = scnnRun({"info", dir});
        QVERIFY2(r.out.find("train layer 1") != std::string::npos, r.out.c_str());
    }

    void sameResultsOnOneAndTwoThreads()
    {
        const std::string a = makeExperiment("threads1");
        const std::string b = makeExperiment("threads2");
        QCOMPARE(scnnRun({"run", a, "--threads", "1"}).code, int(cli::ExitOk));
        QCOMPARE(scnnRun({"run", b, "--threads", "2"}).code, int(cli::ExitOk));
        for (const char* f : {"weights/layer1.npy", "training/layer1/snapshots.npy", "features/train.npy",
                              "features/test.npy", "test/predicted.npy", "svm.model"}) {
            QVERIFY2(!fileBytes(a, f).isEmpty(), f);
            QVERIFY2(fileBytes(a, f) == fileBytes(b, f), f);
        }
    }

    void replicasAndLayerErrors()
    {
        const std::string dir = makeExperiment("replicas");
        Run r = scnnRun({"train", dir, "--layer", "1", "--replicas", "3", "--json"});
        QVERIFY2(r.code == cli::ExitOk, r.err.c_str());
        QCOMPARE(json::parse(r.out)["phase"].get<std::string>(), std::string("train layer 1"));
        QVERIFY(json::parse(r.out)["accuracy"].is_null());
        const model::Experiment e = model::loadExperiment(dir);
        QCOMPARE(e.arrays.at("training/layer1/kernels_after.npy").shape,
                 (std::vector<std::int64_t>{3, 4, 1, 3, 3}));
        QCOMPARE(e.arrays.at("training/layer1/snapshots.npy").shape.size(), std::size_t(6));
        QCOMPARE(e.weights(0)->shape, (std::vector<std::int64_t>{4, 1, 3, 3}));

        QCOMPARE(scnnRun({"train", dir}).code, int(cli::ExitUsage));
        QCOMPARE(scnnRun({"train", dir, "--layer", "x"}).code, int(cli::ExitUsage));
        r = scnnRun({"train", dir, "--layer", "2"});
        QCOMPARE(r.code, int(cli::ExitBadInput));
        QVERIFY2(r.err.find("layer") != std::string::npos, r.err.c_str());
        r = scnnRun({"test", dir});
        QCOMPARE(r.code, int(cli::ExitBadInput));
        QVERIFY2(r.err.find("svm") != std::string::npos, r.err.c_str());
        QCOMPARE(scnnRun({"train", path("nowhere"), "--layer", "1"}).code, int(cli::ExitBadInput));
    }

    void ctrlCLeavesTheExperimentAsItWas()
    {
        const std::string dir = makeExperiment("cancel", 60);
        QCOMPARE(scnnRun({"train", dir, "--layer", "1", "--threads", "1"}).code, int(cli::ExitOk));
        const auto before = snapshot(dir);
        // Signals that arrive outside the phase must not end the test process.
        struct sigaction sa{}, old{};
        sa.sa_handler = &ignoreInterrupt;
        sigemptyset(&sa.sa_mask);
        sigaction(SIGINT, &sa, &old);
        std::atomic<bool> done{false};
        std::thread ctrlC([&] {
            while (!done) {
                ::kill(::getpid(), SIGINT);
                std::this_thread::sleep_for(std::chrono::milliseconds(2));
            }
        });
        const Run r = scnnRun({"run", dir, "--threads", "1"});
        done = true;
        ctrlC.join();
        sigaction(SIGINT, &old, nullptr);
        QCOMPARE(r.code, int(cli::ExitFailure));
        QVERIFY2(r.err.find("cancelled") != std::string::npos, r.err.c_str());
        QVERIFY(before == snapshot(dir));
        QVERIFY(!QDir(QString::fromStdString(dir)).entryList(QDir::NoDotAndDotDot | QDir::AllEntries).isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestPipelineCli)
#include "tst_pipelinecli.moc"
