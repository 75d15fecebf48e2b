// SPDX-License-Identifier: GPL-3.0-or-later
// SpikingConvNet Workbench — image to spike encoders and the difference-of-Gaussians filter.
#include "model/encoding.h"

#include "model/dataset.h"
#include "model/error.h"
#include "model/random.h"

#include <algorithm>
#include <cmath>
#include <numeric>

namespace scnn::model {

namespace {

double activeMs(const TimingParams& t)
{
    return t.presentationMs - t.idleMs;
}

std::vector<double> gaussianKernel(double sigma)
{
    const int r = int(std::ceil(3.0 * sigma));
    std::vector<double> k(std::size_t(2 * r + 1));
    double sum = 0.0;
    for (int i = -r; i <= r; ++i) {
        k[std::size_t(i + r)] = std::exp(-double(i * i) / (2.0 * sigma * sigma));
        sum += k[std::size_t(i + r)];
    }
    for (double& v : k)
        v /= sum;
    return k;
}

/// Separable blur with clamped edges.
std::vector<double> blur(const std::vector<double>& img, int rows, int cols, double sigma)
{
    const auto k = gaussianKernel(sigma);
    const int r = int(k.size() / 2);
    std::vector<double> tmp(img.size()), out(img.size());
    for (int y = 0; y < rows; ++y)
        for (int x = 0; x < cols; ++x) {
            double s = 0.0;
            for (int i = -r; i <= r; ++i)
                s += k[std::size_t(i + r)] * img[std::size_t(y * cols + std::clamp(x + i, 0, cols - 1))];
            tmp[std::size_t(y * cols + x)] = s;
        }
    for (int y = 0; y < rows; ++y)
        for (int x = 0; x < cols; ++x) {
            double s = 0.0;
            for (int i = -r; i <= r; ++i)
                s += k[std::size_t(i + r)] * tmp[std::size_t(std::clamp(y + i, 0, rows - 1) * cols + x)];
            out[std::size_t(y * cols + x)] = s;
        }
    return out;
}

} // namespace

void SpikeTrains::sort()
{
    std::vector<std::size_t> order(ids.size());
    std::iota(order.begin(), order.end(), std::size_t(0));
    std::stable_sort(order.begin(), order.end(), [this](std::size_t a, std::size_t b) {
        return times[a] < times[b] || (times[a] == times[b] && ids[a] < ids[b]);
    });
    std::vector<std::int32_t> i2(ids.size());
    std::vector<double> t2(times.size());
    for (std::size_t k = 0; k < order.size(); ++k) {
        i2[k] = ids[order[k]];
        t2[k] = times[order[k]];
    }
    ids = std::move(i2);
    times = std::move(t2);
}

void SpikeTrains::append(const SpikeTrains& other)
{
    const bool inOrder = times.empty() || other.times.empty() || other.times.front() > times.back();
    ids.insert(ids.end(), other.ids.begin(), other.ids.end());
    times.insert(times.end(), other.times.begin(), other.times.end());
    neurons = std::max(neurons, other.neurons);
    if (!inOrder)
        sort();
}

SpikeTrains rateCode(const std::uint8_t* in, int n, const EncodingParams& p, const TimingParams& timing,
                     Rng& rng, double t0)
{
    const double active = activeMs(timing);
    SpikeTrains out;
    out.neurons = n;
    for (int i = 0; i < n; ++i) {
        const int v = in[i];
        if (v <= 0)
            continue;
        if (v >= p.intensityThreshold) {
            const double period = 255.0 / v * p.fireFactor;
            const double u = rng.uniform(0.0, period);
            for (double t = u; t < active; t += period)
                out.add(i, std::floor(t0 + t));
        } else {
            out.add(i, std::floor(t0 + rng.uniform(0.0, active)));
        }
    }
    out.sort();
    return out;
}

SpikeTrains timeCode(const std::uint8_t* in, int n, const EncodingParams& p, const TimingParams& timing,
                     double t0)
{
    const double span = activeMs(timing) - timing.dt;
    SpikeTrains out;
    out.neurons = n;
    for (int i = 0; i < n; ++i) {
        const int v = in[i];
        if (v >= p.intensityThreshold && v > 0)
            out.add(i, t0 + (1.0 - v / 255.0) * span);
    }
    out.sort();
    return out;
}

SpikeTrains poissonCode(const std::uint8_t* in, int n, const EncodingParams& p,
                        const TimingParams& timing, Rng& rng, double t0)
{
    const double active = activeMs(timing);
    const double dt = timing.dt;
    SpikeTrains out;
    out.neurons = n;
    for (int i = 0; i < n; ++i) {
        const int v = in[i];
        if (v <= 0)
            continue;
        const double meanIsiMs = 1000.0 / (v / 255.0 * p.maxRateHz);
        double lastStep = -1.0;
        for (double t = rng.exponential(meanIsiMs); t < active; t += rng.exponential(meanIsiMs)) {
            const double step = std::floor(t / dt);
            if (step == lastStep)
                continue;
            lastStep = step;
            out.add(i, t0 + step * dt);
        }
    }
    out.sort();
    return out;
}

std::vector<std::uint8_t> differenceOfGaussians(const std::uint8_t* pixels, int rows, int cols,
                                                double sigmaCenter, double sigmaSurround, bool onOff)
{
    if (rows <= 0 || cols <= 0)
        throw Error("image size " + std::to_string(rows) + "x" + std::to_string(cols)
                        + " must be positive",
                    "difference of Gaussians");
    if (!(sigmaCenter > 0.0) || !(sigmaSurround > 0.0))
        throw Error("sigmas must be positive", "difference of Gaussians");
    const std::size_t n = std::size_t(rows) * cols;
    std::vector<double> img(pixels, pixels + n);
    const auto c = blur(img, rows, cols, sigmaCenter);
    const auto s = blur(img, rows, cols, sigmaSurround);
    std::vector<double> dog(n);
    double peak = 0.0;
    for (std::size_t i = 0; i < n; ++i) {
        dog[i] = c[i] - s[i];
        peak = std::max(peak, onOff ? std::abs(dog[i]) : dog[i]);
    }
    std::vector<std::uint8_t> out(onOff ? 2 * n : n, 0);
    if (peak <= 1e-12)
        return out;
    for (std::size_t i = 0; i < n; ++i) {
        const double on = std::max(dog[i], 0.0) / peak * 255.0;
        out[i] = std::uint8_t(std::lround(std::min(on, 255.0)));
        if (onOff) {
            const double off = std::max(-dog[i], 0.0) / peak * 255.0;
            out[n + i] = std::uint8_t(std::lround(std::min(off, 255.0)));
        }
    }
    return out;
}

int encodedChannels(const EncodingParams& p, int channels)
{
    return p.differenceOfGaussians ? 2 * p.dogScales * channels : channels;
}

Shape encodedShape(int rows, int cols, const EncodingParams& p)
{
    return Shape{rows, cols, encodedChannels(p, 1)};
}

std::vector<std::uint8_t> prepareImage(const std::uint8_t* pixels, int rows, int cols,
                                       const EncodingParams& p)
{
    if (p.differenceOfGaussians)
        return differenceOfGaussians(pixels, rows, cols, p.dogSigmaCenter, p.dogSigmaSurround, true);
    return std::vector<std::uint8_t>(pixels, pixels + std::size_t(rows) * cols);
}

SpikeTrains encodeImage(const std::uint8_t* pixels, int rows, int cols, const EncodingParams& p,
                        const TimingParams& timing, Rng& rng, double t0)
{
    const auto img = prepareImage(pixels, rows, cols, p);
    const int n = int(img.size());
    switch (p.kind) {
    case EncodingKind::RateRegular: return rateCode(img.data(), n, p, timing, rng, t0);
    case EncodingKind::TimeToFirst: return timeCode(img.data(), n, p, timing, t0);
    case EncodingKind::Poisson: return poissonCode(img.data(), n, p, timing, rng, t0);
    }
    throw Error("unknown encoding", "encoding");
}

SpikeTrains encodeExamples(const Examples& examples, int first, int count, const EncodingParams& p,
                           const TimingParams& timing, std::uint64_t seed)
{
    if (first < 0 || count < 0 || first + count > examples.size())
        throw Error("examples " + std::to_string(first) + " … " + std::to_string(first + count - 1)
                        + " are outside the " + std::to_string(examples.size()) + " there are",
                    "encoding");
    SpikeTrains out;
    out.neurons = int(encodedShape(examples.rows, examples.cols, p).size());
    for (int i = first; i < first + count; ++i) {
        Rng rng(Rng::derive(seed, std::uint64_t(i)));
        const double t0 = (i - first) * timing.presentationMs;
        const SpikeTrains one = encodeImage(examples.image(i), examples.rows, examples.cols, p,
                                            timing, rng, t0);
        out.ids.insert(out.ids.end(), one.ids.begin(), one.ids.end());
        out.times.insert(out.times.end(), one.times.begin(), one.times.end());
    }
    return out;
}

} // namespace scnn::model
