// SPDX-License-Identifier: GPL-3.0-or-later
// The memory estimate before a run (model/limits.h) against what the compiled simulator holds.
#include "hardware/sim/benchnetworks.h"
#include "hardware/sim/simnetwork.h"
#include "model/limits.h"
#include "model/network.h"

#include <QTest>

using namespace scnn;

class TestSimMemory : public QObject
{
    Q_OBJECT

private slots:
    /// The estimate never undercounts, and stays within 1.5× of SimNetwork::connectivityBytes().
    void estimateCoversTheSimulator_data()
    {
        QTest::addColumn<int>("which");
        QTest::newRow("seed inference (conv 4 4x4/3)") << 0;
        QTest::newRow("large (conv 30 5x5/1)") << 1;
    }

    void estimateCoversTheSimulator()
    {
        QFETCH(int, which);
        model::Network net = model::seedNetwork();
        hardware::PhaseDescription phase;
        if (which == 0) {
            phase = hardware::sim::seedInferencePhase(1, 1);
        } else {
            net.layers = {model::Layer::conv(30, 5, 1, 0)};
            phase = hardware::sim::largePhase(1, 1);
        }
        const hardware::sim::SimNetwork sim(phase);
        QCOMPARE(sim.synapseCount(), net.totalSynapses());
        const double held = double(sim.connectivityBytes());
        const double estimate = model::networkBytes(net);
        qInfo("%lld synapses: the simulator holds %.0f B (%.2f B/synapse), the estimate says %.0f B (%.2fx)",
              static_cast<long long>(sim.synapseCount()), held, held / double(sim.synapseCount()), estimate,
              estimate / held);
        QVERIFY2(estimate >= held, "the estimate undercounts what the simulator holds");
        QVERIFY2(estimate <= 1.5 * held, "the estimate is far above what the simulator holds");
    }
};

QTEST_GUILESS_MAIN(TestSimMemory)
#include "tst_simmemory.moc"
