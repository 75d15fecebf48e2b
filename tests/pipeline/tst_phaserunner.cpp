// SPDX-License-Identifier: GPL-3.0-or-later
// The phases on the embedded simulator: STDP direction, every window presented,
// class-dependent features, svm/test, determinism over threads, cache, cancel.
#include "hardware/pipeline/experimentstore.h"
#include "hardware/pipeline/layerjob.h"
#include "hardware/pipeline/networkbuilder.h"
#include "hardware/pipeline/phaserunner.h"
#include "hardware/sim/simbackend.h"
#include "model/error.h"
#include "pipelinefixture.h"
#include "testsupport.h"

#include <QTest>

#include <atomic>
#include <cmath>
#include <numeric>

using namespace scnn;
using namespace scnn::hardware;
using namespace scnn::hardware::pipeline;
using scnn::test::run;
using model::PhaseKind;

namespace {

/// Trains every conv layer in order and stores the kernels in `in`.
void trainAll(PhaseInputs& in, int threads = 1)
{
    for (int l = 0; l < int(in.network.layers.size()); ++l) {
        if (in.network.layers[std::size_t(l)].kind != model::LayerKind::Conv)
            continue;
        const PhaseOutcome o = run(in, PhaseKind::TrainLayer, l, threads);
        in.kernels[std::size_t(l)] = o.training()->chosen;
        if (o.training()->rebuilt)
            in.cache = o.training()->rebuilt;
    }
}

double mean(const std::vector<double>& v, const std::vector<int>& idx)
{
    double s = 0.0;
    for (int i : idx)
        s += v[std::size_t(i)];
    return s / double(idx.size());
}

} // namespace

class TestPhaseRunner : public QObject
{
    Q_OBJECT

private slots:
    void stdpStrengthensTheBar()
    {
        // One 5×5 window per image: a bright vertical bar at x = 2 (spikes at
        // t ≈ 0 with the time code) and a dim background that spikes ~30 ms
        // later, after the kernel neuron: bar synapses potentiate, background
        // synapses depress.
        const int size = 5;
        auto data = std::make_shared<model::Dataset>();
        data->train.rows = data->train.cols = size;
        for (int i = 0; i < 30; ++i) {
            test::drawBar(data->train.pixels, size, true, 2, 255, 100);
            data->train.labels.push_back(0);
            data->train.sourceIndex.push_back(i);
        }
        model::Network net;
        net.input = {size, size, 1};
        net.layers.push_back(model::Layer::conv(2, size, 1, 0));
        net.encoding.kind = model::EncodingKind::TimeToFirst;
        model::LayerParams& p = net.layers[0].params;
        p.train.vThresh = -62.0;
        p.train.tauRefrac = 5.0;
        p.stdp.tauPlus = p.stdp.tauMinus = 20.0;
        PhaseInputs in = test::inputsFor(net, data);
        const PhaseOutcome o = run(in, PhaseKind::TrainLayer);
        const LayerTrainingResult& r = *o.training();
        QCOMPARE(r.windowsPresented, std::int64_t(30));
        QVERIFY2(!r.outputSpikes.ids.empty(), "the kernel neurons must fire");
        // The kernel that fired most is the winner.
        const int winner = r.spikeCounts[0] >= r.spikeCounts[1] ? 0 : 1;
        std::vector<int> bar, off;
        for (int y = 0; y < size; ++y)
            for (int x = 0; x < size; ++x)
                (x == 2 ? bar : off).push_back(winner * size * size + y * size + x);
        const double barGain = mean(r.kernelsAfter, bar) - mean(r.kernelsBefore, bar);
        const double offGain = mean(r.kernelsAfter, off) - mean(r.kernelsBefore, off);
        QVERIFY2(barGain > 0.05, qPrintable(QStringLiteral("bar weights grew by %1").arg(barGain)));
        QVERIFY2(offGain < 0.0, qPrintable(QStringLiteral("background weights changed by %1").arg(offGain)));
        // Weights stay in [w_min, w_max].
        for (double w : r.kernelsAfter)
            QVERIFY(w >= p.stdp.wMin && w <= p.stdp.wMax);
    }

