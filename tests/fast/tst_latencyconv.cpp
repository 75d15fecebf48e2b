// SPDX-License-Identifier: GPL-3.0-or-later
// SpikingConvNet Workbench — tests of the latency-coded conv engine (non-leaky IF, shared-kernel WTA STDP).
#include "hardware/sim/latencyconv.h"

#include "model/error.h"

#include <QTest>

#include <atomic>
#include <cmath>
#include <cstdint>
#include <vector>

using namespace scnn::hardware;

namespace {

/// Deterministic pseudo-random 12×12 images with a few strokes.
std::vector<std::uint8_t> strokeImages(std::size_t n, int size)
{
    std::vector<std::uint8_t> px(n * size * size, 0);
    std::uint64_t s = 12345;
    auto rnd = [&s](int m) {
        s = s * 6364136223846793005ULL + 1442695040888963407ULL;
        return int((s >> 33) % std::uint64_t(m));
    };
    for (std::size_t i = 0; i < n; ++i) {
        std::uint8_t* img = px.data() + i * size * size;
        for (int k = 0; k < 3; ++k) {
            const int x0 = rnd(size), y0 = rnd(size), dx = rnd(3) - 1, dy = rnd(3) - 1;
            for (int j = 0; j < size; ++j) {
                const int x = x0 + j * dx, y = y0 + j * dy;
                if (x >= 0 && x < size && y >= 0 && y < size)
                    img[y * size + x] = std::uint8_t(128 + rnd(128));
            }
        }
    }
    return px;
}

LatencyNetwork smallNetwork(int size)
{
    LatencyNetwork net;
    net.inputH = net.inputW = size;
    net.encoding.filters = {DogFilter{5, 1.0, 2.0}};
    net.encoding.bins = 10;
    net.layers = {LatencyLayer::conv(6, 3, 3.0, 1), LatencyLayer::pool(2, 2),
                  LatencyLayer::conv(8, 3, 4.0)};
    net.layers[0].stdp.winners = 3;
    net.layers[0].stdp.inhibitionRadius = 2;
    net.layers[0].stdp.rateDoublingImages = 20;
    net.layers[2].stdp.rateDoublingImages = 20;
    net.initWeights(7);
    return net;
}

/// A layer input of h×w×c silent neurons.
SpikeTimes silent(int h, int w, int c, int bins)
{
    SpikeTimes s;
    s.h = h;
    s.w = w;
    s.c = c;
    s.bins = bins;
    s.t.assign(std::size_t(h) * w * c, std::uint8_t(bins));
    return s;
}

} // namespace

class TestLatencyConv : public QObject
{
    Q_OBJECT

private slots:
    void nonLeakyNeuronFiresOnceAtThresholdBin();
    void lateralInhibitionKeepsEarliestMap();
    void poolingTakesEarliestSpike();
    void latencyCodeFiresStrongContrastFirst();
    void stdpGrowsKernelOnOrientedBar();
    void winnersOnePerMapAndOutsideRadius();
    void deterministicOnOneAndTwoThreads();
    void cancelStopsTraining();
    void invalidLayerIsNamed();
    void modelNetworkMapsToEngine();
};

void TestLatencyConv::nonLeakyNeuronFiresOnceAtThresholdBin()
{
    // One 2×2 kernel of weights 0.5 over a 2×2 input spiking at bins 0, 2, 3, 5:
    // the potential is 0.5, 1.0, 1.5, 2.0 after those bins and never decays.
    LatencyNetwork net;
    net.inputH = net.inputW = 2;
    net.encoding.filters.clear();
    net.encoding.bins = 8;
    net.layers = {LatencyLayer::conv(1, 2, 1.2)};
    net.layers[0].weights.assign(4, 0.5f);
    SpikeTimes in = silent(2, 2, 1, 8);
    in.t = {0, 2, 3, 5};
    const LatencyNetwork::ConvResponse r = net.convolve(0, in);
    QCOMPARE(r.fire.t.size(), std::size_t(1));
    QCOMPARE(int(r.fire.t[0]), 3);          // crosses 1.2 in bin 3, not before
    QCOMPARE(r.firePotential[0], 1.5f);
    QCOMPARE(r.finalPotential[0], 2.0f);    // keeps integrating, no leak, no second spike
    QCOMPARE(r.fire.spikeCount(), 1);

    // Below threshold at the end: silent.
    net.layers[0].threshold = 2.5;
    QCOMPARE(net.convolve(0, in).fire.spikeCount(), 0);
    // The same time whatever the later inputs do.
    net.layers[0].threshold = 1.2;
    in.t[3] = 1;
    QCOMPARE(int(net.convolve(0, in).fire.t[0]), 2);
}

