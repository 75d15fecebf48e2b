// SPDX-License-Identifier: GPL-3.0-or-later
// SpikingConvNet Workbench — connection lists for convolution, pooling, inhibition, and training windows.
#include "model/connectivity.h"

#include "model/error.h"

#include <algorithm>
#include <cmath>

namespace scnn::model {

namespace {

int outSize(int in, int k, int stride)
{
    if (k <= 0 || stride <= 0 || in < k)
        return 0;
    return (in - k) / stride + 1;
}

std::string geometryText(const Shape& in, int kh, int kw, int stride)
{
    return std::to_string(kh) + "x" + std::to_string(kw) + " at stride " + std::to_string(stride)
           + " on input " + formatShape(in);
}

void checkGeometry(const Shape& in, int kh, int kw, int stride, const char* what)
{
    if (in.h <= 0 || in.w <= 0 || in.c <= 0)
        throw Error("input " + formatShape(in) + " must have positive sizes", what);
    if (kh <= 0 || kw <= 0 || stride <= 0)
        throw Error("window " + geometryText(in, kh, kw, stride) + ": sizes and stride must be positive",
                    what);
    if (kh > in.h || kw > in.w)
        throw Error("window " + geometryText(in, kh, kw, stride) + " is larger than its input", what);
}

} // namespace

Shape ConvGeometry::out() const
{
    checkGeometry(in, kh, kw, stride, "convolution");
    if (kernels <= 0)
        throw Error("kernel count " + std::to_string(kernels) + " must be positive", "convolution");
    return Shape{outSize(in.h, kh, stride), outSize(in.w, kw, stride),
                 perChannel ? kernels * in.c : kernels};
}

int ConvGeometry::weightsPerKernel() const
{
    return kh * kw * (perChannel ? 1 : in.c);
}

int ConvGeometry::weightCount() const
{
    return kernels * weightsPerKernel();
}

ConvGeometry ConvGeometry::ofLayer(const Network& net, int layer)
{
    const auto shapes = net.shapes();
    if (layer < 0 || layer >= int(net.layers.size()))
        throw Error("there is no layer " + std::to_string(layer + 1) + " (the network has "
                        + std::to_string(net.layers.size()) + ")",
                    "network");
    const Layer& l = net.layers[std::size_t(layer)];
    if (l.kind != LayerKind::Conv)
        throw Error("is a pooling layer, not a convolution", "layer " + std::to_string(layer + 1));
    ConvGeometry g;
    g.in = shapes[std::size_t(layer)];
    g.kernels = l.kernels;
    g.kh = l.kh;
    g.kw = l.kw;
    g.stride = l.stride;
    g.perChannel = l.perChannel;
    return g;
}

Connections convolutionConnections(const ConvGeometry& g, const std::vector<float>& weights,
                                   float delayMs)
{
    const Shape out = g.out();
    if (int(weights.size()) != g.weightCount())
        throw Error("has " + std::to_string(weights.size()) + " weights, but "
                        + std::to_string(g.kernels) + " kernels of "
                        + std::to_string(g.weightsPerKernel()) + " need "
                        + std::to_string(g.weightCount()),
                    "convolution");
    Connections c;
    const std::size_t perPost = std::size_t(g.kh) * g.kw * (g.perChannel ? 1 : g.in.c);
    c.pre.reserve(std::size_t(out.size()) * perPost);
    c.post.reserve(c.pre.capacity());
    c.weight.reserve(c.pre.capacity());
    c.delay.reserve(c.pre.capacity());
    for (int m = 0; m < out.c; ++m) {
        const int k = g.perChannel ? m / g.in.c : m;
        const int c0 = g.perChannel ? m % g.in.c : 0;
        const int c1 = g.perChannel ? c0 + 1 : g.in.c;
        for (int oy = 0; oy < out.h; ++oy)
            for (int ox = 0; ox < out.w; ++ox) {
                const std::int32_t post = flatIndex(out, m, oy, ox);
                for (int ci = c0; ci < c1; ++ci)
                    for (int ky = 0; ky < g.kh; ++ky)
                        for (int kx = 0; kx < g.kw; ++kx) {
                            const std::size_t wi = g.perChannel
                                ? (std::size_t(k) * g.kh + ky) * g.kw + kx
                                : ((std::size_t(k) * g.in.c + ci) * g.kh + ky) * g.kw + kx;
                            c.add(flatIndex(g.in, ci, oy * g.stride + ky, ox * g.stride + kx), post,
                                  weights[wi], delayMs);
                        }
            }
    }
    return c;
}

Shape poolingShape(const Shape& in, int size, int stride)
{
    checkGeometry(in, size, size, stride, "max pooling");
    return Shape{outSize(in.h, size, stride), outSize(in.w, size, stride), in.c};
}

Connections poolingConnections(const Shape& in, int size, int stride, float weight, float delayMs)
{
    const Shape out = poolingShape(in, size, stride);
    Connections c;
    for (int ch = 0; ch < out.c; ++ch)
        for (int oy = 0; oy < out.h; ++oy)
            for (int ox = 0; ox < out.w; ++ox)
                for (int dy = 0; dy < size; ++dy)
                    for (int dx = 0; dx < size; ++dx)
                        c.add(flatIndex(in, ch, oy * stride + dy, ox * stride + dx),
                              flatIndex(out, ch, oy, ox), weight, delayMs);
    return c;
}

Connections lateralInhibition(int n, float weight, float delayMs)
{
    if (n < 0)
        throw Error("neuron count " + std::to_string(n) + " must not be negative", "lateral inhibition");
    Connections c;
    for (int i = 0; i < n; ++i)
        for (int j = 0; j < n; ++j)
            if (i != j)
                c.add(i, j, weight, delayMs);
    return c;
}

Connections positionalInhibition(const Shape& shape, float weight, float delayMs)
{
    Connections c;
    for (int y = 0; y < shape.h; ++y)
        for (int x = 0; x < shape.w; ++x)
            for (int a = 0; a < shape.c; ++a)
                for (int b = 0; b < shape.c; ++b)
                    if (a != b)
                        c.add(flatIndex(shape, a, y, x), flatIndex(shape, b, y, x), weight, delayMs);
    return c;
}

WindowedSpikes windowSpikes(const SpikeTrains& input, const Shape& in, int examples, double exampleMs,
                            int kh, int kw, int stride, bool perChannel, double windowMs)
{
    checkGeometry(in, kh, kw, stride, "training windows");
    if (examples < 0 || !(exampleMs > 0.0) || !(windowMs > 0.0))
        throw Error("need examples ≥ 0 and positive example and window lengths", "training windows");
    const int wy = outSize(in.h, kh, stride);
    const int wx = outSize(in.w, kw, stride);
    const int groups = perChannel ? in.c : 1;
    const int perExample = groups * wy * wx;

    WindowedSpikes out;
    out.sources = kh * kw * (perChannel ? 1 : in.c);
    out.windowMs = windowMs;
    out.spikes.neurons = out.sources;
    out.windows.reserve(std::size_t(examples) * perExample);
    for (int e = 0; e < examples; ++e)
        for (int g = 0; g < groups; ++g)
            for (int y = 0; y < wy; ++y)
                for (int x = 0; x < wx; ++x) {
                    TrainingWindow w;
                    w.example = e;
                    w.channel = perChannel ? g : -1;
                    w.y = y * stride;
                    w.x = x * stride;
                    w.startMs = double(out.windows.size()) * windowMs;
                    out.windows.push_back(w);
                }

    const int plane = in.h * in.w;
    for (std::size_t i = 0; i < input.size(); ++i) {
        const std::int32_t id = input.ids[i];
        if (id < 0 || id >= in.size())
            throw Error("spike of neuron " + std::to_string(id) + " outside the input "
                            + formatShape(in) + " (" + std::to_string(in.size()) + " neurons)",
                        "training windows");
        const double t = input.times[i];
        const int e = int(std::floor(t / exampleMs));
        if (e < 0 || e >= examples)
            continue;
        const double rel = t - e * exampleMs;
        if (rel >= windowMs)
            continue;
        const int c = id / plane;
        const int y = (id % plane) / in.w;
        const int x = id % in.w;
        // Windows whose rows cover y: ky = y − wyi·s in [0, kh).
        const int yFirst = std::max(0, (y - kh + stride) / stride);
        const int yLast = std::min(wy - 1, y / stride);
        const int xFirst = std::max(0, (x - kw + stride) / stride);
        const int xLast = std::min(wx - 1, x / stride);
        const int g = perChannel ? c : 0;
        for (int yi = yFirst; yi <= yLast; ++yi)
            for (int xi = xFirst; xi <= xLast; ++xi) {
                const int ky = y - yi * stride;
                const int kx = x - xi * stride;
                if (ky < 0 || ky >= kh || kx < 0 || kx >= kw)
                    continue;
                const std::size_t wIndex = std::size_t(e) * perExample
                                           + (std::size_t(g) * wy + yi) * wx + xi;
                const int src = perChannel ? ky * kw + kx : (c * kh + ky) * kw + kx;
                out.spikes.add(src, out.windows[wIndex].startMs + rel);
            }
    }
    out.spikes.sort();
    return out;
}

} // namespace scnn::model
