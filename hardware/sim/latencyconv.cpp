// SPDX-License-Identifier: GPL-3.0-or-later
// SpikingConvNet Workbench — fast engine for latency-coded conv networks of non-leaky IF neurons.
#include "hardware/sim/latencyconv.h"

#include "model/error.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <exception>
#include <limits>
#include <mutex>
#include <numeric>
#include <thread>

namespace scnn::hardware {

namespace {

/// SplitMix64: a small, portable generator, so weights are the same on every platform.
class SplitMix
{
public:
    explicit SplitMix(std::uint64_t seed) : m_state(seed) {}
    std::uint64_t next()
    {
        std::uint64_t z = (m_state += 0x9e3779b97f4a7c15ULL);
        z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
        z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
        return z ^ (z >> 31);
    }
    double uniform() { return double(next() >> 11) * (1.0 / 9007199254740992.0); }
    double normal()
    {
        const double u1 = std::max(uniform(), 1e-300);
        const double u2 = uniform();
        return std::sqrt(-2.0 * std::log(u1)) * std::cos(6.283185307179586 * u2);
    }

private:
    std::uint64_t m_state;
};

std::string layerName(int i)
{
    return "latency layer " + std::to_string(i + 1);
}

/// Zero-mean DoG kernel, centre and surround Gaussians each of unit sum.
std::vector<double> dogKernel(const DogFilter& f)
{
    const int n = f.size;
    const int r = n / 2;
    std::vector<double> gc(std::size_t(n) * n), gs(gc.size()), k(gc.size());
    double sc = 0.0, ss = 0.0;
    for (int y = 0; y < n; ++y)
        for (int x = 0; x < n; ++x) {
            const double d2 = double((y - r) * (y - r) + (x - r) * (x - r));
            gc[std::size_t(y) * n + x] = std::exp(-d2 / (2.0 * f.sigmaCenter * f.sigmaCenter));
            gs[std::size_t(y) * n + x] = std::exp(-d2 / (2.0 * f.sigmaSurround * f.sigmaSurround));
            sc += gc[std::size_t(y) * n + x];
            ss += gs[std::size_t(y) * n + x];
        }
    double mean = 0.0;
    for (std::size_t i = 0; i < k.size(); ++i) {
        k[i] = gc[i] / sc - gs[i] / ss;
        mean += k[i];
    }
    mean /= double(k.size());
    for (double& v : k)
        v -= mean;
    return k;
}

} // namespace

int SpikeTimes::spikeCount() const
{
    return int(std::count_if(t.begin(), t.end(), [this](std::uint8_t v) { return v < bins; }));
}

LatencyLayer LatencyLayer::conv(int kernels, int k, double threshold, int pad)
{
    LatencyLayer l;
    l.kind = LatencyLayerKind::Conv;
    l.kernels = kernels;
    l.k = k;
    l.threshold = threshold;
    l.pad = pad;
    return l;
}

LatencyLayer LatencyLayer::pool(int size, int stride)
{
    LatencyLayer l;
    l.kind = LatencyLayerKind::Pool;
    l.k = size;
    l.stride = stride;
    return l;
}

std::vector<SpikeTimes> LatencyNetwork::shapes() const
{
    std::vector<SpikeTimes> out;
    SpikeTimes s;
    s.h = inputH;
    s.w = inputW;
    s.c = encoding.channels();
    s.bins = encoding.bins;
    out.push_back(s);
    for (const LatencyLayer& l : layers) {
        if (l.kind == LatencyLayerKind::Conv) {
            s.h = (s.h + 2 * l.pad - l.k) / std::max(1, l.stride) + 1;
            s.w = (s.w + 2 * l.pad - l.k) / std::max(1, l.stride) + 1;
            s.c = l.kernels;
        } else {
            s.h = (s.h - l.k) / std::max(1, l.stride) + 1;
            s.w = (s.w - l.k) / std::max(1, l.stride) + 1;
        }
        out.push_back(s);
    }
    return out;
}

void LatencyNetwork::validate() const
{
    if (inputH < 1 || inputW < 1)
        throw model::Error("input size " + std::to_string(inputH) + "x" + std::to_string(inputW)
                           + " must be at least 1x1", "latency network");
    if (encoding.bins < 1 || encoding.bins > 254)
        throw model::Error("time bins " + std::to_string(encoding.bins) + " must be in [1, 254]",
                           "latency encoding");
    for (const DogFilter& f : encoding.filters)
        if (f.size < 1 || f.size % 2 == 0 || f.sigmaCenter <= 0.0 || f.sigmaSurround <= 0.0)
            throw model::Error("DoG filter size " + std::to_string(f.size)
                               + " must be odd and both sigmas > 0", "latency encoding");
    const std::vector<SpikeTimes> s = shapes();
    for (std::size_t i = 0; i < layers.size(); ++i) {
        const LatencyLayer& l = layers[i];
        const int li = int(i);
        if (l.k < 1 || l.stride < 1 || l.pad < 0)
            throw model::Error("size " + std::to_string(l.k) + ", stride " + std::to_string(l.stride)
                               + ", pad " + std::to_string(l.pad) + " must be ≥ 1, ≥ 1, ≥ 0",
                               layerName(li));
        if (s[i + 1].h < 1 || s[i + 1].w < 1)
            throw model::Error("window " + std::to_string(l.k) + "x" + std::to_string(l.k)
                               + " is larger than its input " + std::to_string(s[i].h) + "x"
                               + std::to_string(s[i].w), layerName(li));
        if (l.kind == LatencyLayerKind::Conv) {
            if (l.kernels < 1)
                throw model::Error("kernels " + std::to_string(l.kernels) + " must be ≥ 1",
                                   layerName(li));
            if (!(l.threshold > 0.0))
                throw model::Error("threshold " + std::to_string(l.threshold) + " must be > 0",
                                   layerName(li));
            const std::size_t n = std::size_t(l.k) * l.k * s[i].c * l.kernels;
            if (!l.weights.empty() && l.weights.size() != n)
                throw model::Error("has " + std::to_string(l.weights.size()) + " weights, expected "
                                   + std::to_string(n), layerName(li));
            if (l.stdp.winners < 1 || l.stdp.inhibitionRadius < 0 || l.stdp.aPlus < 0.0
                || l.stdp.aMinus < 0.0)
                throw model::Error("STDP winners ≥ 1, inhibition radius ≥ 0 and rates ≥ 0 needed",
                                   layerName(li));
        }
    }
}

void LatencyNetwork::initLayerWeights(int layer, std::uint64_t seed)
{
    const std::vector<SpikeTimes> s = shapes();
    LatencyLayer& l = layers.at(std::size_t(layer));
    if (l.kind != LatencyLayerKind::Conv)
        return;
    SplitMix rng(seed * 0x9e3779b97f4a7c15ULL + std::uint64_t(layer) + 1);
    l.weights.resize(std::size_t(l.k) * l.k * s[std::size_t(layer)].c * l.kernels);
    for (float& w : l.weights)
        w = float(std::clamp(l.stdp.wInitMean + l.stdp.wInitSigma * rng.normal(), 0.0, 1.0));
}

void LatencyNetwork::initWeights(std::uint64_t seed)
{
    for (std::size_t i = 0; i < layers.size(); ++i)
        initLayerWeights(int(i), seed);
}

SpikeTimes LatencyNetwork::encode(std::span<const std::uint8_t> image) const
{
    SpikeTimes out;
    out.h = inputH;
    out.w = inputW;
    out.c = encoding.channels();
    out.bins = encoding.bins;
    const std::size_t pixels = std::size_t(inputH) * inputW;
    if (image.size() != pixels)
        throw model::Error("image has " + std::to_string(image.size()) + " pixels, expected "
                           + std::to_string(pixels), "latency encoding");
    std::vector<float> value(pixels * out.c, 0.0f);
    if (encoding.filters.empty()) {
        for (std::size_t i = 0; i < pixels; ++i)
            value[i] = float(image[i]) / 255.0f;
    } else {
        for (std::size_t f = 0; f < encoding.filters.size(); ++f) {
            const DogFilter& filter = encoding.filters[f];
            const std::vector<double> k = dogKernel(filter);
            const int r = filter.size / 2;
            for (int y = 0; y < inputH; ++y)
                for (int x = 0; x < inputW; ++x) {
                    double acc = 0.0;
                    for (int ky = 0; ky < filter.size; ++ky) {
                        const int iy = y + ky - r;
                        if (iy < 0 || iy >= inputH)
                            continue;
                        for (int kx = 0; kx < filter.size; ++kx) {
                            const int ix = x + kx - r;
                            if (ix < 0 || ix >= inputW)
                                continue;
                            acc += k[std::size_t(ky) * filter.size + kx]
                                   * image[std::size_t(iy) * inputW + ix];
                        }
                    }
                    acc /= 255.0;
                    const std::size_t base = (std::size_t(y) * inputW + x) * out.c + 2 * f;
                    value[base] = float(std::max(acc, 0.0));
                    value[base + 1] = float(std::max(-acc, 0.0));
                }
        }
    }
    const std::uint8_t silent = std::uint8_t(encoding.bins);
    out.t.assign(value.size(), silent);
    const float th = float(encoding.threshold);
    if (encoding.equalCountBins) {
        std::vector<std::uint32_t> on;
        for (std::size_t i = 0; i < value.size(); ++i)
            if (value[i] >= th && value[i] > 0.0f)
                on.push_back(std::uint32_t(i));
        std::stable_sort(on.begin(), on.end(),
                         [&](std::uint32_t a, std::uint32_t b) { return value[a] > value[b]; });
        const std::size_t n = on.size();
        for (std::size_t r = 0; r < n; ++r)
            out.t[on[r]] = std::uint8_t(r * std::size_t(encoding.bins) / n);
    } else {
        const float vmax = *std::max_element(value.begin(), value.end());
        if (vmax > 0.0f)
            for (std::size_t i = 0; i < value.size(); ++i)
                if (value[i] >= th && value[i] > 0.0f)
                    out.t[i] = std::uint8_t(std::min(
                        encoding.bins - 1, int((1.0f - value[i] / vmax) * float(encoding.bins))));
    }
    return out;
}

LatencyNetwork::ConvResponse LatencyNetwork::convolve(int layer, const SpikeTimes& in) const
{
    const LatencyLayer& l = layers.at(std::size_t(layer));
    const int K = l.kernels;
    const int s = l.stride;
    const int p = l.pad;
    const int ho = (in.h + 2 * p - l.k) / s + 1;
    const int wo = (in.w + 2 * p - l.k) / s + 1;
    const std::size_t wantWeights = std::size_t(l.k) * l.k * in.c * K;
    if (l.weights.size() != wantWeights)
        throw model::Error("has " + std::to_string(l.weights.size()) + " weights, expected "
                           + std::to_string(wantWeights) + " (call initWeights)", layerName(layer));
    ConvResponse r;
    r.fire.h = ho;
    r.fire.w = wo;
    r.fire.c = K;
    r.fire.bins = in.bins;
    const std::size_t n = std::size_t(ho) * wo * K;
    const std::uint8_t silent = std::uint8_t(in.bins);
    r.fire.t.assign(n, silent);
    r.firePotential.assign(n, 0.0f);
    r.finalPotential.assign(n, 0.0f);
    float* pot = r.finalPotential.data();

    // Counting sort of the input spikes by time bin.
    std::vector<std::uint32_t> start(std::size_t(in.bins) + 1, 0);
    for (std::uint8_t t : in.t)
        if (t < in.bins)
            ++start[std::size_t(t) + 1];
    for (int b = 0; b < in.bins; ++b)
        start[std::size_t(b) + 1] += start[std::size_t(b)];
    std::vector<std::uint32_t> events(start.back());
    {
        std::vector<std::uint32_t> fill(start.begin(), start.end() - 1);
        for (std::size_t i = 0; i < in.t.size(); ++i)
            if (in.t[i] < in.bins)
                events[fill[in.t[i]]++] = std::uint32_t(i);
    }

    const bool thresholded = std::isfinite(l.threshold);
    const float th = float(l.threshold);
    const float* W = l.weights.data();
    std::vector<std::uint8_t> touched(std::size_t(ho) * wo, 0);
    std::vector<std::uint32_t> touchedList;
    for (int b = 0; b < in.bins; ++b) {
        touchedList.clear();
        for (std::uint32_t e = start[std::size_t(b)]; e < start[std::size_t(b) + 1]; ++e) {
            const std::uint32_t idx = events[e];
            const int c = int(idx % std::uint32_t(in.c));
            const int pix = int(idx / std::uint32_t(in.c));
            const int y = pix / in.w;
            const int x = pix % in.w;
            for (int ky = 0; ky < l.k; ++ky) {
                const int oyn = y + p - ky;
                if (oyn < 0 || oyn % s != 0)
                    continue;
                const int oy = oyn / s;
                if (oy >= ho)
                    continue;
                for (int kx = 0; kx < l.k; ++kx) {
                    const int oxn = x + p - kx;
                    if (oxn < 0 || oxn % s != 0)
                        continue;
                    const int ox = oxn / s;
                    if (ox >= wo)
                        continue;
                    const float* wv = W + ((std::size_t(ky) * l.k + kx) * in.c + c) * K;
                    const std::size_t opix = std::size_t(oy) * wo + ox;
                    float* pv = pot + opix * K;
                    for (int m = 0; m < K; ++m)
                        pv[m] += wv[m];
                    if (thresholded && !touched[opix]) {
                        touched[opix] = 1;
                        touchedList.push_back(std::uint32_t(opix));
                    }
                }
            }
        }
        if (!thresholded)
            continue;
        for (std::uint32_t opix : touchedList) {
            touched[opix] = 0;
            const std::size_t base = std::size_t(opix) * K;
            for (int m = 0; m < K; ++m) {
                const std::size_t i = base + m;
                if (r.fire.t[i] == silent && pot[i] >= th) {
                    r.fire.t[i] = std::uint8_t(b);
                    r.firePotential[i] = pot[i];
                }
            }
        }
    }
    for (std::size_t i = 0; i < n; ++i)
        if (r.fire.t[i] == silent)
            r.firePotential[i] = pot[i];
    return r;
}

void LatencyNetwork::inhibit(const ConvResponse& r, SpikeTimes& out) const
{
    out.h = r.fire.h;
    out.w = r.fire.w;
    out.c = r.fire.c;
    out.bins = r.fire.bins;
    const std::uint8_t silent = std::uint8_t(r.fire.bins);
    out.t.assign(r.fire.t.size(), silent);
    const std::size_t positions = std::size_t(out.h) * out.w;
    for (std::size_t pix = 0; pix < positions; ++pix) {
        const std::size_t base = pix * out.c;
        int best = -1;
        for (int m = 0; m < out.c; ++m) {
            const std::uint8_t t = r.fire.t[base + m];
            if (t == silent)
                continue;
            if (best < 0 || t < r.fire.t[base + best]
                || (t == r.fire.t[base + best]
                    && r.firePotential[base + m] > r.firePotential[base + best]))
                best = m;
        }
        if (best >= 0)
            out.t[base + best] = r.fire.t[base + best];
    }
}

SpikeTimes LatencyNetwork::pool(const LatencyLayer& l, const SpikeTimes& in) const
{
    SpikeTimes out;
    out.h = (in.h - l.k) / l.stride + 1;
    out.w = (in.w - l.k) / l.stride + 1;
    out.c = in.c;
    out.bins = in.bins;
    out.t.assign(std::size_t(out.h) * out.w * out.c, std::uint8_t(in.bins));
    for (int oy = 0; oy < out.h; ++oy)
        for (int ox = 0; ox < out.w; ++ox) {
            std::uint8_t* o = &out.t[out.index(oy, ox, 0)];
            for (int ky = 0; ky < l.k; ++ky)
                for (int kx = 0; kx < l.k; ++kx) {
                    const std::uint8_t* i = &in.t[in.index(oy * l.stride + ky, ox * l.stride + kx, 0)];
                    for (int c = 0; c < in.c; ++c)
                        o[c] = std::min(o[c], i[c]);
                }
        }
    return out;
}

SpikeTimes LatencyNetwork::step(int layer, const SpikeTimes& input) const
{
    const LatencyLayer& l = layers.at(std::size_t(layer));
    if (l.kind == LatencyLayerKind::Pool)
        return pool(l, input);
    ConvResponse r = convolve(layer, input);
    if (!l.lateralInhibition)
        return std::move(r.fire);
    SpikeTimes out;
    inhibit(r, out);
    return out;
}

SpikeTimes LatencyNetwork::forward(const SpikeTimes& input, int upTo) const
{
    SpikeTimes cur = input;
    for (int i = 0; i < upTo && i < int(layers.size()); ++i)
        cur = step(i, cur);
    return cur;
}

std::vector<int> LatencyNetwork::learn(int layer, const SpikeTimes& input, double aPlus,
                                       double aMinus)
{
    LatencyLayer& l = layers.at(std::size_t(layer));
    const ConvResponse r = convolve(layer, input);
    const int K = l.kernels;
    const int ho = r.fire.h;
    const int wo = r.fire.w;
    const std::uint8_t silent = std::uint8_t(r.fire.bins);

    // Candidates by first spike time, then larger potential, then index.
    std::vector<std::vector<std::uint32_t>> byBin(r.fire.bins);
    for (std::size_t i = 0; i < r.fire.t.size(); ++i)
        if (r.fire.t[i] != silent)
            byBin[r.fire.t[i]].push_back(std::uint32_t(i));
    std::vector<std::uint8_t> mapTaken(std::size_t(K), 0);
    std::vector<std::uint8_t> posBlocked(std::size_t(ho) * wo, 0);
    struct Winner
    {
        int map, y, x, t;
    };
    std::vector<Winner> winners;
    const int rad = l.stdp.inhibitionRadius;
    for (int b = 0; b < r.fire.bins && int(winners.size()) < l.stdp.winners; ++b) {
        std::vector<std::uint32_t>& c = byBin[std::size_t(b)];
        std::stable_sort(c.begin(), c.end(), [&](std::uint32_t a, std::uint32_t bb) {
            return r.firePotential[a] > r.firePotential[bb];
        });
        for (std::uint32_t idx : c) {
            if (int(winners.size()) >= l.stdp.winners)
                break;
            const int m = int(idx % std::uint32_t(K));
            const int pix = int(idx / std::uint32_t(K));
            if (mapTaken[std::size_t(m)] || posBlocked[std::size_t(pix)])
                continue;
            const int y = pix / wo;
            const int x = pix % wo;
            winners.push_back({m, y, x, b});
            mapTaken[std::size_t(m)] = 1;
            for (int yy = std::max(0, y - rad); yy <= std::min(ho - 1, y + rad); ++yy)
                for (int xx = std::max(0, x - rad); xx <= std::min(wo - 1, x + rad); ++xx)
                    posBlocked[std::size_t(yy) * wo + xx] = 1;
        }
    }

    std::vector<int> maps;
    float* W = l.weights.data();
    const float ap = float(aPlus);
    const float am = float(aMinus);
    for (const Winner& win : winners) {
        maps.push_back(win.map);
        for (int ky = 0; ky < l.k; ++ky) {
            const int iy = win.y * l.stride - l.pad + ky;
            for (int kx = 0; kx < l.k; ++kx) {
                const int ix = win.x * l.stride - l.pad + kx;
                const bool inside = iy >= 0 && iy < input.h && ix >= 0 && ix < input.w;
                for (int c = 0; c < input.c; ++c) {
                    const int tin = inside ? int(input.at(iy, ix, c)) : input.bins;
                    float& w = W[((std::size_t(ky) * l.k + kx) * input.c + c) * K + win.map];
                    const float dw = w * (1.0f - w);
                    w = tin <= win.t ? w + ap * dw : w - am * dw;
                    w = std::clamp(w, 0.0f, 1.0f);
                }
            }
        }
    }
    return maps;
}

LatencyTrainStats LatencyNetwork::trainLayer(int layer, const ImageBatch& images,
                                             const std::vector<std::size_t>& order,
                                             const LatencyProgress& progress,
                                             const std::atomic<bool>* cancel, int threads)
{
    validate();
    if (layer < 0 || layer >= int(layers.size())
        || layers[std::size_t(layer)].kind != LatencyLayerKind::Conv)
        throw model::Error("is not a conv layer; only conv layers learn", layerName(layer));
    LatencyLayer& l = layers[std::size_t(layer)];
    if (l.weights.empty())
        initLayerWeights(layer, 0);
    for (std::size_t i : order)
        if (i >= images.count)
            throw model::Error("training order names image " + std::to_string(i) + " of "
                               + std::to_string(images.count), layerName(layer));

    LatencyTrainStats stats;
    stats.wins.assign(std::size_t(l.kernels), 0);
    double aPlus = l.stdp.aPlus;
    double aMinus = l.stdp.aMinus;
    const double ratio = aPlus > 0.0 ? aMinus / aPlus : 0.0;
    const std::size_t batch = 64;
    std::vector<SpikeTimes> inputs(batch);
    for (std::size_t b0 = 0; b0 < order.size(); b0 += batch) {
        const std::size_t nb = std::min(batch, order.size() - b0);
        // The fixed layers below, in parallel; learning stays sequential.
        parallelFor(nb, threads, [&](std::size_t j) {
            inputs[j] = forward(encode(images.image(order[b0 + j])), layer);
        }, {}, cancel);
        for (std::size_t j = 0; j < nb; ++j) {
            if (cancel && cancel->load(std::memory_order_relaxed))
                throw model::Cancelled();
            for (int m : learn(layer, inputs[j], aPlus, aMinus)) {
                ++stats.wins[std::size_t(m)];
                ++stats.updates;
            }
            ++stats.images;
            if (l.stdp.rateDoublingImages > 0 && stats.images % std::size_t(l.stdp.rateDoublingImages) == 0
                && aPlus < l.stdp.aPlusMax) {
                aPlus = std::min(aPlus * 2.0, l.stdp.aPlusMax);
                aMinus = aPlus * ratio;
            }
        }
        if (progress)
            progress(b0 + nb, order.size());
    }
    double c = 0.0;
    for (float w : l.weights)
        c += double(w) * (1.0 - double(w));
    stats.convergence = l.weights.empty() ? 0.0 : c / double(l.weights.size());
    stats.aPlus = aPlus;
    stats.aMinus = aMinus;
    return stats;
}

LatencyNetwork LatencyNetwork::fromModel(const model::Network& m)
{
    LatencyNetwork net;
    net.inputH = m.input.h;
    net.inputW = m.input.w;
    const model::EncodingParams& e = m.encoding;
    const int encoded = e.differenceOfGaussians ? 2 * e.dogScales : 1;
    if (m.input.c != encoded)
        throw model::Error("input has " + std::to_string(m.input.c) + " channels; the latency code of "
                               + "grey images gives " + std::to_string(encoded),
                           "latency network");
    net.encoding.filters.clear();
    if (e.differenceOfGaussians)
        for (int scale = 0; scale < e.dogScales; ++scale) {
            const int f = 1 << scale;
            net.encoding.filters.push_back(DogFilter{(e.dogWindow - 1) * f + 1,
                                                     e.dogSigmaCenter * f, e.dogSigmaSurround * f});
        }
    net.encoding.bins = e.latencyBins;
    net.encoding.threshold = e.latencyThreshold;
    for (std::size_t i = 0; i < m.layers.size(); ++i) {
        const model::Layer& l = m.layers[i];
        if (l.kind == model::LayerKind::Pool) {
            if (l.kh != l.kw)
                throw model::Error("pool window " + std::to_string(l.kh) + "x" + std::to_string(l.kw)
                                   + " must be square in the shared-WTA mode", layerName(int(i)));
            net.layers.push_back(LatencyLayer::pool(l.kh, l.stride));
            continue;
        }
        if (l.kh != l.kw || l.perChannel)
            throw model::Error("kernel " + std::to_string(l.kh) + "x" + std::to_string(l.kw)
                               + (l.perChannel ? " per channel" : "")
                               + ": the shared-WTA mode needs square, full-depth kernels",
                               layerName(int(i)));
        const model::SharedWtaParams& p = l.params.wta;
        LatencyLayer c = LatencyLayer::conv(l.kernels, l.kh,
                                            p.threshold > 0.0 ? p.threshold
                                                              : std::numeric_limits<double>::infinity());
        c.stride = l.stride;
        c.stdp.aPlus = p.aPlus;
        c.stdp.aMinus = p.aMinus;
        c.stdp.aPlusMax = p.aPlusMax;
        c.stdp.rateDoublingImages = p.rateDoublingImages;
        c.stdp.winners = p.winners;
        c.stdp.inhibitionRadius = p.inhibitionRadius;
        c.stdp.wInitMean = p.wInitMean;
        c.stdp.wInitSigma = p.wInitSigma;
        net.layers.push_back(std::move(c));
    }
    return net;
}

LatencyReadout LatencyNetwork::readoutFor(const model::ClassifierSpec& spec)
{
    LatencyReadout r;
    r.kind = spec.readout == model::ClassifierSpec::Readout::FirstSpike ? LatencyFeature::Spike
                                                                        : LatencyFeature::Potential;
    r.grid = std::max(1, spec.readoutGrid);
    return r;
}

std::vector<float> LatencyNetwork::kernelWeights(int layer) const
{
    const LatencyLayer& l = layers.at(std::size_t(layer));
    const int cin = shapes()[std::size_t(layer)].c;
    std::vector<float> out(l.weights.size());
    if (l.weights.empty())
        return out;
    for (int k = 0; k < l.kernels; ++k)
        for (int c = 0; c < cin; ++c)
            for (int ky = 0; ky < l.k; ++ky)
                for (int kx = 0; kx < l.k; ++kx)
                    out[((std::size_t(k) * cin + c) * l.k + ky) * l.k + kx]
                        = l.weights[((std::size_t(ky) * l.k + kx) * cin + c) * l.kernels + k];
    return out;
}

void LatencyNetwork::setKernelWeights(int layer, const std::vector<float>& w)
{
    LatencyLayer& l = layers.at(std::size_t(layer));
    const int cin = shapes()[std::size_t(layer)].c;
    const std::size_t n = std::size_t(l.kernels) * cin * l.k * l.k;
    if (w.size() != n)
        throw model::Error("got " + std::to_string(w.size()) + " kernel weights, expected "
                           + std::to_string(n), layerName(layer));
    l.weights.resize(n);
    for (int k = 0; k < l.kernels; ++k)
        for (int c = 0; c < cin; ++c)
            for (int ky = 0; ky < l.k; ++ky)
                for (int kx = 0; kx < l.k; ++kx)
                    l.weights[((std::size_t(ky) * l.k + kx) * cin + c) * l.kernels + k]
                        = w[((std::size_t(k) * cin + c) * l.k + ky) * l.k + kx];
}

std::vector<std::size_t> LatencyNetwork::trainingOrder(std::size_t images, std::size_t count,
                                                       std::uint64_t seed)
{
    if (count == 0)
        count = images;
    std::vector<std::size_t> order;
    if (images == 0)
        return order;
    order.reserve(count);
    SplitMix rng(seed ^ 0x5851f42d4c957f2dULL);
    std::vector<std::size_t> perm(images);
    while (order.size() < count) {
        std::iota(perm.begin(), perm.end(), std::size_t(0));
        for (std::size_t i = perm.size(); i > 1; --i)
            std::swap(perm[i - 1], perm[rng.next() % i]);
        for (std::size_t i = 0; i < perm.size() && order.size() < count; ++i)
            order.push_back(perm[i]);
    }
    return order;
}

int LatencyNetwork::featureSize(const LatencyReadout& readout) const
{
    const std::vector<SpikeTimes> s = shapes();
    const int last = (readout.layers > 0 ? std::min(readout.layers, int(layers.size()))
                                         : int(layers.size()));
    return readout.grid * readout.grid * s[std::size_t(last)].c;
}

void LatencyNetwork::featuresOf(const SpikeTimes& encoded, const LatencyReadout& readout,
                                float* out) const
{
    const int last = (readout.layers > 0 ? std::min(readout.layers, int(layers.size()))
                                         : int(layers.size()));
    const int g = readout.grid;
    int h = 0, w = 0, c = 0;
    std::vector<float> value;
    if (readout.kind == LatencyFeature::Potential) {
        // The last conv layer at or before the readout layer, all inputs integrated.
        int conv = last - 1;
        while (conv >= 0 && layers[std::size_t(conv)].kind != LatencyLayerKind::Conv)
            --conv;
        if (conv < 0)
            throw model::Error("a potential readout needs a conv layer", "latency readout");
        const SpikeTimes in = forward(encoded, conv);
        ConvResponse r = convolve(conv, in);
        h = r.fire.h;
        w = r.fire.w;
        c = r.fire.c;
        value = std::move(r.finalPotential);
    } else {
        const SpikeTimes s = forward(encoded, last);
        h = s.h;
        w = s.w;
        c = s.c;
        value.resize(s.t.size());
        for (std::size_t i = 0; i < s.t.size(); ++i) {
            const bool fired = s.t[i] < s.bins;
            value[i] = readout.kind == LatencyFeature::Spike
                           ? (fired ? 1.0f : 0.0f)
                           : (fired ? float(s.bins - s.t[i]) / float(s.bins) : 0.0f);
        }
    }
    std::fill(out, out + std::size_t(g) * g * c, 0.0f);
    for (int y = 0; y < h; ++y) {
        const int gy = y * g / h;
        for (int x = 0; x < w; ++x) {
            const int gx = x * g / w;
            float* o = out + (std::size_t(gy) * g + gx) * c;
            const float* v = value.data() + (std::size_t(y) * w + x) * c;
            for (int ch = 0; ch < c; ++ch)
                o[ch] = std::max(o[ch], v[ch]);
        }
    }
}

std::vector<float> LatencyNetwork::features(const ImageBatch& images,
                                            const LatencyReadout& readout, int threads,
                                            const LatencyProgress& progress,
                                            const std::atomic<bool>* cancel) const
{
    validate();
    if (readout.grid < 1)
        throw model::Error("grid " + std::to_string(readout.grid) + " must be ≥ 1", "latency readout");
    const std::size_t dim = std::size_t(featureSize(readout));
    std::vector<float> out(images.count * dim);
    parallelFor(images.count, threads, [&](std::size_t i) {
        featuresOf(encode(images.image(i)), readout, out.data() + i * dim);
    }, progress, cancel);
    return out;
}

void parallelFor(std::size_t n, int threads, const std::function<void(std::size_t)>& work,
                 const LatencyProgress& progress, const std::atomic<bool>* cancel)
{
    if (threads <= 0)
        threads = int(std::max(1u, std::thread::hardware_concurrency()));
    threads = int(std::min<std::size_t>(std::size_t(threads), std::max<std::size_t>(n, 1)));
    std::atomic<std::size_t> next{0};
    std::atomic<std::size_t> done{0};
    std::atomic<bool> failed{false};
    std::exception_ptr error;
    std::mutex errorMutex;
    auto lastReport = std::chrono::steady_clock::now();
    auto run = [&](bool reporter) {
        for (;;) {
            if (failed.load(std::memory_order_relaxed)
                || (cancel && cancel->load(std::memory_order_relaxed)))
                return;
            const std::size_t i = next.fetch_add(1);
            if (i >= n)
                return;
            try {
                work(i);
                done.fetch_add(1);
                if (reporter && progress) {
                    const auto now = std::chrono::steady_clock::now();
                    if (now - lastReport > std::chrono::milliseconds(50)) {
                        lastReport = now;
                        progress(done.load(), n);
                    }
                }
            } catch (...) {
                std::lock_guard lock(errorMutex);
                if (!error)
                    error = std::current_exception();
                failed = true;
                return;
            }
        }
    };
    std::vector<std::thread> pool;
    for (int t = 1; t < threads; ++t)
        pool.emplace_back(run, false);
    run(true); // the calling thread works too and reports progress
    for (std::thread& t : pool)
        t.join();
    if (error)
        std::rethrow_exception(error);
    if (cancel && cancel->load())
        throw model::Cancelled();
    if (progress)
        progress(n, n);
}

} // namespace scnn::hardware