void TestLatencyConv::lateralInhibitionKeepsEarliestMap()
{
    // Two maps over a 1×1 input of 2 channels: map 0 listens to channel 0
    // (spikes at bin 4), map 1 to channel 1 (bin 1). Only map 1 may fire.
    LatencyNetwork net;
    net.inputH = net.inputW = 1;
    net.encoding.filters.clear();
    net.encoding.bins = 6;
    net.layers = {LatencyLayer::conv(2, 1, 0.5)};
    net.layers[0].weights = {1.0f, 0.0f,   // channel 0 → maps 0, 1
                             0.0f, 1.0f};  // channel 1 → maps 0, 1
    SpikeTimes in = silent(1, 1, 2, 6);
    in.t = {4, 1};
    const LatencyNetwork::ConvResponse raw = net.convolve(0, in);
    QCOMPARE(raw.fire.spikeCount(), 2);
    const SpikeTimes out = net.forward(in, 1);
    QCOMPARE(out.spikeCount(), 1);
    QCOMPARE(int(out.at(0, 0, 1)), 1);
    QCOMPARE(int(out.at(0, 0, 0)), 6);
    // Without inhibition both fire at their own times.
    net.layers[0].lateralInhibition = false;
    const SpikeTimes free = net.forward(in, 1);
    QCOMPARE(int(free.at(0, 0, 0)), 4);
    QCOMPARE(int(free.at(0, 0, 1)), 1);
}

void TestLatencyConv::poolingTakesEarliestSpike()
{
    LatencyNetwork net;
    net.inputH = net.inputW = 4;
    net.encoding.filters.clear();
    net.encoding.bins = 9;
    net.layers = {LatencyLayer::pool(2, 2)};
    SpikeTimes in = silent(4, 4, 2, 9);
    // Channel 0: window (0,0) holds bins 7, 3, silent, 5 → 3. Channel 1 silent there.
    in.t[in.index(0, 0, 0)] = 7;
    in.t[in.index(0, 1, 0)] = 3;
    in.t[in.index(1, 1, 0)] = 5;
    // Window (1,1), channel 1: bins 8 and 2 → 2.
    in.t[in.index(2, 3, 1)] = 8;
    in.t[in.index(3, 2, 1)] = 2;
    const SpikeTimes out = net.forward(in, 1);
    QCOMPARE(out.h, 2);
    QCOMPARE(out.w, 2);
    QCOMPARE(int(out.at(0, 0, 0)), 3);
    QCOMPARE(int(out.at(0, 0, 1)), 9);
    QCOMPARE(int(out.at(1, 1, 1)), 2);
    QCOMPARE(int(out.at(1, 1, 0)), 9);
    QCOMPARE(out.spikeCount(), 2);
}

void TestLatencyConv::latencyCodeFiresStrongContrastFirst()
{
    // A bright dot on black: the ON channel at its centre fires in bin 0,
    // weaker responses later, the flat background never.
    LatencyNetwork net;
    net.inputH = net.inputW = 11;
    net.encoding.filters = {DogFilter{7, 1.0, 2.0}};
    net.encoding.bins = 10;
    std::vector<std::uint8_t> img(121, 0);
    img[5 * 11 + 5] = 255;
    img[5 * 11 + 6] = 120;
    const SpikeTimes s = net.encode(img);
    QCOMPARE(s.c, 2);
    QCOMPARE(int(s.at(5, 5, 0)), 0);
    QVERIFY(s.at(5, 6, 0) > s.at(5, 5, 0));
    QCOMPARE(int(s.at(0, 0, 0)), 10);
    QCOMPARE(int(s.at(0, 0, 1)), 10);
    QCOMPARE(int(s.at(5, 5, 1)), 10); // no OFF response at the bright centre
}

