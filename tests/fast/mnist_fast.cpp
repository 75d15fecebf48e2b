// SPDX-License-Identifier: GPL-3.0-or-later
// SpikingConvNet Workbench — research program: latency-coded STDP network on MNIST with a linear SVM.
//
// Usage: mnist_fast [key=value ...], e.g.
//   mnist_fast data=../shared/data/mnist train=5000 val=2000 net=k2018 epochs1=1 epochs2=1
// Trains on the first `train` of the 60,000 training files, validates on the last
// `val` (a held-out split), prints accuracy and wall/CPU time per phase.
#include "hardware/sim/latencyconv.h"
#include "model/idx.h"
#include "model/svm.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <ctime>
#include <map>
#include <numeric>
#include <stdexcept>
#include <string>
#include <vector>

using namespace scnn::hardware;

namespace {

struct Timer
{
    std::chrono::steady_clock::time_point wall = std::chrono::steady_clock::now();
    std::clock_t cpu = std::clock();
    void print(const char* what) const
    {
        const double w = std::chrono::duration<double>(std::chrono::steady_clock::now() - wall).count();
        const double c = double(std::clock() - cpu) / CLOCKS_PER_SEC;
        std::printf("  [%s] wall %.1f s, cpu %.1f s\n", what, w, c);
        std::fflush(stdout);
    }
};

/// Fraction of `predicted` equal to `labels`.
double accuracy(const std::vector<int>& predicted, const std::vector<int>& labels)
{
    std::size_t ok = 0;
    for (std::size_t i = 0; i < labels.size(); ++i)
        ok += predicted[i] == labels[i];
    return double(ok) / double(std::max<std::size_t>(1, labels.size()));
}

} // namespace

