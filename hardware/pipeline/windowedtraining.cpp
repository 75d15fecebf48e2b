// SPDX-License-Identifier: GPL-3.0-or-later
// SpikingConvNet Workbench — the original layer training: windows one after another with STDP.
#include "hardware/pipeline/layerjob.h"

#include "model/error.h"
#include "model/random.h"

#include <algorithm>
#include <cmath>
#include <numeric>

namespace scnn::hardware::pipeline {

namespace {

void appendShifted(SpikeList& to, const SpikeList& from, double shift)
{
    for (std::size_t i = 0; i < from.size(); ++i)
        to.add(from.ids[i], from.times[i] + shift);
}

/// Appends the spikes of `from` at or after `fromMs` (sorted by time), shifted,
/// keeping at most LiveRecording::liveMaxSpikes of the latest ones.
void appendTail(SpikeList& to, const SpikeList& from, double fromMs, double shift)
{
    std::size_t first = std::size_t(
        std::lower_bound(from.times.begin(), from.times.end(), fromMs) - from.times.begin());
    first = std::max(first, from.size() - std::min(from.size(), LiveRecording::liveMaxSpikes));
    for (std::size_t i = first; i < from.size(); ++i)
        to.add(from.ids[i], from.times[i] + shift);
}

/// Samples of `m` at or after `fromMs`, shifted.
MembraneTrace traceTail(const MembraneTrace& m, double fromMs, double shift)
{
    MembraneTrace out;
    out.neurons = m.neurons;
    const std::size_t n = m.neurons.size();
    const std::size_t first
        = std::size_t(std::lower_bound(m.times.begin(), m.times.end(), fromMs) - m.times.begin());
    for (std::size_t s = first; s < m.times.size() && (s + 1) * n <= m.values.size(); ++s) {
        out.times.push_back(m.times[s] + shift);
        out.values.insert(out.values.end(), m.values.begin() + std::ptrdiff_t(s * n),
                          m.values.begin() + std::ptrdiff_t((s + 1) * n));
    }
    return out;
}

} // namespace

int chooseReplica(const std::vector<std::int64_t>& counts, int replicas, int kernels)
{
    int best = 0;
    double bestEntropy = -1.0;
    for (int r = 0; r < replicas; ++r) {
        double total = 0.0;
        for (int k = 0; k < kernels; ++k)
            total += double(counts[std::size_t(r * kernels + k)]);
        double h = 0.0;
        if (total > 0.0)
            for (int k = 0; k < kernels; ++k) {
                const double p = double(counts[std::size_t(r * kernels + k)]) / total;
                if (p > 0.0)
                    h -= p * std::log(p);
            }
        if (h > bestEntropy + 1e-12) {
            bestEntropy = h;
            best = r;
        }
    }
    return best;
}

LayerTrainingResult trainLayerWindowed(const LayerJob& job, Backend& backend, const PhaseControl& control)
{
    const model::Network& net = *job.network;
    const model::TrainingSettings& settings = *job.settings;
    const model::Layer& layer = net.layers[std::size_t(job.layer)];
    const model::TimingParams& timing = net.timing;
    const WindowGeometry& g = job.geometry;
    const int positions = g.positions();
    const int sources = g.sources();
    const int k = layer.kernels;
    const int replicas = job.replicas;
    const std::int64_t totalWindows = std::int64_t(job.examples) * positions;
    if (totalWindows <= 0)
        throw model::Error("no training windows (" + std::to_string(job.examples) + " examples × "
                               + std::to_string(positions) + " positions)",
                           "train layer " + std::to_string(job.layer + 1));

    LayerTrainingResult r;
    r.layer = job.layer;
    r.mode = model::LayerTrainingMode::Windowed;
    r.replicas = replicas;
    r.kernels = k;
    r.channels = g.in.c;
    r.kh = g.kh;
    r.kw = g.kw;
    r.examples = job.examples;
    r.windowsPerExample = positions;

    const std::size_t perReplica = std::size_t(k) * std::size_t(sources);
    std::vector<double> weights;
    for (int rep = 0; rep < replicas; ++rep) {
        const auto w = initialWeights(layer.params.stdp, perReplica,
                                      model::Rng::derive(job.seed, std::uint64_t(1000 + rep)));
        weights.insert(weights.end(), w.begin(), w.end());
    }
    r.kernelsBefore = weights;
    r.spikeCounts.assign(std::size_t(replicas * k), 0);

    ProgressMeter meter(control.progress, "train layer " + std::to_string(job.layer + 1) + ": windows",
                        totalWindows);
    meter.update(0);
    const double T = timing.presentationMs;
    int cachedExample = -1;
    std::vector<SpikeList> windows;
    std::int64_t start = 0;
    int chunkIndex = 0;
    // Live activity: spikes of replica 0 per output position and kernel.
    const model::Shape mapShape{g.outH(), g.outW(), k};
    std::vector<std::int32_t> activity(std::size_t(positions) * std::size_t(k), 0);
    while (start < totalWindows) {
        if (control.cancelled())
            throw model::Cancelled();
        // The first chunk covers the recorded prefix; then one chunk per snapshot.
        const std::int64_t length = (start == 0 && settings.recordWindows > 0)
                                        ? std::min<std::int64_t>(settings.recordWindows,
                                                                 settings.snapshotEveryWindows)
                                        : settings.snapshotEveryWindows;
        const std::int64_t end = std::min(totalWindows, start + length);
        SpikeList input;
        for (std::int64_t w = start; w < end; ++w) {
            const int e = int(w / positions);
            if (e != cachedExample) {
                windows = cutWindows(job.exampleSpikes(e), g);
                for (auto& win : windows)
                    win.sortByTimeThenId();
                cachedExample = e;
            }
            appendShifted(input, windows[std::size_t(w % positions)], double(w - start) * T);
        }
        const bool record = start < settings.recordWindows;
        SpikeList inputCopy;
        if (record)
            inputCopy = input;
        // The live views get the chunk's last windows.
        const bool live = bool(control.snapshot);
        const double liveFrom = double(std::max<std::int64_t>(0, end - start - LiveRecording::liveWindows)) * T;
        SpikeList liveInput;
        if (live)
            appendTail(liveInput, input, liveFrom, double(start) * T);
        const PhaseDescription ph = windowTrainingPhase(
            layer, timing, sources, replicas, weights, std::move(input), double(end - start) * T,
            model::Rng::derive(job.seed, std::uint64_t(2000 + chunkIndex)),
            start == 0 || live ? settings.membraneNeurons : 0);

        RunControl rc;
        rc.cancel = control.cancel;
        rc.threads = control.threads;
        rc.progress = [&](const Progress& p) {
            if (p.total > 0)
                meter.update(start + (end - start) * p.done / p.total);
        };
        const PhaseResult res = backend.run(ph, rc);
        if (res.finalWeights.empty() || res.finalWeights[0].size() != weights.size())
            throw model::Error("the backend returned no learned weights for the STDP projection",
                               backend.name());
        weights.assign(res.finalWeights[0].begin(), res.finalWeights[0].end());
        const SpikeList& out = res.spikes.at(0);
        for (std::size_t i = 0; i < out.size(); ++i) {
            const std::int32_t id = out.ids[i];
            ++r.spikeCounts[std::size_t(id)];
            if (id < k) {
                const std::int64_t w = std::min(end - 1, start + std::int64_t(out.times[i] / T));
                ++activity[std::size_t(w % positions) * std::size_t(k) + std::size_t(id)];
            }
        }
        if (record) {
            const double limit = double(settings.recordWindows - start) * T;
            const double shift = double(start) * T;
            for (std::size_t i = 0; i < inputCopy.size() && inputCopy.times[i] < limit; ++i)
                r.inputSpikes.add(inputCopy.ids[i], inputCopy.times[i] + shift);
            for (std::size_t i = 0; i < out.size() && out.times[i] < limit; ++i)
                r.outputSpikes.add(out.ids[i], out.times[i] + shift);
            if (start == 0 && !res.membranes.empty())
                r.membranes = res.membranes[0];
        }
        r.simulatedMs += double(end - start) * T;
        r.snapshotWindows.push_back(end);
        r.snapshots.push_back(weights);
        if (control.snapshot) {
            TrainingSnapshot s;
            s.layer = job.layer;
            s.windows = end;
            s.totalWindows = totalWindows;
            s.replicas = replicas;
            s.kernels = k;
            s.channels = g.in.c;
            s.kh = g.kh;
            s.kw = g.kw;
            s.weights = weights;
            LiveRecording& lr = s.live;
            lr.fromMs = double(start) * T + liveFrom;
            lr.toMs = double(end) * T;
            lr.inputNeurons = sources;
            lr.outputNeurons = replicas * k;
            lr.input = std::move(liveInput);
            appendTail(lr.output, out, liveFrom, double(start) * T);
            if (!res.membranes.empty())
                lr.membranes = traceTail(res.membranes[0], liveFrom, double(start) * T);
            lr.thresholdMv = layer.params.train.vThresh;
            lr.resetMv = layer.params.train.vReset;
            lr.mapShape = mapShape;
            lr.activity = activity;
            lr.example = int((end - 1) / positions);
            control.snapshot(s);
        }
        meter.update(end);
        start = end;
        ++chunkIndex;
    }
    r.windowsPresented = start;
    r.kernelsAfter = weights;
    r.chosenReplica = chooseReplica(r.spikeCounts, replicas, k);
    r.choice = replicas == 1 ? "the only replica"
                             : "replica " + std::to_string(r.chosenReplica + 1)
                                   + ": its kernels shared the windows most evenly";
    r.chosen.assign(weights.begin() + std::ptrdiff_t(perReplica) * r.chosenReplica,
                    weights.begin() + std::ptrdiff_t(perReplica) * (r.chosenReplica + 1));
    return r;
}

} // namespace scnn::hardware::pipeline
