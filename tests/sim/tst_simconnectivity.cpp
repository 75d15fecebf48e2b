// SPDX-License-Identifier: GPL-3.0-or-later
// SpikingConvNet Workbench — convolutions run from kernels equal their expanded lists; mixed delays.
#include "hardware/sim/simbackend.h"
#include "simfixtures.h"
#include "testsupport.h"

#include <QTest>

#include <random>

using namespace scnn;
using namespace scnn::hardware;

class TestSimConnectivity : public QObject
{
    Q_OBJECT

private slots:
    void convolutionEqualsList_data();
    void convolutionEqualsList();
    void mixedDelaysInOneList();
    void allToAllWithoutSelf();
};

namespace {

/// The list a Convolution stands for (backend.h's index conventions).
FromList expand(const Convolution& c)
{
    FromList fl;
    const int K = c.perChannel ? c.out.c / c.in.c : c.out.c;
    const int inHW = c.in.h * c.in.w, outHW = c.out.h * c.out.w;
    for (int k = 0; k < K; ++k)
        for (int ci = 0; ci < c.in.c; ++ci)
            for (int oy = 0; oy < c.out.h; ++oy)
                for (int ox = 0; ox < c.out.w; ++ox)
                    for (int ky = 0; ky < c.kh; ++ky)
                        for (int kx = 0; kx < c.kw; ++kx) {
                            const int in = ci * inHW + (oy * c.stride + ky) * c.in.w + ox * c.stride + kx;
                            const int ch = c.perChannel ? k * c.in.c + ci : k;
                            const std::size_t w = c.perChannel
                                                      ? std::size_t((k * c.kh + ky) * c.kw + kx)
                                                      : std::size_t(((k * c.in.c + ci) * c.kh + ky) * c.kw + kx);
                            fl.pre.push_back(in);
                            fl.post.push_back(ch * outHW + oy * c.out.w + ox);
                            fl.weight.push_back(c.kernels[w]);
                            fl.delay.push_back(c.delay);
                        }
    return fl;
}

} // namespace

void TestSimConnectivity::convolutionEqualsList_data()
{
    QTest::addColumn<int>("inSide");
    QTest::addColumn<int>("inC");
    QTest::addColumn<int>("kernels");
    QTest::addColumn<int>("k");
    QTest::addColumn<int>("stride");
    QTest::addColumn<bool>("perChannel");
    QTest::addColumn<bool>("spinnaker");
    QTest::newRow("1 channel, 4 kernels 4x4 s3") << 13 << 1 << 4 << 4 << 3 << false << false;
    QTest::newRow("2 channels, 3 kernels 3x3 s1") << 8 << 2 << 3 << 3 << 1 << false << false;
    QTest::newRow("per channel, 2 kernels 2x2 s2") << 8 << 3 << 2 << 2 << 2 << true << false;
    QTest::newRow("SpiNNaker fidelity, 2 channels") << 8 << 2 << 3 << 3 << 1 << false << true;
    QTest::newRow("SpiNNaker fidelity, per channel") << 8 << 3 << 2 << 2 << 2 << true << true;
}