void TestLatencyConv::stdpGrowsKernelOnOrientedBar()
{
    // A vertical bar in a 5×5 window, raw pixels, one 5×5 kernel: the
    // synapses on the bar fire no later than the neuron (LTP), the others
    // never fire (LTD).
    LatencyNetwork net;
    net.inputH = net.inputW = 5;
    net.encoding.filters.clear();
    net.encoding.equalCountBins = false;
    net.encoding.bins = 5;
    net.layers = {LatencyLayer::conv(1, 5, 2.0)};
    net.layers[0].stdp.wInitMean = 0.5;
    net.layers[0].stdp.wInitSigma = 0.05;
    net.layers[0].stdp.rateDoublingImages = 0;
    net.layers[0].stdp.aPlus = 0.05;
    net.layers[0].stdp.aMinus = 0.05;
    net.initWeights(3);
    const std::vector<float> before = net.layers[0].weights;
    std::vector<std::uint8_t> img(25, 0);
    for (int y = 0; y < 5; ++y)
        img[y * 5 + 2] = 255;
    const std::vector<std::size_t> order(120, 0);
    const LatencyTrainStats st = net.trainLayer(0, ImageBatch{img.data(), 1, 5, 5}, order);
    QCOMPARE(st.images, std::size_t(120));
    QCOMPARE(st.updates, std::size_t(120));
    const std::vector<float>& after = net.layers[0].weights;
    for (int y = 0; y < 5; ++y)
        for (int x = 0; x < 5; ++x) {
            const std::size_t i = std::size_t(y * 5 + x);
            if (x == 2)
                QVERIFY2(after[i] > before[i] && after[i] > 0.9f, "on the bar: grows");
            else
                QVERIFY2(after[i] < before[i] && after[i] < 0.1f, "off the bar: shrinks");
        }
}

void TestLatencyConv::winnersOnePerMapAndOutsideRadius()
{
    // Three identical maps over a 1-channel 7×7 input where every pixel fires
    // at bin 0: k-WTA with radius 2 must pick different maps at positions at
    // least 3 apart, and update only their kernels.
    LatencyNetwork net;
    net.inputH = net.inputW = 7;
    net.encoding.filters.clear();
    net.encoding.bins = 4;
    net.layers = {LatencyLayer::conv(3, 1, 0.1)};
    net.layers[0].weights = {0.5f, 0.5f, 0.5f};
    net.layers[0].stdp.winners = 5;
    net.layers[0].stdp.inhibitionRadius = 2;
    SpikeTimes in = silent(7, 7, 1, 4);
    std::fill(in.t.begin(), in.t.end(), std::uint8_t(0));
    const std::vector<int> maps = net.learn(0, in, 0.1, 0.1);
    QCOMPARE(maps.size(), std::size_t(3)); // one per map, though 5 were allowed
    QVERIFY(maps[0] != maps[1] && maps[1] != maps[2] && maps[0] != maps[2]);
    for (float w : net.layers[0].weights)
        QCOMPARE(w, 0.5f + 0.1f * 0.25f);
}

void TestLatencyConv::deterministicOnOneAndTwoThreads()
{
    const int size = 12;
    const std::vector<std::uint8_t> px = strokeImages(150, size);
    const ImageBatch batch{px.data(), 150, size, size};
    std::vector<std::size_t> order(150);
    for (std::size_t i = 0; i < order.size(); ++i)
        order[i] = (i * 37) % 150;
    LatencyReadout ro;
    ro.grid = 2;

    auto run = [&](int threads) {
        LatencyNetwork net = smallNetwork(size);
        net.trainLayer(0, batch, order, {}, nullptr, threads);
        net.trainLayer(2, batch, order, {}, nullptr, threads);
        return std::make_pair(net, net.features(batch, ro, threads));
    };
    const auto [a, fa] = run(1);
    const auto [b, fb] = run(2);
    QVERIFY(a.layers[0].weights == b.layers[0].weights);
    QVERIFY(a.layers[2].weights == b.layers[2].weights);
    QVERIFY(fa == fb);
    QCOMPARE(fa.size(), std::size_t(150) * std::size_t(a.featureSize(ro)));
    // Learning changed the kernels, and the features are not all the same.
    QVERIFY(a.layers[0].weights != smallNetwork(size).layers[0].weights);
    QVERIFY(!std::equal(fa.begin(), fa.begin() + a.featureSize(ro), fa.begin() + a.featureSize(ro)));
}

