// SPDX-License-Identifier: GPL-3.0-or-later
// Limits before a run: memory from the simulator's layout, examples per class, run time.
#include "model/error.h"
#include "model/limits.h"
#include "model/presets.h"
#include "testsupport.h"

#include <QTest>

using namespace scnn::model;

namespace {

/// MNIST's real examples per class (train-labels-idx1-ubyte and t10k-labels-idx1-ubyte).
ExampleCounts mnistCounts(bool withTestFile)
{
    ExampleCounts c;
    c.train = {5923, 6742, 5958, 6131, 5842, 5421, 5918, 6265, 5851, 5949};
    c.trainLabels = "train-labels-idx1-ubyte";
    if (withTestFile) {
        c.test = std::vector<int>{980, 1135, 1032, 1010, 982, 892, 958, 1028, 974, 1009};
        c.testLabels = "t10k-labels-idx1-ubyte";
    }
    return c;
}

bool has(const std::vector<LimitIssue>& issues, const std::string& what, LimitIssue::Level level,
         const std::string& part)
{
    for (const LimitIssue& i : issues)
        if (i.what == what && i.level == level && i.message.find(part) != std::string::npos)
            return true;
    return false;
}

std::string joined(const std::vector<LimitIssue>& issues)
{
    std::string s;
    for (const LimitIssue& i : issues)
        s += "[" + i.what + "] " + i.message + "\n";
    return s;
}

constexpr std::int64_t GiB = std::int64_t(1) << 30;

} // namespace

class TestLimits : public QObject
{
    Q_OBJECT

private slots:
    /// The seed network's memory, term by term, from the layout SimulatorCosts documents.
    void seedMemoryFromLayout()
    {
        const Experiment e = makePreset("seed"); // 4 kernels 4×4 stride 3: 9×9×4 = 324 neurons, 16 synapses each
        const ExampleCounts counts = mnistCounts(false);
        const RunEstimate r = estimateRun(e, counts);
        QCOMPARE(r.trainExamples, std::int64_t(4 * 100));
        QCOMPARE(r.testExamples, std::int64_t(4 * 50));
        QCOMPARE(r.neurons, std::int64_t(784 + 324));
        QCOMPARE(r.staticSynapses, std::int64_t(324 * 16));
        QCOMPARE(r.plasticSynapses, std::int64_t(4 * 16));
        // svm holds the whole rebuilt network, 324 float features per training example and the data.
        const SimulatorCosts c;
        const double data = double(60000 + 400 + 200) * 784;
        const double svm = c.sourceBytes * 784 + c.neuronBytes * 324 + c.staticSynapseBytes * 324 * 16
                           + 4.0 * 324 * 400 + data;
        QCOMPARE(r.peakPhase, std::string("svm"));
        QVERIFY2(std::abs(double(r.peakBytes) - svm) <= 1.0,
                 (std::to_string(r.peakBytes) + " vs " + std::to_string(svm)).c_str());
        QVERIFY(checkRun(e, counts, {GiB, 24 * 3600.0}).empty());
    }

    /// 1024 kernels 3×3 at stride 1 over all of MNIST: hundreds of GiB of features.
    void networkTooLargeForMemory()
    {
        Experiment e = makePreset("seed");
        e.network.layers[0] = Layer::conv(1024, 3, 1, 0);
        e.dataset.classes = {0, 1, 2, 3, 4, 5, 6, 7, 8, 9};
        e.dataset.trainPerClass = 5000;
        const RunEstimate r = estimateRun(e, mnistCounts(true));
        QCOMPARE(r.neurons, std::int64_t(784 + 26 * 26 * 1024));
        QCOMPARE(r.staticSynapses, std::int64_t(26) * 26 * 1024 * 9);
        // 692,224 float features × 50,000 examples alone are 129 GiB.
        QVERIFY(r.peakBytes > 4.0 * 692224 * 50000);
        const auto issues = checkRun(e, mnistCounts(true), {8 * GiB, 1e9});
        QVERIFY2(has(issues, "memory", LimitIssue::Level::Refuse, "693008 neurons"), joined(issues).c_str());
        QVERIFY2(has(issues, "memory", LimitIssue::Level::Refuse, "more than the 8.0 GiB of memory available"),
                 joined(issues).c_str());
        // Fewer examples: 3.6 GiB of 4 GiB is close, a warning.
        e.dataset.trainPerClass = 120;
        e.dataset.testPerClass = 20;
        const auto close = checkRun(e, mnistCounts(true), {4 * GiB, 1e9});
        QVERIFY2(has(close, "memory", LimitIssue::Level::Warning, "close to the 4.0 GiB"), joined(close).c_str());
    }

