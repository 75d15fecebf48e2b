// SPDX-License-Identifier: GPL-3.0-or-later
// SpikingConvNet Workbench — generated PyNN scripts run for real on Brian 2 against the oracle.
#include "hardware/sim/simbackend.h"
#include "oraclecase.h"
#include "pynntestsupport.h"

#include <QTemporaryDir>
#include <QTest>

#include <algorithm>
#include <cmath>
#include <numeric>

using namespace scnn;
using namespace scnn::hardware;

/**
 * @brief Runs phases through PynnBackend("pynn:brian2") and compares with the
 * oracle, which was produced by the same PyNN 0.10 + Brian 2.5 stack: spikes
 * must be identical, v within 1e-9 mV, STDP weights within 1e-12 nA
 * (oracle README §5.1; numpy and Cython code generation differ by ~1e-12, §4.7).
 *
 * Every run is also compared with the embedded simulator (SimBackend), which
 * implements the same Brian 2 step semantics: spikes and spike counts must be
 * identical, weights within 1e-12 nA, v within 1e-9 mV — within 1e-6 mV in
 * batch mode, where the script lets each trial's state decay over a silent
 * gap (to < 1e-6 of its value) while the simulator resets it exactly.
 */
class TestPynnBrian2 : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void constantCurrentNeuron();
    void convSmallMatchesOracle();
    void batchOfThreeTrials();
    void stdpPairs();
    void stdpPairsAsPlasticBatch();

private:
    PhaseResult run(const PhaseDescription& phase);
    void compareWithSim(const PhaseDescription& phase, const PhaseResult& pynn, double vTolerance);
    test::OracleCase oracle(const char* name);

    QTemporaryDir m_tmp;
    std::vector<std::string> m_log;
};

void TestPynnBrian2::initTestCase()
{
    if (!test::pythonHas("numpy pyNN brian2"))
        QSKIP("python3-pynn / python3-brian are not installed for the test interpreter "
              "(scripts/setup installs them; or set SCNN_TEST_PYTHON)");
    if (!test::sharedExists("data/oracle"))
        QSKIP("the shared oracle data (../shared/data/oracle) is absent");
    QVERIFY(m_tmp.isValid());
}

PhaseResult TestPynnBrian2::run(const PhaseDescription& phase)
{
    PynnBackendOptions o = test::brian2TestOptions(m_tmp.path().toStdString());
    m_log.clear();
    o.log = [this](const std::string& line) { m_log.push_back(line); };
    PynnBackend backend(o);
    RunControl control;
    try {
        return backend.run(phase, control);
    } catch (const model::Error& e) {
        qWarning("%s", e.what());
        throw;
    }
}

namespace {

/// Spikes equal as (neuron, step) pairs.
void compareSpikes(const SpikeList& got, const PynnTable& expected, double dt)
{
    QCOMPARE(got.size(), expected.rows);
    for (std::size_t i = 0; i < got.size(); ++i) {
        QCOMPARE(got.ids[i], std::int32_t(expected.at(i, 0)));
        QCOMPARE(std::llround(got.times[i] / dt), std::llround(expected.at(i, 1) / dt));
    }
}

double maxAbsDiff(const std::vector<double>& a, const std::vector<double>& b)
{
    double m = 0;
    for (std::size_t i = 0; i < std::min(a.size(), b.size()); ++i)
        m = std::max(m, std::abs(a[i] - b[i]));
    return m;
}

} // namespace

