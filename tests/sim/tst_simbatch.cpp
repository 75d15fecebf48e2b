// SPDX-License-Identifier: GPL-3.0-or-later
// SpikingConvNet Workbench — batch mode, determinism, progress and cancel of the embedded simulator.
#include "hardware/sim/benchnetworks.h"
#include "hardware/sim/simbackend.h"
#include "model/error.h"
#include "testsupport.h"

#include <QTest>

#include <atomic>
#include <chrono>
#include <thread>

using namespace scnn;
using namespace scnn::hardware;
using Clock = std::chrono::steady_clock;

class TestSimBatch : public QObject
{
    Q_OBJECT

private slots:
    void sameResultsWhateverTheThreadCount_data();
    void sameResultsWhateverTheThreadCount();
    void trialsEqualSeparateRuns();
    void plasticTrialsCarryWeights();
    void cancelWithin100ms_data();
    void cancelWithin100ms();
    void progressAtMost30Hz();
};

void TestSimBatch::sameResultsWhateverTheThreadCount_data()
{
    QTest::addColumn<bool>("large");
    QTest::newRow("seed inference") << false;
    QTest::newRow("30 kernels 5x5") << true;
}

void TestSimBatch::sameResultsWhateverTheThreadCount()
{
    QFETCH(bool, large);
    PhaseDescription ph = large ? sim::largePhase(12, 5) : sim::seedInferencePhase(60, 5);
    ph.batch->recordFirstTrials = 3;
    ph.recordSpikes = {{1}};
    ph.recordMembrane = {{1, {0, 7, 100, 200}, 1.0}};
    SimBackend sim;
    PhaseResult ref;
    for (int threads : {1, 2, 3, 0}) {
        RunControl rc;
        rc.threads = threads;
        const PhaseResult r = sim.run(ph, rc);
        QCOMPARE(r.counts.size(), ph.batch->inputs.size());
        if (threads == 1) {
            ref = r;
            std::int64_t total = 0;
            for (const auto& c : r.counts)
                for (auto x : c)
                    total += x;
            QVERIFY(total > 0);
            QCOMPARE(r.membranes[0].times.size(), std::size_t(3 * 101));
            continue;
        }
        QCOMPARE(r.counts, ref.counts);
        QCOMPARE(r.spikes[0].ids, ref.spikes[0].ids);
        QCOMPARE(r.spikes[0].times, ref.spikes[0].times);
        QCOMPARE(r.membranes[0].values, ref.membranes[0].values);
        QCOMPARE(r.synapticEvents, ref.synapticEvents);
    }
}

void TestSimBatch::trialsEqualSeparateRuns()
{
    PhaseDescription ph = sim::seedInferencePhase(8, 11);
    ph.batch->recordFirstTrials = 8;
    ph.recordSpikes = {{1}};
    SimBackend sim;
    const PhaseResult batch = sim.run(ph, RunControl{});
    for (std::size_t t = 0; t < 8; ++t) {
        PhaseDescription one = ph;
        one.batch.reset();
        one.populations[0].spikes = ph.batch->inputs[t][0];
        const PhaseResult r = sim.run(one, RunControl{});
        std::vector<std::int32_t> counts(std::size_t(ph.populations[1].size), 0);
        for (auto id : r.spikes[0].ids)
            ++counts[std::size_t(id)];
        QCOMPARE(batch.counts[t], counts);
    }
    // The concatenated recording shifts trial k by k·100 ms.
    std::size_t k = 0;
    for (std::size_t t = 0; t < 8; ++t) {
        std::int32_t n = 0;
        for (auto c : batch.counts[t])
            n += c;
        for (std::int32_t q = 0; q < n; ++q, ++k) {
            QVERIFY(batch.spikes[0].times[k] >= 100.0 * double(t));
            QVERIFY(batch.spikes[0].times[k] < 100.0 * double(t + 1));
        }
    }
    QCOMPARE(k, batch.spikes[0].size());
}

