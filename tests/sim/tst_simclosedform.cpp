// SPDX-License-Identifier: GPL-3.0-or-later
// SpikingConvNet Workbench — the embedded simulator against closed-form solutions.
#include "hardware/sim/simbackend.h"
#include "model/error.h"
#include "simfixtures.h"
#include "testsupport.h"

#include <QTest>

#include <cmath>

using namespace scnn;
using namespace scnn::hardware;
using test::link;
using test::neuron;
using test::source;

class TestSimClosedForm : public QObject
{
    Q_OBJECT

private slots:
    void singlePsp_data();
    void singlePsp();
    void constantCurrent_data();
    void constantCurrent();
    void delays_data();
    void delays();
    void stdpPair_data();
    void stdpPair();
    void multiplicativeRule_data();
    void multiplicativeRule();
    void nonLeakyFiresOncePerPresentation();
    void invalidDescriptions_data();
    void invalidDescriptions();
};

namespace {

model::NeuronParams pspParams()
{
    model::NeuronParams q;
    q.cm = 1.0;
    q.tauM = 20.0;
    q.tauRefrac = 0.1;
    q.vRest = -65.0;
    q.vReset = -65.0;
    q.vThresh = -50.0;
    q.tauSynE = 5.0;
    q.tauSynI = 5.0;
    return q;
}

} // namespace

void TestSimClosedForm::singlePsp_data()
{
    QTest::addColumn<double>("dt");
    QTest::addColumn<double>("tauM");
    QTest::addColumn<double>("tauSyn");
    QTest::addColumn<double>("weight");
    QTest::addColumn<bool>("inhibitory");
    QTest::newRow("dt 1, exc") << 1.0 << 20.0 << 5.0 << 1.0 << false;
    QTest::newRow("dt 0.1, exc") << 0.1 << 20.0 << 5.0 << 1.0 << false;
    QTest::newRow("dt 0.1, inh") << 0.1 << 20.0 << 5.0 << 0.5 << true;
    QTest::newRow("dt 0.5, fast membrane") << 0.5 << 3.0 << 8.0 << 2.0 << false;
    QTest::newRow("dt 0.25, layer-1 cell") << 0.25 << 10.0 << 5.0 << 0.3 << false;
}

void TestSimClosedForm::singlePsp()
{
    QFETCH(double, dt);
    QFETCH(double, tauM);
    QFETCH(double, tauSyn);
    QFETCH(double, weight);
    QFETCH(bool, inhibitory);
    model::NeuronParams q = pspParams();
    q.tauM = tauM;
    q.tauSynE = q.tauSynI = tauSyn;
    const double tSpike = 5.0;
    const double delay = 1.0;
    PhaseDescription ph;
    ph.dt = dt;
    ph.durationMs = 60.0;
    ph.populations = {source(1, {{0, tSpike}}), neuron(q)};
    ph.projections = {link(0, 1, weight, delay, inhibitory ? Receptor::Inhibitory : Receptor::Excitatory)};
    ph.recordMembrane = {{1, {0}, dt}};
    const PhaseResult r = SimBackend().run(ph, RunControl{});
    const MembraneTrace& m = r.membranes.at(0);
    QCOMPARE(m.times.size(), std::size_t(std::llround(60.0 / dt)) + 1);
    // Brian 2's exact integration is the continuous solution with the onset
    // one step after arrival (oracle README §4.1/§4.3).
    const double onset = tSpike + delay + dt;
    const double sign = inhibitory ? -1.0 : 1.0;
    const double amp = sign * weight * tauM * tauSyn / (q.cm * (tauM - tauSyn));
    double peak = 0.0;
    for (std::size_t k = 0; k < m.times.size(); ++k) {
        const double t = m.times[k];
        const double s = t - onset;
        const double expect = s <= 1e-12 ? q.vRest : q.vRest + amp * (std::exp(-s / tauM) - std::exp(-s / tauSyn));
        QVERIFY2(std::abs(m.values[k] - expect) < 1e-9,
                 qPrintable(QStringLiteral("t = %1: v = %2, analytic %3").arg(t).arg(m.values[k], 0, 'g', 15).arg(expect, 0, 'g', 15)));
        peak = std::max(peak, std::abs(m.values[k] - q.vRest));
    }
    QVERIFY(peak > 0.01);
}

