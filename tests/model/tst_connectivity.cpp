// SPDX-License-Identifier: GPL-3.0-or-later
// Connection builders and training windows on small cases computed by hand.
#include "model/connectivity.h"
#include "model/error.h"
#include "testsupport.h"

#include <QTest>

#include <map>
#include <numeric>
#include <set>

using namespace scnn::model;

namespace {

/// Output potentials of a connection list driven by an input vector (Σ w·x).
std::vector<double> drive(const Connections& c, const std::vector<double>& x, int posts)
{
    std::vector<double> y(std::size_t(posts), 0.0);
    for (std::size_t i = 0; i < c.size(); ++i)
        y[std::size_t(c.post[i])] += c.weight[i] * x[std::size_t(c.pre[i])];
    return y;
}

/// The 5×5×2 test input x(c, y, x) = 25c + 5y + x.
std::vector<double> ramp()
{
    std::vector<double> x(50);
    std::iota(x.begin(), x.end(), 0.0);
    return x;
}

std::vector<std::pair<int, double>> pairs(const SpikeTrains& s)
{
    std::vector<std::pair<int, double>> out;
    for (std::size_t i = 0; i < s.size(); ++i)
        out.emplace_back(s.ids[i], s.times[i]);
    return out;
}

} // namespace

class TestConnectivity : public QObject
{
    Q_OBJECT

private slots:
    void convolutionStride1TwoChannels()
    {
        ConvGeometry g{{5, 5, 2}, 2, 3, 3, 1, false};
        QCOMPARE(g.out(), (Shape{3, 3, 2}));
        QCOMPARE(g.weightCount(), 36);
        // Kernel 0: all ones; kernel 1: 1 on channel 1's centre only.
        std::vector<float> w(36, 0.0f);
        std::fill(w.begin(), w.begin() + 18, 1.0f);
        w[((1 * 2 + 1) * 3 + 1) * 3 + 1] = 1.0f;
        const Connections c = convolutionConnections(g, w, 1.0f);
        QCOMPARE(c.size(), std::size_t(3 * 3 * 2 * 18));
        const auto y = drive(c, ramp(), 18);
        // Map 0 at (0,0): Σ_c Σ_{y,x<3} 25c + 5y + x = 54 + 279 = 333; each step right +18, down +90.
        QCOMPARE(y[0], 333.0);
        QCOMPARE(y[1], 351.0);
        QCOMPARE(y[3], 423.0);
        QCOMPARE(y[8], 333.0 + 2 * 90 + 2 * 18);
        // Map 1 at (1,2) is channel 1's pixel (2,3): 25 + 10 + 3.
        QCOMPARE(y[9 + 1 * 3 + 2], 38.0);
        // Connection order: post by post, inputs in (ci, ky, kx) order.
        QCOMPARE(c.post[0], 0);
        QCOMPARE(c.pre[0], 0);
        QCOMPARE(c.pre[9], 25);      // ci = 1 starts after 3×3 of ci = 0
        QCOMPARE(c.pre[17], 25 + 12);
        QCOMPARE(c.delay[5], 1.0f);
    }

    void convolutionStride2()
    {
        ConvGeometry g{{5, 5, 2}, 1, 3, 3, 2, false};
        QCOMPARE(g.out(), (Shape{2, 2, 1}));
        std::vector<float> w(18);
        for (int i = 0; i < 18; ++i)
            w[std::size_t(i)] = float(i);
        const Connections c = convolutionConnections(g, w, 2.0f);
        QCOMPARE(c.size(), std::size_t(4 * 18));
        // Post 3 = (y 1, x 1) sees rows 2…4, cols 2…4; its first input is (0,2,2) = 12
        // with weight 0; its last (1,4,4) = 49 with weight 17.
        std::map<int, float> in3;
        for (std::size_t i = 0; i < c.size(); ++i)
            if (c.post[i] == 3)
                in3[c.pre[i]] = c.weight[i];
        QCOMPARE(int(in3.size()), 18);
        QCOMPARE(in3.begin()->first, 12);
        QCOMPARE(in3.at(12), 0.0f);
        QCOMPARE(in3.at(49), 17.0f);
        QCOMPARE(in3.at(25 + 13), 10.0f); // (1, 2, 3): ci 1, ky 0, kx 1 → 9 + 1
        QVERIFY(!in3.count(11));
        QCOMPARE(c.delay.back(), 2.0f);
    }

    void convolutionPerChannel()
    {
        ConvGeometry g{{5, 5, 2}, 2, 3, 3, 2, true};
        QCOMPARE(g.out(), (Shape{2, 2, 4}));
        QCOMPARE(g.weightCount(), 18);
        std::vector<float> w(18, 0.0f);
        w[9 + 4] = 1.0f; // kernel 1, centre
        const auto y = drive(convolutionConnections(g, w, 1.0f), ramp(), 16);
        // Map 3 = kernel 1 on channel 1: centre of window (y 0, x 1) is (1, 1, 3) = 25 + 5 + 3.
        QCOMPARE(y[3 * 4 + 1], 33.0);
        // Map 2 = kernel 1 on channel 0: (0, 1, 3) = 8.
        QCOMPARE(y[2 * 4 + 1], 8.0);
        QCOMPARE(y[0 * 4 + 1], 0.0);
    }

    void convolutionErrors()
    {
        ConvGeometry g{{5, 5, 2}, 2, 3, 3, 1, false};
        QVERIFY_THROWS_EXCEPTION(Error, convolutionConnections(g, std::vector<float>(35), 1.0f));
        g.kh = 6;
        QVERIFY_THROWS_EXCEPTION(Error, g.out());
        Network net = seedNetwork();
        const ConvGeometry s = ConvGeometry::ofLayer(net, 0);
        QCOMPARE(s.out(), (Shape{9, 9, 4}));
        QCOMPARE(s.weightCount(), 64);
        QCOMPARE(convolutionConnections(s, std::vector<float>(64, 0.5f), 1.0f).size(),
                 std::size_t(net.counts()[0].synapses));
    }

