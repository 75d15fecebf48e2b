// SPDX-License-Identifier: GPL-3.0-or-later
// SpikingConvNet Workbench — between an experiment and the phase runner.
#include "hardware/pipeline/experimentstore.h"

#include "model/error.h"

#include <nlohmann/json.hpp>

#include <unistd.h>

#include <chrono>
#include <cmath>
#include <cstdio>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace scnn::hardware::pipeline {

namespace {

const char* const trainingKey = "training";
const char* const readoutKey = "readout";
const char* const cacheKey = "rebuild_cache";
const char* const cacheIds = "cache/rebuilt_ids.npy";
const char* const cacheTimes = "cache/rebuilt_times.npy";

std::string layerDir(int layer)
{
    return "training/layer" + std::to_string(layer + 1) + "/";
}

model::NpyArray spikeIds(const SpikeList& s)
{
    return model::NpyArray::fromInt32({std::int64_t(s.size())}, s.ids);
}

model::NpyArray spikeTimes(const SpikeList& s)
{
    return model::NpyArray::fromDouble({std::int64_t(s.size())}, s.times);
}

model::NpyArray featureArray(const model::Features& f)
{
    return model::NpyArray::fromFloat({f.rows, f.cols}, f.values);
}

model::NpyArray intList(const std::vector<int>& v)
{
    return model::NpyArray::fromInt32({std::int64_t(v.size())},
                                      std::vector<std::int32_t>(v.begin(), v.end()));
}

/// A temporary file for the SVM libraries, which only read and write paths.
class TempFile
{
public:
    TempFile()
    {
        std::string tmpl = (std::filesystem::temp_directory_path() / "scnn-svm-XXXXXX").string();
        const int fd = ::mkstemp(tmpl.data());
        if (fd < 0)
            throw model::Error("cannot create a temporary file", tmpl);
        ::close(fd);
        m_path = tmpl;
    }
    ~TempFile() { std::remove(m_path.c_str()); }
    const std::string& path() const { return m_path; }

private:
    std::string m_path;
};

std::string svmToText(const model::Svm& svm)
{
    TempFile f;
    svm.save(f.path());
    std::ifstream in(f.path(), std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

std::shared_ptr<const model::Svm> svmFromExperiment(const model::Experiment& e)
{
    if (e.svmModel.empty() || !e.extra.contains(readoutKey))
        return nullptr;
    const auto& r = e.extra.at(readoutKey);
    const model::Standardizer scaling = model::Standardizer::fromJson(r.at("scaling"), "experiment.json readout");
    const auto kernel = model::svmKernelFromString(r.value("kernel", std::string("linear")));
    TempFile f;
    {
        std::ofstream out(f.path(), std::ios::binary);
        out << e.svmModel;
    }
    try {
        return std::make_shared<model::Svm>(model::Svm::load(f.path(), scaling, kernel));
    } catch (const model::Error& err) {
        throw model::Error(err.message(), "svm.model");
    }
}

std::shared_ptr<const RebuiltSpikes> cacheFromExperiment(const model::Experiment& e)
{
    if (!e.extra.contains(cacheKey))
        return nullptr;
    const auto ids = e.arrays.find(cacheIds);
    const auto times = e.arrays.find(cacheTimes);
    if (ids == e.arrays.end() || times == e.arrays.end())
        return nullptr;
    const auto& j = e.extra.at(cacheKey);
    auto c = std::make_shared<RebuiltSpikes>();
    try {
        c->key = j.at("key").get<std::string>();
        c->layer = j.at("layer").get<int>();
        const auto shape = j.at("shape").get<std::vector<int>>();
        if (shape.size() != 3)
            throw model::Error("shape must have 3 entries", "experiment.json rebuild_cache");
        c->shape = {shape[0], shape[1], shape[2]};
        c->examples = j.at("examples").get<int>();
        c->presentationMs = j.at("presentation_ms").get<double>();
    } catch (const nlohmann::json::exception& ex) {
        throw model::Error(ex.what(), "experiment.json rebuild_cache");
    }
    if (c->shape.c <= 0 || c->shape.h <= 0 || c->shape.w <= 0 || c->examples < 0 || !(c->presentationMs > 0))
        throw model::Error("shape, examples or presentation_ms out of range", "experiment.json rebuild_cache");
    const auto idv = ids->second.toInt64();
    c->spikes.times = times->second.toDouble();
    if (idv.size() != c->spikes.times.size())
        throw model::Error("ids and times differ in length", cacheIds);
    // The cache drives the layer above: every spike must be on a neuron of the cached shape.
    const std::int64_t neurons = std::int64_t(c->shape.c) * c->shape.h * c->shape.w;
    for (std::size_t i = 0; i < idv.size(); ++i) {
        if (idv[i] < 0 || idv[i] >= neurons)
            throw model::Error("spike " + std::to_string(i) + " is on neuron " + std::to_string(idv[i])
                                   + ", outside 0 … " + std::to_string(neurons - 1),
                               cacheIds);
        if (!std::isfinite(c->spikes.times[i]) || c->spikes.times[i] < 0)
            throw model::Error("spike " + std::to_string(i) + " has no valid time", cacheTimes);
    }
    c->spikes.ids.assign(idv.begin(), idv.end());
    return c;
}

void eraseWithPrefix(model::Experiment& e, const std::string& prefix)
{
    for (auto it = e.arrays.begin(); it != e.arrays.end();)
        it = it->first.rfind(prefix, 0) == 0 ? e.arrays.erase(it) : std::next(it);
}

} // namespace

std::string isoNow()
{
    const std::time_t t = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
    std::tm tm{};
    gmtime_r(&t, &tm);
    char buf[32];
    std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
    return buf;
}

model::TrainingSettings trainingSettings(const model::Experiment& e)
{
    if (!e.extra.contains(trainingKey))
        return {};
    return model::TrainingSettings::fromJson(e.extra.at(trainingKey), "experiment.json training");
}

void setTrainingSettings(model::Experiment& e, const model::TrainingSettings& s)
{
    s.validate();
    e.extra[trainingKey] = s.toJson();
}

PhaseInputs phaseInputs(const model::Experiment& e, std::shared_ptr<const model::Dataset> data)
{
    PhaseInputs in;
    in.network = e.network;
    in.training = trainingSettings(e);
    // The network's classifier spec decides the kernel, a fixed C and scaling.
    const model::ClassifierSpec& spec = e.network.classifier;
    in.training.svm.kernel = spec.kind == model::ClassifierSpec::Kind::Rbf ? model::SvmOptions::Kernel::Rbf
                                                                         : model::SvmOptions::Kernel::Linear;
    if (spec.c > 0.0)
        in.training.svm.c = spec.c;
    if (!spec.standardize)
        in.training.svm.scaling = model::FeatureScaling::None;
    in.seed = e.seed;
    in.data = data ? std::move(data) : std::make_shared<const model::Dataset>(model::loadDataset(e.dataset));
    in.kernels.resize(e.network.layers.size());
    for (int l = 0; l < int(e.network.layers.size()); ++l)
        if (const model::NpyArray* w = e.weights(l))
            in.kernels[std::size_t(l)] = w->toDouble();
    in.cache = cacheFromExperiment(e);
    in.svm = svmFromExperiment(e);
    return in;
}

void commitPhase(const PhaseOutcome& o, model::Experiment& e, const std::string& startedIso)
{
    model::PhaseRecord rec;
    rec.phase = phaseName(o.kind, o.layer);
    rec.started = startedIso;
    rec.seconds = o.seconds;
    rec.examples = o.examples;
    rec.accuracy = o.accuracy();
    std::ostringstream notes;
    notes << "backend " << o.backend << ", threads " << o.threads;

    if (const LayerTrainingResult* t = o.training()) {
        const int l = t->layer;
        const std::string dir = layerDir(l);
        const std::int64_t R = t->replicas, K = t->kernels, C = t->channels, H = t->kh, W = t->kw;
        const std::size_t per = std::size_t(K * C * H * W);
        // Work on a copy so a failure leaves `e` as it was.
        model::Experiment next = e;
        next.setWeights(l, std::vector<float>(t->chosen.begin(), t->chosen.end()));
        next.setWeights(l, std::vector<float>(t->kernelsBefore.begin() + std::ptrdiff_t(per) * t->chosenReplica,
                                              t->kernelsBefore.begin() + std::ptrdiff_t(per) * (t->chosenReplica + 1)),
                        true);
        eraseWithPrefix(next, dir);
        auto& a = next.arrays;
        a[dir + "kernels_before.npy"] = model::NpyArray::fromDouble({R, K, C, H, W}, t->kernelsBefore);
        a[dir + "kernels_after.npy"] = model::NpyArray::fromDouble({R, K, C, H, W}, t->kernelsAfter);
        std::vector<double> snaps;
        for (const auto& s : t->snapshots)
            snaps.insert(snaps.end(), s.begin(), s.end());
        a[dir + "snapshots.npy"] = model::NpyArray::fromDouble(
            {std::int64_t(t->snapshots.size()), R, K, C, H, W}, std::move(snaps));
        a[dir + "snapshot_windows.npy"] = model::NpyArray::fromInt64(
            {std::int64_t(t->snapshotWindows.size())}, t->snapshotWindows);
        a[dir + "input_spike_ids.npy"] = spikeIds(t->inputSpikes);
        a[dir + "input_spike_times.npy"] = spikeTimes(t->inputSpikes);
        a[dir + "output_spike_ids.npy"] = spikeIds(t->outputSpikes);
        a[dir + "output_spike_times.npy"] = spikeTimes(t->outputSpikes);
        a[dir + "spike_counts.npy"] = model::NpyArray::fromInt64({R, K}, t->spikeCounts);
        if (!t->membranes.neurons.empty()) {
            const auto& m = t->membranes;
            a[dir + "membrane_times.npy"] = model::NpyArray::fromDouble({std::int64_t(m.times.size())}, m.times);
            a[dir + "membrane_neurons.npy"] = model::NpyArray::fromInt32(
                {std::int64_t(m.neurons.size())}, m.neurons);
            a[dir + "membrane_values.npy"] = model::NpyArray::fromDouble(
                {std::int64_t(m.times.size()), std::int64_t(m.neurons.size())}, m.values);
        }
        if (t->rebuilt) {
            const RebuiltSpikes& c = *t->rebuilt;
            a[cacheIds] = spikeIds(c.spikes);
            a[cacheTimes] = spikeTimes(c.spikes);
            next.extra[cacheKey] = {{"key", c.key},
                                    {"layer", c.layer},
                                    {"shape", {c.shape.h, c.shape.w, c.shape.c}},
                                    {"examples", c.examples},
                                    {"presentation_ms", c.presentationMs}};
        }
        // An SVM read the old kernels: it no longer fits the model.
        next.svmModel.clear();
        next.extra.erase(readoutKey);
        notes << ", " << t->windowsPresented << " windows (" << t->windowsPerExample << " per example), "
              << t->replicas << " replica(s), chose " << (t->chosenReplica + 1)
              << (t->usedCache ? ", layers below from the cache" : "");
        rec.notes = notes.str();
        next.history.push_back(rec);
        next.addLog(rec.phase + ": " + rec.notes + "; " + t->choice);
        e = std::move(next);
        return;
    }

    const ReadoutResult& r = *o.readout();
    model::Experiment next = e;
    auto& a = next.arrays;
    if (o.kind == model::PhaseKind::Svm) {
        next.svmModel = svmToText(*r.svm);
        nlohmann::json cv = nlohmann::json::array();
        for (const auto& p : r.svm->cvCurve())
            cv.push_back({{"C", p.c}, {"accuracy", p.accuracy}});
        next.extra[readoutKey] = {{"kernel", std::string(model::toString(r.svm->kernel()))},
                                  {"C", r.svm->c()},
                                  {"cross_validation", cv},
                                  {"scaling", r.svm->standardizer().toJson()},
                                  {"train", r.report.toJson()}};
        a["features/train.npy"] = featureArray(r.features);
        a["features/train_labels.npy"] = intList(r.labels);
        notes << ", C " << r.svm->c() << ", training accuracy " << r.report.accuracy();
    } else {
        a["features/test.npy"] = featureArray(r.features);
        a["features/test_labels.npy"] = intList(r.labels);
        a["test/predicted.npy"] = intList(r.predicted);
        const auto n = std::int64_t(r.report.classes.size());
        std::vector<std::int64_t> conf;
        for (const auto& row : r.report.confusion)
            conf.insert(conf.end(), row.begin(), row.end());
        a["test/confusion.npy"] = model::NpyArray::fromInt64({n, n}, conf);
        a["test/classes.npy"] = intList(r.report.classes);
        a["test/precision.npy"] = model::NpyArray::fromDouble({n}, r.report.precision);
        a["test/recall.npy"] = model::NpyArray::fromDouble({n}, r.report.recall);
        next.extra["test"] = r.report.toJson();
        notes << ", accuracy " << r.report.accuracy();
    }
    for (std::size_t p = 0; p < r.firstExamples.size(); ++p) {
        const std::string base = std::string(o.kind == model::PhaseKind::Svm ? "recordings/train_" : "recordings/test_")
                                 + std::to_string(p);
        a[base + "_ids.npy"] = spikeIds(r.firstExamples[p].spikes);
        a[base + "_times.npy"] = spikeTimes(r.firstExamples[p].spikes);
    }
    rec.notes = notes.str();
    next.history.push_back(rec);
    next.addLog(rec.phase + ": " + rec.notes);
    e = std::move(next);
}

std::vector<PhaseRequest> pendingPhases(const model::Experiment& e)
{
    std::vector<PhaseRequest> out;
    for (int l = 0; l < int(e.network.layers.size()); ++l)
        if (e.network.layers[std::size_t(l)].kind == model::LayerKind::Conv && !e.weights(l))
            out.push_back({model::PhaseKind::TrainLayer, l, 0});
    const bool needSvm = !out.empty() || e.svmModel.empty();
    if (needSvm)
        out.push_back({model::PhaseKind::Svm, 0, 0});
    bool tested = false;
    for (const auto& rec : e.history) {
        if (rec.phase == "svm")
            tested = false;
        else if (rec.phase == "test")
            tested = true;
    }
    if (needSvm || !tested)
        out.push_back({model::PhaseKind::Test, 0, 0});
    return out;
}

std::optional<model::ClassificationReport> lastTestReport(const model::Experiment& e)
{
    if (!e.extra.contains("test"))
        return std::nullopt;
    return model::ClassificationReport::fromJson(e.extra.at("test"), "experiment.json test");
}

} // namespace scnn::hardware::pipeline