void TestPynnBrian2::compareWithSim(const PhaseDescription& phase, const PhaseResult& pynn, double vTolerance)
{
    SimBackend sim;
    const PhaseResult ref = sim.run(phase, RunControl{});
    QCOMPARE(pynn.spikes.size(), ref.spikes.size());
    std::size_t spikes = 0;
    for (std::size_t r = 0; r < ref.spikes.size(); ++r) {
        QCOMPARE(pynn.spikes[r].ids, ref.spikes[r].ids);
        QCOMPARE(pynn.spikes[r].size(), ref.spikes[r].size());
        for (std::size_t i = 0; i < ref.spikes[r].size(); ++i)
            QCOMPARE(std::llround(pynn.spikes[r].times[i] / phase.dt), std::llround(ref.spikes[r].times[i] / phase.dt));
        spikes += ref.spikes[r].size();
    }
    QCOMPARE(pynn.counts, ref.counts);
    double dv = 0;
    QCOMPARE(pynn.membranes.size(), ref.membranes.size());
    for (std::size_t r = 0; r < ref.membranes.size(); ++r) {
        QCOMPARE(pynn.membranes[r].times, ref.membranes[r].times);
        QCOMPARE(pynn.membranes[r].values.size(), ref.membranes[r].values.size());
        dv = std::max(dv, maxAbsDiff(pynn.membranes[r].values, ref.membranes[r].values));
    }
    double dw = 0;
    QCOMPARE(pynn.weightSnapshots.size(), ref.weightSnapshots.size());
    for (std::size_t r = 0; r < ref.weightSnapshots.size(); ++r) {
        QCOMPARE(pynn.weightSnapshots[r].size(), ref.weightSnapshots[r].size());
        for (std::size_t k = 0; k < ref.weightSnapshots[r].size(); ++k) {
            QCOMPARE(pynn.weightSnapshots[r][k].timeMs, ref.weightSnapshots[r][k].timeMs);
            dw = std::max(dw, maxAbsDiff(pynn.weightSnapshots[r][k].weights, ref.weightSnapshots[r][k].weights));
        }
    }
    QCOMPARE(pynn.finalWeights.size(), ref.finalWeights.size());
    for (std::size_t p = 0; p < ref.finalWeights.size(); ++p) {
        QCOMPARE(pynn.finalWeights[p].size(), ref.finalWeights[p].size());
        dw = std::max(dw, maxAbsDiff(pynn.finalWeights[p], ref.finalWeights[p]));
    }
    std::int64_t counted = 0;
    for (const auto& row : ref.counts)
        counted += std::accumulate(row.begin(), row.end(), std::int64_t(0));
    qInfo("  vs embedded simulator: %zu spikes and %lld counted spikes identical, max |dv| %.3g mV, max |dw| %.3g nA",
          spikes, static_cast<long long>(counted), dv, dw);
    QVERIFY2(dv <= vTolerance, qPrintable(QString::number(dv)));
    QVERIFY2(dw <= 1e-12, qPrintable(QString::number(dw)));
}

test::OracleCase TestPynnBrian2::oracle(const char* name)
{
    return test::loadOracleCase(test::sharedDir("data/oracle") + "/" + name);
}


void TestPynnBrian2::constantCurrentNeuron()
{
    const test::OracleCase c = oracle("constant_current_refrac1");
    const PhaseResult r = run(c.phase);
    QCOMPARE(r.spikes.size(), std::size_t(1));
    compareSpikes(r.spikes[0], c.expected("spikes.npy"), c.phase.dt);
    QCOMPARE(r.spikes[0].size(), std::size_t(8)); // 24, 49, …, 199 (ISI 25)
    const auto v = c.expected("v.npy");
    QCOMPARE(r.membranes.size(), std::size_t(1));
    QCOMPARE(r.membranes[0].values.size(), v.data.size());
    QCOMPARE(r.membranes[0].times, c.expected("v_times.npy").data);
    const double dv = maxAbsDiff(r.membranes[0].values, v.data);
    qInfo("constant current: %zu spikes, max |dv| %.3g mV", r.spikes[0].size(), dv);
    QVERIFY2(dv <= 1e-9, qPrintable(QString::number(dv)));
    QVERIFY(std::any_of(m_log.begin(), m_log.end(), [](const std::string& l) { return l.rfind("progress", 0) == 0; }));
    compareWithSim(c.phase, r, 1e-9);
}