void TestSimBatch::plasticTrialsCarryWeights()
{
    // Three 300 ms training trials in batch mode = three runs chained by hand.
    PhaseDescription ph = sim::seedTrainingPhase(9, 3);
    ph.populations[1].params.vThresh = -62.0; // fire often enough to learn
    ph.populations[1].params.tauRefrac = 5.0;
    ph.durationMs = 300.0;
    TrialBatch b;
    b.sources = {0};
    b.countPopulation = 1;
    for (int t = 0; t < 3; ++t) {
        SpikeList s;
        const SpikeList& all = ph.populations[0].spikes;
        for (std::size_t k = 0; k < all.size(); ++k)
            if (all.times[k] >= 300.0 * t && all.times[k] < 300.0 * (t + 1))
                s.add(all.ids[k], all.times[k] - 300.0 * t);
        b.inputs.push_back({s});
    }
    PhaseDescription batch = ph;
    batch.batch = b;
    SimBackend sim;
    RunControl rc;
    rc.threads = 0;
    const PhaseResult rb = sim.run(batch, rc);
    PhaseDescription chained = ph;
    std::int32_t spikes = 0;
    for (int t = 0; t < 3; ++t) {
        chained.populations[0].spikes = b.inputs[std::size_t(t)][0];
        const PhaseResult r = sim.run(chained, RunControl{});
        std::get<FromList>(chained.projections[0].connector).weight = r.finalWeights[0];
        spikes += std::int32_t(r.spikes[0].size());
    }
    QVERIFY(spikes > 0);
    QCOMPARE(rb.finalWeights[0], std::get<FromList>(chained.projections[0].connector).weight);
    QVERIFY(rb.finalWeights[0] != std::get<FromList>(ph.projections[0].connector).weight);
}

void TestSimBatch::cancelWithin100ms_data()
{
    QTest::addColumn<bool>("batch");
    QTest::newRow("batch over all cores") << true;
    QTest::newRow("one long run") << false;
}

void TestSimBatch::cancelWithin100ms()
{
    QFETCH(bool, batch);
    PhaseDescription ph = sim::largePhase(400, 2);
    if (!batch) {
        ph.batch.reset();
        ph.durationMs = 1e6;
    }
    SimBackend sim;
    // The machine may be busy: one of three attempts must stop within 100 ms.
    double best = 1e9;
    for (int attempt = 0; attempt < 3 && best > 100.0; ++attempt) {
        std::atomic<bool> cancel{false};
        RunControl rc;
        rc.cancel = &cancel;
        Clock::time_point setAt;
        std::thread canceller([&] {
            std::this_thread::sleep_for(std::chrono::milliseconds(150));
            setAt = Clock::now();
            cancel = true;
        });
        bool cancelled = false;
        try {
            sim.run(ph, rc);
        } catch (const model::Cancelled&) {
            cancelled = true;
        }
        const auto back = Clock::now();
        canceller.join();
        QVERIFY(cancelled);
        best = std::min(best, std::chrono::duration<double, std::milli>(back - setAt).count());
    }
    qDebug("returned %.1f ms after the cancel flag was set", best);
    QVERIFY(best <= 100.0);
}

void TestSimBatch::progressAtMost30Hz()
{
    PhaseDescription ph = sim::seedTrainingPhase(81 * 6, 1);
    SimBackend sim;
    RunControl rc;
    int calls = 0;
    Progress last;
    rc.progress = [&](const Progress& p) {
        ++calls;
        QVERIFY(p.done >= last.done);
        last = p;
    };
    const auto t0 = Clock::now();
    sim.run(ph, rc);
    const double ms = std::chrono::duration<double, std::milli>(Clock::now() - t0).count();
    QCOMPARE(last.done, last.total);
    QCOMPARE(last.total, std::int64_t(81 * 6 * 100));
    QVERIFY(calls >= 2);
    QVERIFY2(calls <= ms / 33.0 + 3, qPrintable(QStringLiteral("%1 calls in %2 ms").arg(calls).arg(ms)));
}

QTEST_GUILESS_MAIN(TestSimBatch)
#include "tst_simbatch.moc"
