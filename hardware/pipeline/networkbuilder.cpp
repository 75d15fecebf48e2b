// SPDX-License-Identifier: GPL-3.0-or-later
// SpikingConvNet Workbench — backend phase descriptions for rebuilding and training layers.
#include "hardware/pipeline/networkbuilder.h"

#include "model/error.h"
#include "model/random.h"

#include <algorithm>
#include <numeric>

namespace scnn::hardware::pipeline {

model::NeuronParams poolNeuronParams()
{
    model::NeuronParams p;
    p.cm = 1.0;
    p.tauM = 10.0;
    p.tauRefrac = 2.0;
    p.vRest = -65.0;
    p.vReset = -65.0;
    p.vThresh = -64.0;
    p.tauSynE = 1.0;
    p.tauSynI = 1.0;
    p.iOffset = 0.0;
    return p;
}

RebuildNetwork rebuildNetwork(const model::Network& net, const std::vector<std::vector<double>>& kernels,
                              int lastLayer, std::uint64_t seed)
{
    if (lastLayer < 0 || lastLayer >= int(net.layers.size()))
        throw model::Error("layer " + std::to_string(lastLayer + 1) + " does not exist (the network has "
                               + std::to_string(net.layers.size()) + ")",
                           "rebuild");
    const auto shapes = net.shapes();
    RebuildNetwork out;
    PhaseDescription& ph = out.phase;
    ph.dt = net.timing.dt;
    ph.durationMs = net.timing.presentationMs;
    ph.seed = seed;
    Population input;
    input.label = "input";
    input.size = int(net.input.size());
    input.type = CellType::SpikeSourceArray;
    ph.populations.push_back(input);
    for (int l = 0; l <= lastLayer; ++l) {
        const model::Layer& layer = net.layers[std::size_t(l)];
        Population pop;
        pop.label = "layer " + std::to_string(l + 1);
        pop.size = int(shapes[std::size_t(l) + 1].size());
        pop.type = CellType::IfCurrExp;
        Convolution conv;
        conv.in = shapes[std::size_t(l)];
        conv.out = shapes[std::size_t(l) + 1];
        conv.kh = layer.kh;
        conv.kw = layer.kw;
        conv.stride = layer.stride;
        conv.delay = net.timing.synapticDelay;
        if (layer.kind == model::LayerKind::Conv) {
            pop.params = layer.params.rebuild;
            conv.perChannel = layer.perChannel;
            const std::size_t want = std::size_t(layer.kernels) * std::size_t(layer.kh)
                                     * std::size_t(layer.kw)
                                     * std::size_t(layer.perChannel ? 1 : conv.in.c);
            if (std::size_t(l) >= kernels.size() || kernels[std::size_t(l)].empty())
                throw model::Error("layer " + std::to_string(l + 1)
                                       + " has not been trained yet (train it first)",
                                   "rebuild");
            const auto& k = kernels[std::size_t(l)];
            if (k.size() != want)
                throw model::Error("layer " + std::to_string(l + 1) + " has " + std::to_string(k.size())
                                       + " kernel weights, its shape needs " + std::to_string(want),
                                   "rebuild");
            conv.kernels.assign(k.begin(), k.end());
        } else {
            pop.params = poolNeuronParams();
            conv.perChannel = true;
            conv.kernels.assign(std::size_t(layer.kh) * std::size_t(layer.kw), poolWeight);
        }
        ph.populations.push_back(pop);
        Projection proj;
        proj.label = "layer " + std::to_string(l + 1) + " feed-forward";
        proj.pre = int(ph.populations.size()) - 2;
        proj.post = int(ph.populations.size()) - 1;
        proj.receptor = Receptor::Excitatory;
        proj.connector = std::move(conv);
        ph.projections.push_back(std::move(proj));
        out.layerPopulation.push_back(int(ph.populations.size()) - 1);
    }
    return out;
}

std::vector<SpikeList> cutWindows(const SpikeList& example, const WindowGeometry& g)
{
    const int oh = g.outH(), ow = g.outW();
    std::vector<SpikeList> windows(std::size_t(std::max(0, oh * ow)));
    const int hw = g.in.h * g.in.w;
    for (std::size_t i = 0; i < example.size(); ++i) {
        const int id = example.ids[i];
        const int c = id / hw;
        const int y = (id % hw) / g.in.w;
        const int x = id % g.in.w;
        // Output rows whose window [oy·s, oy·s + kh) contains y.
        const int oyLo = std::max(0, (y - g.kh + g.stride) / g.stride);
        const int oyHi = std::min(oh - 1, y / g.stride);
        const int oxLo = std::max(0, (x - g.kw + g.stride) / g.stride);
        const int oxHi = std::min(ow - 1, x / g.stride);
        for (int oy = oyLo; oy <= oyHi; ++oy) {
            const int ky = y - oy * g.stride;
            if (ky < 0 || ky >= g.kh)
                continue;
            for (int ox = oxLo; ox <= oxHi; ++ox) {
                const int kx = x - ox * g.stride;
                if (kx < 0 || kx >= g.kw)
                    continue;
                windows[std::size_t(oy * ow + ox)].add((c * g.kh + ky) * g.kw + kx, example.times[i]);
            }
        }
    }
    return windows;
}

SpikeList sliceSpikes(const SpikeList& s, double from, double to, double shift)
{
    const auto lo = std::lower_bound(s.times.begin(), s.times.end(), from) - s.times.begin();
    const auto hi = std::lower_bound(s.times.begin(), s.times.end(), to) - s.times.begin();
    SpikeList out;
    out.ids.assign(s.ids.begin() + lo, s.ids.begin() + hi);
    out.times.reserve(std::size_t(hi - lo));
    for (auto i = lo; i < hi; ++i)
        out.times.push_back(s.times[std::size_t(i)] + shift);
    return out;
}

std::vector<double> initialWeights(const model::StdpParams& p, std::size_t count, std::uint64_t seed)
{
    model::Rng rng(seed);
    std::vector<double> w(count);
    for (double& v : w)
        v = std::clamp(rng.normal(p.wInitMean, p.wInitSigma), p.wMin, p.wMax);
    return w;
}

PhaseDescription windowTrainingPhase(const model::Layer& layer, const model::TimingParams& timing,
                                     int sources, int replicas, const std::vector<double>& weights,
                                     SpikeList input, double durationMs, std::uint64_t seed,
                                     int membraneNeurons)
{
    const int k = layer.kernels;
    const int post = replicas * k;
    if (weights.size() != std::size_t(post) * std::size_t(sources))
        throw model::Error("training weights: " + std::to_string(weights.size()) + " values for "
                               + std::to_string(post) + " neurons × " + std::to_string(sources)
                               + " sources",
                           "train");
    PhaseDescription ph;
    ph.dt = timing.dt;
    ph.durationMs = durationMs;
    ph.seed = seed;
    // Each window is a presentation (the multiplicative rule pairs within one).
    ph.presentationMs = timing.presentationMs;
    Population src;
    src.label = "window";
    src.size = sources;
    src.type = CellType::SpikeSourceArray;
    src.spikes = std::move(input);
    ph.populations.push_back(std::move(src));
    Population kern;
    kern.label = "kernels";
    kern.size = post;
    kern.type = CellType::IfCurrExp;
    kern.params = layer.params.train;
    ph.populations.push_back(std::move(kern));

    FromList plastic;
    plastic.pre.reserve(weights.size());
    for (int n = 0; n < post; ++n)
        for (int s = 0; s < sources; ++s) {
            plastic.pre.push_back(s);
            plastic.post.push_back(n);
            plastic.weight.push_back(weights[std::size_t(n) * std::size_t(sources) + std::size_t(s)]);
            plastic.delay.push_back(timing.synapticDelay);
        }
    Projection stdp;
    stdp.label = "window → kernels (STDP)";
    stdp.pre = 0;
    stdp.post = 1;
    stdp.connector = std::move(plastic);
    stdp.stdp = layer.params.stdp;
    ph.projections.push_back(std::move(stdp));

    if (layer.params.inhibition.enabled && k > 1) {
        FromList inh;
        for (int r = 0; r < replicas; ++r)
            for (int a = 0; a < k; ++a)
                for (int b = 0; b < k; ++b)
                    if (a != b) {
                        inh.pre.push_back(r * k + a);
                        inh.post.push_back(r * k + b);
                        inh.weight.push_back(layer.params.inhibition.weight);
                        inh.delay.push_back(layer.params.inhibition.delay);
                    }
        Projection p;
        p.label = "lateral inhibition";
        p.pre = 1;
        p.post = 1;
        p.receptor = Receptor::Inhibitory;
        p.connector = std::move(inh);
        ph.projections.push_back(std::move(p));
    }
    ph.recordSpikes.push_back({1});
    if (membraneNeurons > 0) {
        RecordMembrane m;
        m.population = 1;
        for (int i = 0; i < std::min(membraneNeurons, post); ++i)
            m.neurons.push_back(i);
        m.intervalMs = timing.dt;
        ph.recordMembrane.push_back(std::move(m));
    }
    return ph;
}

} // namespace scnn::hardware::pipeline