void TestPynnBrian2::convSmallMatchesOracle()
{
    test::OracleCase c = oracle("conv_small");
    // Replace the oracle's explicit list by the convolution it was built from.
    c.phase.projections[0].connector = test::convSmallConvolution(c);

    const PhaseResult r = run(c.phase);
    compareSpikes(r.spikes[0], c.expected("spikes.npy"), c.phase.dt);
    const double dv = maxAbsDiff(r.membranes[0].values, c.expected("v.npy").data);
    qInfo("conv_small: %zu spikes (oracle 182), max |dv| %.3g mV", r.spikes[0].size(), dv);
    QVERIFY2(dv <= 1e-9, qPrintable(QString::number(dv)));
    QVERIFY(r.finalWeights[0].empty()); // static convolution
    compareWithSim(c.phase, r, 1e-9);
}

void TestPynnBrian2::batchOfThreeTrials()
{
    const test::OracleCase c = oracle("conv_small");
    PhaseDescription phase = c.phase;
    const int input = c.populationIndex.at("input");
    const int conv = c.populationIndex.at("conv");
    const SpikeList original = phase.populations[std::size_t(input)].spikes;
    SpikeList mirrored; // the crop mirrored left-right: a different input
    for (std::size_t i = 0; i < original.size(); ++i) {
        const int y = original.ids[i] / 6, x = original.ids[i] % 6;
        mirrored.add(y * 6 + (5 - x), original.times[i]);
    }
    TrialBatch b;
    b.sources = {input};
    b.inputs = {{original}, {mirrored}, {original}};
    b.countPopulation = conv;
    b.recordFirstTrials = 2;
    phase.batch = b;
    phase.populations[std::size_t(input)].spikes = {};
    phase.recordMembrane = {{conv, {6, 9, 19}, 1.0}}; // membranes of the recorded trials

    const PhaseResult r = run(phase);
    QCOMPARE(r.counts.size(), std::size_t(3));
    // Trial 0 and trial 2 see the oracle's input: the same counts as the oracle run,
    // which also shows that the gap returns the network to its initial state.
    const auto expected = c.expected("spikes.npy");
    std::vector<std::int32_t> oracleCounts(32, 0);
    for (std::size_t i = 0; i < expected.rows; ++i)
        ++oracleCounts[std::size_t(expected.at(i, 0))];
    QCOMPARE(r.counts[0], oracleCounts);
    QCOMPARE(r.counts[2], oracleCounts);
    QVERIFY(r.counts[1] != oracleCounts);
    // Spikes of the first two trials: trial 0 equals the oracle, trial 1 lies in [100, 200) ms.
    SpikeList first, second;
    for (std::size_t i = 0; i < r.spikes[0].size(); ++i)
        (r.spikes[0].times[i] < 100.0 ? first : second).add(r.spikes[0].ids[i], r.spikes[0].times[i]);
    compareSpikes(first, expected, phase.dt);
    std::int64_t trial1 = 0;
    for (auto n : r.counts[1])
        trial1 += n;
    QCOMPARE(std::int64_t(second.size()), trial1);
    for (double t : second.times)
        QVERIFY(t >= 100.0 && t < 200.0);
    qInfo("batch: counts per trial %lld / %lld / %lld, gap %.0f ms",
          (long long)std::accumulate(r.counts[0].begin(), r.counts[0].end(), 0LL), (long long)trial1,
          (long long)std::accumulate(r.counts[2].begin(), r.counts[2].end(), 0LL),
          PynnScriptGenerator::settleTimeMs(phase));
    QCOMPARE(r.membranes[0].times.size(), std::size_t(2 * 101)); // 0…100 ms of each recorded trial
    compareWithSim(phase, r, 1e-6);
}

