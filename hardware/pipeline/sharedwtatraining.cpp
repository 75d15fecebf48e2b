// SPDX-License-Identifier: GPL-3.0-or-later
// SpikingConvNet Workbench — the shared-kernel winner-take-all training mode and its readout.
#include "hardware/pipeline/sharedwtatraining.h"

#include "hardware/pipeline/layerjob.h"
#include "hardware/pipeline/progressmeter.h"
#include "model/error.h"

#include <algorithm>

namespace scnn::hardware::pipeline {

namespace {

const model::Dataset& datasetOf(const PhaseInputs& in)
{
    if (!in.data)
        throw model::Error("no dataset is loaded", "phase");
    return *in.data;
}

ImageBatch batchOf(const model::Examples& ex)
{
    return ImageBatch{ex.pixels.data(), std::size_t(ex.size()), ex.rows, ex.cols};
}

std::vector<double> toDouble(const std::vector<float>& v)
{
    return std::vector<double>(v.begin(), v.end());
}

/// Spikes of `s` as channel-major ids, example `k` shifted by k·presentation.
void appendSpikes(const SpikeTimes& s, int k, double presentationMs, SpikeList& out)
{
    const double bin = presentationMs / double(s.bins);
    for (int y = 0; y < s.h; ++y)
        for (int x = 0; x < s.w; ++x)
            for (int c = 0; c < s.c; ++c) {
                const int t = s.at(y, x, c);
                if (t < s.bins)
                    out.add(std::int32_t((c * s.h + y) * s.w + x),
                            k * presentationMs + (t + 0.5) * bin);
            }
}

/// The live recording of image `image` presented as the phase's `at`-th image:
/// the layer's input and output spikes (ids channel-major); adds the output
/// spikes to `activity` (layout of SpikeTimes) when given.
void liveOf(const LatencyNetwork& net, int layer, const ImageBatch& batch, std::size_t image,
            std::int64_t at, double presentationMs, std::vector<std::int32_t>* activity,
            LiveRecording& live)
{
    const SpikeTimes input = net.forward(net.encode(batch.image(image)), layer);
    const SpikeTimes output = net.step(layer, input);
    live.fromMs = double(at) * presentationMs;
    live.toMs = live.fromMs + presentationMs;
    live.inputNeurons = int(input.t.size());
    live.outputNeurons = int(output.t.size());
    // appendSpikes shifts by k · presentation; the phase time may exceed int.
    appendSpikes(input, 0, presentationMs, live.input);
    appendSpikes(output, 0, presentationMs, live.output);
    for (double& t : live.input.times)
        t += live.fromMs;
    for (double& t : live.output.times)
        t += live.fromMs;
    live.input.sortByTimeThenId();
    live.output.sortByTimeThenId();
    live.example = int(image);
    if (activity && activity->size() == output.t.size())
        for (std::size_t i = 0; i < output.t.size(); ++i)
            if (output.t[i] < output.bins)
                ++(*activity)[i];
}

} // namespace

bool usesSharedWta(const PhaseInputs& in)
{
    bool any = false;
    for (std::size_t i = 0; i < in.network.layers.size(); ++i) {
        if (in.network.layers[i].kind != model::LayerKind::Conv)
            continue;
        if (in.training.mode(int(i)) != model::LayerTrainingMode::SharedWta)
            return false;
        any = true;
    }
    return any;
}

LatencyNetwork latencyNetwork(const PhaseInputs& in, int upTo)
{
    LatencyNetwork net = LatencyNetwork::fromModel(in.network);
    for (int i = 0; i < upTo && i < int(net.layers.size()); ++i) {
        if (net.layers[std::size_t(i)].kind != LatencyLayerKind::Conv)
            continue;
        if (std::size_t(i) >= in.kernels.size() || in.kernels[std::size_t(i)].empty())
            throw model::Error("layer " + std::to_string(i + 1)
                                   + " is not trained yet (train it first)",
                               "shared-WTA network");
        const std::vector<double>& k = in.kernels[std::size_t(i)];
        net.setKernelWeights(i, std::vector<float>(k.begin(), k.end()));
    }
    return net;
}

LayerTrainingResult trainLayerSharedWta(const PhaseInputs& in, int layer, int replicas,
                                        std::uint64_t seed, const PhaseControl& control)
{
    const std::string where = "train layer " + std::to_string(layer + 1);
    const model::Dataset& data = datasetOf(in);
    const model::Layer& ml = in.network.layers.at(std::size_t(layer));
    LatencyNetwork net = latencyNetwork(in, layer);
    net.validate();
    const ImageBatch batch = batchOf(data.train);
    if (batch.count == 0)
        throw model::Error("there are no training examples", where);
    std::size_t images = batch.count;
    if (ml.params.wta.trainImages > 0)
        images = std::size_t(ml.params.wta.trainImages);
    else if (in.training.stdpExamples > 0)
        images = std::min(batch.count, std::size_t(in.training.stdpExamples));
    replicas = std::max(1, replicas);

    LayerTrainingResult r;
    r.layer = layer;
    r.mode = model::LayerTrainingMode::SharedWta;
    r.replicas = replicas;
    r.kernels = ml.kernels;
    r.channels = net.shapes()[std::size_t(layer)].c;
    r.kh = ml.kh;
    r.kw = ml.kw;
    r.examples = std::int64_t(std::min(images, batch.count));
    r.windowsPerExample = 1;
    const std::int64_t every = std::max<std::int64_t>(
        {std::int64_t(in.training.snapshotEveryWindows), std::int64_t(images) / 20, 1});

    const std::int64_t total = std::int64_t(images) * replicas;
    ProgressMeter meter(control.progress, where + ": images", total);
    std::vector<std::vector<double>> after(static_cast<std::size_t>(replicas));
    // Live views: spikes of the image presented at each snapshot, and the
    // output counts of those images per position and map (replica 0).
    const double T = in.network.timing.presentationMs;
    const SpikeTimes outShape = net.shapes()[std::size_t(layer) + 1];
    // (shapes() gives the sizes only, without spike times)
    std::vector<std::int32_t> activity(std::size_t(outShape.h) * std::size_t(outShape.w)
                                           * std::size_t(outShape.c),
                                       0);
    std::vector<double> before;
    for (int rep = 0; rep < replicas; ++rep) {
        net.initLayerWeights(layer, seed + std::uint64_t(rep) * 0x9e3779b97f4a7c15ULL);
        const std::vector<float> initial = net.kernelWeights(layer);
        before.insert(before.end(), initial.begin(), initial.end());
        const std::vector<std::size_t> order = LatencyNetwork::trainingOrder(batch.count, images, seed);
        std::int64_t nextSnapshot = every;
        const std::int64_t offset = std::int64_t(images) * rep;
        auto progress = [&](std::size_t done, std::size_t) {
            meter.update(offset + std::int64_t(done));
            if (std::int64_t(done) < nextSnapshot && done < order.size())
                return;
            nextSnapshot = std::int64_t(done) + every;
            // Snapshots show the replica being trained; the others as they are.
            std::vector<double> snap;
            for (int o = 0; o < replicas; ++o) {
                const std::vector<double> w
                    = o == rep ? toDouble(net.kernelWeights(layer))
                      : o < rep ? after[std::size_t(o)]
                                : std::vector<double>(initial.begin(), initial.end());
                snap.insert(snap.end(), w.begin(), w.end());
            }
            r.snapshotWindows.push_back(offset + std::int64_t(done));
            if (control.snapshot) {
                TrainingSnapshot s;
                s.layer = layer;
                s.windows = offset + std::int64_t(done);
                s.totalWindows = total;
                s.replicas = replicas;
                s.kernels = r.kernels;
                s.channels = r.channels;
                s.kh = r.kh;
                s.kw = r.kw;
                s.weights = snap;
                if (done > 0)
                    liveOf(net, layer, batch, order[std::min(done, order.size()) - 1],
                           offset + std::int64_t(done) - 1, T, rep == 0 ? &activity : nullptr, s.live);
                s.live.mapShape = model::Shape{outShape.h, outShape.w, outShape.c};
                s.live.activity = activity;
                control.snapshot(s);
            }
            r.snapshots.push_back(std::move(snap));
        };
        const LatencyTrainStats st
            = net.trainLayer(layer, batch, order, progress, control.cancel, control.threads);
        for (std::size_t w : st.wins)
            r.spikeCounts.push_back(std::int64_t(w));
        r.windowsPresented += std::int64_t(st.images);
        after[std::size_t(rep)] = toDouble(net.kernelWeights(layer));
    }
    meter.finish();
    r.chosenReplica = chooseReplica(r.spikeCounts, replicas, r.kernels);
    r.choice = replicas > 1 ? "its kernels won most evenly (highest entropy of win counts)"
                            : "the only replica";
    r.kernelsBefore = std::move(before);
    for (const std::vector<double>& a : after)
        r.kernelsAfter.insert(r.kernelsAfter.end(), a.begin(), a.end());
    r.chosen = after[std::size_t(r.chosenReplica)];
    return r;
}

ReadoutResult sharedWtaFeatures(const PhaseInputs& in, const model::Examples& ex,
                                const std::string& what, const PhaseControl& control)
{
    const LatencyNetwork net = latencyNetwork(in, int(in.network.layers.size()));
    net.validate();
    const LatencyReadout readout = LatencyNetwork::readoutFor(in.network.classifier);
    const int n = ex.size();
    if (n == 0)
        throw model::Error("there are no examples", what);
    ReadoutResult r;
    r.labels = ex.labels;
    r.features = model::Features(n, net.featureSize(readout));
    ProgressMeter meter(control.progress, what + ": features", n);
    std::vector<float> x = net.features(batchOf(ex), readout, control.threads,
                                        [&](std::size_t done, std::size_t) {
                                            meter.update(std::int64_t(done));
                                        },
                                        control.cancel);
    r.features.values = std::move(x);
    meter.finish();

    // Spikes of every layer for the first examples (raster views).
    const double T = in.network.timing.presentationMs;
    const int first = std::min(in.training.recordExamples, n);
    for (const SpikeTimes& s : net.shapes())
        r.firstExamples.push_back({r.firstExamples.empty()
                                       ? std::string("input")
                                       : "layer " + std::to_string(r.firstExamples.size()),
                                   model::Shape{s.h, s.w, s.c}, {}});
    for (int k = 0; k < first; ++k) {
        SpikeTimes s = net.encode(std::span<const std::uint8_t>(
            ex.image(k), std::size_t(ex.rows) * std::size_t(ex.cols)));
        appendSpikes(s, k, T, r.firstExamples[0].spikes);
        for (std::size_t l = 0; l < net.layers.size(); ++l) {
            s = net.step(int(l), s);
            appendSpikes(s, k, T, r.firstExamples[l + 1].spikes);
        }
    }
    return r;
}

} // namespace scnn::hardware::pipeline