    void everyWindowIsPresented()
    {
        // The seed network: 81 windows per 28×28 image (the original ran 49).
        // A single bright pixel in the bottom-right corner lies only in window 80.
        auto data = std::make_shared<model::Dataset>();
        data->train.rows = data->train.cols = 28;
        for (int i = 0; i < 2; ++i) {
            data->train.pixels.resize(data->train.pixels.size() + 784, 0);
            data->train.pixels.back() = 255;
            data->train.labels.push_back(i);
            data->train.sourceIndex.push_back(i);
        }
        PhaseInputs in = test::inputsFor(model::seedNetwork(), data);
        in.training.recordWindows = 200;
        const LayerTrainingResult r = *run(in, PhaseKind::TrainLayer).training();
        QCOMPARE(r.windowsPerExample, std::int64_t(81));
        QCOMPARE(r.windowsPresented, std::int64_t(2 * 81));
        QCOMPARE(r.simulatedMs, 2 * 81 * 100.0);
        // Input spikes exist exactly in windows 80 and 161, at window-local id 15 (ky = kx = 3).
        QVERIFY(!r.inputSpikes.ids.empty());
        for (std::size_t i = 0; i < r.inputSpikes.size(); ++i) {
            const int window = int(r.inputSpikes.times[i] / 100.0);
            QVERIFY2(window == 80 || window == 161, qPrintable(QString::number(window)));
            QCOMPARE(r.inputSpikes.ids[i], 15);
        }
        QCOMPARE(int(r.snapshots.size()), int(r.snapshotWindows.size()));
        QCOMPARE(r.snapshotWindows.back(), std::int64_t(162));
    }

    void cutWindowsCoversOverlaps()
    {
        // 5×5 input, 3×3 kernel, stride 1: the centre pixel is in all 9 windows.
        SpikeList s;
        s.add(12, 3.0);
        const auto w = cutWindows(s, WindowGeometry{{5, 5, 1}, 3, 3, 1});
        QCOMPARE(int(w.size()), 9);
        for (int p = 0; p < 9; ++p) {
            QCOMPARE(int(w[std::size_t(p)].size()), 1);
            const int oy = p / 3, ox = p % 3;
            QCOMPARE(w[std::size_t(p)].ids[0], (2 - oy) * 3 + (2 - ox));
        }
        // Channel 1 of a two-channel input keeps its channel in the local id.
        SpikeList c;
        c.add(25 + 0, 1.0);
        const auto w2 = cutWindows(c, WindowGeometry{{5, 5, 2}, 3, 3, 2});
        QCOMPARE(w2[0].ids.at(0), 9);
        QVERIFY(w2[1].ids.empty());
    }

    void featuresDifferBetweenClassesAndSvmReadsThem()
    {
        auto data = test::barDataset(8, 12, 10);
        PhaseInputs in = test::inputsFor(test::smallNetwork(8, 1), data);
        trainAll(in);
        const PhaseOutcome svm = run(in, PhaseKind::Svm);
        const ReadoutResult& r = *svm.readout();
        QCOMPARE(r.features.rows, 24);
        QCOMPARE(r.features.cols, 6 * 6 * 4);
        std::vector<double> m0(std::size_t(r.features.cols)), m1(m0.size());
        for (int i = 0; i < r.features.rows; ++i)
            for (int j = 0; j < r.features.cols; ++j)
                (r.labels[std::size_t(i)] == 0 ? m0 : m1)[std::size_t(j)] += r.features.at(i, j);
        double diff = 0.0, total = 0.0;
        for (std::size_t j = 0; j < m0.size(); ++j) {
            diff += std::abs(m0[j] - m1[j]);
            total += m0[j] + m1[j];
        }
        QVERIFY2(total > 0.0, "the last layer must spike");
        QVERIFY2(diff / total > 0.1, qPrintable(QStringLiteral("class means differ by %1").arg(diff / total)));
        QVERIFY(r.svm && r.svm->isTrained());
        QVERIFY(!r.firstExamples.empty());
        QCOMPARE(r.firstExamples[0].label, std::string("input"));

        in.svm = r.svm;
        const PhaseOutcome t = run(in, PhaseKind::Test);
        QCOMPARE(t.examples, std::int64_t(20));
        QVERIFY2(*t.accuracy() >= 0.8, qPrintable(QString::number(*t.accuracy())));
        QCOMPARE(int(t.readout()->report.classes.size()), 2);
    }