    void pooling()
    {
        const Shape in{4, 4, 2};
        QCOMPARE(poolingShape(in, 2, 2), (Shape{2, 2, 2}));
        const Connections c = poolingConnections(in, 2, 2, 5.0f, 1.0f);
        QCOMPARE(c.size(), std::size_t(8 * 4));
        std::set<int> into7;
        for (std::size_t i = 0; i < c.size(); ++i)
            if (c.post[i] == 7) {
                into7.insert(c.pre[i]);
                QCOMPARE(c.weight[i], 5.0f);
            }
        QCOMPARE(into7, (std::set<int>{16 + 10, 16 + 11, 16 + 14, 16 + 15}));
        // Overlapping pooling 3 at stride 1 on 5×5.
        QCOMPARE(poolingShape({5, 5, 1}, 3, 1), (Shape{3, 3, 1}));
        QVERIFY_THROWS_EXCEPTION(Error, poolingShape({2, 2, 1}, 3, 1));
    }

    void inhibition()
    {
        const Connections c = lateralInhibition(4, 300.0f, 1.0f);
        QCOMPARE(c.size(), std::size_t(12));
        std::set<std::pair<int, int>> seen;
        for (std::size_t i = 0; i < c.size(); ++i) {
            QVERIFY(c.pre[i] != c.post[i]);
            seen.insert({c.pre[i], c.post[i]});
            QCOMPARE(c.weight[i], 300.0f);
        }
        QCOMPARE(seen.size(), std::size_t(12));
        const Connections p = positionalInhibition({2, 2, 3}, 10.0f, 1.0f);
        QCOMPARE(p.size(), std::size_t(4 * 6));
        for (std::size_t i = 0; i < p.size(); ++i)
            QCOMPARE(p.pre[i] % 4, p.post[i] % 4);
    }

    void windowsStride2()
    {
        // Neuron (c 1, y 2, x 2) = 37 fires at 7 ms of example 0; neuron 0 at 3 ms of example 1.
        SpikeTrains in;
        in.neurons = 50;
        in.add(37, 7.0);
        in.add(0, 103.0);
        const WindowedSpikes w = windowSpikes(in, {5, 5, 2}, 2, 100.0, 3, 3, 2, false, 100.0);
        QCOMPARE(w.sources, 18);
        QCOMPARE(w.windows.size(), std::size_t(8));
        QCOMPARE(w.windows[1].x, 2);
        QCOMPARE(w.windows[2].y, 2);
        QCOMPARE(w.windows[4].example, 1);
        QCOMPARE(w.windows[5].startMs, 500.0);
        QCOMPARE(w.durationMs(), 800.0);
        // (2,2) lies in all four windows; source = (c·3 + ky)·3 + kx.
        const std::vector<std::pair<int, double>> expected = {
            {17, 7.0}, {15, 107.0}, {11, 207.0}, {9, 307.0}, {0, 403.0}};
        QCOMPARE(pairs(w.spikes), expected);
    }

    void windowsStride1PerChannelAndCutoff()
    {
        SpikeTrains in;
        in.add(37, 7.0);   // c 1, (2, 2)
        in.add(12, 60.0);  // c 0, (2, 2), after a 50 ms window: dropped
        const WindowedSpikes w = windowSpikes(in, {5, 5, 2}, 1, 100.0, 3, 3, 1, true, 50.0);
        QCOMPARE(w.sources, 9);
        QCOMPARE(w.windows.size(), std::size_t(2 * 9));
        QCOMPARE(w.windows[9].channel, 1);
        // (2,2) of channel 1 is in all nine windows of channel 1, at source 8 − window index.
        QCOMPARE(w.spikes.size(), std::size_t(9));
        for (std::size_t i = 0; i < 9; ++i) {
            QCOMPARE(w.spikes.times[i], (9 + double(i)) * 50.0 + 7.0);
            QCOMPARE(w.spikes.ids[i], std::int32_t(8 - i));
        }
        SpikeTrains bad;
        bad.add(50, 1.0);
        QVERIFY_THROWS_EXCEPTION(Error, windowSpikes(bad, {5, 5, 2}, 1, 100.0, 3, 3, 1, false, 100.0));
    }

    void windowsMatchConvolution()
    {
        // A kernel learned on windows, used in the full convolution, sees the same
        // input neuron through the same weight index.
        ConvGeometry g{{6, 6, 2}, 1, 3, 3, 3, false};
        std::vector<float> w(18);
        for (int i = 0; i < 18; ++i)
            w[std::size_t(i)] = float(i);
        const Connections c = convolutionConnections(g, w, 1.0f);
        for (int id = 0; id < 72; ++id) {
            SpikeTrains in;
            in.add(id, 1.0);
            const WindowedSpikes ws = windowSpikes(in, g.in, 1, 100.0, 3, 3, 3, false, 100.0);
            std::set<std::pair<int, float>> fromWindows, fromConv;
            for (std::size_t i = 0; i < ws.spikes.size(); ++i)
                fromWindows.insert({int(ws.spikes.times[i] / 100.0), w[std::size_t(ws.spikes.ids[i])]});
            for (std::size_t i = 0; i < c.size(); ++i)
                if (c.pre[i] == id)
                    fromConv.insert({c.post[i], c.weight[i]});
            QCOMPARE(fromWindows, fromConv);
        }
    }
};

QTEST_GUILESS_MAIN(TestConnectivity)
#include "tst_connectivity.moc"