void TestSimClosedForm::constantCurrent_data()
{
    QTest::addColumn<double>("dt");
    QTest::addColumn<double>("iOffset");
    QTest::addColumn<double>("tauRefrac");
    QTest::newRow("3 nA, refrac 1, dt 1") << 1.0 << 3.0 << 1.0;
    QTest::newRow("3 nA, refrac 5, dt 1") << 1.0 << 3.0 << 5.0;
    QTest::newRow("3 nA, refrac 5, dt 0.1") << 0.1 << 3.0 << 5.0;
    QTest::newRow("8 nA, refrac 2, dt 0.5") << 0.5 << 8.0 << 2.0;
    QTest::newRow("20 nA, refrac 0.1, dt 0.1") << 0.1 << 20.0 << 0.1;
}

void TestSimClosedForm::constantCurrent()
{
    QFETCH(double, dt);
    QFETCH(double, iOffset);
    QFETCH(double, tauRefrac);
    model::NeuronParams q;
    q.cm = 0.5;
    q.tauM = 10.0;
    q.vRest = q.vReset = -65.0;
    q.vThresh = -10.0;
    q.tauRefrac = tauRefrac;
    q.iOffset = iOffset;
    PhaseDescription ph;
    ph.dt = dt;
    ph.durationMs = 300.0;
    ph.populations = {neuron(q)};
    ph.recordSpikes = {{0}};
    ph.recordMembrane = {{0, {0}, dt}};
    const PhaseResult r = SimBackend().run(ph, RunControl{});
    // Time from v_reset to threshold: T = τm·ln((v∞ − v_reset)/(v∞ − v_th)).
    const double vInf = q.vRest + iOffset * q.tauM / q.cm;
    const double T = q.tauM * std::log((vInf - q.vReset) / (vInf - q.vThresh));
    const std::int64_t R = std::int64_t(std::floor(tauRefrac / dt + 0.001));
    const std::int64_t first = std::int64_t(std::ceil(T / dt)) - 1; // crossing in step n: v((n+1)dt) > v_th
    const std::int64_t isi = std::max<std::int64_t>(R, 1) + std::int64_t(std::ceil(T / dt)) - 1;
    const SpikeList& s = r.spikes.at(0);
    QVERIFY(s.size() >= 2);
    for (std::size_t k = 0; k < s.size(); ++k)
        QCOMPARE(std::llround(s.times[k] / dt), first + std::int64_t(k) * isi);
    const std::int64_t total = std::llround(300.0 / dt);
    QCOMPARE(std::int64_t(s.size()), (total - 1 - first) / isi + 1);
    // Refractoriness freezes v at v_reset for R samples, then it moves again.
    const MembraneTrace& m = r.membranes.at(0);
    const std::int64_t n0 = first;
    for (std::int64_t k = 1; k <= std::max<std::int64_t>(R, 1); ++k)
        QCOMPARE(m.values[std::size_t(n0 + k)], q.vReset);
    QVERIFY(m.values[std::size_t(n0 + std::max<std::int64_t>(R, 1) + 1)] > q.vReset);
}

void TestSimClosedForm::delays_data()
{
    QTest::addColumn<double>("dt");
    QTest::addColumn<double>("delay");
    QTest::newRow("dt 1, d 1") << 1.0 << 1.0;
    QTest::newRow("dt 1, d 3") << 1.0 << 3.0;
    QTest::newRow("dt 1, d 17") << 1.0 << 17.0;
    QTest::newRow("dt 0.5, d 2.5") << 0.5 << 2.5;
    QTest::newRow("dt 0.1, d 0.1") << 0.1 << 0.1;
}

void TestSimClosedForm::delays()
{
    QFETCH(double, dt);
    QFETCH(double, delay);
    const double tSpike = 4.0;
    PhaseDescription ph;
    ph.dt = dt;
    ph.durationMs = 40.0;
    ph.populations = {source(1, {{0, tSpike}}), neuron(pspParams())};
    ph.projections = {link(0, 1, 1.0, delay)};
    RecordMembrane isyn{1, {0}, dt};
    isyn.variable = RecordMembrane::Variable::IsynExc;
    ph.recordMembrane = {{1, {0}, dt}, isyn};
    const PhaseResult r = SimBackend().run(ph, RunControl{});
    const std::int64_t s = std::llround(tSpike / dt);
    const std::int64_t D = std::llround(delay / dt);
    const auto& v = r.membranes.at(0).values;
    const auto& ie = r.membranes.at(1).values;
    // isyn first contains the spike at sample s+D+1, v first moves at s+D+2.
    for (std::int64_t k = 0; k <= s + D; ++k)
        QCOMPARE(ie[std::size_t(k)], 0.0);
    QCOMPARE(ie[std::size_t(s + D + 1)], 1.0);
    for (std::int64_t k = 0; k <= s + D + 1; ++k)
        QCOMPARE(v[std::size_t(k)], -65.0);
    QVERIFY(v[std::size_t(s + D + 2)] > -65.0);
}