    void sameSeedSameResultsOnAnyThreads()
    {
        auto data = test::barDataset(8, 4, 4);
        PhaseInputs a = test::inputsFor(test::smallNetwork(8, 2), data);
        PhaseInputs b = a;
        trainAll(a, 1);
        trainAll(b, 2);
        QCOMPARE(a.kernels, b.kernels);
        const auto fa = run(a, PhaseKind::Svm, 0, 1);
        const auto fb = run(b, PhaseKind::Svm, 0, 2);
        QCOMPARE(fa.readout()->features.values, fb.readout()->features.values);
        QCOMPARE(fa.readout()->predicted, fb.readout()->predicted);
        // Another seed gives other kernels.
        PhaseInputs c = test::inputsFor(test::smallNetwork(8, 2), data, 99);
        trainAll(c, 1);
        QVERIFY(c.kernels[0] != a.kernels[0]);
    }

    void cacheIsUsedAndInvalidated()
    {
        auto data = test::barDataset(8, 4, 2);
        PhaseInputs in = test::inputsFor(test::smallNetwork(8, 2), data);
        in.kernels[0] = run(in, PhaseKind::TrainLayer, 0).training()->chosen;
        const PhaseOutcome first = run(in, PhaseKind::TrainLayer, 1);
        QVERIFY(!first.training()->usedCache);
        QVERIFY(first.training()->rebuilt);
        QCOMPARE(first.training()->rebuilt->key, rebuildCacheKey(in, 1));
        QCOMPARE(first.training()->rebuilt->examples, 8);

        in.cache = first.training()->rebuilt;
        const PhaseOutcome second = run(in, PhaseKind::TrainLayer, 1);
        QVERIFY(second.training()->usedCache);
        QVERIFY(!second.training()->rebuilt);
        QCOMPARE(second.training()->kernelsAfter, first.training()->kernelsAfter);

        // Anything the spikes depend on changes the key: kernels, seed, encoding, data.
        PhaseInputs k = in;
        k.kernels[0][0] += 0.01;
        QVERIFY(rebuildCacheKey(k, 1) != rebuildCacheKey(in, 1));
        PhaseInputs s = in;
        s.seed = 4;
        QVERIFY(rebuildCacheKey(s, 1) != rebuildCacheKey(in, 1));
        PhaseInputs e = in;
        e.network.encoding.fireFactor = 5.0;
        QVERIFY(rebuildCacheKey(e, 1) != rebuildCacheKey(in, 1));
        PhaseInputs d = in;
        d.data = test::barDataset(8, 4, 2, 8);
        QVERIFY(rebuildCacheKey(d, 1) != rebuildCacheKey(in, 1));
        // The trained layer's own STDP settings do not matter to the cache.
        PhaseInputs own = in;
        own.network.layers[1].params.stdp.aPlus = 0.05;
        QCOMPARE(rebuildCacheKey(own, 1), rebuildCacheKey(in, 1));
        const PhaseOutcome stale = run(k, PhaseKind::TrainLayer, 1);
        QVERIFY(!stale.training()->usedCache);
    }

    void damagedCacheIsRefused_data()
    {
        QTest::addColumn<qint64>("id"); // −1000: one past the last neuron of the cached layer
        QTest::addColumn<double>("time");
        QTest::addColumn<QString>("message");
        QTest::newRow("neuron past the layer") << qint64(-1000) << 1.0 << QStringLiteral("outside 0 … ");
        QTest::newRow("negative neuron") << qint64(-1) << 1.0 << QStringLiteral("on neuron -1,");
        QTest::newRow("beyond 32 bits") << (qint64(1) << 33) << 1.0 << QStringLiteral("on neuron 8589934592,");
        QTest::newRow("time not a number") << qint64(3) << std::nan("") << QStringLiteral("no valid time");
        QTest::newRow("negative time") << qint64(3) << -2.0 << QStringLiteral("no valid time");
    }

    void damagedCacheIsRefused()
    {
        QFETCH(qint64, id);
        QFETCH(double, time);
        QFETCH(QString, message);
        // The cache in an experiment folder drives the layer above; a damaged one must not reach it.
        auto data = test::barDataset(8, 4, 2);
        PhaseInputs in = test::inputsFor(test::smallNetwork(8, 2), data);
        in.kernels[0] = run(in, PhaseKind::TrainLayer, 0).training()->chosen;
        const PhaseOutcome trained = run(in, PhaseKind::TrainLayer, 1);
        QVERIFY(trained.training()->rebuilt);
        const model::Shape shape = trained.training()->rebuilt->shape;
        const qint64 neurons = qint64(shape.h) * shape.w * shape.c;
        if (id == -1000) {
            id = neurons;
            message = QStringLiteral("on neuron %1, outside 0 … %2").arg(neurons).arg(neurons - 1);
        }
        model::Experiment e;
        e.network = in.network;
        commitPhase(trained, e, isoNow());
        QVERIFY(phaseInputs(e, data).cache); // the cache as stored reads back
        e.arrays["cache/rebuilt_ids.npy"] = model::NpyArray::fromInt64({2}, {0, id});
        e.arrays["cache/rebuilt_times.npy"] = model::NpyArray::fromDouble({2}, {0.5, time});
        try {
            phaseInputs(e, data);
            QFAIL("accepted");
        } catch (const model::Error& err) {
            QVERIFY2(QString::fromUtf8(err.what()).contains(message), err.what());
            QVERIFY2(QString::fromUtf8(err.what()).contains(QStringLiteral("spike 1 ")), err.what());
        }
    }