    void classShortOfExamples_data()
    {
        QTest::addColumn<int>("train");
        QTest::addColumn<int>("test");
        QTest::addColumn<bool>("testFile");
        QTest::addColumn<QString>("message");
        // Class 5 is MNIST's smallest: 5421 training, 892 test examples.
        QTest::newRow("training") << 6000 << 50 << true
                                  << "train-labels-idx1-ubyte: class 5 has 5421 examples, 579 short of the 6000 "
                                     "training examples asked for";
        QTest::newRow("test file") << 100 << 1000 << true
                                   << "t10k-labels-idx1-ubyte: class 5 has 892 test examples, 108 short of the "
                                      "1000 asked for";
        QTest::newRow("held-out split") << 5000 << 500 << false
                                        << "class 5 has 5421 examples, 79 short of the 5000 training + 500 "
                                           "held-out test examples asked for";
    }

    void classShortOfExamples()
    {
        QFETCH(int, train);
        QFETCH(int, test);
        QFETCH(bool, testFile);
        QFETCH(QString, message);
        Experiment e = makePreset("seed");
        e.dataset.classes = {1, 5, 7};
        e.dataset.trainPerClass = train;
        e.dataset.testPerClass = test;
        const auto issues = checkRun(e, mnistCounts(testFile), {});
        QVERIFY2(has(issues, "data", LimitIssue::Level::Refuse, message.toStdString()), joined(issues).c_str());
        QCOMPARE(issues.size(), std::size_t(1)); // classes 1 and 7 have enough
    }

    /// Held-out test examples and training examples never overlap: together they fit the class.
    void heldOutSplitIsDisjoint()
    {
        DatasetSelection s;
        s.trainPerClass = 0;
        s.testPerClass = 0;
        const ClassDraw d = classDraw(s, 5, 5421, 0, true);
        QVERIFY(d.problem.empty());
        QCOMPARE(d.heldOut, 5421 / 6);
        QCOMPARE(d.train + d.heldOut, 5421);
    }

    /// Time grows with the examples; a deep rate-coded network over all of MNIST takes days.
    void runThatTakesDays()
    {
        Experiment e = makePreset("seed");
        const RunEstimate small = estimateRun(e, mnistCounts(true));
        e.dataset.trainPerClass = 1000;
        const RunEstimate ten = estimateRun(e, mnistCounts(true));
        QVERIFY(ten.seconds > 8.0 * small.seconds);
        QVERIFY(small.seconds < 60.0);

        e.network.layers = {Layer::conv(64, 5, 1, 0), Layer::conv(256, 5, 1, 0)};
        e.dataset.classes = {0, 1, 2, 3, 4, 5, 6, 7, 8, 9};
        e.dataset.trainPerClass = 5000;
        e.dataset.testPerClass = 800;
        const RunEstimate big = estimateRun(e, mnistCounts(true));
        qInfo("seed 4 × 100: %s; 4 × 1000: %s; 64 5×5 + 256 5×5 on 10 × 5000: %s (%.3g events)",
              formatDuration(small.seconds).c_str(), formatDuration(ten.seconds).c_str(),
              formatDuration(big.seconds).c_str(), big.events);
        QVERIFY(big.seconds > 86400.0);
        const auto issues = checkRun(e, mnistCounts(true), {});
        QVERIFY2(has(issues, "time", LimitIssue::Level::Warning, "more than 1 d 0 h"), joined(issues).c_str());
        QVERIFY2(has(issues, "time", LimitIssue::Level::Warning, "50000 training and 8000 test examples"),
                 joined(issues).c_str());
    }

    void formats()
    {
        QCOMPARE(formatBytes(512), std::string("512 B"));
        QCOMPARE(formatBytes(1.5 * 1024 * 1024), std::string("1.5 MiB"));
        QCOMPARE(formatBytes(129.0 * 1024 * 1024 * 1024), std::string("129 GiB"));
        QCOMPARE(formatDuration(42), std::string("42 s"));
        QCOMPARE(formatDuration(3 * 86400 + 4 * 3600 + 5), std::string("3 d 4 h"));
        QCOMPARE(formatDuration(5 * 3600 + 12 * 60), std::string("5 h 12 min"));
    }

    void availableMemoryIsKnownOnLinux()
    {
        const std::int64_t b = availableMemoryBytes();
        QVERIFY(b > 0);
    }

    /// The counts of the shared MNIST copy match the published per-class numbers.
    void countsFromLabelFiles()
    {
        if (!scnn::test::sharedExists("data/mnist"))
            QSKIP("no shared MNIST copy");
        DatasetSelection s;
        s.dataDir = scnn::test::sharedDir("data/mnist");
        const ExampleCounts c = countExamples(s);
        QCOMPARE(c.train, mnistCounts(false).train);
        QVERIFY(c.trainLabels.find("train-labels") != std::string::npos);
    }
};

QTEST_GUILESS_MAIN(TestLimits)
#include "tst_limits.moc"
