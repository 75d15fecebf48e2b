// SPDX-License-Identifier: GPL-3.0-or-later
#include "model/network.h"

#include "model/error.h"

namespace scnn::model {

std::string formatShape(const Shape& s)
{
    return "(" + std::to_string(s.h) + "," + std::to_string(s.w) + "," + std::to_string(s.c) + ")";
}

Layer Layer::conv(int kernels, int k, int stride, int index)
{
    Layer l;
    l.kind = LayerKind::Conv;
    l.kernels = kernels;
    l.kh = k;
    l.kw = k;
    l.stride = stride;
    l.params = defaultLayerParams(index);
    return l;
}

Layer Layer::pool(int size, int stride)
{
    Layer l;
    l.kind = LayerKind::Pool;
    l.kernels = 0;
    l.kh = size;
    l.kw = size;
    l.stride = stride;
    return l;
}

namespace {

int outputSize(int in, int k, int s)
{
    if (s <= 0 || k <= 0 || in < k)
        return in < k ? 0 : -1;
    return (in - k) / s + 1;
}

Shape layerOutput(const Shape& in, const Layer& l)
{
    Shape out;
    out.h = outputSize(in.h, l.kh, l.stride);
    out.w = outputSize(in.w, l.kw, l.stride);
    if (l.kind == LayerKind::Conv)
        out.c = l.perChannel ? l.kernels * in.c : l.kernels;
    else
        out.c = in.c;
    return out;
}

std::string layerName(int index, const Layer& l)
{
    return "layer " + std::to_string(index + 1) + (l.kind == LayerKind::Conv ? " (conv)" : " (pool)");
}

std::string problemOf(const Shape& in, const Layer& l)
{
    const char* what = l.kind == LayerKind::Conv ? "kernel" : "pool window";
    if (l.kind == LayerKind::Conv && l.kernels <= 0)
        return "kernel count " + std::to_string(l.kernels) + " must be at least 1";
    if (l.kh <= 0 || l.kw <= 0)
        return std::string(what) + " size " + std::to_string(l.kh) + "x" + std::to_string(l.kw)
               + " must be at least 1x1";
    if (l.stride <= 0)
        return "stride " + std::to_string(l.stride) + " must be at least 1";
    if (in.h <= 0 || in.w <= 0 || in.c <= 0)
        return "its input " + formatShape(in) + " is empty";
    if (l.kh > in.h || l.kw > in.w)
        return std::string(what) + " " + std::to_string(l.kh) + "x" + std::to_string(l.kw)
               + " is larger than its input " + std::to_string(in.h) + "x" + std::to_string(in.w);
    return {};
}

} // namespace

std::vector<Shape> Network::shapes() const
{
    std::vector<Shape> s{input};
    for (const Layer& l : layers)
        s.push_back(layerOutput(s.back(), l));
    return s;
}

std::vector<LayerCounts> Network::counts() const
{
    std::vector<LayerCounts> out;
    const std::vector<Shape> s = shapes();
    for (std::size_t i = 0; i < layers.size(); ++i) {
        const Layer& l = layers[i];
        LayerCounts c;
        c.output = s[i + 1];
        const std::int64_t positions = std::max(0, c.output.h) * std::int64_t(std::max(0, c.output.w));
        c.neurons = std::max<std::int64_t>(0, positions * std::max(0, c.output.c));
        const std::int64_t window = std::int64_t(l.kh) * l.kw;
        if (l.kind == LayerKind::Conv) {
            const std::int64_t fanIn = l.perChannel ? window : window * s[i].c;
            c.synapses = c.neurons * fanIn;
            c.weights = std::int64_t(l.kernels) * fanIn;
        } else {
            c.synapses = c.neurons * window;
            c.weights = 0;
        }
        out.push_back(c);
    }
    return out;
}

std::int64_t Network::totalNeurons() const
{
    std::int64_t n = input.size();
    for (const LayerCounts& c : counts())
        n += c.neurons;
    return n;
}

std::int64_t Network::totalSynapses() const
{
    std::int64_t n = 0;
    for (const LayerCounts& c : counts())
        n += c.synapses;
    return n;
}

std::int64_t Network::estimatedBytes() const
{
    // Neuron state (v, i_e, i_i, refractory counter, spike buffers) and an
    // explicit synapse list (target, weight, delay) in the worst case.
    return totalNeurons() * 64 + totalSynapses() * 16;
}

int Network::convIndex(int layerIndex) const
{
    if (layerIndex < 0 || layerIndex >= int(layers.size()) || layers[layerIndex].kind != LayerKind::Conv)
        return -1;
    int n = 0;
    for (int i = 0; i < layerIndex; ++i)
        n += layers[i].kind == LayerKind::Conv ? 1 : 0;
    return n;
}

int Network::convLayerCount() const
{
    int n = 0;
    for (const Layer& l : layers)
        n += l.kind == LayerKind::Conv ? 1 : 0;
    return n;
}

std::string Network::layerProblem(int index) const
{
    if (index < 0 || index >= int(layers.size()))
        return "no layer " + std::to_string(index + 1);
    const std::vector<Shape> s = shapes();
    return problemOf(s[index], layers[index]);
}

void Network::validate(std::int64_t maxBytes) const
{
    if (input.h <= 0 || input.w <= 0 || input.c <= 0)
        throw Error("input tensor " + formatShape(input) + " must have positive sizes", "network");
    if (layers.empty())
        throw Error("the network has no layers", "network");
    const std::vector<Shape> s = shapes();
    for (std::size_t i = 0; i < layers.size(); ++i) {
        const std::string problem = problemOf(s[i], layers[i]);
        if (!problem.empty())
            throw Error(problem, layerName(int(i), layers[i]));
        const Shape& out = s[i + 1];
        if (out.h <= 0 || out.w <= 0 || out.c <= 0)
            throw Error("output " + formatShape(out) + " is empty", layerName(int(i), layers[i]));
        if (layers[i].kind == LayerKind::Conv) {
            const LayerParams& p = layers[i].params;
            const std::string where = layerName(int(i), layers[i]);
            model::validate(p.train, where + " training neurons");
            model::validate(p.rebuild, where + " rebuild neurons");
            model::validate(p.stdp, where + " STDP");
            model::validate(p.inhibition, where + " inhibition");
            model::validate(p.wta, where + " shared-WTA training");
        }
    }
    if (layers.front().kind != LayerKind::Conv)
        throw Error("the first layer must be a convolution (pooling the input learns nothing)",
                    layerName(0, layers.front()));
    model::validate(timing, "timing");
    model::validate(encoding, "encoding");
    if (classifier.readoutGrid < 1 || classifier.readoutGrid > 64)
        throw Error("readout grid = " + std::to_string(classifier.readoutGrid) + " is outside 1 … 64",
                    "classifier");
    const std::int64_t bytes = estimatedBytes();
    if (bytes > maxBytes)
        throw Error(std::to_string(totalNeurons()) + " neurons and " + std::to_string(totalSynapses())
                        + " synapses need about " + std::to_string(bytes >> 20) + " MiB, more than the "
                        + std::to_string(maxBytes >> 20) + " MiB allowed",
                    "network");
}

Network seedNetwork()
{
    Network net;
    net.input = {28, 28, 1};
    net.layers.push_back(Layer::conv(4, 4, 3, 0));
    return net;
}

std::string_view toString(ClassifierSpec::Readout r)
{
    switch (r) {
    case ClassifierSpec::Readout::SpikeCount: return "spike_count";
    case ClassifierSpec::Readout::MaxPotential: return "max_potential";
    case ClassifierSpec::Readout::FirstSpike: return "first_spike";
    }
    return "spike_count";
}

ClassifierSpec::Readout readoutFromString(std::string_view s)
{
    if (s == "spike_count") return ClassifierSpec::Readout::SpikeCount;
    if (s == "max_potential") return ClassifierSpec::Readout::MaxPotential;
    if (s == "first_spike") return ClassifierSpec::Readout::FirstSpike;
    throw Error("unknown readout '" + std::string(s) + "' (spike_count, max_potential, first_spike)");
}

Network mnistNetwork()
{
    Network net;
    net.input = {28, 28, 1};
    net.encoding.kind = EncodingKind::TimeToFirst;
    net.encoding.differenceOfGaussians = true;
    net.encoding.dogSigmaCenter = 1.0;
    net.encoding.dogSigmaSurround = 2.0;
    net.encoding.dogWindow = 7;
    net.encoding.dogScales = 2;
    net.encoding.latencyBins = 15;
    net.encoding.latencyThreshold = 0.02;
    net.input = {28, 28, 2 * net.encoding.dogScales}; // on/off channels per DoG scale

    Layer conv1 = Layer::conv(30, 5, 1, 0);
    conv1.params.stdp.rule = StdpRule::Multiplicative;
    conv1.params.wta.threshold = 15.0;
    conv1.params.wta.winners = 5;
    conv1.params.wta.inhibitionRadius = 3;
    conv1.params.wta.trainImages = 10000;

    Layer conv2 = Layer::conv(200, 5, 1, 1);
    conv2.params.stdp.rule = StdpRule::Multiplicative;
    conv2.params.wta.threshold = 10.0;
    conv2.params.wta.winners = 8;
    conv2.params.wta.inhibitionRadius = 1;
    conv2.params.wta.trainImages = 10000;

    net.layers = {conv1, Layer::pool(2, 2), conv2};
    net.classifier.readout = ClassifierSpec::Readout::MaxPotential;
    net.classifier.readoutGrid = 3;
    net.classifier.c = 0.004;
    return net;
}

} // namespace scnn::model
