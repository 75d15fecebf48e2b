// SPDX-License-Identifier: GPL-3.0-or-later
// SpikingConvNet Workbench — generated PyNN scripts run for real on Brian 2 against the oracle.
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
 * must be identical; v within 1e-9 mV where no weights are involved and
 * 1e-5 mV where the phase's float weights replace the oracle's float64 ones;
 * STDP weights within 1e-7 nA (float). Numpy and Cython code generation
 * differ by ~1e-12 (oracle README §4.7).
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

private:
    PhaseResult run(const PhaseDescription& phase);
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

test::OracleCase TestPynnBrian2::oracle(const char* name)
{
    return test::loadOracleCase(test::sharedDir("data/oracle") + "/" + name);
}

namespace {

/// Spikes equal as (neuron, step) pairs.
void compareSpikes(const SpikeList& got, const pynn::NpyArray& expected, double dt)
{
    QCOMPARE(got.size(), expected.rows());
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
    // The phase holds the kernels as float (the oracle used float64 0.9, 0.2, …):
    // a relative weight error of 6e-8 moves v by ~3e-7 mV here.
    QVERIFY2(dv <= 1e-5, qPrintable(QString::number(dv)));
    QVERIFY(r.finalWeights[0].empty()); // static convolution
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
    phase.recordMembrane.clear();

    const PhaseResult r = run(phase);
    QCOMPARE(r.counts.size(), std::size_t(3));
    // Trial 0 and trial 2 see the oracle's input: the same counts as the oracle run,
    // which also shows that the gap returns the network to its initial state.
    const auto expected = c.expected("spikes.npy");
    std::vector<std::int32_t> oracleCounts(32, 0);
    for (std::size_t i = 0; i < expected.rows(); ++i)
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
}

void TestPynnBrian2::stdpPairs()
{
    const test::OracleCase c = oracle("stdp_pairs");
    QCOMPARE(c.phase.recordWeights.size(), std::size_t(1));
    const PhaseResult r = run(c.phase);
    compareSpikes(r.spikes[0], c.expected("spikes.npy"), c.phase.dt);
    const auto w = c.expected("weights_after_pair.npy");
    const auto times = c.expected("weight_times.npy");
    QCOMPARE(r.weightSnapshots[0].size(), w.rows());
    double dw = 0;
    for (std::size_t k = 0; k < w.rows(); ++k) {
        QCOMPARE(r.weightSnapshots[0][k].timeMs, times.data[k]);
        QCOMPARE(r.weightSnapshots[0][k].weights.size(), std::size_t(1));
        dw = std::max(dw, std::abs(double(r.weightSnapshots[0][k].weights[0]) - w.at(k, 0)));
    }
    // float (PhaseResult's weight type) holds the values to ~3e-8.
    qInfo("stdp_pairs: 8 weight read-backs, max |dw| %.3g nA", dw);
    QVERIFY2(dw <= 1e-7, qPrintable(QString::number(dw)));
    QCOMPARE(r.finalWeights[0].size(), std::size_t(1));
    QVERIFY(std::abs(r.finalWeights[0][0] - w.at(w.rows() - 1, 0)) <= 1e-7);
    QCOMPARE(r.finalWeights[1], std::get<FromList>(c.phase.projections[1].connector).weight); // static drive
}

QTEST_GUILESS_MAIN(TestPynnBrian2)
#include "tst_pynnbrian2.moc"