    void replicasKeepEveryCopy()
    {
        auto data = test::barDataset(8, 4, 2);
        PhaseInputs in = test::inputsFor(test::smallNetwork(8, 1), data);
        SimBackend sim;
        const PhaseOutcome o = runPhase({PhaseKind::TrainLayer, 0, 3}, in, sim, PhaseControl{});
        const LayerTrainingResult& r = *o.training();
        const std::size_t per = 4 * 9;
        QCOMPARE(r.replicas, 3);
        QCOMPARE(r.kernelsAfter.size(), 3 * per);
        QVERIFY(!std::equal(r.kernelsBefore.begin(), r.kernelsBefore.begin() + per,
                            r.kernelsBefore.begin() + per));
        QVERIFY(r.chosenReplica >= 0 && r.chosenReplica < 3);
        QCOMPARE(r.chosen, std::vector<double>(r.kernelsAfter.begin() + per * r.chosenReplica,
                                               r.kernelsAfter.begin() + per * (r.chosenReplica + 1)));
        QCOMPARE(chooseReplica({5, 0, 3, 3}, 2, 2), 1);
    }

    void cancelStopsWithinTheRun()
    {
        auto data = test::barDataset(8, 20, 2);
        PhaseInputs in = test::inputsFor(test::smallNetwork(8, 1), data);
        std::atomic<bool> cancel{false};
        int progressCalls = 0;
        PhaseControl control;
        control.cancel = &cancel;
        control.progress = [&](const PhaseProgress& p) {
            ++progressCalls;
            QVERIFY(p.done <= p.total);
            if (p.done > 0)
                cancel = true;
        };
        SimBackend sim;
        QVERIFY_THROWS_EXCEPTION(model::Cancelled,
                                 runPhase({PhaseKind::TrainLayer, 0, 0}, in, sim, control));
        QVERIFY(progressCalls > 0);
    }

    void refusesWhatCannotRun()
    {
        auto data = test::barDataset(8, 2, 2);
        model::Network net = test::smallNetwork(8, 2);
        net.layers.insert(net.layers.begin() + 1, model::Layer::pool(2, 1));
        PhaseInputs in = test::inputsFor(net, data);
        QVERIFY_THROWS_EXCEPTION(model::Error, run(in, PhaseKind::TrainLayer, 1)); // pooling
        QVERIFY_THROWS_EXCEPTION(model::Error, run(in, PhaseKind::TrainLayer, 2)); // layer 1 untrained
        QVERIFY_THROWS_EXCEPTION(model::Error, run(in, PhaseKind::Test));         // no SVM
        QVERIFY_THROWS_EXCEPTION(model::Error, run(in, PhaseKind::TrainLayer, 5));
        PhaseInputs wrong = in;
        wrong.network.input = {9, 9, 1};
        QVERIFY_THROWS_EXCEPTION(model::Error, run(wrong, PhaseKind::TrainLayer, 0));
    }

    void poolingPassesSpikesInTheRebuild()
    {
        auto data = test::barDataset(8, 6, 2);
        model::Network net = test::smallNetwork(8, 1);
        net.layers.push_back(model::Layer::pool(2, 2));
        PhaseInputs in = test::inputsFor(net, data);
        trainAll(in);
        const PhaseOutcome o = run(in, PhaseKind::Svm);
        const ReadoutResult& r = *o.readout();
        QCOMPARE(r.features.cols, 3 * 3 * 4);
        const double sum = std::accumulate(r.features.values.begin(), r.features.values.end(), 0.0);
        QVERIFY2(sum > 0.0, "the pooling layer must pass spikes");
    }
};

QTEST_GUILESS_MAIN(TestPhaseRunner)
#include "tst_phaserunner.moc"
