// SPDX-License-Identifier: GPL-3.0-or-later
// Live snapshots of a training layer: bounded, inside their span, and
// consistent with what the phase finally returns (recorded spikes, traces
// and spike counts).
#include "hardware/pipeline/networkbuilder.h"
#include "hardware/pipeline/phaserunner.h"
#include "hardware/sim/simbackend.h"
#include "pipelinefixture.h"

#include <QTest>

#include <algorithm>
#include <numeric>

using namespace scnn;
using namespace scnn::hardware;
using namespace scnn::hardware::pipeline;


namespace {

/// Trains layer 1 on the simulator, keeping every snapshot.
PhaseOutcome trainWithSnapshots(const PhaseInputs& in, int replicas, std::vector<TrainingSnapshot>& snaps)
{
    PhaseControl control;
    control.threads = 1;
    control.snapshot = [&](const TrainingSnapshot& s) { snaps.push_back(s); };
    SimBackend sim;
    return runPhase({model::PhaseKind::TrainLayer, 0, replicas}, in, sim, control);
}

} // namespace

class TestLiveSnapshot : public QObject
{
    Q_OBJECT

private slots:
    void windowedSnapshotsMatchTheResult()
    {
        const int size = 8;
        PhaseInputs in = test::inputsFor(test::smallNetwork(size, 1), test::barDataset(size, 6, 2));
        in.training.snapshotEveryWindows = 40;
        in.training.recordWindows = 40; // the first snapshot lies inside the recorded prefix
        in.training.membraneNeurons = 2;
        std::vector<TrainingSnapshot> snaps;
        const int replicas = 2;
        const PhaseOutcome out = trainWithSnapshots(in, replicas, snaps);
        const LayerTrainingResult& r = *out.training();
        const double T = in.network.timing.presentationMs;
        const int k = r.kernels;

        QCOMPARE(snaps.size(), r.snapshots.size());
        QVERIFY(snaps.size() >= 3);
        std::vector<std::int32_t> previous;
        std::size_t largest = 0;
        for (const TrainingSnapshot& s : snaps) {
            const LiveRecording& l = s.live;
            QCOMPARE(l.toMs, double(s.windows) * T);
            QVERIFY(l.fromMs < l.toMs);
            QVERIFY(l.toMs - l.fromMs <= LiveRecording::liveWindows * T);
            QCOMPARE(l.inputNeurons, r.kh * r.kw * r.channels);
            QCOMPARE(l.outputNeurons, replicas * k);
            QVERIFY(l.input.size() <= LiveRecording::liveMaxSpikes);
            QVERIFY(l.output.size() <= LiveRecording::liveMaxSpikes);
            for (const SpikeList* list : {&l.input, &l.output})
                for (std::size_t i = 0; i < list->size(); ++i) {
                    QVERIFY(list->times[i] >= l.fromMs && list->times[i] < l.toMs);
                    QVERIFY(list->ids[i] >= 0);
                }
            for (std::int32_t id : l.input.ids)
                QVERIFY(id < l.inputNeurons);
            for (std::int32_t id : l.output.ids)
                QVERIFY(id < l.outputNeurons);
            // Traces cover the span with the recorded neurons.
            QCOMPARE(l.membranes.neurons.size(), std::size_t(2));
            QVERIFY(!l.membranes.times.empty());
            QCOMPARE(l.membranes.values.size(), l.membranes.times.size() * 2);
            QVERIFY(l.membranes.times.front() >= l.fromMs && l.membranes.times.back() <= l.toMs);
            // Activity: (H, W, K) counts that only grow.
            QCOMPARE(l.mapShape.c, k);
            QCOMPARE(l.activity.size(), std::size_t(l.mapShape.size()));
            if (!previous.empty())
                for (std::size_t i = 0; i < previous.size(); ++i)
                    QVERIFY(l.activity[i] >= previous[i]);
            previous = l.activity;
            QVERIFY(l.example >= 0 && l.example < r.examples);
            largest = std::max(largest, (l.input.size() + l.output.size()) * 12
                                            + l.membranes.values.size() * 8 + l.activity.size() * 4);
        }
        qInfo("%zu snapshots, largest live payload %zu bytes", snaps.size(), largest);

        // The last counts are the phase's counts of replica 0, spread over positions.
        std::vector<std::int64_t> perKernel(std::size_t(k), 0);
        for (std::size_t i = 0; i < previous.size(); ++i)
            perKernel[i % std::size_t(k)] += previous[i];
        for (int n = 0; n < k; ++n)
            QCOMPARE(perKernel[std::size_t(n)], r.spikeCounts[std::size_t(n)]);
        QVERIFY(std::accumulate(perKernel.begin(), perKernel.end(), std::int64_t(0)) > 0);

        // The first snapshot's spikes are the recorded ones in its span.
        const LiveRecording& first = snaps.front().live;
        for (const auto& [live, recorded] : {std::pair{&first.input, &r.inputSpikes},
                                             std::pair{&first.output, &r.outputSpikes}}) {
            const SpikeList expected = sliceSpikes(*recorded, first.fromMs, first.toMs, 0.0);
            QCOMPARE(live->ids, expected.ids);
            QCOMPARE(live->times, expected.times);
        }
        QVERIFY(!first.input.ids.empty());
        // And its traces are the recorded ones at the same times.
        const MembraneTrace& m = r.membranes;
        QCOMPARE(first.membranes.neurons, m.neurons);
        const auto at = std::lower_bound(m.times.begin(), m.times.end(), first.membranes.times.front());
        QVERIFY(at != m.times.end());
        const std::size_t offset = std::size_t(at - m.times.begin()) * m.neurons.size();
        for (std::size_t i = 0; i < first.membranes.values.size() && offset + i < m.values.size(); ++i)
            QCOMPARE(first.membranes.values[i], m.values[offset + i]);
    }

