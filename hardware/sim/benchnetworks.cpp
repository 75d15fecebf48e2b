// SPDX-License-Identifier: GPL-3.0-or-later
// SpikingConvNet Workbench — the benchmark networks of the embedded simulator.
#include "hardware/sim/benchnetworks.h"

#include "model/parameters.h"

#include <algorithm>
#include <cmath>

namespace scnn::hardware::sim {

namespace {

constexpr int kSide = 28;

double uniform(std::mt19937_64& rng, double a, double b)
{
    return std::uniform_real_distribution<double>(a, b)(rng);
}

Population inputPopulation(int size)
{
    Population p;
    p.label = "input";
    p.type = CellType::SpikeSourceArray;
    p.size = size;
    return p;
}

PhaseDescription convBatch(int images, std::uint64_t seed, int kernels, int k, int stride, double vThresh,
                           bool asList)
{
    BenchInputs in(seed);
    PhaseDescription ph;
    ph.dt = 1.0;
    ph.durationMs = 100.0;
    ph.seed = seed;
    const int side = (kSide - k) / stride + 1;
    Population out;
    out.label = "layer1";
    out.size = side * side * kernels;
    out.params = model::defaultLayerParams(0).rebuild;
    out.params.vThresh = vThresh;
    ph.populations = {inputPopulation(kSide * kSide), out};
    Convolution conv;
    conv.in = {kSide, kSide, 1};
    conv.out = {side, side, kernels};
    conv.kh = conv.kw = k;
    conv.stride = stride;
    conv.delay = 1.0;
    std::mt19937_64 wr(seed + 2);
    for (int q = 0; q < kernels * k * k; ++q)
        conv.kernels.push_back(uniform(wr, 0.0, 1.0));
    Projection pr;
    pr.label = "conv";
    pr.pre = 0;
    pr.post = 1;
    if (asList) {
        FromList fl;
        for (int c = 0; c < kernels; ++c)
            for (int oy = 0; oy < side; ++oy)
                for (int ox = 0; ox < side; ++ox)
                    for (int ky = 0; ky < k; ++ky)
                        for (int kx = 0; kx < k; ++kx) {
                            fl.pre.push_back((oy * stride + ky) * kSide + ox * stride + kx);
                            fl.post.push_back((c * side + oy) * side + ox);
                            fl.weight.push_back(conv.kernels[std::size_t((c * k + ky) * k + kx)]);
                            fl.delay.push_back(1.0);
                        }
        pr.connector = std::move(fl);
    } else {
        pr.connector = conv;
    }
    ph.projections = {pr};
    TrialBatch b;
    b.sources = {0};
    b.countPopulation = 1;
    for (int i = 0; i < images; ++i)
        b.inputs.push_back({in.poisson(in.image(), 100.0, 100.0)});
    ph.batch = std::move(b);
    return ph;
}

} // namespace

std::vector<std::uint8_t> BenchInputs::image()
{
    std::vector<double> img(kSide * kSide, 0.0);
    const double target = std::clamp(std::normal_distribution<double>(0.178, 0.03)(m_rng), 0.10, 0.30);
    double py = uniform(m_rng, 8, 20), px = uniform(m_rng, 8, 20);
    std::normal_distribution<double> step(0.0, 4.0);
    for (int seg = 0; seg < 40; ++seg) {
        const double ny = std::clamp(py + step(m_rng), 4.0, 23.0);
        const double nx = std::clamp(px + step(m_rng), 4.0, 23.0);
        const double dy = ny - py, dx = nx - px;
        const double l2 = std::max(dy * dy + dx * dx, 1e-9);
        int lit = 0;
        for (int y = 0; y < kSide; ++y)
            for (int x = 0; x < kSide; ++x) {
                const double t = std::clamp(((y - py) * dy + (x - px) * dx) / l2, 0.0, 1.0);
                const double dist = std::hypot(y - (py + t * dy), x - (px + t * dx));
                double& v = img[std::size_t(y * kSide + x)];
                v = std::max(v, std::clamp(2.0 - dist, 0.0, 1.0));
                lit += v > 0.0;
            }
        py = ny;
        px = nx;
        if (double(lit) / (kSide * kSide) >= target)
            break;
    }
    std::vector<std::uint8_t> out(img.size());
    for (std::size_t i = 0; i < img.size(); ++i)
        out[i] = std::uint8_t(std::lround(img[i] * 255.0));
    return out;
}

SpikeList BenchInputs::poisson(const std::vector<std::uint8_t>& pixels, double durationMs, double maxRateHz)
{
    // Bernoulli per 1 ms bin, drawn as geometric gaps between spikes.
    const int bins = int(durationMs);
    std::vector<std::pair<int, std::int32_t>> spikes;
    for (std::size_t i = 0; i < pixels.size(); ++i) {
        const double p = pixels[i] / 255.0 * maxRateHz * 1e-3;
        if (p <= 0.0)
            continue;
        std::geometric_distribution<int> gap(std::min(p, 1.0));
        for (int t = gap(m_rng); t < bins; t += 1 + gap(m_rng))
            spikes.push_back({t, std::int32_t(i)});
    }
    std::sort(spikes.begin(), spikes.end());
    SpikeList s;
    for (auto [t, i] : spikes)
        s.add(i, double(t));
    return s;
}

PhaseDescription seedInferencePhase(int images, std::uint64_t seed, bool asList)
{
    return convBatch(images, seed, 4, 4, 3, -10.0, asList);
}

PhaseDescription largePhase(int images, std::uint64_t seed)
{
    return convBatch(images, seed, 30, 5, 1, -10.0, false);
}

PhaseDescription seedTrainingPhase(int windows, std::uint64_t seed)
{
    BenchInputs in(seed);
    PhaseDescription ph;
    ph.dt = 1.0;
    ph.durationMs = 100.0 * windows;
    ph.seed = seed;
    const model::LayerParams lp = model::defaultLayerParams(0);
    Population src = inputPopulation(16);
    // Windows: 4×4 crops of synthetic images at the reference offsets 0, 3, … 24.
    std::vector<std::uint8_t> img = in.image();
    for (int w = 0; w < windows; ++w) {
        if (w % 81 == 0 && w > 0)
            img = in.image();
        const int oy = 3 * ((w % 81) / 9), ox = 3 * (w % 9);
        std::vector<std::uint8_t> win(16);
        for (int y = 0; y < 4; ++y)
            for (int x = 0; x < 4; ++x)
                win[std::size_t(y * 4 + x)] = img[std::size_t((oy + y) * kSide + ox + x)];
        const SpikeList s = in.poisson(win, 100.0, 100.0);
        for (std::size_t k = 0; k < s.size(); ++k)
            src.spikes.add(s.ids[k], s.times[k] + 100.0 * w);
    }
    Population out;
    out.label = "layer1";
    out.size = 4;
    out.params = lp.train;
    ph.populations = {std::move(src), out};
    Projection stdp;
    stdp.label = "stdp";
    stdp.pre = 0;
    stdp.post = 1;
    stdp.stdp = lp.stdp;
    FromList fl;
    std::mt19937_64 wr(seed + 2);
    std::normal_distribution<double> w0(lp.stdp.wInitMean, lp.stdp.wInitSigma);
    for (int post = 0; post < 4; ++post)
        for (int pre = 0; pre < 16; ++pre) {
            fl.pre.push_back(pre);
            fl.post.push_back(post);
            fl.weight.push_back(std::clamp(w0(wr), lp.stdp.wMin, lp.stdp.wMax));
            fl.delay.push_back(1.0);
        }
    stdp.connector = std::move(fl);
    Projection inh;
    inh.label = "lateral";
    inh.pre = 1;
    inh.post = 1;
    inh.receptor = Receptor::Inhibitory;
    inh.connector = AllToAll{lp.inhibition.weight, lp.inhibition.delay, false};
    ph.projections = {stdp, inh};
    ph.recordSpikes = {{1}};
    return ph;
}

} // namespace scnn::hardware::sim