void TestSimConnectivity::convolutionEqualsList()
{
    QFETCH(int, inSide);
    QFETCH(int, inC);
    QFETCH(int, kernels);
    QFETCH(int, k);
    QFETCH(int, stride);
    QFETCH(bool, perChannel);
    QFETCH(bool, spinnaker);
    std::mt19937_64 rng(42);
    Convolution c;
    c.in = {inSide, inSide, inC};
    const int side = (inSide - k) / stride + 1;
    c.out = {side, side, perChannel ? kernels * inC : kernels};
    c.kh = c.kw = k;
    c.stride = stride;
    c.perChannel = perChannel;
    c.delay = 2.0;
    std::uniform_real_distribution<double> u(0.0, 1.5);
    for (int q = 0; q < kernels * (perChannel ? 1 : inC) * k * k; ++q)
        c.kernels.push_back(u(rng));
    PhaseDescription ph;
    ph.durationMs = 80.0;
    ph.spinnakerFidelity = spinnaker;
    Population src = test::source(int(c.in.size()));
    std::bernoulli_distribution fire(0.08);
    for (int t = 0; t < 60; ++t)
        for (int i = 0; i < src.size; ++i)
            if (fire(rng))
                src.spikes.add(i, t);
    Population out;
    out.size = int(c.out.size());
    out.params.vThresh = -60.0;
    out.params.tauRefrac = 2.0;
    ph.populations = {src, out};
    Projection pr;
    pr.pre = 0;
    pr.post = 1;
    pr.connector = c;
    ph.projections = {pr};
    ph.recordSpikes = {{1}};
    ph.recordMembrane = {{1, {0, out.size / 2, out.size - 1}, 1.0}};
    SimBackend sim;
    const PhaseResult fromKernels = sim.run(ph, RunControl{});
    ph.projections[0].connector = expand(c);
    const PhaseResult fromList = sim.run(ph, RunControl{});
    QVERIFY(fromKernels.spikes[0].size() > 10);
    QCOMPARE(fromKernels.spikes[0].ids, fromList.spikes[0].ids);
    QCOMPARE(fromKernels.spikes[0].times, fromList.spikes[0].times);
    QCOMPARE(fromKernels.synapticEvents, fromList.synapticEvents);
    const auto& a = fromKernels.membranes[0].values;
    const auto& b = fromList.membranes[0].values;
    QCOMPARE(a.size(), b.size());
    for (std::size_t i = 0; i < a.size(); ++i)
        QVERIFY(std::abs(a[i] - b[i]) < 1e-9); // summation order may differ
}

void TestSimConnectivity::mixedDelaysInOneList()
{
    PhaseDescription ph;
    ph.durationMs = 20.0;
    ph.populations = {test::source(1, {{0, 3.0}}), test::neuron({}, 3)};
    Projection pr = test::link(0, 1, 1.0, 1.0);
    pr.connector = FromList{{0, 0, 0}, {0, 1, 2}, {1.0, 2.0, 3.0}, {1.0, 4.0, 9.0}};
    ph.projections = {pr};
    RecordMembrane isyn{1, {0, 1, 2}, 1.0};
    isyn.variable = RecordMembrane::Variable::IsynExc;
    ph.recordMembrane = {isyn};
    const PhaseResult r = SimBackend().run(ph, RunControl{});
    const auto& v = r.membranes[0].values;
    // Neuron j's current first appears in sample 3 + D_j + 1.
    const int first[3] = {5, 8, 13};
    const double w[3] = {1.0, 2.0, 3.0};
    for (int j = 0; j < 3; ++j) {
        QCOMPARE(v[std::size_t((first[j] - 1) * 3 + j)], 0.0);
        QCOMPARE(v[std::size_t(first[j] * 3 + j)], w[j]);
    }
}

void TestSimConnectivity::allToAllWithoutSelf()
{
    // Neuron 0 fires (driven), all-to-all inhibition without self reaches 1 and 2 only.
    PhaseDescription ph;
    ph.durationMs = 10.0;
    model::NeuronParams q;
    q.tauRefrac = 100.0;
    ph.populations = {test::source(1, {{0, 0.0}}), test::neuron(q, 3)};
    Projection drive = test::link(0, 1, 200.0, 1.0);
    Projection inh = test::link(1, 1, 0.0, 1.0, Receptor::Inhibitory);
    inh.connector = AllToAll{5.0, 1.0, false};
    ph.projections = {drive, inh};
    ph.recordSpikes = {{1}};
    RecordMembrane ii{1, {0, 1, 2}, 1.0};
    ii.variable = RecordMembrane::Variable::IsynInh;
    ph.recordMembrane = {ii};
    const PhaseResult r = SimBackend().run(ph, RunControl{});
    QCOMPARE(r.spikes[0].size(), std::size_t(1));
    QCOMPARE(r.spikes[0].ids[0], 0);
    const auto n = std::llround(r.spikes[0].times[0]);
    const auto& v = r.membranes[0].values;
    const std::size_t row = std::size_t(n + 2) * 3; // spike in step n, delay 1 → sample n + 2
    QCOMPARE(v[row + 0], 0.0);
    QCOMPARE(v[row + 1], 5.0);
    QCOMPARE(v[row + 2], 5.0);
    QCOMPARE(r.synapticEvents, std::uint64_t(1 + 2));
}

QTEST_GUILESS_MAIN(TestSimConnectivity)
#include "tst_simconnectivity.moc"