namespace {

/// pre source → plastic synapse (w0) → post neuron, which a 50 nA drive
/// spike forces to fire at tPost. Returns the final weight and the post spikes.
std::pair<double, SpikeList> runPair(double tPre, double delay, double tPost, double w0, const model::StdpParams& stdp)
{
    model::NeuronParams q = pspParams();
    q.tauRefrac = 200.0;
    PhaseDescription ph;
    ph.dt = 1.0;
    ph.durationMs = 150.0;
    ph.populations = {source(1, {{0, tPre}}), source(1, {{0, tPost - 2.0}}), neuron(q)};
    Projection plastic = link(0, 2, w0, delay);
    plastic.stdp = stdp;
    ph.projections = {plastic, link(1, 2, 50.0, 1.0)};
    ph.recordSpikes = {{2}};
    const PhaseResult r = SimBackend().run(ph, RunControl{});
    return {r.finalWeights.at(0).at(0), r.spikes.at(0)};
}

} // namespace

void TestSimClosedForm::stdpPair_data()
{
    QTest::addColumn<double>("delta");
    QTest::addColumn<double>("delay");
    QTest::addColumn<double>("w0");
    QTest::addColumn<double>("expected");
    const double a = 0.02, tau = 7.0;
    for (double d : {-20.0, -10.0, -5.0, -2.0, -1.0})
        QTest::newRow(qPrintable(QStringLiteral("depression Δ=%1").arg(d))) << d << 1.0 << 0.5 << 0.5 - a * std::exp(d / tau);
    for (double d : {1.0, 2.0, 5.0, 10.0, 20.0})
        QTest::newRow(qPrintable(QStringLiteral("potentiation Δ=%1").arg(d))) << d << 1.0 << 0.5 << 0.5 + a * std::exp(-d / tau);
    QTest::newRow("Δ=0 potentiates (pre first)") << 0.0 << 1.0 << 0.5 << 0.5 + a;
    QTest::newRow("delay 4, Δ=3") << 3.0 << 4.0 << 0.5 << 0.5 + a * std::exp(-3.0 / tau);
    QTest::newRow("delay 4, Δ=-6") << -6.0 << 4.0 << 0.5 << 0.5 - a * std::exp(-6.0 / tau);
    QTest::newRow("clipped at w_max") << 2.0 << 1.0 << 0.995 << 1.0;
    QTest::newRow("clipped at w_min") << -2.0 << 1.0 << 0.004 << 0.0;
}

void TestSimClosedForm::stdpPair()
{
    QFETCH(double, delta);
    QFETCH(double, delay);
    QFETCH(double, w0);
    QFETCH(double, expected);
    model::StdpParams s; // A± 0.02, τ± 7, w in [0, 1]
    // Δ = t_post − (t_pre + d): the synapse sees the pre spike after its axonal delay.
    const double tPost = 60.0;
    const double tPre = tPost - delta - delay;
    const auto [w, spikes] = runPair(tPre, delay, tPost, w0, s);
    QCOMPARE(spikes.size(), std::size_t(1));
    QCOMPARE(spikes.times[0], tPost);
    QVERIFY2(std::abs(w - expected) < 1e-14, qPrintable(QStringLiteral("w = %1, expected %2").arg(w, 0, 'g', 17).arg(expected, 0, 'g', 17)));
}

void TestSimClosedForm::multiplicativeRule_data()
{
    QTest::addColumn<double>("delta");
    QTest::addColumn<double>("w0");
    QTest::addColumn<bool>("causal");
    QTest::newRow("pre before post") << 5.0 << 0.3 << true;
    QTest::newRow("pre with post") << 0.0 << 0.7 << true;
    QTest::newRow("pre after post") << -5.0 << 0.3 << false;
}

