// SPDX-License-Identifier: GPL-3.0-or-later
// SpikingConvNet Workbench — the phases of a run (train layer n, svm, test).
#include "hardware/pipeline/phaserunner.h"

#include "hardware/pipeline/layerjob.h"
#include "hardware/pipeline/networkbuilder.h"
#include "hardware/pipeline/sharedwtatraining.h"
#include "model/encoding.h"
#include "model/error.h"
#include "model/random.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstring>

namespace scnn::hardware::pipeline {

namespace {

/// Random streams of a run, derived from the experiment seed.
enum Stream : std::uint64_t {
    TrainEncoding = 101,
    TestEncoding = 102,
    RebuildSim = 103,
    LayerTraining = 200, // + layer index
};

/// Examples per backend run when extracting features: bounds memory and
/// keeps progress moving; trials are independent so the split changes nothing.
constexpr int featureBlock = 1000;

const model::Dataset& dataOf(const PhaseInputs& in)
{
    if (!in.data)
        throw model::Error("no dataset loaded", "phase");
    return *in.data;
}

void checkInputShape(const model::Network& net, const model::Examples& ex)
{
    const model::Shape enc = model::encodedShape(ex.rows, ex.cols, net.encoding);
    if (!(enc == net.input))
        throw model::Error("the encoder makes " + model::formatShape(enc) + " from "
                               + std::to_string(ex.rows) + "×" + std::to_string(ex.cols)
                               + " images but the network's input is " + model::formatShape(net.input),
                           "network input");
}

SpikeList toSpikeList(const model::SpikeTrains& s)
{
    SpikeList out;
    out.ids = s.ids;
    out.times = s.times;
    return out;
}

SpikeList encodeOne(const PhaseInputs& in, const model::Examples& ex, int i, Stream stream)
{
    return toSpikeList(model::encodeExamples(ex, i, 1, in.network.encoding, in.network.timing,
                                             model::Rng::derive(in.seed, stream)));
}

int stdpExampleCount(const PhaseInputs& in)
{
    const int n = dataOf(in).train.size();
    return in.training.stdpExamples > 0 ? std::min(in.training.stdpExamples, n) : n;
}

/// FNV-1a over the bytes of everything fed in.
class Hasher
{
public:
    void bytes(const void* p, std::size_t n)
    {
        const auto* b = static_cast<const unsigned char*>(p);
        for (std::size_t i = 0; i < n; ++i) {
            m_h ^= b[i];
            m_h *= 0x100000001b3ULL;
        }
    }
    template<typename T>
    void value(const T& v)
    {
        static_assert(std::is_arithmetic_v<T> || std::is_enum_v<T>);
        bytes(&v, sizeof v);
    }
    void text(const std::string& s)
    {
        value(s.size());
        bytes(s.data(), s.size());
    }
    template<typename T>
    void list(const std::vector<T>& v)
    {
        value(v.size());
        for (const T& x : v)
            value(x);
    }
    void neuron(model::NeuronParams p)
    {
        for (double* f : model::neuronParamFields(p))
            value(*f);
    }
    std::string hex() const
    {
        char buf[17];
        std::snprintf(buf, sizeof buf, "%016llx", static_cast<unsigned long long>(m_h));
        return buf;
    }

private:
    std::uint64_t m_h = 0xcbf29ce484222325ULL;
};

/// Runs the rebuilt network over `count` examples in blocks; calls `block`
/// with each block's result and its first example.
template<typename OnBlock>
void runBatches(const PhaseInputs& in, const RebuildNetwork& rebuilt, const model::Examples& ex,
                int count, Stream stream, int countPopulation, int recordFirst,
                const std::vector<int>& recordPopulations, Backend& backend, const PhaseControl& control,
                ProgressMeter& meter, OnBlock&& block)
{
    for (int first = 0; first < count; first += featureBlock) {
        if (control.cancelled())
            throw model::Cancelled();
        const int n = std::min(featureBlock, count - first);
        PhaseDescription ph = rebuilt.phase;
        ph.recordSpikes.clear();
        TrialBatch batch;
        batch.sources = {0};
        batch.countPopulation = countPopulation;
        batch.recordFirstTrials = std::max(0, std::min(recordFirst - first, n));
        if (batch.recordFirstTrials > 0)
            for (int p : recordPopulations)
                ph.recordSpikes.push_back({p});
        batch.inputs.reserve(std::size_t(n));
        for (int i = first; i < first + n; ++i)
            batch.inputs.push_back({encodeOne(in, ex, i, stream)});
        ph.batch = std::move(batch);
        RunControl rc;
        rc.cancel = control.cancel;
        rc.threads = control.threads;
        rc.progress = [&](const Progress& p) {
            if (p.total > 0)
                meter.update(first + std::int64_t(n) * p.done / p.total);
        };
        const PhaseResult res = backend.run(ph, rc);
        if (int(res.counts.size()) != n)
            throw model::Error("the backend returned " + std::to_string(res.counts.size())
                                   + " trial counts for " + std::to_string(n) + " examples",
                               backend.name());
        block(res, first, n);
        meter.update(first + n);
    }
}

/// Output spikes of layer `below` for the first `examples` training examples.
std::shared_ptr<const RebuiltSpikes> rebuildBelow(const PhaseInputs& in, int layer, int examples,
                                                  Backend& backend, const PhaseControl& control)
{
    const int below = layer - 1;
    const RebuildNetwork rebuilt = rebuildNetwork(in.network, in.kernels, below,
                                                  model::Rng::derive(in.seed, RebuildSim));
    auto out = std::make_shared<RebuiltSpikes>();
    out->key = rebuildCacheKey(in, layer);
    out->layer = below;
    out->shape = in.network.shapes()[std::size_t(layer)];
    out->examples = examples;
    out->presentationMs = in.network.timing.presentationMs;
    const int pop = rebuilt.layerPopulation[std::size_t(below)];
    ProgressMeter meter(control.progress,
                        "train layer " + std::to_string(layer + 1) + ": rebuilding layers below",
                        examples);
    runBatches(in, rebuilt, dataOf(in).train, examples, TrainEncoding, pop, examples, {pop}, backend,
               control, meter, [&](const PhaseResult& res, int first, int) {
                   const double shift = first * out->presentationMs;
                   const SpikeList& s = res.spikes.at(0);
                   for (std::size_t i = 0; i < s.size(); ++i)
                       out->spikes.add(s.ids[i], s.times[i] + shift);
               });
    return out;
}

PhaseOutcome trainLayerPhase(const PhaseRequest& req, const PhaseInputs& in, Backend& backend,
                             const PhaseControl& control)
{
    const model::Network& net = in.network;
    const std::string where = "train layer " + std::to_string(req.layer + 1);
    if (req.layer < 0 || req.layer >= int(net.layers.size()))
        throw model::Error("the network has " + std::to_string(net.layers.size()) + " layers", where);
    const model::Layer& layer = net.layers[std::size_t(req.layer)];
    if (layer.kind != model::LayerKind::Conv)
        throw model::Error("a pooling layer has nothing to learn", where);
    if (layer.perChannel)
        throw model::Error("training per-channel kernels is not supported; use k×k×C kernels", where);
    net.validate();
    const model::Dataset& data = dataOf(in);
    checkInputShape(net, data.train);
    if (in.training.mode(req.layer) == model::LayerTrainingMode::SharedWta) {
        // The latency engine runs the layers below itself: no rebuild, no cache.
        PhaseOutcome out;
        out.kind = model::PhaseKind::TrainLayer;
        out.layer = req.layer;
        LayerTrainingResult r = trainLayerSharedWta(
            in, req.layer, req.replicas > 0 ? req.replicas : in.training.replicas,
            model::Rng::derive(in.seed, LayerTraining + std::uint64_t(req.layer)), control);
        out.examples = r.examples;
        out.result = std::move(r);
        return out;
    }
    const int examples = stdpExampleCount(in);
    const auto shapes = net.shapes();

    LayerJob job;
    job.network = &net;
    job.settings = &in.training;
    job.layer = req.layer;
    job.geometry = {shapes[std::size_t(req.layer)], layer.kh, layer.kw, layer.stride};
    job.examples = examples;
    job.replicas = req.replicas > 0 ? req.replicas : in.training.replicas;
    job.seed = model::Rng::derive(in.seed, LayerTraining + std::uint64_t(req.layer));

    std::shared_ptr<const RebuiltSpikes> rebuilt;
    bool fromCache = false;
    if (req.layer == 0) {
        job.exampleSpikes = [&](int e) { return encodeOne(in, data.train, e, TrainEncoding); };
    } else {
        const std::string key = rebuildCacheKey(in, req.layer);
        if (in.cache && in.cache->key == key) {
            rebuilt = in.cache;
            fromCache = true;
        } else {
            rebuilt = rebuildBelow(in, req.layer, examples, backend, control);
        }
        const double T = rebuilt->presentationMs;
        job.exampleSpikes = [&, T](int e) { return sliceSpikes(rebuilt->spikes, e * T, (e + 1) * T, -e * T); };
    }

    LayerTrainingResult result;
    switch (in.training.mode(req.layer)) {
    case model::LayerTrainingMode::Windowed:
        result = trainLayerWindowed(job, backend, control);
        break;
    case model::LayerTrainingMode::SharedWta:
        // The fast shared-kernel winner-take-all mode plugs in here with the
        // same LayerJob (see layerjob.h).
        throw model::Error("the shared-kernel winner-take-all training mode is not available in "
                           "this build",
                           where);
    }
    result.usedCache = fromCache;
    if (!fromCache)
        result.rebuilt = rebuilt;
    PhaseOutcome out;
    out.kind = model::PhaseKind::TrainLayer;
    out.layer = req.layer;
    out.examples = examples;
    out.result = std::move(result);
    return out;
}

/// Spike counts of the last layer for `count` examples of `ex`.
ReadoutResult features(const PhaseInputs& in, const model::Examples& ex, Stream stream,
                       const std::string& what, Backend& backend, const PhaseControl& control)
{
    const model::Network& net = in.network;
    if (net.layers.empty())
        throw model::Error("the network has no layers", what);
    net.validate();
    checkInputShape(net, ex);
    if (usesSharedWta(in))
        return sharedWtaFeatures(in, ex, what, control);
    const int last = int(net.layers.size()) - 1;
    const RebuildNetwork rebuilt = rebuildNetwork(net, in.kernels, last,
                                                  model::Rng::derive(in.seed, RebuildSim));
    const int countPop = rebuilt.layerPopulation.back();
    std::vector<int> recordPops(rebuilt.phase.populations.size());
    for (std::size_t p = 0; p < recordPops.size(); ++p)
        recordPops[p] = int(p);
    ReadoutResult r;
    const int n = ex.size();
    if (n == 0)
        throw model::Error("there are no examples", what);
    const int width = int(rebuilt.phase.populations[std::size_t(countPop)].size);
    r.features = model::Features(n, width);
    r.labels = ex.labels;
    const auto shapes = net.shapes();
    for (std::size_t p = 0; p < recordPops.size(); ++p)
        r.firstExamples.push_back({rebuilt.phase.populations[p].label, shapes[p], {}});
    const int recordFirst = std::min(in.training.recordExamples, n);
    ProgressMeter meter(control.progress, what + ": features", n);
    runBatches(in, rebuilt, ex, n, stream, countPop, recordFirst, recordPops, backend, control, meter,
               [&](const PhaseResult& res, int first, int count) {
                   for (int t = 0; t < count; ++t) {
                       const auto& c = res.counts[std::size_t(t)];
                       if (int(c.size()) != width)
                           throw model::Error("the backend counted " + std::to_string(c.size())
                                                  + " neurons, the last layer has "
                                                  + std::to_string(width),
                                              backend.name());
                       float* row = r.features.row(first + t);
                       for (int j = 0; j < width; ++j)
                           row[j] = float(c[std::size_t(j)]);
                   }
                   if (!res.spikes.empty())
                       for (std::size_t p = 0; p < r.firstExamples.size(); ++p)
                           r.firstExamples[p].spikes = res.spikes[p];
               });
    return r;
}

PhaseOutcome svmPhase(const PhaseInputs& in, Backend& backend, const PhaseControl& control)
{
    const model::Dataset& data = dataOf(in);
    ReadoutResult r = features(in, data.train, TrainEncoding, "svm", backend, control);
    if (control.cancelled())
        throw model::Cancelled();
    model::SvmOptions options = in.training.svm;
    options.threads = control.threads;
    options.cancel = control.cancel;
    std::optional<ProgressMeter> meter;
    options.progress = [&](int done, int total) {
        if (!meter)
            meter.emplace(control.progress, "svm: choosing C", total);
        meter->update(done);
    };
    auto svm = std::make_shared<model::Svm>(model::Svm::train(r.features, r.labels, options));
    r.predicted = svm->predict(r.features);
    r.report = model::classificationReport(r.labels, r.predicted);
    r.svm = std::move(svm);
    PhaseOutcome out;
    out.kind = model::PhaseKind::Svm;
    out.examples = r.features.rows;
    out.result = std::move(r);
    return out;
}

PhaseOutcome testPhase(const PhaseInputs& in, Backend& backend, const PhaseControl& control)
{
    if (!in.svm || !in.svm->isTrained())
        throw model::Error("there is no trained SVM yet (run the svm phase first)", "test");
    const model::Dataset& data = dataOf(in);
    ReadoutResult r = features(in, data.test, TestEncoding, "test", backend, control);
    r.predicted = in.svm->predict(r.features);
    r.report = model::classificationReport(r.labels, r.predicted);
    PhaseOutcome out;
    out.kind = model::PhaseKind::Test;
    out.examples = r.features.rows;
    out.result = std::move(r);
    return out;
}

} // namespace

std::optional<double> PhaseOutcome::accuracy() const
{
    if (const ReadoutResult* r = readout(); r && kind == model::PhaseKind::Test)
        return r->report.accuracy();
    return std::nullopt;
}

std::string phaseName(model::PhaseKind kind, int layer)
{
    switch (kind) {
    case model::PhaseKind::TrainLayer: return "train layer " + std::to_string(layer + 1);
    case model::PhaseKind::Svm: return "svm";
    case model::PhaseKind::Test: return "test";
    }
    return "?";
}

std::string rebuildCacheKey(const PhaseInputs& in, int layer)
{
    Hasher h;
    const model::Network& net = in.network;
    h.value(net.input.h);
    h.value(net.input.w);
    h.value(net.input.c);
    for (int l = 0; l < layer && l < int(net.layers.size()); ++l) {
        const model::Layer& ly = net.layers[std::size_t(l)];
        h.value(ly.kind);
        h.value(ly.kernels);
        h.value(ly.kh);
        h.value(ly.kw);
        h.value(ly.stride);
        h.value(ly.perChannel);
        h.neuron(ly.params.rebuild);
        if (std::size_t(l) < in.kernels.size())
            h.list(in.kernels[std::size_t(l)]);
    }
    const model::TimingParams& t = net.timing;
    h.value(t.dt);
    h.value(t.synapticDelay);
    h.value(t.presentationMs);
    h.value(t.idleMs);
    const model::EncodingParams& e = net.encoding;
    h.value(e.kind);
    h.value(e.fireFactor);
    h.value(e.intensityThreshold);
    h.value(e.maxRateHz);
    h.value(e.differenceOfGaussians);
    h.value(e.dogSigmaCenter);
    h.value(e.dogSigmaSurround);
    h.value(in.seed);
    if (in.data) {
        const int n = stdpExampleCount(in);
        h.text(in.data->selection.name);
        h.value(n);
        const model::Examples& ex = in.data->train;
        for (int i = 0; i < n; ++i) {
            h.value(ex.sourceIndex.empty() ? i : ex.sourceIndex[std::size_t(i)]);
            h.value(ex.labels[std::size_t(i)]);
        }
        // The pixels too: the same indices of another file are other examples.
        h.bytes(ex.pixels.data(), std::size_t(n) * std::size_t(ex.rows) * std::size_t(ex.cols));
    }
    return h.hex();
}

PhaseOutcome runPhase(const PhaseRequest& request, const PhaseInputs& inputs, Backend& backend,
                      const PhaseControl& control)
{
    const auto started = std::chrono::steady_clock::now();
    inputs.training.validate();
    PhaseOutcome out;
    switch (request.kind) {
    case model::PhaseKind::TrainLayer: out = trainLayerPhase(request, inputs, backend, control); break;
    case model::PhaseKind::Svm: out = svmPhase(inputs, backend, control); break;
    case model::PhaseKind::Test: out = testPhase(inputs, backend, control); break;
    }
    if (control.cancelled())
        throw model::Cancelled();
    out.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    out.threads = control.threads;
    out.backend = backend.name();
    return out;
}

} // namespace scnn::hardware::pipeline