    void sharedWtaSnapshotsCarryThePresentedImage()
    {
        // DoG latency code → conv 6×5×5 in the shared-WTA mode on 16×16 bars.
        model::Network net;
        net.encoding.differenceOfGaussians = true;
        net.encoding.dogSigmaSurround = 2.0;
        net.encoding.latencyBins = 10;
        net.input = {16, 16, 2};
        net.layers = {model::Layer::conv(6, 5, 1, 0)};
        net.layers[0].params.wta.threshold = 6.0;
        net.layers[0].params.wta.winners = 2;
        net.layers[0].params.wta.trainImages = 150;
        PhaseInputs in = test::inputsFor(net, test::barDataset(16, 40, 5));
        in.training.modes.assign(1, model::LayerTrainingMode::SharedWta);
        in.training.snapshotEveryWindows = 50;
        std::vector<TrainingSnapshot> snaps;
        const PhaseOutcome out = trainWithSnapshots(in, 1, snaps);
        const LayerTrainingResult& r = *out.training();
        QVERIFY(snaps.size() >= 2);
        const double T = in.network.timing.presentationMs;
        std::vector<std::int32_t> previous;
        std::size_t outputs = 0;
        for (const TrainingSnapshot& s : snaps) {
            const LiveRecording& l = s.live;
            // One image: the one presented last, at its place in phase time.
            QCOMPARE(l.toMs - l.fromMs, T);
            QCOMPARE(l.toMs, double(s.windows) * T);
            QVERIFY(l.example >= 0 && l.example < in.data->train.size());
            QVERIFY(!l.input.ids.empty()); // a bar always has contrast
            for (const SpikeList* list : {&l.input, &l.output})
                for (std::size_t i = 0; i < list->size(); ++i)
                    QVERIFY(list->times[i] >= l.fromMs && list->times[i] < l.toMs);
            for (std::int32_t id : l.input.ids)
                QVERIFY(id >= 0 && id < l.inputNeurons);
            for (std::int32_t id : l.output.ids)
                QVERIFY(id >= 0 && id < l.outputNeurons);
            outputs += l.output.size();
            // Each output neuron fires at most once per image.
            std::vector<std::int32_t> ids = l.output.ids;
            std::sort(ids.begin(), ids.end());
            QVERIFY(std::adjacent_find(ids.begin(), ids.end()) == ids.end());
            // Counts per position and map: the layer's output shape, growing.
            QCOMPARE(l.mapShape.c, r.kernels);
            QCOMPARE(l.activity.size(), std::size_t(l.mapShape.size()));
            QCOMPARE(l.outputNeurons, int(l.mapShape.size()));
            if (!previous.empty())
                for (std::size_t i = 0; i < previous.size(); ++i)
                    QVERIFY(l.activity[i] >= previous[i]);
            previous = l.activity;
        }
        // The counts are the output spikes of the snapshot images.
        QCOMPARE(std::size_t(std::accumulate(previous.begin(), previous.end(), std::int64_t(0))), outputs);
        QVERIFY(outputs > 0);
    }
};

QTEST_GUILESS_MAIN(TestLiveSnapshot)
#include "tst_livesnapshot.moc"