int main(int argc, char** argv)
{
    std::map<std::string, std::string> a;
    for (int i = 1; i < argc; ++i) {
        const char* eq = std::strchr(argv[i], '=');
        if (eq)
            a[std::string(argv[i], std::size_t(eq - argv[i]))] = eq + 1;
    }
    auto num = [&](const char* k, double d) { return a.count(k) ? std::stod(a[k]) : d; };
    auto str = [&](const char* k, const char* d) { return a.count(k) ? a[k] : std::string(d); };

    const std::string dir = str("data", "../shared/data/mnist");
    const std::size_t nTrain = std::size_t(num("train", 5000));
    const std::size_t nVal = std::size_t(num("val", 2000));
    const int threads = int(num("threads", 0));
    const std::uint64_t seed = std::uint64_t(num("seed", 1));

    Timer total;
    const scnn::model::IdxImages imgs = scnn::model::readIdxImages(dir + "/train-images-idx3-ubyte.gz");
    const scnn::model::IdxLabels labs = scnn::model::readIdxLabels(dir + "/train-labels-idx1-ubyte.gz");
    const std::size_t all = std::size_t(imgs.count);
    if (all < nVal + 1 || imgs.rows != 28 || imgs.cols != 28)
        throw std::runtime_error("expected 28x28 images, more than the validation split");
    // Training images from the front, validation from the back: never overlapping.
    ImageBatch train{imgs.pixels.data(), std::min(nTrain, all - nVal), 28, 28};
    ImageBatch val{imgs.image(int(all - nVal)), nVal, 28, 28};
    const std::uint8_t* trainLab = labs.labels.data();
    const std::uint8_t* valLab = labs.labels.data() + (all - nVal);

    LatencyNetwork net;
    net.encoding.bins = int(num("bins", 15));
    net.encoding.threshold = num("dogth", 0.05);
    net.encoding.filters = {DogFilter{int(num("dogsize", 7)), num("sc", 1.0), num("ss", 2.0)}};
    if (num("dog2", 0) > 0)
        net.encoding.filters.push_back(DogFilter{int(num("dog2size", 13)), num("sc2", 2.0), num("ss2", 4.0)});
    const std::string arch = str("net", "k2018");
    LatencyLayer c1 = LatencyLayer::conv(int(num("k1", 30)), int(num("s1", 5)), num("th1", 15), int(num("pad1", 2)));
    c1.stdp.winners = int(num("w1", 5));
    c1.stdp.inhibitionRadius = int(num("r1", 3));
    LatencyLayer c2 = LatencyLayer::conv(int(num("k2", 100)), int(num("s2", 5)), num("th2", 10), int(num("pad2", 2)));
    c2.stdp.winners = int(num("w2", 8));
    c2.stdp.inhibitionRadius = int(num("r2", 1));
    LatencyLayer c3 = LatencyLayer::conv(int(num("k3", 100)), int(num("s3", 5)), num("th3", 1e9), int(num("pad3", 0)));
    c3.stdp.winners = int(num("w3", 8));
    c3.stdp.inhibitionRadius = int(num("r3", 0));
    for (LatencyLayer* l : {&c1, &c2, &c3}) {
        l->stdp.aPlus = num("ap", 0.004);
        l->stdp.aMinus = num("am", 0.003);
        l->stdp.aPlusMax = num("apmax", 0.15);
        l->stdp.rateDoublingImages = int(num("double", 500));
    }
    const int p1 = int(num("p1", 2)), p2 = int(num("p2", 2));
    net.layers = {c1, LatencyLayer::pool(p1, p1)};
    const int convs = int(num("convs", 2));
    if (convs >= 2) {
        net.layers.push_back(c2);
        if (convs >= 3) {
            net.layers.push_back(LatencyLayer::pool(p2, p2));
            net.layers.push_back(c3);
        }
    }
    net.validate();
    net.initWeights(seed);
    for (const SpikeTimes& s : net.shapes())
        std::printf("  shape %dx%dx%d\n", s.h, s.w, s.c);

    LatencyReadout ro;
    const std::string feat = str("feat", "pot");
    ro.kind = feat == "pot" ? LatencyFeature::Potential
              : feat == "spike" ? LatencyFeature::Spike : LatencyFeature::Earliness;
    ro.grid = int(num("grid", 2));
    if (str("poolro", "0") == "1")
        ro.layers = 0; // readout after all layers
    if (num("lastpool", 0) > 0) {
        const int lp = int(num("lastpool", 0));
        net.layers.push_back(LatencyLayer::pool(lp, lp));
    }

    // Train the conv layers in order.
    const std::size_t nLearn = std::min<std::size_t>(std::size_t(num("learn", double(train.count))), train.count);
    for (std::size_t li = 0; li < net.layers.size(); ++li) {
        if (net.layers[li].kind != LatencyLayerKind::Conv)
            continue;
        const int ci = int(std::count_if(net.layers.begin(), net.layers.begin() + long(li), [](const LatencyLayer& l) {
            return l.kind == LatencyLayerKind::Conv; }));
        const double epochs = num(("epochs" + std::to_string(ci + 1)).c_str(), 1.0);
        if (epochs <= 0)
            continue;
        std::vector<std::size_t> order;
        std::uint64_t st = seed * 7919 + li;
        const std::size_t n = std::size_t(epochs * double(nLearn));
        for (std::size_t e = 0; order.size() < n; ++e) {
            std::vector<std::size_t> perm(nLearn);
            std::iota(perm.begin(), perm.end(), 0);
            for (std::size_t i = perm.size(); i > 1; --i) {
                st = st * 6364136223846793005ULL + 1442695040888963407ULL;
                std::swap(perm[i - 1], perm[(st >> 33) % i]);
            }
            for (std::size_t i = 0; i < perm.size() && order.size() < n; ++i)
                order.push_back(perm[i]);
        }
        Timer t;
        const LatencyTrainStats s = net.trainLayer(int(li), train, order, {}, nullptr, threads);
        std::size_t used = 0;
        for (std::size_t w : s.wins)
            used += w > 0;
        std::printf("layer %zu: %zu images, %zu updates, convergence %.4f, a+ %.3f, kernels used %zu/%zu\n", li + 1,
                    s.images, s.updates, s.convergence, s.aPlus, used, s.wins.size());
        t.print("train");
    }

    // Features.
    Timer tf;
    const std::size_t dim = std::size_t(net.featureSize(ro));
    const std::vector<float> xTrain = net.features(train, ro, threads);
    const std::vector<float> xVal = net.features(val, ro, threads);
    std::printf("features: %zu per image (%s, grid %d)\n", dim, feat.c_str(), ro.grid);
    tf.print("features");

    // Linear SVM (LIBLINEAR, standardised features): C by cross-validation on
    // the training features unless C= is given.
    Timer ts;
    auto toFeatures = [&](const std::vector<float>& x, std::size_t rows) {
        scnn::model::Features f{int(rows), int(dim)};
        f.values = x;
        return f;
    };
    const scnn::model::Features fT = toFeatures(xTrain, train.count);
    const scnn::model::Features fV = toFeatures(xVal, val.count);
    std::vector<int> yT(train.count), yV(val.count);
    for (std::size_t i = 0; i < train.count; ++i)
        yT[i] = trainLab[i];
    for (std::size_t i = 0; i < val.count; ++i)
        yV[i] = valLab[i];
    scnn::model::SvmOptions opt;
    opt.c = num("C", 0);
    opt.cGrid = {0.001, 0.004, 0.016, 0.064};
    opt.folds = int(num("folds", 3));
    opt.threads = threads;
    opt.epsilon = num("eps", 0.01);
    const scnn::model::Svm svm = scnn::model::Svm::train(fT, yT, opt);
    for (const scnn::model::CvPoint& p : svm.cvCurve())
        std::printf("  C %.4f: cross-validation accuracy %.4f\n", p.c, p.accuracy);
    const double accT = accuracy(svm.predict(fT), yT);
    const double accV = accuracy(svm.predict(fV), yV);
    std::printf("svm C %.4f: train accuracy %.4f, VALIDATION ACCURACY %.4f (%zu train / %zu val)\n", svm.c(),
                accT, accV, train.count, val.count);
    ts.print("svm");
    total.print("total");
    return 0;
}