void TestPynnBrian2::stdpPairs()
{
    const test::OracleCase c = oracle("stdp_pairs");
    QCOMPARE(c.phase.recordWeights.size(), std::size_t(1));
    const PhaseResult r = run(c.phase);
    compareSpikes(r.spikes[0], c.expected("spikes.npy"), c.phase.dt);
    const auto w = c.expected("weights_after_pair.npy");
    const auto times = c.expected("weight_times.npy");
    QCOMPARE(r.weightSnapshots[0].size(), w.rows);
    double dw = 0;
    for (std::size_t k = 0; k < w.rows; ++k) {
        QCOMPARE(r.weightSnapshots[0][k].timeMs, times.data[k]);
        QCOMPARE(r.weightSnapshots[0][k].weights.size(), std::size_t(1));
        dw = std::max(dw, std::abs(r.weightSnapshots[0][k].weights[0] - w.at(k, 0)));
    }
    qInfo("stdp_pairs: 8 weight read-backs, max |dw| %.3g nA", dw);
    QVERIFY2(dw <= 1e-12, qPrintable(QString::number(dw)));
    QCOMPARE(r.finalWeights[0].size(), std::size_t(1));
    QVERIFY(std::abs(r.finalWeights[0][0] - w.at(w.rows - 1, 0)) <= 1e-12);
    QCOMPARE(r.finalWeights[1], std::get<FromList>(c.phase.projections[1].connector).weight); // static drive
    compareWithSim(c.phase, r, 1e-9);
}

void TestPynnBrian2::stdpPairsAsPlasticBatch()
{
    // The same 8 pairs as 8 trials of 300 ms: the weight carries over from trial to
    // trial, everything else restarts. The oracle's pairs are 300 ms apart (earlier
    // traces weigh e^-40), so the read-backs at each trial's end must be the oracle's.
    const test::OracleCase c = oracle("stdp_pairs");
    PhaseDescription phase = c.phase;
    const double T = 300.0;
    TrialBatch b;
    b.sources = {c.populationIndex.at("pre"), c.populationIndex.at("drive")};
    b.inputs.resize(8);
    for (int t = 0; t < 8; ++t)
        for (int s : b.sources) {
            SpikeList local;
            const SpikeList& all = phase.populations[std::size_t(s)].spikes;
            for (std::size_t i = 0; i < all.size(); ++i)
                if (all.times[i] >= t * T && all.times[i] < (t + 1) * T)
                    local.add(all.ids[i], all.times[i] - t * T);
            b.inputs[std::size_t(t)].push_back(local);
        }
    for (int s : b.sources)
        phase.populations[std::size_t(s)].spikes = {};
    b.countPopulation = c.populationIndex.at("post");
    b.recordFirstTrials = 8;
    phase.batch = b;
    phase.durationMs = T;
    phase.recordMembrane.clear();
    phase.recordWeights = {{0, T}};

    const PhaseResult r = run(phase);
    const auto w = c.expected("weights_after_pair.npy");
    const auto times = c.expected("weight_times.npy");
    QCOMPARE(r.weightSnapshots[0].size(), std::size_t(8));
    double dw = 0;
    for (std::size_t k = 0; k < 8; ++k) {
        QCOMPARE(r.weightSnapshots[0][k].timeMs, times.data[k]);
        dw = std::max(dw, std::abs(r.weightSnapshots[0][k].weights[0] - w.at(k, 0)));
    }
    qInfo("plastic batch of 8 trials: max |dw| %.3g nA against the oracle's continuous run", dw);
    QVERIFY2(dw <= 1e-12, qPrintable(QString::number(dw)));
    compareSpikes(r.spikes[0], c.expected("spikes.npy"), phase.dt);
    for (const auto& row : r.counts)
        QCOMPARE(row, std::vector<std::int32_t>{1}); // the drive makes the post neuron fire once per pair
    compareWithSim(phase, r, 1e-9);
}

QTEST_GUILESS_MAIN(TestPynnBrian2)
#include "tst_pynnbrian2.moc"
