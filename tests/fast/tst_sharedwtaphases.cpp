// SPDX-License-Identifier: GPL-3.0-or-later
// The shared-WTA training mode through the phase runner: train, svm, test, determinism, cancel.
#include "hardware/pipeline/phaserunner.h"
#include "hardware/pipeline/sharedwtatraining.h"
#include "hardware/sim/simbackend.h"
#include "model/error.h"
#include "pipeline/pipelinefixture.h"

#include <QTest>

#include <atomic>

using namespace scnn;
using namespace scnn::hardware;
using namespace scnn::hardware::pipeline;
using scnn::test::run;
using model::PhaseKind;

namespace {

/// DoG latency code → conv 6×5×5 → pool 2 → conv 8×3×3, all shared-WTA, on 16×16 bars.
PhaseInputs barInputs()
{
    model::Network net;
    net.encoding.differenceOfGaussians = true;
    net.encoding.dogSigmaCenter = 1.0;
    net.encoding.dogSigmaSurround = 2.0;
    net.encoding.latencyBins = 10;
    net.input = {16, 16, 2};
    net.layers = {model::Layer::conv(6, 5, 1, 0), model::Layer::pool(2, 2),
                  model::Layer::conv(8, 3, 1, 1)};
    net.layers[0].params.wta.threshold = 6.0;
    net.layers[0].params.wta.winners = 2;
    net.layers[0].params.wta.trainImages = 150;
    net.layers[0].params.wta.rateDoublingImages = 30;
    net.layers[2].params.wta.threshold = 4.0;
    net.layers[2].params.wta.winners = 2;
    net.layers[2].params.wta.inhibitionRadius = 1;
    net.layers[2].params.wta.trainImages = 150;
    net.layers[2].params.wta.rateDoublingImages = 30;
    net.classifier.readout = model::ClassifierSpec::Readout::MaxPotential;
    net.classifier.readoutGrid = 2;
    PhaseInputs in = test::inputsFor(net, test::barDataset(16, 40, 20));
    in.training.modes.assign(3, model::LayerTrainingMode::SharedWta);
    in.training.svm.c = 10.0;
    in.training.snapshotEveryWindows = 50;
    return in;
}

void trainAll(PhaseInputs& in, int threads)
{
    for (int layer : {0, 2})
        in.kernels[std::size_t(layer)] = run(in, PhaseKind::TrainLayer, layer, threads).training()->chosen;
}

} // namespace

class TestSharedWtaPhases : public QObject
{
    Q_OBJECT

private slots:
    void trainsWithoutRebuildingTheSimulator();
    void layerBelowMustBeTrained();
    void svmAndTestSeparateBars();
    void sameResultOnOneAndTwoThreads();
    void cancelThrowsAndReturnsNothing();
};

void TestSharedWtaPhases::trainsWithoutRebuildingTheSimulator()
{
    PhaseInputs in = barInputs();
    QVERIFY(usesSharedWta(in));
    const PhaseOutcome o = run(in, PhaseKind::TrainLayer, 0);
    const LayerTrainingResult& t = *o.training();
    QVERIFY(t.mode == model::LayerTrainingMode::SharedWta);
    QCOMPARE(t.kernels, 6);
    QCOMPARE(t.channels, 2);
    QCOMPARE(t.chosen.size(), std::size_t(6 * 2 * 5 * 5));
    QCOMPARE(t.kernelsBefore.size(), t.chosen.size());
    QVERIFY(t.chosen != t.kernelsBefore);
    QCOMPARE(t.windowsPresented, std::int64_t(150));
    QVERIFY(!t.snapshots.empty());
    QCOMPARE(t.snapshots.size(), t.snapshotWindows.size());
    QVERIFY(!t.rebuilt);
    // STDP drove the weights of the kernels that won towards 0 or 1.
    std::int64_t wins = 0;
    for (std::int64_t c : t.spikeCounts)
        wins += c;
    QVERIFY(wins > 0);
}

void TestSharedWtaPhases::layerBelowMustBeTrained()
{
    const PhaseInputs in = barInputs();
    QVERIFY_THROWS_EXCEPTION(model::Error, run(in, PhaseKind::TrainLayer, 2));
}

void TestSharedWtaPhases::svmAndTestSeparateBars()
{
    PhaseInputs in = barInputs();
    trainAll(in, 1);

    const PhaseOutcome svm = run(in, PhaseKind::Svm);
    const ReadoutResult& r = *svm.readout();
    QCOMPARE(r.features.rows, 80);
    QCOMPARE(r.features.cols, 8 * 2 * 2);
    // Features differ between the classes.
    QVERIFY(!std::equal(r.features.row(0), r.features.row(0) + r.features.cols, r.features.row(1)));

    QCOMPARE(r.firstExamples.size(), std::size_t(4)); // input and three layers
    QVERIFY(r.firstExamples[0].spikes.size() > 0);
    in.svm = r.svm;
    const PhaseOutcome test = run(in, PhaseKind::Test);
    QVERIFY2(*test.accuracy() >= 0.9, qPrintable(QString::number(*test.accuracy())));
}

void TestSharedWtaPhases::sameResultOnOneAndTwoThreads()
{
    PhaseInputs a = barInputs();
    PhaseInputs b = barInputs();
    trainAll(a, 1);
    trainAll(b, 2);
    QVERIFY(a.kernels == b.kernels);
    const ReadoutResult fa = *run(a, PhaseKind::Svm, 0, 1).readout();
    const ReadoutResult fb = *run(b, PhaseKind::Svm, 0, 2).readout();
    QVERIFY(fa.features.values == fb.features.values);
}

void TestSharedWtaPhases::cancelThrowsAndReturnsNothing()
{
    const PhaseInputs in = barInputs();
    std::atomic<bool> cancel{true};
    QVERIFY_THROWS_EXCEPTION(model::Cancelled, run(in, PhaseKind::TrainLayer, 0, 2, &cancel));
}

QTEST_GUILESS_MAIN(TestSharedWtaPhases)
#include "tst_sharedwtaphases.moc"