void TestSimClosedForm::multiplicativeRule()
{
    QFETCH(double, delta);
    QFETCH(double, w0);
    QFETCH(bool, causal);
    model::StdpParams s;
    s.rule = model::StdpRule::Multiplicative;
    s.aPlus = 0.004;
    s.aMinus = 0.003;
    const auto [w, spikes] = runPair(60.0 - delta - 1.0, 1.0, 60.0, w0, s);
    QCOMPARE(spikes.size(), std::size_t(1));
    const double expect = causal ? w0 + s.aPlus * w0 * (1 - w0) : w0 - s.aMinus * w0 * (1 - w0);
    QVERIFY(std::abs(w - expect) < 1e-15);
}

void TestSimClosedForm::nonLeakyFiresOncePerPresentation()
{
    // Constant drive, no leak: v(t) = v0 + I·t/cm, so the crossing time is
    // (v_th − v0)·cm/I; then silence until the next presentation.
    model::NeuronParams q;
    q.cm = 0.5;
    q.vReset = -65.0;
    q.vThresh = -55.0;
    q.iOffset = 0.2; // 0.4 mV/ms → crossing after 25 ms
    Population p = neuron(q);
    p.type = CellType::NonLeakyIf;
    PhaseDescription ph;
    ph.dt = 1.0;
    ph.durationMs = 300.0;
    ph.presentationMs = 100.0;
    ph.populations = {p};
    ph.recordSpikes = {{0}};
    ph.recordMembrane = {{0, {0}, 1.0}};
    const PhaseResult r = SimBackend().run(ph, RunControl{});
    const SpikeList& s = r.spikes.at(0);
    // v((n+1)·dt) = −65 + 0.4·(n+1) > −55 first for n = 25 (v = −54.6).
    QCOMPARE(s.size(), std::size_t(3));
    for (int k = 0; k < 3; ++k)
        QCOMPARE(s.times[std::size_t(k)], 100.0 * k + 25.0);
    QVERIFY(std::abs(r.membranes[0].values[10] - (-65.0 + 0.4 * 10)) < 1e-12);
}

void TestSimClosedForm::invalidDescriptions_data()
{
    QTest::addColumn<int>("which");
    QTest::addColumn<QString>("mentions");
    QTest::newRow("delay below dt") << 0 << "delay";
    QTest::newRow("post index out of range") << 1 << "post index";
    QTest::newRow("STDP on a convolution") << 2 << "STDP";
    QTest::newRow("source spike out of range") << 3 << "source index";
    QTest::newRow("convolution shape") << 4 << "output shape";
    QTest::newRow("negative weight") << 5 << "weight";
}

void TestSimClosedForm::invalidDescriptions()
{
    QFETCH(int, which);
    QFETCH(QString, mentions);
    PhaseDescription ph;
    ph.durationMs = 10.0;
    ph.populations = {source(9, {{0, 1.0}}), neuron(pspParams(), 4)};
    Projection pr = link(0, 1, 1.0, 1.0);
    pr.label = "feed";
    Convolution conv;
    conv.in = {3, 3, 1};
    conv.out = {2, 2, 1};
    conv.kh = conv.kw = 2;
    conv.kernels.assign(4, 0.5);
    switch (which) {
    case 0: std::get<FromList>(pr.connector).delay[0] = 0.4; break;
    case 1: std::get<FromList>(pr.connector).post[0] = 4; break;
    case 2: pr.connector = conv; pr.stdp = model::StdpParams{}; break;
    case 3: ph.populations[0].spikes.add(9, 2.0); break;
    case 4: conv.out = {3, 3, 1}; pr.connector = conv; break;
    case 5: std::get<FromList>(pr.connector).weight[0] = -1.0; break;
    }
    ph.projections = {pr};
    try {
        SimBackend().run(ph, RunControl{});
        QFAIL("no error");
    } catch (const model::Error& e) {
        const QString msg = QString::fromUtf8(e.what());
        QVERIFY2(msg.contains(mentions), qPrintable(msg));
        if (which != 3)
            QVERIFY2(msg.contains(QStringLiteral("feed")), qPrintable(msg));
    }
}

QTEST_GUILESS_MAIN(TestSimClosedForm)
#include "tst_simclosedform.moc"