void TestLatencyConv::cancelStopsTraining()
{
    const int size = 12;
    const std::vector<std::uint8_t> px = strokeImages(20, size);
    LatencyNetwork net = smallNetwork(size);
    const std::vector<float> before = net.layers[0].weights;
    std::atomic<bool> cancel{true};
    QVERIFY_THROWS_EXCEPTION(scnn::model::Cancelled,
                             net.trainLayer(0, ImageBatch{px.data(), 20, size, size},
                                            std::vector<std::size_t>(20, 1), {}, &cancel, 2));
    QVERIFY_THROWS_EXCEPTION(scnn::model::Cancelled,
                             net.features(ImageBatch{px.data(), 20, size, size}, LatencyReadout{}, 2,
                                          {}, &cancel));
}

void TestLatencyConv::invalidLayerIsNamed()
{
    LatencyNetwork net = smallNetwork(12);
    net.layers[2].k = 9; // larger than its 6×6 input
    try {
        net.validate();
        QFAIL("validate accepted a 9x9 kernel on a 6x6 input");
    } catch (const scnn::model::Error& e) {
        const QString msg = QString::fromStdString(e.what());
        QVERIFY2(msg.contains(QStringLiteral("layer 3")) && msg.contains(QStringLiteral("9x9")),
                 qPrintable(msg));
    }
    LatencyNetwork bad = smallNetwork(12);
    QVERIFY_THROWS_EXCEPTION(scnn::model::Error, bad.encode(std::vector<std::uint8_t>(10, 0)));
}

void TestLatencyConv::modelNetworkMapsToEngine()
{
    using namespace scnn::model;
    Network m;
    m.input = {20, 20, 4}; // the encoded input: on/off channels at two DoG scales
    m.encoding.differenceOfGaussians = true;
    m.encoding.dogSigmaCenter = 1.0;
    m.encoding.dogSigmaSurround = 2.0;
    m.encoding.latencyBins = 12;
    m.encoding.dogScales = 2;
    m.layers = {Layer::conv(6, 5, 1), Layer::pool(2, 2), Layer::conv(4, 3, 1)};
    for (Layer& l : m.layers) {
        l.params.wta.threshold = 7.0;
        l.params.wta.winners = 2;
    }
    m.layers[2].params.wta.threshold = 0.0; // a readout layer that never fires
    const std::vector<Shape> modelShapes = m.shapes();

    LatencyNetwork net = LatencyNetwork::fromModel(m);
    QCOMPARE(net.layers.size(), std::size_t(3));
    QCOMPARE(net.encoding.bins, 12);
    QCOMPARE(net.encoding.channels(), 4);
    QCOMPARE(net.encoding.filters[1].size, 13);
    QCOMPARE(net.encoding.filters[1].sigmaSurround, 4.0);
    QCOMPARE(net.layers[0].threshold, 7.0);
    QCOMPARE(net.layers[0].stdp.winners, 2);
    QVERIFY(std::isinf(net.layers[2].threshold));
    const std::vector<SpikeTimes> s = net.shapes();
    for (std::size_t i = 1; i < s.size(); ++i) {
        QCOMPARE(s[i].h, modelShapes[i].h);
        QCOMPARE(s[i].w, modelShapes[i].w);
        QCOMPARE(s[i].c, modelShapes[i].c);
    }

    // Kernel-major weights round-trip, and weight (k, c, ky, kx) lands where the engine reads it.
    net.initWeights(5);
    const std::vector<float> km = net.kernelWeights(0);
    LatencyNetwork other = LatencyNetwork::fromModel(m);
    other.initWeights(6);
    other.setKernelWeights(0, km);
    QVERIFY(other.layers[0].weights == net.layers[0].weights);
    const int k = 4, c = 1, ky = 2, kx = 3;
    QCOMPARE(km[((std::size_t(k) * 4 + c) * 5 + ky) * 5 + kx],
             net.layers[0].weights[((std::size_t(ky) * 5 + kx) * 4 + c) * 6 + k]);
    QVERIFY_THROWS_EXCEPTION(scnn::model::Error, other.setKernelWeights(0, std::vector<float>(3)));

    m.layers[0].kw = 4;
    QVERIFY_THROWS_EXCEPTION(scnn::model::Error, LatencyNetwork::fromModel(m));
}

QTEST_GUILESS_MAIN(TestLatencyConv)
#include "tst_latencyconv.moc"
